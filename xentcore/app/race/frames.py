"""The frame stepper's model, pure: which frame an epoch asks for, and what that frame shows, in words.

The stepper (``xentcore.app.race.stepper``) draws one frame of the race's animation as a still picture, so a
reader who cannot or will not watch it play (reduced motion, a screen reader, a keyboard) can walk the race
one frame at a time; this module says which frame and writes its text alternative from that frame's numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from xentcore.app.format import fmt, fmt_percent
from xentcore.app.race.model import Phrase, RaceModel


def frame_epochs(model: RaceModel) -> list[int]:
    """The epochs of the race's frames, in order (the first is 0, the last the race's end)."""
    return [int(e) for e in model.picture.animation.frame_epochs]


def frame_at(epochs: Sequence[int], at: int) -> int:
    """The index of the last frame at or before epoch ``at`` (the first frame when ``at`` comes before it).

    >>> frame_at([0, 3, 6, 9], 7), frame_at([0, 3, 6, 9], 2000), frame_at([0, 3, 6, 9], -1)
    (2, 3, 0)
    """
    return max(int(np.searchsorted(np.asarray(epochs), at, side="right")) - 1, 0)


def diverged_in(model: RaceModel, key: str, f: int) -> bool:
    """Whether run ``key`` is shown as diverged in frame ``f`` (as the figure's status strip says it)."""
    anim = model.picture.animation
    k = anim.runs[key].diverged_at
    return k is not None and (anim.frame_epochs[f] >= k or f == len(anim.frame_epochs) - 1)


def frame_alt(model: RaceModel, f: int) -> Phrase:
    """The text alternative of frame ``f``: its epoch, which lane classifies the most training points there,
    then each lane's loss (the reader's unit) and training accuracy at that epoch."""
    anim = model.picture.animation
    accuracy: dict[str, float] = {}
    lanes: list = []
    for row in model.rows:
        run = anim.runs[row.key]
        if lanes:
            lanes.append(Phrase("race.alt.sep"))
        if diverged_in(model, row.key, f):
            lanes.append(Phrase.of("race.alt.lane.diverged", run=row.title, epoch=run.diverged_at))
            continue
        accuracy[row.key] = float(run.accuracy[f])
        loss = fmt(float(run.loss[f]) * model.loss_factors.get(row.key, 1.0))
        shown = fmt_percent(accuracy[row.key], lang=model.lang)
        lanes.append(Phrase.of("race.alt.lane", run=row.title, loss=loss, accuracy=shown))
    return Phrase.of(
        "race.frame.alt",
        epoch=int(anim.frame_epochs[f]),
        last=model.epochs,
        lead=_lead(model, accuracy),
        lanes=tuple(lanes),
    )


def _lead(model: RaceModel, accuracy: dict[str, float]) -> Phrase:
    if not accuracy:
        return Phrase("race.frame.none")
    best = max(accuracy.values())
    leaders = [row for row in model.rows if accuracy.get(row.key) == best]
    shown = fmt_percent(best, lang=model.lang)
    if len(leaders) == 1:
        return Phrase.of("race.frame.lead", run=leaders[0].title, accuracy=shown)
    if len(leaders) == len(model.rows):
        return Phrase.of("race.frame.even", accuracy=shown)
    runs: list = []
    for i, row in enumerate(leaders):
        if i:
            runs.append(Phrase("race.frame.and" if i == len(leaders) - 1 else "race.frame.comma"))
        runs.append(row.title)
    return Phrase.of("race.frame.tie", runs=tuple(runs), accuracy=shown)
