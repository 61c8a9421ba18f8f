"""Shared state: two gunicorn processes (one worker each) on two ports, one client alternating
between them as a load balancer would — is what one process did visible to the other?

- signed in through the login form on the first, the session cookie opens the dashboard on the second;
- a source's text file uploaded through the second is read back on the first (the source page
  shows the text it stored);
- a proposal PDF exported through the first (rendered and stored) is served, byte for byte, by the second.

``shared_state`` is true when all three hold. Every request goes to 127.0.0.1.
"""
import http.cookiejar
import random
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from . import load

MARK = "Whereas-bench-shared-state-check"


class Client:
    """One cookie jar, two servers; redirects are not followed (a 302 to the login page is an answer)."""

    def __init__(self, bases):
        self.bases, self.jar = bases, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), load._NoRedirect())

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def send(self, server: int, path: str, *, data: bytes | None = None, content_type: str | None = None):
        """(status, body, Location) of one request to server 0 or 1."""
        headers = {"Referer": self.bases[server] + path}
        if data is not None:
            headers.update({"X-CSRFToken": self.csrf(), "Content-Type": content_type})
        request = urllib.request.Request(self.bases[server] + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read(), None
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers.get("Location")

    def post_form(self, server: int, path: str, fields: dict):
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self.csrf()}).encode()
        return self.send(server, path, data=body, content_type="application/x-www-form-urlencoded")

    def post_multipart(self, server: int, path: str, fields: dict, files: dict):
        boundary = "----whereas-bench-" + "".join(random.choice("0123456789abcdef") for _ in range(16))
        parts = []
        for name, value in {**fields, "csrfmiddlewaretoken": self.csrf()}.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: text/plain\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.send(server, path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def check(client: Client, account) -> dict:
    """The three checks, each True or False, and what was seen when one fails."""
    seen = {}
    client.send(0, "/accounts/login/")
    status, _, location = client.post_form(0, "/accounts/login/", {"username": account.email,
                                                                    "password": load.PASSWORD, "next": "/"})
    signed_in = status == 302 and "login" not in (location or "")
    status, body, location = client.send(1, "/")
    seen["session"] = signed_in and status == 200 and account.email.encode() in body
    if not seen["session"]:
        seen["session_detail"] = f"sign-in {signed_in}; the other process answered {status} {location or ''}"
    text = f"{MARK}: a source text uploaded through one process and read on the other.\n".encode()
    status, _, location = client.post_multipart(
        1, "/evidence/sources/new/", {"kind": "report", "title": "Bench shared-state source"},
        {"text_file": ("shared-state.txt", text)})
    if status == 302 and location:
        status, body, _ = client.send(0, urllib.parse.urlsplit(location).path)
        seen["upload"] = status == 200 and MARK.encode() in body
    else:
        seen["upload"] = False
    if not seen["upload"]:
        seen["upload_detail"] = f"answered {status} {location or ''}"
    status, _, location = client.post_form(0, f"/drafts/{account.draft_id}/versions/save/", {})
    version = account.version + 1
    pdf_path = f"/drafts/{account.draft_id}/versions/{version}/proposal.pdf"
    first = client.send(0, pdf_path)
    second = client.send(1, pdf_path)
    seen["pdf"] = first[0] == second[0] == 200 and first[1].startswith(b"%PDF") and first[1] == second[1]
    if not seen["pdf"]:
        seen["pdf_detail"] = f"saving answered {status}; {pdf_path}: {first[0]} and {second[0]}"
    return seen


def run(*, url, log, **_):
    from django.db import connections

    account = load.prepare_accounts(1, prefix="shared")[0]
    connections.close_all()
    servers = []
    with tempfile.TemporaryDirectory(prefix="whereas-bench-media-") as media:
        env = load.server_env(url, media)
        load.collectstatic(env, log)
        try:
            ports = [load._free_port(), load._free_port()]
            for n, port in enumerate(ports):
                log_path = Path(tempfile.gettempdir()) / f"whereas-bench-gunicorn-{n}.log"
                servers.append(load.start_gunicorn(env, port, log_path, workers=1))
            seen = check(Client([f"http://127.0.0.1:{port}" for port in ports]), account)
        finally:
            for server in servers:
                load.stop_gunicorn(server)
    shared = all(seen[k] for k in ("session", "upload", "pdf"))
    log(f"  {seen}")
    notes = [f"shared state (two gunicorn processes, one client alternating): signed in on one → signed in on the "
             f"other {_yes(seen['session'])}; text file uploaded through one → read on the other "
             f"{_yes(seen['upload'])}; PDF exported through one → the same bytes from the other {_yes(seen['pdf'])}"]
    notes += [f"shared state: {k}: {v}" for k, v in seen.items() if k.endswith("_detail")]
    return {"shared": shared, **seen}, notes


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"

