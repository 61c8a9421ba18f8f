"""python -m bench [--only search,editor,pages,pdf,import,proxy,capacity,shared,load] [--quick] [--keep] [--scale]

Creates the bench database, migrates it, loads the demo data and the bench data, runs the
parts, prints a table (every figure beside its floor, the ratios judged against their targets,
the machine and its load), writes bench/results.json and drops the database. ``--scale``
(``make bench-scale``) runs the search growth curve on to 50k precedents / 1M snippets and adds
its figures to the results.json of the last full run.
"""
import argparse
import json
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from . import database

PARTS = ("search", "editor", "pages", "pdf", "import", "proxy", "capacity", "shared", "load")
RESULTS = Path(__file__).resolve().parent / "results.json"


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run (default: all of {','.join(PARTS)})")
    parser.add_argument("--quick", action="store_true",
                        help="small data and short runs, to check the bench itself (figures are not comparable)")
    parser.add_argument("--keep", action="store_true", help="keep the bench database afterwards (for inspection)")
    parser.add_argument("--scale", action="store_true",
                        help="the search growth curve only, on to 50k precedents and 1M snippets (make bench-scale)")
    args = parser.parse_args(argv)
    args.only = ["search"] if args.scale else [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = sorted(set(args.only) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    url = database.bench_url()
    started = time.perf_counter()
    log = _logger(started)
    log(f"bench database {database.database_name(url)} on {url.split('@')[-1].rsplit('/', 1)[0]}")
    try:
        database.recreate(url)
    except Exception as error:  # psycopg2.OperationalError and friends: say what to do
        raise SystemExit(f"Cannot create the bench database ({error}).\nIs PostgreSQL running? "
                         "Set DATABASE_URL=postgres://USER[:PASSWORD]@HOST:PORT/whereas_bench.") from None
    media = tempfile.TemporaryDirectory(prefix="whereas-bench-media-")
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="bench.settings", MEDIA_ROOT=media.name)
    from .report import machine, ratios, table

    load_before = os.getloadavg()
    results, notes, failed = {}, [], []
    try:
        results, notes, failed = _run(args, url, log)
    finally:
        from django.db import connections

        connections.close_all()
        if args.keep:
            log(f"kept database {database.database_name(url)}")
        else:
            database.drop(url)
        media.cleanup()
    seconds = round(time.perf_counter() - started)
    results["ratios"] = ratios(results)
    if "shared" in results:
        results["shared_state"] = results["shared"]["shared"]
    results["machine"] = machine(load_before, os.getloadavg())
    results["seconds"] = seconds
    results["parts"] = [part for part in PARTS if part in args.only]
    written = _write(results, scale=args.scale)
    print(table(results, notes, quick=args.quick))
    print(f"\nwrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}"
          f" ({written}) in {seconds} s")
    if failed:
        print(f"FAILED: {', '.join(failed)} (traceback above)", file=sys.stderr)
        return 1
    return 0


def _run(args, url, log):
    import django

    django.setup()
    from django.core.management import call_command

    from .seed import CURVE, QUICK_CURVE, seed, sizes_at

    log("migrate (the cache table with it), demo data")
    call_command("migrate", verbosity=0, interactive=False)
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    results, notes = {}, []
    seeded = None
    if {"search", "editor", "pages", "capacity", "load"} & set(args.only):
        # The search part starts the growth curve at its first point and grows to the second.
        curve = QUICK_CURVE if args.quick else CURVE
        sizes = sizes_at(*curve[0 if "search" in args.only else 1], quick=args.quick)
        log(f"seeding {sizes.precedents:,} precedents, {sizes.snippets:,} snippets")
        seeded = seed(sizes, log=log)
        log("seeded")
    failed = []
    for part in PARTS:
        if part not in args.only:
            continue
        log(f"{part}…")
        module = __import__(f"bench.{'importer' if part == 'import' else part}", fromlist=["run"])
        try:
            figures, part_notes = _in_fresh_thread(module.run, seeded=seeded, quick=args.quick, url=url, log=log,
                                                   scale=args.scale)
        except Exception:  # report it, measure the other parts
            traceback.print_exc()
            failed.append(part)
            notes.append(f"{part}: FAILED, see the traceback above")
            continue
        results[part] = figures
        notes += part_notes
    return results, notes, failed


def _in_fresh_thread(function, **kwargs):
    """Run a part at the same, shallow call depth however the bench was started.

    CPython 3.11 keeps frames in 16 kB stack chunks and unmaps a chunk as soon as it empties:
    when a page's hot template recursion happens to straddle a chunk boundary, every crossing
    is an mmap/munmap pair. Under ``python -m`` (three more frames than a script) the evidence
    page crossed one ~2,600 times a request and took twice as long. A thread starts its own
    stack at a fixed depth, so the figures no longer depend on how the bench was invoked.
    """
    outcome = {}

    def target():
        try:
            outcome["result"] = function(**kwargs)
        except BaseException as error:  # re-raised in the calling thread
            outcome["error"] = error
        finally:
            from django.db import connections

            connections.close_all()  # this thread's connections

    thread = threading.Thread(target=target, name="bench-part")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _write(results: dict, *, scale: bool) -> str:
    """results.json; a scale run adds its curve and ``search_growth_1m`` to the last run's file, and
    a run keeps the last scale run's (each with its own machine and time). ``"parts"`` says which
    parts a run measured: a run of some (``--only``) replaces the file with theirs alone."""
    try:
        previous = json.loads(RESULTS.read_text())
    except (OSError, ValueError):
        previous = {}
    if not scale:
        if "scale" in previous:
            results["scale"] = previous["scale"]
            results["ratios"]["search_growth_1m"] = previous["scale"]["growth_1m"]
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        run = "full run" if results["parts"] == list(PARTS) else f"a run of {', '.join(results['parts'])} only"
        return run + (", with the last scale run's figures" if "scale" in previous else "")
    full = previous
    search = results.get("search", {})
    full.setdefault("ratios", {})["search_growth_1m"] = results["ratios"].get("search_growth_1m")
    full["scale"] = {"curve": search.get("curve"), "growth_1m": search.get("growth_1m"),
                     "growth_50k": search.get("growth_50k"), "machine": results["machine"],
                     "seconds": results["seconds"]}
    RESULTS.write_text(json.dumps(full, indent=2) + "\n")
    return "scale figures added to the full run's"


def _logger(started):
    def log(message):
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    return log


if __name__ == "__main__":
    sys.exit(main())
