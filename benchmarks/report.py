"""A measured figure, its reference, its budgets, and the table they print as.

Machines here differ by 3x or more and are often shared, so a budget is mostly a ratio: the figure divided
by the same figure of a reference measured in the same run on the same machine (a bare Streamlit page, a
bare plotly animation, PyTorch). An absolute budget can sit beside it (a frame rate a reader needs).
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    reference: float | None = None  # the reference's figure, in the same unit
    ratio_budget: float | None = None  # value / reference must stay within this
    budget: float | None = None  # absolute, in ``unit``
    higher_is_better: bool = False  # frames per second: the budgets are floors, not ceilings
    reference_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference is None:
            return None
        if self.reference == 0 or math.isnan(self.reference):
            return float("nan")
        return self.value / self.reference

    def _within(self, value: float | None, limit: float | None) -> bool | None:
        if limit is None:
            return None
        if value is None or math.isnan(value):
            return False
        return value >= limit if self.higher_is_better else value <= limit

    @property
    def passed(self) -> bool | None:
        checks = [self._within(self.ratio, self.ratio_budget), self._within(self.value, self.budget)]
        checks = [c for c in checks if c is not None]
        return all(checks) if checks else None

    def row(self) -> str:
        verdict = {True: "pass", False: "FAIL", None: "—"}[self.passed]
        sign = "≥" if self.higher_is_better else "≤"
        budgets = []
        if self.ratio_budget is not None:
            budgets.append(f"{sign} {self.ratio_budget:g}× {self.reference_name or 'ref'}".rstrip())
        if self.budget is not None:
            budgets.append(f"{sign} {self.budget:g} {self.unit}")
        reference = "" if self.reference is None else f"{_num(self.reference)} {self.unit}"
        if self.reference is not None and self.reference_name:
            reference += f" ({self.reference_name})"
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}×"
        cells = [self.name, f"{_num(self.value)} {self.unit}", reference, ratio, ", ".join(budgets), verdict, self.note]
        return "| " + " | ".join(cells) + " |"


def _num(x: float) -> str:
    if math.isnan(x):
        return "nan"
    return f"{x:.3g}" if abs(x) < 100 else f"{x:.0f}"


HEADER = "| figure | measured | reference | ratio | budget | verdict | note |\n|---|---|---|---|---|---|---|"


def progress(message: str) -> None:
    """A line on stderr while a long suite runs (the table goes to stdout)."""
    print(f"  ... {message}", file=sys.stderr, flush=True)


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
    return 1000 * statistics.median(times) if times else float("nan")


def percentile_ms(times: list[float], q: float) -> float:
    if not times:
        return float("nan")
    ordered = sorted(times)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
