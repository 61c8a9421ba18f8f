"""Proxy statements: a whole DEF 14A split into its shareholder proposals, against the floor
of ``pdftotext -layout`` (poppler) reading the same file. Target: at most 2x the floor.

Uses the largest real proxy statement in ../shared/corpus/proxy-statements/ when it is there,
else a 120-page PDF made with WeasyPrint from our own fixture text.
"""
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "proxy-statements"
FIXTURE = ROOT / "tests" / "resolutions" / "fixtures" / "proxy" / "harbor-lights-2026.txt"
TARGET_RATIO = 2.0


def run(*, quick, log, **_):
    from resolutions.importer.proxy_reader import read_proxy

    with tempfile.TemporaryDirectory(prefix="whereas-bench-proxy-") as folder:
        path = _document(Path(folder), pages=30 if quick else 120)
        data = path.read_bytes()
        floor = _best_of(3, lambda: subprocess.run(
            ["pdftotext", "-layout", str(path), str(Path(folder) / "out.txt")], check=True))
        statement = None

        def split():
            nonlocal statement
            statement = read_proxy(path.name, data)

        seconds = _best_of(3, split)
    ratio = seconds / floor
    log(f"  {path.name}: {statement.pages} pages, {len(statement.proposals)} proposals in {seconds:.2f} s;"
        f" pdftotext -layout {floor:.2f} s")
    figures = {"file": path.name, "pages": statement.pages, "proposals": len(statement.proposals),
               "seconds": round(seconds, 2), "floor_seconds": round(floor, 2), "ratio": round(ratio, 2)}
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    return figures, [f"proxy: {path.name}, {statement.pages} pages split in {seconds:.2f} s; pdftotext -layout "
                     f"{floor:.2f} s; ratio {ratio:.2f} (target ≤ {TARGET_RATIO:g}: {verdict})"]


def _document(folder: Path, *, pages: int) -> Path:
    real = sorted(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size) if CORPUS.is_dir() else []
    if real:
        copy = folder / real[-1].name
        shutil.copyfile(real[-1], copy)
        return copy
    from html import escape

    from weasyprint import HTML

    text = FIXTURE.read_text(encoding="utf-8")
    body = "".join(f"<p>{escape(block)}</p>" for block in text.split("\n\n"))
    filler = "<p>" + " ".join(["Our directors met eleven times this year and reviewed every committee charter."] * 40)
    filler += "</p>"
    html = "<style>@page { size: Letter; margin: 2cm } body { font: 10pt serif }</style>"
    html += (filler * (pages // 2)) + body
    path = folder / "generated-proxy.pdf"
    HTML(string=html).write_pdf(path)
    return path


def _best_of(runs, function) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best
