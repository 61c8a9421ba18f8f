"""Capacity: the requests per second at which p95 crosses 250 ms, found by stepping up wrk's
connections (1, 2, 4, …) against gunicorn (2 sync workers, production settings) on 127.0.0.1 —
for a mix of signed-in pages, and for bare views (``bench.floor.bare``) of the same sizes on the
same gunicorn, asked without the cookie so that they make no queries. ``load_capacity`` = pages ÷ bare.

wrk (Debian's package) runs pinned to one core by ``taskset``, one thread; its Lua script sends
the session cookie of a user signed in through the login form and walks the paths in turn, and
its ``done`` hook prints the count, the duration, p50/p95 and the errors. Every step is bounded
in time (``-d``), stepping stops at the first p95 over 250 ms, and every request goes to 127.0.0.1.
"""
import os
import shutil
import subprocess
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from . import floor, load

LIMIT_MS = 250
LUA = """-- written by bench/capacity.py
local paths = {%(paths)s}
local headers = {%(headers)s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def lua_script(paths: list[str], cookie: str = "") -> str:
    """The wrk script: GET ``paths`` in turn, with the session ``cookie`` if one is given."""
    quoted = ", ".join(_lua_string(p) for p in paths)
    return LUA % {"paths": quoted, "headers": f'["Cookie"] = {_lua_string(cookie)}' if cookie else ""}


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_done(output: str) -> dict:
    """The figures of the script's ``done`` line: requests, req/s, p50/p95 (ms), errors."""
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, duration_us, p50_us, p95_us, errors = (int(v) for v in line.split()[1:])
    return {"requests": requests, "rps": round(requests / (duration_us / 1e6), 1), "p50": round(p50_us / 1000, 1),
            "p95": round(p95_us / 1000, 1), "errors": errors}


def crossing(steps: list[dict], limit: float = LIMIT_MS) -> tuple[float, bool]:
    """(req/s where p95 reaches ``limit``, whether it was reached): interpolated between the last step
    under the limit and the first over it; the best req/s under the limit if p95 never got there."""
    under = None
    for step in steps:
        if step["p95"] > limit:
            if under is None:
                return round(step["rps"] * limit / step["p95"], 1), True  # over the limit from the first step
            share = (limit - under["p95"]) / (step["p95"] - under["p95"])
            return round(under["rps"] + share * (step["rps"] - under["rps"]), 1), True
        under = step
    return max(step["rps"] for step in steps), False


def step_up(base: str, paths: list[str], cookie: str, *, seconds: int, max_connections: int, log) -> dict:
    core = str((os.cpu_count() or 1) - 1)
    with tempfile.NamedTemporaryFile("w", prefix="whereas-bench-", suffix=".lua") as script:
        script.write(lua_script(paths, cookie))
        script.flush()
        command = ["taskset", "-c", core, "wrk", "-t1", "--timeout", "10s", "-s", script.name]
        subprocess.run(command + ["-c", "2", "-d", "1s", base], capture_output=True, check=True)  # warm both workers
        steps, connections = [], 1
        while connections <= max_connections:
            out = subprocess.run(command + ["-c", str(connections), "-d", f"{seconds}s", base],
                                 capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
            step = {"connections": connections, **parse_done(out)}
            steps.append(step)
            log(f"    {connections:>3} connections: {step['rps']} req/s, p50 {step['p50']} ms, p95 {step['p95']} ms"
                f"{', %d errors' % step['errors'] if step['errors'] else ''}")
            if step["p95"] > LIMIT_MS:
                break
            connections *= 2
    capacity, crossed = crossing(steps)
    return {"capacity": capacity, "crossed": crossed, "steps": steps, "errors": sum(s["errors"] for s in steps)}


def mix(account, seeded) -> list[str]:
    """The signed-in pages wrk walks: dashboard, the two lists, a precedent, the two searches, the editor."""
    from resolutions.models import Precedent

    precedent = Precedent.objects.filter(source_sha256__startswith="bench-").order_by("pk").first()
    query = {t: seeded.terms[t]["mid"][0] for t in ("snippets", "precedents")} if seeded else {}
    return ["/", "/precedents/", f"/precedents/{precedent.pk}/",
            "/evidence/?" + urllib.parse.urlencode({"q": query.get("snippets", "report")}),
            "/precedents/?" + urllib.parse.urlencode({"q": query.get("precedents", "report")}),
            f"/drafts/{account.draft_id}/"]


def run(*, seeded, quick, url, log, **_):
    import random

    from django.db import connections

    if not shutil.which("wrk") or not shutil.which("taskset"):
        raise RuntimeError("the capacity part needs wrk and taskset (apt-get install wrk util-linux)")
    account = load.prepare_accounts(1, prefix="capacity")[0]
    paths = mix(account, seeded)
    connections.close_all()
    seconds, max_connections = (1, 8) if quick else (3, 256)
    with tempfile.TemporaryDirectory(prefix="whereas-bench-media-") as media:
        env = load.server_env(url, media)
        load.collectstatic(env, log)
        port = load._free_port()
        base = f"http://127.0.0.1:{port}"
        server = load.start_gunicorn(env, port, Path(tempfile.gettempdir()) / "whereas-bench-gunicorn.log")
        try:
            user = load.User(base, account, random.Random(0), [], [])
            if not user.login():
                raise RuntimeError(f"{account.email} could not sign in")
            cookie = "; ".join(f"{c.name}={c.value}" for c in user.jar)
            sizes = [len(_get(base + path, cookie)) for path in paths]
            bare_paths = [floor.BARE_PATH.format(size=size) for size in sizes]
            log(f"  pages {', '.join(paths)} ({sum(sizes) // len(sizes):,} bytes on average):")
            pages = step_up(base, paths, cookie, seconds=seconds, max_connections=max_connections, log=log)
            log("  bare views of the same sizes (no queries: asked without the session cookie, see bench.floor):")
            bare = step_up(base, bare_paths, "", seconds=seconds, max_connections=max_connections, log=log)
        finally:
            load.stop_gunicorn(server)
    ratio = round(pages["capacity"] / bare["capacity"], 3)
    figures = {"pages": pages, "bare": bare, "ratio": ratio, "paths": paths, "workers": 2, "step_seconds": seconds}
    notes = [f"capacity: {len(paths)} signed-in pages in turn, {pages['capacity']} req/s at p95 = {LIMIT_MS} ms"
             f"{'' if pages['crossed'] else ' (never crossed: best seen)'}; bare views of the same sizes "
             f"{bare['capacity']} req/s{'' if bare['crossed'] else ' (never crossed: best seen)'}: ×{ratio} — "
             f"wrk on one core, gunicorn 2 workers, {seconds} s a step"]
    if pages["errors"] or bare["errors"]:
        notes.append(f"capacity: wrk counted {pages['errors']} errors on the pages, {bare['errors']} on the bare views")
    return figures, notes


def _get(url: str, cookie: str) -> bytes:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 200 or response.geturl() != url:
            raise RuntimeError(f"GET {url} answered {response.status} at {response.geturl()}")
        return response.read()
