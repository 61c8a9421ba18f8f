"""Import: 1,000 generated resolution texts (.txt files) through ``manage.py import_resolutions``
— read, parse, save with parts, calls, notes and filers, and index for search — timed end to end.
"""
import tempfile
import time
from io import StringIO
from pathlib import Path

from .seed import resolution_texts

TEXTS = 1000


def run(*, quick, log, texts: int | None = None, **_):
    from django.core.management import call_command

    from resolutions.models import Precedent

    count = texts or (50 if quick else TEXTS)
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
