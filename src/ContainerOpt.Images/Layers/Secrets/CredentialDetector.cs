namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// Finds credential files while <see cref="LayerScanner"/> streams a layer: each regular file's name is offered to the
/// classifiers (no I/O); only a candidate's first bytes are read, from the entry stream the scanner reads anyway, into
/// one reused buffer that is cleared after each check. No content is kept.
/// </summary>
public sealed class CredentialDetector
{
    private readonly IReadOnlyList<CredentialClassifier> _classifiers;
    private readonly List<CredentialClassifier> _candidates = new();
    private byte[]? _buffer;

    public CredentialDetector(IReadOnlyList<CredentialClassifier>? classifiers = null)
    {
        _classifiers = classifiers ?? CredentialClassifiers.All;
    }

    /// <summary>
    /// Checks one regular file. <paramref name="content"/> is the entry's data, positioned at its start; at most the
    /// largest head a candidate classifier asks for is read from it. Null when the file is no credential.
    /// </summary>
    public CredentialFile? Inspect(string path, long size, Stream content)
    {
        if (size <= 0) return null;
        string lowerPath = path.ToLowerInvariant();
        string name = LayerPath.Name(lowerPath);
        _candidates.Clear();
        int headBytes = 0;
        foreach (CredentialClassifier classifier in _classifiers)
        {
            if (!classifier.IsCandidate(lowerPath, name, size)) continue;
            _candidates.Add(classifier);
            headBytes = Math.Max(headBytes, classifier.HeadBytes);
        }
        if (_candidates.Count == 0) return null;

        int wanted = (int)Math.Min(headBytes, size);
        if (_buffer is null || _buffer.Length < wanted) _buffer = new byte[Math.Max(wanted, CredentialClassifier.DefaultHeadBytes)];
        int read = Archives.StreamUtil.ReadAtMost(content, _buffer, 0, wanted);
        try
        {
            foreach (CredentialClassifier classifier in _candidates)
            {
                var head = new CredentialHead(_buffer, Math.Min(read, classifier.HeadBytes), size);
                string? detail = classifier.Confirm(head);
                if (detail is not null) return new CredentialFile(path, classifier.Kind, detail, size, CredentialPaths.Classify(path));
            }
            return null;
        }
        finally
        {
            Array.Clear(_buffer, 0, read);
        }
    }
}
