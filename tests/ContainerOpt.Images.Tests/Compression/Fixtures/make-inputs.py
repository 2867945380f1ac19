#!/usr/bin/env python3
"""Deterministic inputs for the zstd fixtures (see README.md). Usage: make-inputs.py KIND SIZE > file."""
import random
import sys

WORDS = ["the", "image", "layer", "build", "stage", "copy", "run", "from", "docker", "file", "size", "cache",
         "restore", "publish", "dotnet", "project", "sdk", "runtime", "alpine", "debian", "apt-get", "install",
         "clean", "lists", "var", "lib", "user", "app", "entrypoint", "workdir", "expose", "port", "health",
         "check", "label", "arg", "env", "volume", "shell", "zstd", "frame", "block", "window", "offset",
         "literal", "match", "sequence", "huffman", "table", "stream"]


def text(size, seed):
    """Zipf-distributed words in lines: compresses like prose (Huffman literals, FSE sequences)."""
    r = random.Random(seed)
    weights = [1.0 / (i + 1) for i in range(len(WORDS))]
    lines, total = [], 0
    while total < size:
        line = " ".join(r.choices(WORDS, weights, k=r.randint(3, 14)))
        if r.random() < 0.3:
            line = line.capitalize() + "."
        if r.random() < 0.1:
            line += " %d" % r.randint(0, 100000)
        lines.append(line)
        total += len(line) + 1
    return ("\n".join(lines) + "\n").encode()[:size]


def records(size):
    """Near-identical 250-byte records: few sequences per block, so zstd repeats tables and Huffman trees."""
    r = random.Random(5)
    base = text(240, 6)
    out, i = bytearray(), 0
    while len(out) < size:
        record = bytearray(base)
        record[r.randrange(len(record))] = r.randrange(32, 127)
        out += b"record %08d " % i + record
        i += 1
    return bytes(out[:size])


def periodic(size):
    """A 1000-byte period with one byte changed per period: every sequence has the same codes (RLE modes)."""
    pattern = text(1000, 7)
    out, k = bytearray(), 0
    while len(out) < size:
        period = bytearray(pattern)
        period[k % 1000] = ord("#")
        k += 1
        out += period
    return bytes(out[:size])


def atsign(size):
    """Copies of one text with a single '@' inserted: later blocks' only literals are '@' (RLE literals)."""
    r = random.Random(3)
    base = text(3000, 11)
    out = bytearray(base)
    while len(out) < size:
        p = r.randrange(len(base))
        out += base[:p] + b"@" + base[p:]
    return bytes(out[:size])


def alphabet(size):
    """16 symbols with skewed frequencies: the Huffman weights are stored directly (4 bits each)."""
    r = random.Random(9)
    return bytes(r.choices(range(16), [2 ** (-(i // 2)) for i in range(16)], k=size))


def letters(size):
    """A few random letters: no match worth coding, so a compressed block without sequences."""
    r = random.Random(3)
    return bytes(r.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(size))


def random_bytes(size):
    """Incompressible bytes: raw blocks."""
    return random.Random(1).randbytes(size)


def dictionary_sample(size, seed):
    return b"{\"layer\": %d, " % seed + text(size, seed)


if __name__ == "__main__":
    kind, size = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    makers = {
        "text": lambda: text(size, 42), "records": lambda: records(size), "periodic": lambda: periodic(size),
        "atsign": lambda: atsign(size), "alphabet": lambda: alphabet(size), "letters": lambda: letters(size),
        "random": lambda: random_bytes(size), "sample": lambda: dictionary_sample(size, seed),
    }
    sys.stdout.buffer.write(makers[kind]())
