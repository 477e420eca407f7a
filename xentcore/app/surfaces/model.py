"""The loss-surfaces page's numbers: ``build(state, unit) -> SurfacesModel``.

The expensive parts (the data, the surfaces, the descents, the cross-entropy minimum, the slice) are cached
here by their own parameters (``functools.lru_cache``, shared by every session: each is a pure function of
its arguments and its result is never modified), so moving one control recomputes only what depends on it.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from xentcore import surface as sf
from xentcore.app.settings import UNIT_BASE
from xentcore.app.share import State
from xentcore.datasets import Dataset, make_dataset

LOSSES = ("ce", "mse")
FLAT = 0.02  # a descent whose loss changed by less than this share of its start "hardly changed"
AT_MINIMUM = 1e-3  # a path ending this close to the cross-entropy minimum has reached it

# The tutorial's data set is fixed: n, noise and seed do not change it, so they must not split the caches.
DataKey = tuple[str, int, float, int]
Trend = Literal["fell", "rose", "flat"]


def data_key(state: State) -> DataKey:
    if state["data"] == "article":
        return ("article", 100, 0.0, 0)
    return (state["data"], int(state["n"]), float(state["noise"]), int(state["seed"]))


@functools.lru_cache(maxsize=16)
def _dataset(key: DataKey) -> Dataset:
    name, n, noise, seed = key
    return make_dataset(name, n=n, noise=noise, seed=seed)


@functools.lru_cache(maxsize=16)
def _surface(key: DataKey, grid: int, r: float, b: float, base: float) -> sf.Surface:
    ds = _dataset(key)
    w1, w2 = sf.weight_grid(r, grid)
    return sf.loss_surface(ds.X, ds.y, w1, w2, b, base=base)


@functools.lru_cache(maxsize=16)
def _landscape(key: DataKey, b: float, base: float) -> tuple[sf.Separation | None, sf.Minimum | None]:
    ds = _dataset(key)
    return sf.separation(ds.X, ds.y), sf.ce_minimum(ds.X, ds.y, b, base=base)


@functools.lru_cache(maxsize=32)
def _slice(key: DataKey, b: float, angle: float, r: float, base: float) -> sf.Slice:
    ds = _dataset(key)
    return sf.loss_slice(ds.X, ds.y, b, angle=angle, half_length=r, base=base)


@dataclass(frozen=True)
class Descent:
    """One gradient-descent path on ``loss`` and what it did.

    ``ce`` and ``mse`` are both losses along the path (``ce`` in the reader's unit); ``values`` is its own.
    ``trend``: ``"flat"`` when its own loss never rose and fell by less than :data:`FLAT` of its start;
    ``"rose"`` when it ended higher; else ``"fell"``. ``rises`` counts the steps that raised the loss
    (a step that overshoots: gradient descent with a small enough step never rises). ``max_step`` is the
    longest step; ``end_grad`` the gradient norm of its own loss at the end (cross-entropy's in the reader's
    unit); ``length`` the distance travelled along the path; ``inside``: whether it ends inside the plotted square;
    ``to_minimum``: the distance from the end to the cross-entropy minimum, for a cross-entropy path when
    there is one."""

    loss: str
    path: np.ndarray
    ce: np.ndarray
    mse: np.ndarray
    trend: Trend
    rises: int
    max_step: float
    end_grad: float
    length: float
    inside: bool
    to_minimum: float | None
    minimum_size: float = 0.0  # |w*| of that minimum

    @property
    def at_minimum(self) -> bool:
        """A cross-entropy path that ended within :data:`AT_MINIMUM` of the minimum (relative to its size)."""
        return self.to_minimum is not None and self.to_minimum <= AT_MINIMUM * max(1.0, self.minimum_size)

    @property
    def values(self) -> np.ndarray:
        return self.ce if self.loss == "ce" else self.mse

    @property
    def moved(self) -> float:
        """Straight-line distance from the start to the end."""
        return float(np.linalg.norm(self.path[-1] - self.path[0]))


@functools.lru_cache(maxsize=32)
def _descent(
    key: DataKey, b: float, start: tuple[float, float], lr: float, steps: int, loss: str, r: float, base: float
) -> Descent:
    ds = _dataset(key)
    _, minimum = _landscape(key, b, base)
    path = sf.gradient_descent(ds.X, ds.y, start, b, loss=loss, lr=lr, steps=steps)
    ce, mse = sf.path_losses(ds.X, ds.y, path, b, base=base)
    values = ce if loss == "ce" else mse
    scale = 1.0 / math.log(base) if loss == "ce" else 1.0
    steps = np.linalg.norm(np.diff(path, axis=0), axis=1)
    end_grad = float(np.linalg.norm(sf.gradient(ds.X, ds.y, path[-1], b, loss))) * scale
    start, end = float(values[0]), float(values[-1])
    rises = int(np.count_nonzero(np.diff(values) > 1e-12 * max(1.0, abs(start))))
    if end > start and rises:
        trend: Trend = "rose"
    elif not rises and start - end < FLAT * abs(start):
        trend = "flat"
    else:
        trend = "fell"
    to_minimum = None
    if loss == "ce" and minimum is not None:
        to_minimum = float(np.linalg.norm(path[-1] - minimum.w))
    return Descent(
        loss=loss,
        path=path,
        ce=ce,
        mse=mse,
        trend=trend,
        rises=rises,
        max_step=float(steps.max(initial=0.0)),
        end_grad=end_grad,
        length=float(steps.sum()),
        inside=bool(np.all(np.abs(path[-1]) <= r)),
        to_minimum=to_minimum,
        minimum_size=float(np.linalg.norm(minimum.w)) if minimum is not None else 0.0,
    )


@dataclass(frozen=True)
class SlicePart:
    """Both losses along the slice, the stretches where each fails the midpoint test, and where the
    cross-entropy is lowest on it (``ce_min_t``; ``ce_min_at_end`` when that is an end of the slice)."""

    line: sf.Slice
    concave: dict[str, list[tuple[float, float]]]
    ce_min_t: float
    ce_min: float
    ce_min_at_end: bool


@dataclass(frozen=True)
class SurfacesModel:
    """Every number the loss-surfaces page shows.

    ``separation`` is the direction along which cross-entropy falls without end (None when there is none);
    ``minimum`` its single minimum otherwise, with ``minimum_inside`` saying whether it lies in the plotted
    square. ``mse_violations`` of ``checks`` midpoint tests fail on the MSE grid (``ce_violations`` on the
    cross-entropy grid: 0 for a convex function, up to rounding). ``argmin_on_edge``: the lowest grid point of
    the cross-entropy is on the square's edge."""

    unit: str
    data_name: str
    data_key: DataKey
    data: Dataset
    b: float
    r: float
    steps: int
    lr: float
    surface: sf.Surface
    paths: dict[str, Descent]
    separation: sf.Separation | None
    minimum: sf.Minimum | None
    minimum_inside: bool
    argmin_on_edge: bool
    mse_violations: int
    ce_violations: int
    checks: int
    slice: SlicePart


def _slice_part(line: sf.Slice) -> SlicePart:
    i = int(np.argmin(line.ce))
    return SlicePart(
        line=line,
        concave={loss: sf.concave_intervals(line.t, getattr(line, loss)) for loss in LOSSES},
        ce_min_t=float(line.t[i]),
        ce_min=float(line.ce[i]),
        ce_min_at_end=i in (0, line.t.size - 1),
    )


def build(state: State, unit: str) -> SurfacesModel:
    """Every number the loss-surfaces page shows, for ``state`` (the page's schema) in ``unit``."""
    base = UNIT_BASE[unit]
    key = data_key(state)
    ds = _dataset(key)
    b, r, grid = float(state["b"]), float(state["r"]), int(state["grid"])
    lr, steps = float(state["lr"]), int(state["steps"])
    start = (float(state["w1"]), float(state["w2"]))
    surf = _surface(key, grid, r, b, base)
    separation, minimum = _landscape(key, b, base)
    paths = {loss: _descent(key, b, start, lr, steps, loss, r, base) for loss in LOSSES}
    i, j = np.unravel_index(np.argmin(surf.ce), surf.ce.shape)
    return SurfacesModel(
        unit=unit,
        data_name=key[0],
        data_key=key,
        data=ds,
        b=b,
        r=r,
        steps=steps,
        lr=lr,
        surface=surf,
        paths=paths,
        separation=separation,
        minimum=minimum,
        minimum_inside=minimum is not None and bool(np.all(np.abs(minimum.w) <= r)),
        argmin_on_edge=bool(i in (0, grid - 1) or j in (0, grid - 1)),
        mse_violations=sf.midpoint_violations(surf.mse),
        ce_violations=sf.midpoint_violations(surf.ce),
        checks=4 * (grid - 2) ** 2,
        slice=_slice_part(_slice(key, b, float(state["ang"]), r, base)),
    )
