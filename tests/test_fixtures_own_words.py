"""Our fixtures are written in our own words: no sentence of theirs is copied from the real corpus."""
import re

from tests.corpus import CORPUS, FIXTURES, REPO_ROOT, needs_corpus

FIXTURE_FILES = sorted(FIXTURES.glob("*.txt")) + sorted((REPO_ROOT / "tests" / "resolutions" / "fixtures").glob("*.txt"))


def test_there_are_fixtures_to_check():
    assert (FIXTURES / "company-profile.txt") in FIXTURE_FILES


@needs_corpus
def test_no_fixture_sentence_is_copied_from_the_corpus():
    corpus = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in CORPUS.rglob("*.txt"))
    for path in FIXTURE_FILES:
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(path.read_text(encoding="utf-8").split())):
            if len(sentence.split()) > 6:
                assert sentence not in corpus, f"{path.name}: {sentence}"
