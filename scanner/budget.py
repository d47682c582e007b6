"""A per-file time budget: a pathological file becomes a skipped result, and the scan goes on.

The budget is processor time, counted by an interval timer (`ITIMER_PROF`), so a loaded
machine does not time out files a quiet one scans; the regex engine and the parsers check for
signals as they run, so the timer's exception stops them mid-match. Timers are per process and
signals reach the main thread only: elsewhere (a library caller's thread, Windows) the budget
is not enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

TIMED_OUT = "timed out"


class FileTimeout(Exception):
    """Raised inside the scan of one file when its budget is spent."""


def timed_out_reason(budget: float) -> str:
    """The skip reason of a file that took more than `budget` seconds."""
    return f"{TIMED_OUT} (more than {budget:g} s of processing; see time-budget)"


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise `FileTimeout` in the body once it has used `seconds` of processor time; a
    budget of 0 (or no way to enforce one here) lets the body run to the end."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    expired = False

    def expire(signum: int, frame: FrameType | None) -> None:
        nonlocal expired
        expired = True
        raise FileTimeout

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    if expired:
        # The timer fired where Python prints and drops exceptions (a weakref callback, a
        # `__del__`), so the body ran on to its end over budget: the file times out all the same.
        raise FileTimeout
