"""Editing a pair of distributions (true ``P``, model ``Q``) and explaining their cross-entropy.

Pure numpy: the slider rule that keeps a distribution normalised while one bar moves, resizing to a new
number of classes, the presets, every measure at once, and the per-class terms of ``H(P, Q) = H(P) + KL``.
The tutorial's weather example is defined here, once, for every page and test that uses it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from xentcore.info import (
    as_distribution,
    cross_entropy,
    entropy,
    js_divergence,
    kl_divergence,
    rel_entr,
    xlogy,
)

MIN_CLASSES = 2
MAX_CLASSES = 12
# The tutorial's weather example: the true weather P over (sunny, rain, cloudy) and a forecaster's model Q.
WEATHER_CLASSES = ("sunny", "rain", "cloudy")
WEATHER_P = (0.5, 0.3, 0.2)
WEATHER_Q = (0.4, 0.4, 0.2)
CONFIDENT = 0.9  # the mass a "confident wrong" model puts on its one favourite class
PRESETS = ("weather", "uniform_q", "one_hot_p", "q_equals_p", "confident_wrong", "zero_q")


def rescale(p: Sequence[float], i: int, y: float) -> np.ndarray:
    """Move entry ``i`` of the distribution ``p`` to ``y`` and rescale the others so the sum stays 1.

    The others keep their ratios: each is multiplied by ``(1 − y) / (1 − p_i)`` (computed as
    ``(1 − y) / Σ_{j≠i} p_j``, the same number for a normalised ``p`` but exact to the last bit). When
    the others are all zero (``p_i`` was 1) there are no ratios to keep, and ``1 − y`` is spread evenly.

    Parameters
    ----------
    p : sequence of float
        A probability vector of length ``K >= 2``.
    i : int
        The entry that moves.
    y : float
        Its new value, clipped to ``[0, 1]``.

    Examples
    --------
    >>> rescale([0.5, 0.3, 0.2], 0, 0.8)
    array([0.8 , 0.12, 0.08])
    >>> rescale([1.0, 0.0, 0.0], 0, 0.4)
    array([0.4, 0.3, 0.3])
    """
    x = as_distribution(p, "p")
    if x.ndim != 1 or x.size < MIN_CLASSES:
        raise ValueError(f"p must be a vector of at least {MIN_CLASSES} probabilities")
    if not 0 <= i < x.size:
        raise ValueError(f"class index {i} is out of range for {x.size} classes")
    y = min(max(float(y), 0.0), 1.0)
    others = np.arange(x.size) != i
    rest = math.fsum(x[others])
    out = np.empty_like(x)
    out[others] = (1.0 - y) / (x.size - 1) if rest <= 0 else (x[others] / rest) * (1.0 - y)
    out[i] = y
    return out


def resize(p: Sequence[float], k: int) -> np.ndarray:
    """The distribution ``p`` with ``k`` classes instead of ``K``.

    Growing: each new class gets ``1/k`` and the old ones shrink by the factor ``K/k``, keeping their
    ratios. Shrinking: the last classes are dropped and the rest renormalised (uniform if nothing is left).

    Examples
    --------
    >>> resize([0.5, 0.5], 4)
    array([0.25, 0.25, 0.25, 0.25])
    >>> resize([0.5, 0.3, 0.2], 2)
    array([0.625, 0.375])
    """
    x = as_distribution(p, "p")
    if not MIN_CLASSES <= k <= MAX_CLASSES:
        raise ValueError(f"the number of classes must be {MIN_CLASSES} to {MAX_CLASSES}, got {k}")
    if k >= x.size:
        added = k - x.size
        return np.concatenate([x * (1.0 - added / k), np.full(added, 1.0 / k)])
    kept = x[:k]
    total = math.fsum(kept)
    return np.full(k, 1.0 / k) if total <= 0 else kept / total


def resize_names(names: Sequence[str], k: int, default: Callable[[int], str]) -> tuple[str, ...]:
    """Names for ``k`` classes: ``()`` stays ``()`` (the default names); explicit names are cut or
    extended with ``default(i)`` for each new class ``i`` (0-based)."""
    if not names:
        return ()
    return tuple(names[:k]) + tuple(default(i) for i in range(len(names), k))


def apply_preset(name: str, p: Sequence[float], q: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The ``(P, Q)`` pair a preset button sets, starting from the current ``p`` and ``q``.

    - ``weather``: the tutorial's example, P = (0.5, 0.3, 0.2), Q = (0.4, 0.4, 0.2);
    - ``uniform_q``: Q = 1/K everywhere;
    - ``one_hot_p``: P puts all its mass on its most likely class (the first, on a tie);
    - ``q_equals_p``: Q = P;
    - ``confident_wrong``: Q puts 0.9 on the class P finds least likely, the rest spread evenly;
    - ``zero_q``: Q gives probability 0 to the class P finds most likely (renormalised), so
      ``H(P, Q) = KL(P‖Q) = ∞``.

    Examples
    --------
    >>> apply_preset("zero_q", [0.5, 0.3, 0.2], [0.4, 0.4, 0.2])[1]
    array([0.        , 0.66666667, 0.33333333])
    """
    x = as_distribution(p, "p")
    m = as_distribution(q, "q")
    k = x.size
    if name == "weather":
        return np.array(WEATHER_P), np.array(WEATHER_Q)
    if name == "uniform_q":
        return x, np.full(k, 1.0 / k)
    if name == "one_hot_p":
        return np.eye(k)[int(np.argmax(x))], m
    if name == "q_equals_p":
        return x, x.copy()
    if name == "confident_wrong":
        out = np.full(k, (1.0 - CONFIDENT) / (k - 1))
        out[int(np.argmin(x))] = CONFIDENT
        return x, out
    if name == "zero_q":
        j = int(np.argmax(x))
        out = m.copy()
        out[j] = 0.0
        total = math.fsum(out)
        out = np.where(np.arange(k) == j, 0.0, 1.0 / (k - 1)) if total <= 0 else out / total
        return x, out
    raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")


@dataclass(frozen=True)
class Summary:
    """Every measure of the pair at once, in one unit."""

    h_p: float
    h_q: float
    ce_pq: float
    ce_qp: float
    kl_pq: float
    kl_qp: float
    js: float

    @property
    def p_is_one_hot(self) -> bool:
        return self.h_p == 0.0

    def holds(self, tol: float = 1e-12) -> dict[str, bool]:
        """The properties the page checks live, each allowing ``tol`` of rounding:
        ``ce_ge_h``: H(P, Q) >= H(P); ``kl_ge_0``: both KLs >= 0; ``symmetric``: H(P, Q) = H(Q, P) here."""
        return {
            "ce_ge_h": self.ce_pq >= self.h_p - tol,
            "kl_ge_0": self.kl_pq >= -tol and self.kl_qp >= -tol,
            "symmetric": self.ce_pq == self.ce_qp or abs(self.ce_pq - self.ce_qp) <= tol,
        }

    @property
    def margin(self) -> float:
        """``H(P, Q) − H(P)``, the extra cost of coding with Q, computed as a difference (``∞`` when
        ``H(P, Q)`` is): the identity says it equals ``KL(P‖Q)``, and the page shows both."""
        return math.inf if math.isinf(self.ce_pq) else self.ce_pq - self.h_p


def summarize(p: Sequence[float], q: Sequence[float], *, base: float = math.e) -> Summary:
    """``H(P)``, ``H(Q)``, ``H(P, Q)``, ``H(Q, P)``, ``KL(P‖Q)``, ``KL(Q‖P)`` and ``JS(P, Q)`` in base ``base``.

    Examples
    --------
    >>> s = summarize([0.5, 0.3, 0.2], [0.4, 0.4, 0.2], base=2)
    >>> round(s.ce_pq, 4), round(s.h_p + s.kl_pq, 4)
    (1.5219, 1.5219)
    """
    return Summary(
        h_p=entropy(p, base=base),
        h_q=entropy(q, base=base),
        ce_pq=cross_entropy(p, q, base=base),
        ce_qp=cross_entropy(q, p, base=base),
        kl_pq=kl_divergence(p, q, base=base),
        kl_qp=kl_divergence(q, p, base=base),
        js=js_divergence(p, q, base=base),
    )


def infinite_classes(p: Sequence[float], q: Sequence[float]) -> np.ndarray:
    """Indices of the classes with ``q_i = 0 < p_i``: each makes ``H(P, Q)`` and ``KL(P‖Q)`` infinite.

    >>> infinite_classes([0.5, 0.5, 0.0], [0.0, 1.0, 0.0])
    array([0])
    """
    x, m = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return np.flatnonzero((x > 0) & (m == 0))


@dataclass(frozen=True)
class Terms:
    """Per-class terms of the decomposition, each summing to its measure:
    ``ce_i = −p_i log q_i = h_i + kl_i`` with ``h_i = −p_i log p_i`` and ``kl_i = p_i log(p_i / q_i)``;
    ``code_length_i = −log q_i`` (the length of class ``i``'s codeword under a code built for ``Q``)."""

    ce: np.ndarray
    h: np.ndarray
    kl: np.ndarray
    code_length: np.ndarray


def terms(p: Sequence[float], q: Sequence[float], *, base: float = math.e) -> Terms:
    """The per-class terms of ``H(P, Q) = H(P) + KL(P‖Q)`` (see :class:`Terms`); ``0 log 0 = 0``.

    Examples
    --------
    >>> t = terms([0.5, 0.3, 0.2], [0.4, 0.4, 0.2], base=2)
    >>> t.code_length
    array([1.32192809, 1.32192809, 2.32192809])
    >>> bool(np.allclose(t.ce, t.h + t.kl))
    True
    """
    x = as_distribution(p, "p")
    m = as_distribution(q, "q")
    scale = math.log(base)
    with np.errstate(divide="ignore"):
        code_length = -np.log(m) / scale
    return Terms(
        ce=-xlogy(x, m) / scale,
        h=-xlogy(x, x) / scale,
        kl=rel_entr(x, m) / scale,
        code_length=code_length + 0.0,
    )
