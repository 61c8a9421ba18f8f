"""Score the proxy-statement splitter against ../shared/corpus/proxy-statements/*.expected.json.

Usage: .venv/bin/python scripts/proxy_score.py [-v] [--html DIR | --pdftotext raw|layout]

``--html DIR`` reads each file's EDGAR-like HTML version from DIR (``scripts/proxy_edgar_html.py``
writes them); ``--pdftotext`` feeds the PDF's text from poppler's ``pdftotext`` (reading order or
``-layout``) as a .txt file: both measure the text path on the same proposals.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")  # the upload limits read_proxy reads within

from resolutions.precedents.importer.proxy_reader import read_proxy  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "proxy-statements"


def compare(expected, proposal):
    """Field name -> (expected, found) for one proposal.

    A request printed without the word RESOLVED (or under "THEREFORE:") is kept as the RESOLVED
    part but counts as 0 RESOLVED clauses, as the expected files count them.
    """
    found = proposal.as_dict()
    marker = proposal.resolution_marker or ""
    resolved = len(found["resolved"]) if "resolved" in marker.lower() else 0
    return {
        "title": (expected["title"], found["title"]),
        "item": (expected["item"], found["item"]),
        "pages": (expected["pages"], found["pages"]),
        "proponents": (expected["proponents"], [p["name"] for p in found["proponents"]]),
        "representatives": (expected["representatives"], sorted({p["representative"] for p in found["proponents"] if p["representative"]}, key=[p["representative"] for p in found["proponents"]].index)),
        "resolved_count": (expected["resolved_count"], resolved),
        "whereas_count": (expected["whereas_count"], len(found["whereas"])),
        "supporting_count": (expected["supporting_count"], len(found["supporting"])),
        "footnote_numbers": (expected["footnote_numbers"], [n["number"] for n in found["footnotes"]]),
        "board_recommendation": (expected["board_recommendation"], found["board_recommendation"]),
    }


def source(path: Path, html: Path | None, pdftotext: str | None) -> tuple[str, bytes]:
    """The file's name and bytes as the importer is to read them."""
    if html is not None:
        return f"{path.stem}.htm", (html / f"{path.stem}.htm").read_bytes()
    if pdftotext:
        args = ["pdftotext"] + (["-layout"] if pdftotext == "layout" else []) + [str(path), "-"]
        return f"{path.stem}.txt", subprocess.run(args, capture_output=True, check=True).stdout
    return path.name, path.read_bytes()


def main(verbose, html=None, pdftotext=None):
    exact = total = fields = right = covers = files = 0
    for path in sorted(CORPUS.glob("*.expected.json")):
        expected = json.loads(path.read_text())
        started = time.perf_counter()
        statement = read_proxy(*source(path.with_name(expected["file"]), html, pdftotext))
        result = statement.as_dict()
        seconds = time.perf_counter() - started
        by_item = {p.item: p for p in statement.proposals}
        files += 1
        covers += (expected["company"].replace("’", "'").casefold(), expected["meeting_year"]) == (
            result["company"].replace("’", "'").casefold(), result["meeting_year"])
        print(f"{expected['file']}: {len(result['proposals'])}/{len(expected['proposals'])} proposals, {seconds:.2f} s"
              f" [{result['company']}, {result['meeting_year']}]")
        for want in expected["proposals"]:
            total += 1
            got = by_item.get(want["item"])
            if got is None:
                fields += 10
                print(f"  item {want['item']}: MISSING (found {[(p['item'], p['title'][:30]) for p in result['proposals']]})")
                continue
            diffs = {k: v for k, v in compare(want, got).items() if v[0] != v[1]}
            fields += 10
            right += 10 - len(diffs)
            exact += not diffs
            if diffs and verbose:
                print(f"  item {want['item']}: " + "; ".join(f"{k}: want {a!r} got {b!r}" for k, (a, b) in diffs.items()))
    print(f"exactly right: {exact} of {total}; fields right: {100 * right / fields:.1f} %; "
          f"cover company and year right: {covers} of {files}")


def _option(name):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None


if __name__ == "__main__":
    html = _option("--html")
    main("-v" in sys.argv, Path(html) if html else None, _option("--pdftotext"))
