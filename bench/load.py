"""Load: gunicorn (2 sync workers, production settings plus the bench's bare view) on 127.0.0.1
and the bench database, 30 simulated users for 30 seconds (no errors expected while they write),
then gunicorn is stopped. The capacity figure is ``bench.capacity``'s.

Each user has an account in its own organization and its own draft (a copy of the demo draft,
with a saved version), signs in through the login form before the clock starts, then loops:
pick an action, run it, think 1–5 s (Locust's ``between(1, 5)``). Actions and weights:

  browse 30   dashboard, precedent list or a precedent, evidence list (one or two pages)
  search 25   /evidence/?q= or /precedents/?q= with a word drawn from the bench vocabulary
  open   15   the draft's editor
  edit   15   the editor, then an htmx clause save (the revision read from the page)
  comment 10  a comment on a clause (POST, redirect to the review page)
  export  5   "Save version" (POST, redirect to the editor), then the new version's proposal.pdf

Every HTTP request is one sample (redirects are followed by hand, each hop a sample). An error
is a connection failure, a timeout or an unexpected status. Pages and PDFs are reported apart.
Standard library only: threads and urllib.
"""
import html
import http.cookiejar
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .stats import ms, percentile

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "bench-load-password-2026"
THINK = (1.0, 5.0)
ACTIONS = {"browse": 30, "search": 25, "open": 15, "edit": 15, "comment": 10, "export": 5}
TIMEOUT = 30
EDIT = re.compile(r" Edit \d+\.$")


@dataclass
class Sample:
    action: str
    kind: str  # "page" or "pdf"
    seconds: float
    ok: bool
    detail: str = ""


@dataclass
class Account:
    email: str
    draft_id: int
    version: int
    samples: list = field(default_factory=list)


# --- preparation (in-process, on the bench database) ----------------------------------------

def prepare_accounts(n: int, *, prefix: str = "bench") -> list[Account]:
    """``n`` users, each in its own organization with a copy of the demo draft and a saved version."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.db import transaction

    from accounts.models import Organization, User
    from resolutions.demo import DEMO_DRAFT_TITLE
    from resolutions.models import Clause, Draft
    from resolutions.services import drafts

    # gunicorn runs the production hasher; one PBKDF2 hash serves every bench account.
    encoded = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    demo = Draft.objects.get(title=DEMO_DRAFT_TITLE)
    clauses = list(demo.clauses.order_by("position"))
    accounts = []
    with transaction.atomic():
        for i in range(n):
            org = Organization.objects.create(legal_name=f"{prefix.title()} Filers {i:02d}",
                                              kind=Organization.Kind.FOUNDATION)
            user = User.objects.create(email=f"{prefix}-user-{i:02d}@example.org", password=encoded,
                                       first_name="Bench", last_name=f"User {i:02d}", organization=org)
            draft = drafts.draft_create(user=user, company=demo.company, meeting_year=demo.meeting_year,
                                        title=f"{demo.title} ({i:02d})", topics=demo.topics.all())
            draft.clauses.all().delete()
            Clause.objects.bulk_create(Clause(draft=draft, kind=c.kind, text=c.text, position=c.position)
                                       for c in clauses)
            version = drafts.version_save(draft=draft, user=user)
            accounts.append(Account(email=user.email, draft_id=draft.pk, version=version.number))
    return accounts


def search_words(seeded, rng: random.Random) -> list[str]:
    """What simulated users type: words drawn from the bench vocabulary by frequency, plus the
    measured rare/mid/common/phrase queries of both pages."""
    vocabulary = seeded.vocabulary if seeded else None
    words = rng.choices(vocabulary.words, cum_weights=vocabulary.cum_weights, k=60) if seeded else ["police"]
    if seeded:
        for table in ("snippets", "precedents"):
            words += [query for query, _, _ in seeded.terms[table].values()]
        words += [f'"{a} {b}"' for a, b in rng.sample(seeded.vocabulary.phrases[:60], 10)]
    return words


# --- gunicorn ---------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(url: str, media_root: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings_server", SECRET_KEY="bench-" + "x" * 50, ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", DATABASE_URL=url, MEDIA_ROOT=media_root,
        EMAIL_URL="dummymail://", LOG_LEVEL="ERROR", PYTHONUNBUFFERED="1",
    )
    return env


def collectstatic(env: dict, log) -> None:
    """The production settings serve the manifest from staticfiles/; rebuild it only when stale."""
    manifest = BASE_DIR / "staticfiles" / "staticfiles.json"
    sources = [p for p in (BASE_DIR / "static").rglob("*") if p.is_file()] + [BASE_DIR / "requirements.txt"]
    if manifest.exists() and all(p.stat().st_mtime <= manifest.stat().st_mtime for p in sources):
        return
    log("  collectstatic (production settings)…")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=BASE_DIR,
                   env=env, check=True)


def start_gunicorn(env: dict, port: int, log_path: Path, *, workers: int = 2):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "config.wsgi:application", "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "--timeout", "60", "--graceful-timeout", "5"]
    log_file = open(log_path, "wb")
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log_path}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2).read()
            return process
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.2)
    stop_gunicorn(process)
    raise RuntimeError(f"gunicorn did not answer within 30 s; see {log_path}")


def stop_gunicorn(process) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # the master stops its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- simulated users --------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx comes back as HTTPError; the user follows it by hand


class User:
    def __init__(self, base: str, account: Account, rng: random.Random, words, precedent_ids):
        self.base, self.account, self.rng = base, account, rng
        self.words, self.precedent_ids = words, precedent_ids
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.action = "login"
        self.recording = True

    # HTTP
    def request(self, path, *, data=None, headers=None, kind="page", expect=(200,), record=True):
        """One request; returns (status, body text, location). Records a Sample."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        start = time.perf_counter()
        status, text, location, detail = 0, "", None, ""
        try:
            with self.opener.open(req, timeout=TIMEOUT) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
            location = error.headers.get("Location")
        except Exception as error:  # connection refused/reset, timeout
            raw, detail = b"", f"{type(error).__name__}: {error}"
        seconds = time.perf_counter() - start
        if kind == "pdf":
            ok = status == 200 and raw.startswith(b"%PDF")
        else:
            ok = status in expect
            text = raw.decode("utf-8", "replace")
        if record and self.recording:
            self.account.samples.append(Sample(self.action, kind, seconds, ok, detail or f"{status} {path}"))
        return status, text, location

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def post(self, path, data, *, htmx=False, expect=(302,), record=True):
        headers = {"X-CSRFToken": self.csrf(), "Referer": self.base + path}
        if htmx:
            headers["HX-Request"] = "true"
        return self.request(path, data={**data, "csrfmiddlewaretoken": self.csrf()}, headers=headers, expect=expect,
                            record=record)

    def follow(self, location):
        if location:
            return self.request(urllib.parse.urlsplit(location).path or "/")
        return 0, "", None

    # the session
    def login(self) -> bool:
        self.request("/accounts/login/", record=False)
        status, _, location = self.post("/accounts/login/", {"username": self.account.email, "password": PASSWORD,
                                                             "next": "/"}, record=False)
        return status == 302 and location and "login" not in location

    def step(self):
        self.action = self.rng.choices(list(ACTIONS), weights=list(ACTIONS.values()))[0]
        getattr(self, "do_" + self.action)()

    def do_browse(self):
        rng = self.rng
        page = rng.choice(["/", "/precedents/", "precedent", "/evidence/"])
        if page == "precedent":
            page = f"/precedents/{rng.choice(self.precedent_ids)}/"
        self.request(page)
        if rng.random() < 0.5:
            self.request(f"/precedents/{rng.choice(self.precedent_ids)}/")

    def do_search(self):
        path = self.rng.choice(["/evidence/", "/precedents/"])
        query = {"q": self.rng.choice(self.words)}
        if self.rng.random() < 0.2:
            query["page"] = 2
        self.request(f"{path}?{urllib.parse.urlencode(query)}")

    def editor(self):
        return self.request(f"/drafts/{self.account.draft_id}/")[1]

    def do_open(self):
        self.editor()

    def do_edit(self):
        page = self.editor()
        clauses = re.findall(r'<textarea id="text-(\d+)"[^>]*>(.*?)</textarea>', page, re.S)
        revision = re.search(r'id="revision" name="revision" value="(\d+)"', page)
        if not clauses or not revision:
            self.account.samples.append(Sample(self.action, "page", 0, False, "editor without clauses"))
            return
        clause_id, text = self.rng.choice(clauses)
        # Retype the closing words: drop the previous bench edit, add a new one (markers untouched).
        text = EDIT.sub("", html.unescape(text)) + f" Edit {self.rng.randint(1, 10**6)}."
        self.post(f"/drafts/{self.account.draft_id}/clauses/{clause_id}/",
                  {"text": text, "kind": "", "revision": revision.group(1)}, htmx=True, expect=(200,))

    def do_comment(self):
        page = self.editor()
        clause_ids = re.findall(r'data-clause-id="(\d+)"', page)
        data = {"text": f"Could we tighten this? ({self.rng.randint(1, 10**6)})"}
        if clause_ids:
            data["clause"] = self.rng.choice(clause_ids)
        _, _, location = self.post(f"/drafts/{self.account.draft_id}/comments/", data)
        self.follow(location)

    def do_export(self):
        _, _, location = self.post(f"/drafts/{self.account.draft_id}/versions/save/", {})
        self.follow(location)
        self.account.version += 1
        self.request(f"/drafts/{self.account.draft_id}/versions/{self.account.version}/proposal.pdf", kind="pdf")


def run_users(base, accounts, *, seconds, words, precedent_ids, log):
    users = [User(base, a, random.Random(i), words, precedent_ids) for i, a in enumerate(accounts)]
    log(f"  signing in {len(users)} users through the login form…")
    failed = []
    login_start = time.perf_counter()
    _in_threads([lambda u=u: u.login() or failed.append(u.account.email) for u in users], concurrency=4)
    login_seconds = time.perf_counter() - login_start
    if failed:
        raise RuntimeError(f"{len(failed)} bench users could not sign in: {failed[:3]}")
    # Warm both workers (templates compiled, WeasyPrint's fonts loaded) before the clock starts.
    warmers = users[:4]
    for user in warmers:
        user.recording = False
    _in_threads([lambda u=u, a=a: getattr(u, "do_" + a)() for a in ACTIONS for _ in range(2) for u in warmers],
                concurrency=len(warmers))
    for user in warmers:
        user.recording = True
    log(f"  {len(users)} users for {seconds} s…")
    deadline = time.monotonic() + seconds

    def loop(user):
        time.sleep(user.rng.uniform(0, THINK[1]))  # users arrive over the first seconds
        while time.monotonic() < deadline:
            user.step()
            pause = user.rng.uniform(*THINK)
            if time.monotonic() + pause >= deadline:
                break
            time.sleep(pause)

    started = time.perf_counter()
    _in_threads([lambda u=u: loop(u) for u in users], concurrency=len(users))
    return time.perf_counter() - started, login_seconds


def _in_threads(jobs, *, concurrency):
    queue = list(reversed(jobs))
    lock = threading.Lock()
    errors = []

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop()
            try:
                job()
            except Exception as error:  # a bug in the bench itself: report it, do not hang
                errors.append(error)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(min(concurrency, len(jobs)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def run(*, seeded, quick, url, log, **_):
    from django.db import connections

    from resolutions.models import Precedent

    users, seconds = (10, 15) if quick else (30, 30)
    rng = random.Random(8)
    accounts = prepare_accounts(users)
    words = search_words(seeded, rng)
    ids = list(Precedent.objects.values_list("pk", flat=True))
    precedent_ids = rng.sample(ids, min(500, len(ids)))
    connections.close_all()
    with tempfile.TemporaryDirectory(prefix="whereas-bench-media-") as media:
        env = server_env(url, media)
        collectstatic(env, log)
        port = _free_port()
        log_path = Path(tempfile.gettempdir()) / "whereas-bench-gunicorn.log"
        server = start_gunicorn(env, port, log_path)
        try:
            elapsed, login_seconds = run_users(f"http://127.0.0.1:{port}", accounts, seconds=seconds, words=words,
                                               precedent_ids=precedent_ids, log=log)
        finally:
            stop_gunicorn(server)
    samples = [s for a in accounts for s in a.samples]
    pages = [s.seconds for s in samples if s.kind == "page" and s.ok]
    pdfs = [s.seconds for s in samples if s.kind == "pdf" and s.ok]
    errors = [s for s in samples if not s.ok]
    figures = {
        "users": users, "seconds": seconds, "requests": len(samples), "errors": len(errors),
        "p50": ms(percentile(pages, 50)), "p95": ms(percentile(pages, 95)),
        "pdf_p95": ms(percentile(pdfs, 95)) if pdfs else None,
    }
    notes = [f"load: {len(samples)} requests in {elapsed:.0f} s ({len(samples) / elapsed:.1f}/s), "
             f"{len(pdfs)} PDFs rendered; sign-in of {users} users beforehand took {login_seconds:.1f} s"]
    for action in ACTIONS:
        times = [s.seconds for s in samples if s.action == action and s.ok and s.kind == "page"]
        if times:
            notes.append(f"load {action:<8} {len(times):5d} page requests  p50 {ms(percentile(times, 50))} ms  "
                         f"p95 {ms(percentile(times, 95))} ms")
    for error in errors[:5]:
        notes.append(f"load error: {error.action}: {error.detail}")
    log(f"  {figures}")
    return figures, notes
