"""Import: 500 generated resolution texts (.txt files) through ``manage.py import_resolutions``
— read, parse, save with parts, calls, notes and filers, and index for search — timed end to end;
and a generated multi-page PDF through the importer beside ``pdftotext -layout`` on the same file
(seconds per page, ratio ``import_pdf``).
"""
import subprocess
import tempfile
import time
from io import StringIO
from pathlib import Path

from .vocabulary import resolution_texts
from .stats import percentile

TEXTS = 500
PDF_RESOLUTIONS = 12  # about 14 pages


def run(*, quick, log, texts: int | None = None, **_):
    figures, notes = import_texts(texts or (50 if quick else TEXTS), log=log)
    pdf_figures, pdf_notes = import_pdf_beside_pdftotext(resolutions=2 if quick else PDF_RESOLUTIONS,
                                                         runs=2 if quick else 3, log=log)
    figures["pdf"] = pdf_figures
    return figures, notes + pdf_notes


def import_texts(count: int, *, log):
    from django.core.management import call_command

    from resolutions.models import Precedent

    before = Precedent.objects.count()
    with tempfile.TemporaryDirectory(prefix="whereas-bench-import-") as folder:
        paths = []
        for i, text in enumerate(resolution_texts(count)):
            path = Path(folder) / f"resolution-{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        output = StringIO()
        start = time.perf_counter()
        call_command("import_resolutions", *paths, company="Bench Import Holdings", year=2026, stdout=output)
        seconds = time.perf_counter() - start
    imported = Precedent.objects.count() - before
    report = output.getvalue()
    if imported + report.count(": updated as precedent") != count:
        raise RuntimeError(f"imported {imported} of {count} texts:\n{report[-2000:]}")
    warnings = report.count("warning:")
    log(f"  {count} texts in {seconds:.1f} s ({warnings} parser warnings)")
    return {"texts": count, "seconds": round(seconds, 2)}, [
        f"import: {count} texts, {seconds / count * 1000:.1f} ms each, {warnings} parser warnings"]


def import_pdf(data: bytes) -> None:
    """One import of the PDF ``data``, as the app does it (read the text layer, parse).

    The slot the whole-proxy importer fills: its reading of a proxy statement replaces this body.
    """
    from resolutions.precedents.importer.parser import parse_resolution
    from resolutions.precedents.importer.readers import read_document

    parse_resolution(read_document("bench-proxy.pdf", data), filename="bench-proxy.pdf")


def generated_pdf(resolutions: int) -> bytes:
    """A multi-page PDF of ``resolutions`` generated resolutions, one after another, with WeasyPrint."""
    from django.utils.html import escape
    from weasyprint import HTML

    body = "".join(
        "<section>" + "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip()) + "</section>"
        for text in resolution_texts(resolutions)
    )
    style = "<style>@page { size: letter; margin: 1in } body { font: 11pt/1.4 serif } section { break-after: page }</style>"
    return HTML(string=f"<!doctype html><html><head>{style}</head><body>{body}</body></html>").write_pdf()


def pdf_pages(path: str) -> int:
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def import_pdf_beside_pdftotext(*, resolutions: int, runs: int, log):
    """Median seconds of ``import_pdf`` and of ``pdftotext -layout`` (a process, as a user runs it) on one PDF."""
    data = generated_pdf(resolutions)
    with tempfile.NamedTemporaryFile(prefix="whereas-bench-", suffix=".pdf") as file:
        file.write(data)
        file.flush()
        pages = pdf_pages(file.name)
        ours, poppler = [], []
        for _ in range(runs):
            start = time.perf_counter()
            import_pdf(data)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True, check=True)
            poppler.append(time.perf_counter() - start)
    ours_s, poppler_s = percentile(ours, 50), percentile(poppler, 50)
    figures = {"pages": pages, "bytes": len(data), "seconds": round(ours_s, 3),
               "pdftotext_seconds": round(poppler_s, 3), "per_page": round(ours_s / pages, 4),
               "pdftotext_per_page": round(poppler_s / pages, 4), "ratio": round(ours_s / poppler_s, 2)}
    log(f"  PDF of {pages} pages: import {ours_s:.2f} s, pdftotext -layout {poppler_s:.2f} s (×{figures['ratio']})")
    return figures, [f"import: a generated {pages}-page PDF ({len(data):,} bytes): {figures['per_page'] * 1000:.0f} ms "
                     f"a page through the importer, {figures['pdftotext_per_page'] * 1000:.1f} ms a page with "
                     f"`pdftotext -layout`: ×{figures['ratio']}"]
