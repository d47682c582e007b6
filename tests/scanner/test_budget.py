"""The per-file time budget holds even when its timer fires where Python drops exceptions."""

from __future__ import annotations

import time
import weakref

import pytest

from scanner.budget import FileTimeout, time_budget


class _Referent:
    """Something a weak reference can watch."""


def _spin(_reference: object) -> None:
    end = time.process_time() + 2.0
    while time.process_time() < end:
        pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_timeout_inside_a_weakref_callback_still_times_the_file_out() -> None:
    # A weakref callback (like `__del__`) cannot raise: Python prints the timer's exception and
    # carries on, so the body ends normally although its budget is spent.
    referent = _Referent()
    watcher = weakref.ref(referent, _spin)
    with pytest.raises(FileTimeout), time_budget(0.05):
        del referent  # the callback spins past the budget here
    assert watcher() is None


def test_a_body_within_its_budget_ends_normally() -> None:
    with time_budget(5.0):
        total = sum(range(1000))
    assert total == 499500
