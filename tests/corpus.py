"""Where the tests find material: our own fixtures, and the real corpus when it lies beside the repo.

The real documents (``../shared/corpus``) are not ours to commit. Tests that are about one of them
are marked ``needs_corpus`` and skip with the reason when it is absent (a bare ``git clone``);
CI checks it out beside the repository, so they run there.
"""
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
FIXTURES = REPO_ROOT / "tests" / "fixtures"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"needs the real corpus at {CORPUS} (present in CI, absent from a bare clone)"
)


def corpus_path(name: str) -> Path:
    """A corpus file, or a skip saying it is absent (for fixtures and module-level reads)."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"needs {path} (the real corpus, present in CI, absent from a bare clone)")
    return path


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
