"""Run untrusted work (reading an uploaded file, rendering user text) in a child process with hard limits.

    from config import sandbox

    text = sandbox.run(read_pdf, data, limits=sandbox.Limits(memory_mb=512, cpu_seconds=20,
                                                               wall_seconds=30, output_mb=50),
                       subject="Reading this file")

``run(function, *args, limits=..., subject=..., on_progress=None, **kwargs)`` calls
``function(*args, **kwargs)`` in a sandbox worker and returns its result. ``function`` must be
importable by name (a module-level function), and its arguments and result picklable. While it
runs, ``function`` may call ``progress(*values)`` (page 3 of 40, say): each call reaches the
caller's ``on_progress(*values)`` at once, so a job can show how far it has got. In the worker:

- ``resource.setrlimit`` caps the address space (``RLIMIT_AS``: the worker's size when the job
  starts plus ``memory_mb``) and the processor time (``RLIMIT_CPU``: ``cpu_seconds`` more than
  the worker had used), so a bomb gets ``MemoryError`` or SIGXCPU instead of the machine;
- the pickled result may be at most ``output_mb``.

The caller waits at most ``wall_seconds``, then kills the worker, so the CPU is freed.

An exception raised by ``function`` is re-raised in the caller as it was (a reader's own
``DocumentError`` with its message, say). Every limit, and a worker that dies, raises
``SandboxError``, whose ``reason`` (also its ``str``) is a sentence for the user, built from
``subject``: "Reading this file needed more than 512 MB of memory, so it was stopped."

Workers are ``python -m config.sandbox`` subprocesses (not ``multiprocessing``, whose processes
may not start children inside a Celery prefork worker), so the same code runs under runserver,
gunicorn, the tests, eager Celery and a real Celery worker. A worker starts once (about 1 s:
Python, Django and the ``PRELOAD`` modules) and serves one job at a time; idle workers are kept
for the next job, one per concurrent caller, so a warm job costs a few milliseconds of pickling.
``warm()`` starts one as a server process starts (gunicorn's ``post_worker_init`` in
config/gunicorn.py, Celery's ``worker_process_init`` in config/celery.py), so no user's first job
waits for it; tests and management commands start theirs on first use.
A worker that overran, died or grew is killed and replaced. Django is set up in the worker from
DJANGO_SETTINGS_MODULE (settings overridden in a test do not reach it: pass values as arguments).
"""
from __future__ import annotations

import atexit
import math
import os
import pickle
import resource
import signal
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection

MB = 1024 * 1024
# Imported by every worker before its first job, so a job does not pay for them.
PRELOAD = ("weasyprint", "pdfplumber", "pypdfium2", "docx", "bs4")
STARTUP_SECONDS = 120  # a cold worker on a loaded machine; not part of a job's wall time
# A worker whose address space grew this much past its size at start is replaced after its job.
MAX_GROWTH_MB = 256
MAX_JOBS_PER_WORKER = 500
_LIMITS = ("memory", "cpu", "wall", "output")
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 512
    cpu_seconds: int = 20
    wall_seconds: float = 30
    output_mb: int = 50


class SandboxError(Exception):
    """The job was stopped at a limit, or its worker died; ``reason`` says so to the user.

    ``limit`` names what stopped it: "memory", "cpu", "wall", "output", or "died".
    """

    def __init__(self, reason: str, limit: str = "died"):
        super().__init__(reason)
        self.reason, self.limit = reason, limit


def run(function, *args, limits: Limits = Limits(), subject: str = "This task", on_progress=None, **kwargs):
    """``function(*args, **kwargs)`` run in a sandbox worker within ``limits`` (see the module docstring)."""
    worker = _pool.take()
    try:
        outcome, value = worker.call(function, args, kwargs, limits, on_progress)
    except BaseException:
        worker.kill()
        raise
    if outcome == "ok" or outcome == "raised":
        _pool.give_back(worker)
    else:
        _pool.replace(worker)
    if outcome == "ok":
        return value
    if outcome == "raised":
        raise value
    raise SandboxError(_reason(outcome, value, limits, subject), outcome if outcome in _LIMITS else "died")


def progress(*values) -> None:
    """In a worker's job, send ``values`` to the caller's ``on_progress``; elsewhere (a direct call) nothing."""
    if _job_replies is not None:
        _job_replies.send_bytes(pickle.dumps(("progress", values, False)))


def warm() -> None:
    """Start an idle worker now, without waiting for it: it is ready for this process's first job."""
    _pool.give_back(_Worker())


def _reason(outcome: str, detail, limits: Limits, subject: str) -> str:
    if outcome == "memory":
        return f"{subject} needed more than {limits.memory_mb} MB of memory, so it was stopped."
    if outcome == "cpu":
        return f"{subject} took more than {_seconds(limits.cpu_seconds)} of processor time, so it was stopped."
    if outcome == "wall":
        return f"{subject} took longer than {_seconds(limits.wall_seconds)}, so it was stopped."
    if outcome == "output":
        return f"{subject} produced more than {limits.output_mb} MB, so it was stopped."
    return f"{subject} failed unexpectedly ({detail}), so it was stopped."


def _seconds(value: float) -> str:
    return "1 second" if value == 1 else f"{value:g} seconds"


class _Worker:
    def __init__(self):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "config.sandbox", str(to_child_r), str(from_child_w)],
            pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, close_fds=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))},
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self.requests = Connection(to_child_w, readable=False)
        self.replies = Connection(from_child_r, writable=False)
        self.ready = False
        self.jobs = 0
        self.spent = False

    def call(self, function, args, kwargs, limits: Limits, on_progress=None):
        """(outcome, value): ("ok", result), ("raised", exception), or a limit's name and a detail;
        the job's progress messages on the way go to ``on_progress``, within the same wall time."""
        if not self.ready:
            if not self.replies.poll(STARTUP_SECONDS):
                return "died", "the worker did not start"
            reply = self._receive(MB)
            if reply is None:
                return "died", "the worker did not start"
            self.ready = True
        self.jobs += 1
        try:
            self.requests.send_bytes(pickle.dumps((function, args, kwargs, limits)))
        except (BrokenPipeError, OSError):
            return "died", "the worker ended"
        deadline = time.monotonic() + limits.wall_seconds
        while True:
            if not self.replies.poll(max(0.0, deadline - time.monotonic())):
                return "wall", None
            try:
                raw = self.replies.recv_bytes(maxlength=limits.output_mb * MB + MB)
            except EOFError:
                return self._death()
            except OSError:  # longer than maxlength: the worker's own check should have caught it
                return "output", None
            outcome, value, grown = pickle.loads(raw)
            if outcome != "progress":
                break
            if on_progress is not None:
                on_progress(*value)
        self.spent = grown or self.jobs >= MAX_JOBS_PER_WORKER or outcome not in ("ok", "raised")
        return outcome, value

    def _receive(self, maxlength):
        try:
            return self.replies.recv_bytes(maxlength=maxlength)
        except (EOFError, OSError):
            return None

    def _death(self):
        code = self.process.wait()
        if code == -signal.SIGXCPU:
            return "cpu", None
        if code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
            return "memory", None  # a C library that ran out of address space
        return "died", f"exit code {code}"

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.requests.close()
        self.replies.close()


class _Pool:
    """Idle warm workers, handed to one caller at a time (threads included)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.idle: list[_Worker] = []
        self.pid = os.getpid()

    def _forget_if_forked(self) -> None:
        """In a forked process (gunicorn preload, Celery prefork) the idle workers are the parent's."""
        if self.pid != os.getpid():
            self.idle, self.pid = [], os.getpid()

    def take(self) -> _Worker:
        with self.lock:
            self._forget_if_forked()
            while self.idle:
                worker = self.idle.pop()
                if worker.process.poll() is None:
                    return worker
        return _Worker()

    def give_back(self, worker: _Worker) -> None:
        if worker.spent or worker.process.poll() is not None:
            worker.kill()
            return
        with self.lock:
            self._forget_if_forked()
            self.idle.append(worker)

    def replace(self, worker: _Worker) -> None:
        """Kill an overrun worker and start its successor now, so it is warm for the next job."""
        worker.kill()
        successor = _Worker()
        with self.lock:
            self.idle.append(successor)

    def close(self) -> None:
        with self.lock:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.kill()


_pool = _Pool()
atexit.register(_pool.close)


# --- The worker side -----------------------------------------------------------------------


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


_job_replies: Connection | None = None  # set in a worker: where ``progress`` writes


def _serve(requests: Connection, replies: Connection) -> None:
    global _job_replies
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        import django

        django.setup()
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    start_size = _address_space()
    _job_replies = replies
    replies.send_bytes(b"ready")
    while True:
        try:
            raw = requests.recv_bytes()
        except EOFError:
            return
        function, args, kwargs, limits = pickle.loads(raw)
        resource.setrlimit(resource.RLIMIT_AS, (_address_space() + limits.memory_mb * MB, resource.RLIM_INFINITY))
        cpu = math.ceil(_cpu_used()) + limits.cpu_seconds
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, resource.RLIM_INFINITY))
        try:
            reply = ("ok", function(*args, **kwargs))
        except MemoryError:
            reply = ("memory", None)
        except Exception as error:
            reply = ("raised", error)
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        spent = reply[0] == "memory" or _address_space() > start_size + MAX_GROWTH_MB * MB
        try:
            payload = pickle.dumps((*reply, spent))
        except Exception:
            payload = pickle.dumps(("died", f"an unpicklable result: {traceback.format_exc(limit=1)}", True))
        if len(payload) > limits.output_mb * MB:
            payload = pickle.dumps(("output", None, True))
        replies.send_bytes(payload)
        del reply, payload


if __name__ == "__main__":
    # Keep the protocol pipes to ourselves: a library's print() goes to stderr.
    os.dup2(2, 1)
    # Serve from the module as imported by name, where a job's ``sandbox.progress`` finds ``_job_replies``.
    from config.sandbox import _serve as serve

    serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
