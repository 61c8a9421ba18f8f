"""config.sandbox: work runs in a child process and every limit stops it with a reason."""
import math
import os
import resource
import runpy
import time

import pytest

from config import sandbox

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def is_running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def worker_pid():
    return os.getpid()


def allocate(megabytes):
    return len(bytearray(megabytes * sandbox.MB))


def spin():
    while True:
        pass


def count_to(last):
    for number in range(1, last + 1):
        sandbox.progress(number, last)
    return "counted"


def report_forever():
    while True:
        sandbox.progress("still here")
        time.sleep(0.01)


def test_the_result_comes_back_from_another_process():
    assert sandbox.run(math.factorial, 10) == 3_628_800
    assert sandbox.run(worker_pid) != os.getpid()


def test_the_functions_own_exception_reaches_the_caller_as_it_was():
    with pytest.raises(ValueError, match="invalid literal"):
        sandbox.run(int, "not a number")
    assert sandbox.run(int, "7") == 7  # and the worker is still usable


def test_progress_reaches_the_caller_in_order_before_the_result():
    seen = []
    assert sandbox.run(count_to, 3, on_progress=lambda *values: seen.append(values)) == "counted"
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert sandbox.run(count_to, 2) == "counted"  # no one listening: the messages are read and dropped
    assert count_to(2) == "counted"  # outside a worker, progress is a no-op


def test_a_job_that_reports_progress_still_stops_at_its_wall_time():
    started = time.monotonic()
    with pytest.raises(sandbox.SandboxError, match="took longer than 0.5 seconds"):
        sandbox.run(report_forever, limits=sandbox.Limits(wall_seconds=0.5, cpu_seconds=60), on_progress=print)
    assert time.monotonic() - started < 5


def test_too_much_memory_is_refused_and_the_parent_does_not_grow():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(sandbox.SandboxError) as refused:
        sandbox.run(allocate, 2048, limits=sandbox.Limits(memory_mb=256), subject="Reading this file")
    assert refused.value.reason == "Reading this file needed more than 256 MB of memory, so it was stopped."
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024  # kilobytes
    assert sandbox.run(allocate, 100, limits=sandbox.Limits(memory_mb=256)) == 100 * sandbox.MB


def test_wall_time_kills_the_worker_so_its_cpu_is_freed():
    pid = sandbox.run(worker_pid)
    started = time.monotonic()
    with pytest.raises(sandbox.SandboxError, match="took longer than 0.5 seconds"):
        sandbox.run(spin, limits=sandbox.Limits(wall_seconds=0.5, cpu_seconds=60))
    assert time.monotonic() - started < 5
    assert not is_running(pid)


def test_processor_time_is_capped_in_the_child():
    with pytest.raises(sandbox.SandboxError, match="more than 1 second of processor time"):
        sandbox.run(spin, limits=sandbox.Limits(cpu_seconds=1, wall_seconds=30))


def test_output_size_is_capped():
    with pytest.raises(sandbox.SandboxError, match="produced more than 1 MB"):
        sandbox.run(bytes, 3 * sandbox.MB, limits=sandbox.Limits(output_mb=1))


def idle_pids():
    return {worker.process.pid for worker in sandbox._pool.idle if worker.process.poll() is None}


@pytest.mark.parametrize("hook", ["gunicorn", "celery"])
def test_a_server_process_starts_its_sandbox_worker_before_the_first_job(hook):
    """gunicorn's post_worker_init and Celery's worker_process_init warm a worker: the first job does not wait 1-3 s."""
    from celery.signals import worker_process_init

    import config.celery  # noqa: F401  (connects the signal, as a Celery worker does)

    sandbox._pool.close()
    if hook == "gunicorn":
        runpy.run_path(os.path.join(ROOT, "config", "gunicorn.py"))["post_worker_init"](None)
    else:
        worker_process_init.send(sender=None)
    warmed = idle_pids()
    assert len(warmed) == 1 and all(is_running(pid) for pid in warmed)
    assert {sandbox.run(os.getppid)} == {os.getpid()} and sandbox.run(worker_pid) in warmed, "the job ran there"
