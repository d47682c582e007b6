"""Network time accounting: how much of the run's and each source's budget is left."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Budget:
    """Seconds of network time (requests and the waits between them) a run may still spend.

    `run` bounds all sources together, `per_source` each one, so one silent service cannot
    eat the time the others need. Time is charged by the caller, which measures it.
    """

    run: float
    per_source: float
    spent: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        """Seconds charged so far, all sources together."""
        return sum(self.spent.values())

    def run_left(self) -> float:
        """Seconds left for the whole run."""
        return self.run - self.total

    def left(self, source: str) -> float:
        """Seconds `source` may still spend: its own share, capped by what the run has left."""
        return min(self.per_source - self.spent.get(source, 0.0), self.run_left())

    def charge(self, source: str, seconds: float) -> None:
        """Count `seconds` of network time against `source` and the run."""
        self.spent[source] = self.spent.get(source, 0.0) + max(0.0, seconds)
