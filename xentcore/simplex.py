"""The probability simplex of three classes, drawn flat: an equilateral triangle whose corners are the
three one-hot distributions, and a measure of ``Q`` (``H(P, Q)`` or ``KL(P‖Q)``) evaluated over it.

A distribution ``q = (q_0, q_1, q_2)`` sits at ``q_0 A + q_1 B + q_2 C`` with ``A = (0, 0)``, ``B = (1, 0)``,
``C = (½, √3/2)``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from xentcore.info import as_distribution, cross_entropy, kl_divergence

HEIGHT = math.sqrt(3) / 2
CORNERS = np.array([[0.0, 0.0], [1.0, 0.0], [0.5, HEIGHT]])
MEASURES = ("ce", "kl")


def to_xy(q: Sequence[float]) -> np.ndarray:
    """Cartesian position of a three-class distribution (or of each row of an ``(n, 3)`` array).

    >>> to_xy([1/3, 1/3, 1/3]).round(4)
    array([0.5   , 0.2887])
    """
    return np.asarray(q, dtype=float) @ CORNERS


def from_xy(x, y) -> np.ndarray:
    """Barycentric coordinates ``(q_0, q_1, q_2)`` of points ``(x, y)``; inside the triangle iff all >= 0.

    >>> from_xy(0.5, HEIGHT).round(12)
    array([0., 0., 1.])
    """
    x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    q2 = y / HEIGHT
    q1 = x - q2 / 2
    return np.stack([1.0 - q1 - q2, q1, q2], axis=-1)


@dataclass(frozen=True)
class Field:
    """A measure over the simplex on a regular grid: ``z[j, i]`` at ``(x[i], y[j])``; NaN outside the
    triangle (and on its edges, where some ``q_i = 0``)."""

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray


def field(p: Sequence[float], measure: str = "ce", *, n: int = 80, base: float = math.e) -> Field:
    """Evaluate ``H(P, Q)`` (``measure="ce"``) or ``KL(P‖Q)`` (``"kl"``) for every ``Q`` on an ``n``-wide grid.

    Grid points are cell centres, so none lies on an edge and every value is finite. Vectorised: one call
    of :func:`xentcore.info.cross_entropy` or :func:`~xentcore.info.kl_divergence` over all points.
    Both fields have their minimum at ``Q = P`` and differ by the constant ``H(P)``.

    Examples
    --------
    >>> f = field([0.5, 0.3, 0.2], n=40)
    >>> f.z.shape
    (35, 40)
    """
    pv = as_distribution(p, "p")
    if pv.shape != (3,):
        raise ValueError(f"the simplex picture needs exactly 3 classes, got {pv.size}")
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    step = 1.0 / n
    x = (np.arange(n) + 0.5) * step
    y = (np.arange(math.ceil(HEIGHT / step)) + 0.5) * step
    q = from_xy(*np.meshgrid(x, y))
    inside = (q > 0).all(axis=-1)
    qs = q[inside]
    qs = qs / qs.sum(axis=-1, keepdims=True)
    ps = np.broadcast_to(pv, qs.shape)
    values = cross_entropy(ps, qs, base=base) if measure == "ce" else kl_divergence(ps, qs, base=base)
    z = np.full(inside.shape, np.nan)
    z[inside] = values
    return Field(x=x, y=y, z=z)
