"""The printed table: every figure next to its target from issue #8."""
import os
import platform


def _v(value, unit=" ms"):
    return "—" if value is None else f"{value:,}{unit}" if isinstance(value, int) else f"{value}{unit}"


def checks(results: dict) -> list[tuple]:
    """(part, measure, value, target, met) rows for the parts that ran."""
    rows = []
    search = results.get("search")
    if search:
        for name in ("rare", "mid", "common", "phrase"):
            s = search[name]
            rows.append(("search", f"{name} p50 / p95", f"{s['p50']} / {s['p95']} ms", "p95 ≤ 50 ms", s["p95"] <= 50))
    editor = results.get("editor")
    if editor:
        e5, e50 = editor["clauses_5"], editor["clauses_50"]
        rows.append(("editor", "5 clauses: queries, p50", f"{e5['queries']}, {e5['p50']} ms", "≤ 15 queries",
                     e5["queries"] <= 15))
        rows.append(("editor", "50 clauses: queries, p50", f"{e50['queries']}, {e50['p50']} ms",
                     "same queries, p50 ≤ 40 ms",
                     e50["queries"] == e5["queries"] and e50["queries"] <= 15 and e50["p50"] <= 40))
    pdf = results.get("pdf")
    if pdf:
        rows.append(("pdf", "bare WeasyPrint p50", _v(pdf["bare_weasyprint_p50"]), "", None))
        rows.append(("pdf", "export p50 (ratio)", f"{pdf['export_p50']} ms (×{pdf['ratio']})", "ratio ≤ 1.15",
                     pdf["ratio"] <= 1.15))
        rows.append(("pdf", "stored download p50", _v(pdf["stored_p50"]), "≤ 20 ms", pdf["stored_p50"] <= 20))
    imported = results.get("import")
    if imported:
        rows.append(("import", f"{imported['texts']:,} texts", f"{imported['seconds']} s", "≤ 20 s",
                     imported["seconds"] <= 20))
    load = results.get("load")
    if load:
        rows.append(("load", f"{load['users']} users × {load['seconds']} s: requests, errors",
                     f"{load['requests']:,}, {load['errors']}", "0 errors", load["errors"] == 0))
        rows.append(("load", "pages p50 / p95", f"{load['p50']} / {load['p95']} ms", "p95 ≤ 250 ms",
                     load["p95"] <= 250))
        rows.append(("load", "PDF p95", _v(load["pdf_p95"]), "≤ 1,500 ms",
                     load["pdf_p95"] is not None and load["pdf_p95"] <= 1500))
    return rows


def table(results: dict, notes: list[str], *, quick: bool = False) -> str:
    rows = checks(results)
    header = ("part", "measure", "value", "target", "met")
    cells = [header] + [(p, m, v, t, "" if ok is None else "yes" if ok else "NO") for p, m, v, t, ok in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    lines = [f"Whereas bench — {platform.python_implementation()} {platform.python_version()}, "
             f"{os.cpu_count()} CPUs{' — QUICK RUN: small data, figures not comparable' if quick else ''}"]
    for i, row in enumerate(cells):
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    judged = [ok for *_, ok in rows if ok is not None]
    lines.append(f"targets met: {sum(judged)} of {len(judged)}")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)
