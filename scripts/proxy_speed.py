"""Time the proxy-statement splitter on each PDF of ../shared/corpus/proxy-statements/ against the
floor of ``pdftotext -layout`` reading the same file (the target is at most 2x, as ``make bench`` checks
on the largest). Best of five runs each, the two taking turns so that both meet the same load;
the reader runs in its sandbox worker, as uploads do.

Usage: .venv/bin/python scripts/proxy_speed.py [NAME...]
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")  # the upload limits read_proxy reads within

from resolutions.precedents.importer.proxy_reader import read_proxy  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "proxy-statements"
RUNS = 5


def best_of_turns(*functions) -> list[float]:
    best = [float("inf")] * len(functions)
    for _ in range(RUNS):
        for index, function in enumerate(functions):
            started = time.perf_counter()
            function()
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def main(names: list[str]) -> None:
    paths = [path for path in sorted(CORPUS.glob("*.pdf")) if not names or path.stem in names]
    worst = 0.0
    read_proxy(paths[0].name, paths[0].read_bytes())  # start the sandbox worker before timing
    with tempfile.TemporaryDirectory() as folder:
        for path in paths:
            data = path.read_bytes()
            floor, seconds = best_of_turns(
                lambda: subprocess.run(["pdftotext", "-layout", str(path), f"{folder}/out.txt"], check=True),
                lambda: read_proxy(path.name, data),
            )
            worst = max(worst, seconds / floor)
            print(f"{path.name}: {seconds:.2f} s, pdftotext -layout {floor:.2f} s, ratio {seconds / floor:.2f}")
    print(f"worst ratio: {worst:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
