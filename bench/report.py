"""The printed table: every figure beside its floor, the ratios against the targets of issue #22,
and the machine they were measured on."""
import os
import platform

from .terms import CLASSES

TARGETS = {  # ratio: (target, met)
    **{f"search_{name}": ("≤ 1.5", lambda r: r <= 1.5) for name in CLASSES},
    "editor_50": ("≤ 1.5, queries equal at 5 and 50", lambda r: r <= 1.5),
    "pdf": ("≤ 1.15", lambda r: r <= 1.15),
    "import_pdf": ("≤ 2", lambda r: r <= 2),
    "load_capacity": ("≥ 0.6", lambda r: r >= 0.6),
    "search_growth_1m": ("≤ 1.5", lambda r: r <= 1.5),
}


def machine(load_before, load_after) -> dict:
    """CPU model, cores and the load averages (1, 5, 15 min) at the start and the end."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "load_before": [round(v, 2) for v in load_before],
            "load_after": [round(v, 2) for v in load_after]}


def ratios(results: dict) -> dict:
    """The ratios of the parts that ran (see TARGETS)."""
    found = {}
    search = results.get("search")
    if search:
        found.update({f"search_{name}": search[name]["ratio"] for name in CLASSES})
        if "growth_1m" in search:
            found["search_growth_1m"] = search["growth_1m"]
    if "editor" in results:
        found["editor_50"] = results["editor"]["clauses_50"]["ratio"]
    if "pdf" in results:
        found["pdf"] = results["pdf"]["ratio"]
    if "import" in results:
        found["import_pdf"] = results["import"]["pdf"]["ratio"]
    if "proxy" in results:  # the whole proxy statement, when that part ran: the measure
        found["import_pdf"] = results["proxy"]["ratio"]
    if "capacity" in results:
        found["load_capacity"] = results["capacity"]["ratio"]
    return found


def _floor(f: dict) -> str:
    return (f"page {f['p50']} / {f['p95']} · bare {f['bare_p50']} · SQL {f['sql_p50']} ms "
            f"({f['replayed']} q) → ×{f['ratio']}")


def checks(results: dict) -> list[tuple]:
    """(part, measure, value, target, met) rows for the parts that ran."""
    rows = []
    found = results.get("ratios") or ratios(results)

    def judged(key):
        target, met = TARGETS[key]
        return target, met(found[key])

    search = results.get("search")
    if search:
        for name in CLASSES:
            s = search[name]
            ranked = s["ranked_sql"]["p50"]
            rows.append(("search", f"{name}: {s['query']} ({s['rows']:,} rows, {s['fraction']:.2%})",
                         _floor(s) + (f"; ranked query {ranked} ms in PostgreSQL" if ranked is not None else ""),
                         *judged(f"search_{name}")))
        if "search_growth_1m" in found:
            rows.append(("search", "p95 growth 100k → 1M snippets", f"×{found['search_growth_1m']}",
                         *judged("search_growth_1m")))
    editor = results.get("editor")
    if editor:
        e5, e50 = editor["clauses_5"], editor["clauses_50"]
        rows.append(("editor", "5 clauses", f"{_floor(e5)}; {e5['queries']} queries", "", None))
        target, met = judged("editor_50")
        rows.append(("editor", "50 clauses", f"{_floor(e50)}; {e50['queries']} queries", target,
                     met and e50["queries"] == e5["queries"]))
    for name, figures in (results.get("pages") or {}).items():
        rows.append(("page", name, _floor(figures), "", None))
    pdf = results.get("pdf")
    if pdf:
        rows.append(("pdf", "export ÷ the app's renderer alone",
                     f"{pdf['export_p50']} / {pdf['floor_p50']} ms → ×{pdf['ratio']}", *judged("pdf")))
        rows.append(("pdf", "stored download p50", f"{pdf['stored_p50']} ms", "", None))
    imported = results.get("import")
    if imported:
        rows.append(("import", f"{imported['texts']:,} texts", f"{imported['seconds']} s", "", None))
        p = imported["pdf"]
        rows.append(("import", f"{p['pages']}-page PDF ÷ pdftotext -layout",
                     f"{p['per_page'] * 1000:.0f} / {p['pdftotext_per_page'] * 1000:.1f} ms a page → ×{p['ratio']}",
                     *(("", None) if "proxy" in results else judged("import_pdf"))))
    proxy = results.get("proxy")
    if proxy:
        rows.append(("import", f"proxy statement ({proxy['pages']} pages) ÷ pdftotext -layout",
                     f"{proxy['seconds']} / {proxy['floor_seconds']} s → ×{proxy['ratio']}", *judged("import_pdf")))
    capacity = results.get("capacity")
    if capacity:
        pages, bare = capacity["pages"], capacity["bare"]
        rows.append(("load", "capacity at p95 250 ms, pages ÷ bare",
                     f"{pages['capacity']} / {bare['capacity']} req/s → ×{capacity['ratio']}",
                     *judged("load_capacity")))
    if "shared_state" in results:
        rows.append(("load", "2 processes: session, upload, PDF shared", str(results["shared_state"]).lower(),
                     "true", results["shared_state"]))
    load = results.get("load")
    if load:
        rows.append(("load", f"{load['users']} users × {load['seconds']} s: requests, errors",
                     f"{load['requests']:,}, {load['errors']}", "0 errors", load["errors"] == 0))
        rows.append(("load", "pages p50 / p95", f"{load['p50']} / {load['p95']} ms", "", None))
    return rows


def table(results: dict, notes: list[str], *, quick: bool = False) -> str:
    rows = checks(results)
    header = ("part", "measure", "value", "target", "met")
    cells = [header] + [(p, m, v, t, "" if ok is None else "yes" if ok else "NO") for p, m, v, t, ok in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    lines = [f"Whereas bench — {platform.python_implementation()} {platform.python_version()}"
             f"{' — QUICK RUN: small data, figures not comparable' if quick else ''}"]
    m = results.get("machine")
    if m:
        lines.append(f"machine: {m['cpu']}, {m['cores']} cores; load average (1/5/15 min) "
                     f"{' '.join(map(str, m['load_before']))} before, {' '.join(map(str, m['load_after']))} after")
    for i, row in enumerate(cells):
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    judged = [ok for *_, ok in rows if ok is not None]
    lines.append(f"targets met: {sum(judged)} of {len(judged)}")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)
