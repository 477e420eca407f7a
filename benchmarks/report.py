"""A measured figure, its budget, and the table they print as."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    budget: float | None  # None: reported, no budget
    note: str = ""

    @property
    def passed(self) -> bool | None:
        return None if self.budget is None else self.value < self.budget

    def row(self) -> str:
        verdict = {True: "pass", False: "FAIL", None: "—"}[self.passed]
        budget = "" if self.budget is None else f"< {self.budget:g} {self.unit}"
        return f"| {self.name} | {self.value:.3g} {self.unit} | {budget} | {verdict} | {self.note} |"


HEADER = "| figure | measured | budget | verdict | note |\n|---|---|---|---|---|"


def timed(fn: Callable[[], object], repeat: int = 10, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``fn`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def median_ms(times: list[float]) -> float:
    return 1000 * statistics.median(times)


def percentile_ms(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
