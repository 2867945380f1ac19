#!/usr/bin/env bash
# Sourced by build/test.sh and build/sample.sh (and so by .ci/run): makes sure Nerdbank.GitVersioning
# can compute the version, which needs the git history back to version.json's last version change.
#
#   * a full clone or a git worktree: nothing to do;
#   * a shallow clone (`git clone --depth N`): `git fetch --unshallow` from its origin (works for a
#     network origin that answers and for a local path or file:// origin); if that fails (no
#     network, origin gone), NBGV's git engine is switched off for this run, see below;
#   * no git repository at all (an exported tree, a tarball): the same fallback.
#
# Fallback: NBGV_GitEngine=Disabled (NBGV's documented switch; name and value are case-sensitive).
# NBGV then reads no git data: every version is version.json's with height 0 and no commit id, i.e.
# 0.1.0-alpha (Directory.Build.props marks such builds as public releases, so no empty "-g" suffix).
# The build and the tests work the same; only the version numbers stop being unique per commit.
# Set NBGV_GitEngine=Disabled yourself to skip all of this.

containeropt_ensure_git_history() {
  local root="$1"
  if [ "${NBGV_GitEngine:-}" = Disabled ]; then
    echo "versioning: NBGV_GitEngine=Disabled is set: versions come from version.json with height 0" >&2
    return 0
  fi
  if ! command -v git >/dev/null 2>&1 || ! git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    echo "versioning: $root is not a git clone (no usable .git), so Nerdbank.GitVersioning cannot compute" \
      "the version height; building with NBGV_GitEngine=Disabled (versions: version.json's with height 0)." >&2
    export NBGV_GitEngine=Disabled
    return 0
  fi
  if [ "$(git -C "$root" rev-parse --is-shallow-repository 2>/dev/null)" != true ]; then
    return 0
  fi
  echo "versioning: shallow clone; fetching the full history for Nerdbank.GitVersioning (git fetch --unshallow)" >&2
  if GIT_TERMINAL_PROMPT=0 timeout 120 git -C "$root" fetch --unshallow --quiet </dev/null >&2; then
    echo "versioning: history complete ($(git -C "$root" rev-list --count HEAD) commits)" >&2
    return 0
  fi
  echo "versioning: could not deepen the shallow clone (origin unreachable?); building with" \
    "NBGV_GitEngine=Disabled (versions: version.json's with height 0). Clone with full history for real versions." >&2
  export NBGV_GitEngine=Disabled
}
