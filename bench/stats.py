"""Timing helpers: percentiles in milliseconds, rounded for the report."""
import math
import time


def percentile(values, p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def summary(seconds_list) -> dict:
    return {"p50": ms(percentile(seconds_list, 50)), "p95": ms(percentile(seconds_list, 95))}


def timed(fn, *args, **kwargs):
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result
