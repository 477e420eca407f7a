"""Guided tours: ordered steps across pages, as data. A step opens a page with a state, hides some of its
controls, and says in a few lines what to look at (``tour.<tour id>.<n>`` in the translation table).

A link ``?tour=<id>&step=<n>`` (n from 1) opens a step; Back and Next move along the tour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    page: str  # a page id of xentcore.app.pages
    state: dict[str, Any] = field(default_factory=dict)  # the page's state keys this step sets
    hide: tuple[str, ...] = ()  # the controls this step hides


@dataclass(frozen=True)
class Tour:
    id: str
    steps: tuple[Step, ...]

    @property
    def title_key(self) -> str:
        return f"tour.{self.id}"

    def text_key(self, n: int) -> str:
        """The text of step ``n`` (1-based)."""
        return f"tour.{self.id}.{n}"


TOURS: tuple[Tour, ...] = (
    Tour(
        "surprise",
        (
            Step("home", {"pe": 0.1}),
            Step("distributions", {}, hide=("sep", "w")),
            Step("tutorial", {}),
        ),
    ),
    Tour(
        "mse",
        (
            Step("curves", {"y": 1, "z": -5.0}, hide=("log",)),
            Step("surfaces", {"data": "overlap"}, hide=("grid", "seed", "n", "noise")),
            Step("race", {"data": "overlap"}, hide=("proj", "f1", "f2", "bs", "mom", "init", "cw")),
        ),
    ),
)
TOUR_BY_ID = {tour.id: tour for tour in TOURS}
MAX_STEPS = max(len(tour.steps) for tour in TOURS)
