"""Information measures on discrete distributions: self-information, entropy, cross-entropy, KL, JS.

Every function takes ``base`` (``math.e`` for nats, ``2`` for bits, ``10`` for dits) and reduces over
``axis``. Conventions follow the limits, not an epsilon: ``0 · log 0 = 0`` and ``p_i log(p_i / 0) = +inf``
for ``p_i > 0``.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass

import numpy as np

SUM_TOLERANCE = 1e-6  # the floor of sum_tolerance: what a float64 vector typed or rounded by hand may be off by


def _log_base(base: float) -> float:
    base = float(base)
    if not (math.isfinite(base) and base > 0 and base != 1):
        raise ValueError(f"base must be a positive number other than 1, got {base}")
    return math.log(base)


def _check_entries(x: np.ndarray, name: str) -> None:
    if np.isnan(x).any():
        raise ValueError(f"{name} contains NaN")
    if np.isinf(x).any():
        raise ValueError(f"{name} contains an infinite entry")
    if (x < 0).any():
        raise ValueError(f"{name} has a negative entry ({x[x < 0].flat[0]:g}); probabilities are >= 0")


def check_axis(axis, ndim: int, name: str = "p") -> int:
    """Return ``axis`` if it indexes one of the ``ndim`` dimensions of ``name`` (negative counts from the end).

    Raises ``ValueError`` naming the axis and the number of dimensions (numpy would raise its ``AxisError``
    or an ``IndexError``, depending on the call).

    >>> check_axis(-1, 2)
    -1
    """
    try:
        ax = operator.index(axis)
    except TypeError:
        raise ValueError(f"axis must be an integer, got {axis!r}") from None
    if not -ndim <= ax < ndim:
        dims = "dimension" if ndim == 1 else "dimensions"
        raise ValueError(f"axis {ax} is out of range for {name}, which has {ndim} {dims}")
    return ax


def sum_tolerance(k: int, dtype=np.float64) -> float:
    """How far from 1 the sum of ``k`` probabilities stored as ``dtype`` may be: ``max(1e-6, k · eps(dtype))``.

    A softmax whose normaliser was summed term by term in ``dtype`` errs by up to about ``k · eps / 2``
    (one rounding of at most ``eps / 2`` per addition), so ``k · eps`` accepts it with a margin of 2; float32
    rows of 5·10⁴ classes pass, a sum of 1.01 does not. Non-float dtypes count as float64.

    >>> sum_tolerance(3)
    1e-06
    >>> round(sum_tolerance(50_000, np.float32), 6)
    0.00596
    """
    dtype = np.dtype(dtype)
    eps = np.finfo(dtype).eps if np.issubdtype(dtype, np.floating) else np.finfo(np.float64).eps
    return max(SUM_TOLERANCE, k * float(eps))


def _format_sum(s: float) -> str:
    """``s`` with enough digits to show how far it is from 1 (never just "1")."""
    if not math.isfinite(s) or s == 1.0:
        return repr(s)
    return f"{s:.{max(6, 2 - math.floor(math.log10(abs(s - 1.0))))}g}"


def as_distribution(p, name: str = "p", axis: int = -1) -> np.ndarray:
    """Return ``p`` as a float array after checking it is a probability distribution along ``axis``.

    Raises ``ValueError`` naming the problem: NaN, infinity, a negative entry, an empty vector, an ``axis``
    out of range, or a sum that differs from 1 by more than :func:`sum_tolerance` for the length ``K`` of
    the vector and the dtype of ``p``, ``max(1e-6, K · eps)`` (the message gives the sum).
    """
    raw = np.asarray(p)
    x = np.asarray(raw, dtype=float)
    if x.ndim == 0:
        raise ValueError(f"{name} must be a vector of probabilities, got a scalar")
    check_axis(axis, x.ndim, name)
    if x.shape[axis] == 0:
        raise ValueError(f"{name} is empty")
    _check_entries(x, name)
    with np.errstate(over="ignore"):  # weights near the float maximum sum to inf, reported as such
        sums = x.sum(axis=axis)
    tol = sum_tolerance(x.shape[axis], raw.dtype)
    bad = np.abs(sums - 1.0) > tol
    if np.any(bad):
        s = float(np.asarray(sums)[bad].flat[0])
        raise ValueError(f"{name} must sum to 1 (within {tol:.3g}) but sums to {_format_sum(s)}")
    return x


def _pair(p, q, axis: int) -> tuple[np.ndarray, np.ndarray]:
    p_arr = as_distribution(p, "p", axis)
    q_arr = as_distribution(q, "q", axis)
    if p_arr.shape != q_arr.shape:
        raise ValueError(f"p and q must have the same shape, got {p_arr.shape} and {q_arr.shape}")
    return p_arr, q_arr


def xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Elementwise ``x · log y`` with ``0 · log y = 0`` for every ``y >= 0`` (including ``y = 0``), like
    ``scipy.special.xlogy``; ``-inf`` where ``x > 0 = y``."""
    out = np.zeros(np.broadcast(x, y).shape)
    np.multiply(x, np.log(y, out=np.full_like(out, -np.inf), where=y > 0), out=out, where=x != 0)
    return out


def rel_entr(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Elementwise ``p · log(p / q)``: 0 where ``p = 0``, ``+inf`` where ``p > 0 = q``, like
    ``scipy.special.rel_entr``."""
    out = np.zeros(np.broadcast(p, q).shape)
    both = (p > 0) & (q > 0)
    # log p - log q, not log(p / q): the ratio overflows for a subnormal q
    np.multiply(p, np.log(np.where(both, p, 1.0)) - np.log(np.where(both, q, 1.0)), out=out, where=both)
    out[(p > 0) & (q == 0)] = np.inf
    return out


def _reduce(terms: np.ndarray, axis: int, base: float, *, divergence: bool = False) -> float | np.ndarray:
    total = terms.sum(axis=axis) / _log_base(base)
    if divergence:
        # a divergence is >= 0 (Gibbs' inequality), but its terms have both signs: for Q within rounding of P
        # they cancel to a few units in the last place either side of 0, and a negative one is only rounding
        total = np.where(total <= 0, 0.0, total)
    return float(total) if np.ndim(total) == 0 else total


def self_information(p, *, base: float = math.e) -> float | np.ndarray:
    """Self-information (surprisal) ``I(x) = -log p(x)`` of an event of probability ``p``, elementwise.

    ``I = +inf`` for ``p = 0``; ``I = 0`` for a certain event.

    Examples
    --------
    >>> self_information(0.5, base=2)
    1.0
    >>> self_information([0.25, 1.0], base=2)
    array([2., 0.])
    """
    x = np.asarray(p, dtype=float)
    _check_entries(x, "p")
    if (x > 1).any():
        raise ValueError(f"p has an entry above 1 ({x[x > 1].flat[0]:g}); a probability is at most 1")
    with np.errstate(divide="ignore"):
        out = -np.log(x) / _log_base(base)
    out = out + 0.0  # turns -0.0 into 0.0
    return float(out) if out.ndim == 0 else out


def entropy(p, *, base: float = math.e, axis: int = -1) -> float | np.ndarray:
    """Shannon entropy ``H(P) = -Σ_i p_i log p_i``, with ``0 · log 0 = 0``.

    Parameters
    ----------
    p : array_like
        Probabilities; must sum to 1 along ``axis``.
    base : float
        ``math.e`` for nats (default), ``2`` for bits, ``10`` for dits.
    axis : int
        The axis of the outcomes.

    Examples
    --------
    >>> entropy([0.5, 0.5], base=2)
    1.0
    >>> round(entropy([0.5, 0.3, 0.2], base=2), 7)
    1.4854753
    """
    x = as_distribution(p, "p", axis)
    return _reduce(-xlogy(x, x), axis, base)


def cross_entropy(p, q, *, base: float = math.e, axis: int = -1) -> float | np.ndarray:
    """Cross-entropy ``H(P, Q) = -Σ_i p_i log q_i`` of a model ``Q`` against the truth ``P``.

    ``H(P, Q) = H(P) + D_KL(P ‖ Q) >= H(P)``, with equality iff ``Q = P``; it is 0 only when ``P`` is
    one-hot and ``Q`` matches it. It is ``+inf`` when some ``q_i = 0 < p_i``.

    Examples
    --------
    >>> p, q = [0.5, 0.3, 0.2], [0.4, 0.4, 0.2]
    >>> round(cross_entropy(p, q), 7), round(cross_entropy(p, q, base=2), 7)
    (1.0549202, 1.5219281)
    >>> math.isclose(cross_entropy(p, q), entropy(p) + kl_divergence(p, q))
    True
    """
    p_arr, q_arr = _pair(p, q, axis)
    return _reduce(-xlogy(p_arr, q_arr), axis, base)


def kl_divergence(p, q, *, base: float = math.e, axis: int = -1) -> float | np.ndarray:
    """Kullback-Leibler divergence ``D_KL(P ‖ Q) = Σ_i p_i log(p_i / q_i)``.

    ``D_KL >= 0`` with equality iff ``P = Q``; not symmetric; ``+inf`` when some ``q_i = 0 < p_i``.

    Examples
    --------
    >>> round(kl_divergence([0.5, 0.3, 0.2], [0.4, 0.4, 0.2], base=2), 7)
    0.0364528
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    """
    p_arr, q_arr = _pair(p, q, axis)
    return _reduce(rel_entr(p_arr, q_arr), axis, base, divergence=True)


def mixture(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """The even mixture ``M = ½ (P + Q)``, positive wherever P or Q is.

    Halving the smallest subnormal float gives 0, which would put an outcome of P or Q outside M's support
    (and make ``KL(P ‖ M)`` infinite); there M keeps the smallest positive float instead.

    Examples
    --------
    >>> mixture(np.array([1.0, 5e-324]), np.array([1.0, 0.0]))[1] > 0
    np.True_
    """
    m = 0.5 * (p + q)
    tiny = np.finfo(m.dtype).smallest_subnormal
    return np.where((m == 0) & ((p > 0) | (q > 0)), tiny, m)


def js_divergence(p, q, *, base: float = math.e, axis: int = -1) -> float | np.ndarray:
    """Jensen-Shannon divergence ``JS(P, Q) = ½ D_KL(P ‖ M) + ½ D_KL(Q ‖ M)`` with ``M = ½ (P + Q)``.

    Symmetric, always finite, between 0 and ``log 2`` (1 bit). This is the divergence itself, the square
    of SciPy's ``jensenshannon`` distance.

    Examples
    --------
    >>> js_divergence([1, 0], [0, 1], base=2)
    1.0
    """
    p_arr, q_arr = _pair(p, q, axis)
    m = mixture(p_arr, q_arr)
    terms = 0.5 * (rel_entr(p_arr, m) + rel_entr(q_arr, m))
    return _reduce(terms, axis, base, divergence=True)


@dataclass(frozen=True)
class Normalized:
    """The result of :func:`normalize`: the distribution, the original sum, and whether it changed."""

    p: np.ndarray
    total: float
    changed: bool


def normalize(weights, *, axis: int = -1) -> Normalized:
    """Turn non-negative weights into a distribution ``p_i = w_i / Σ_j w_j`` and report what changed.

    Raises ``ValueError`` for NaN, infinite or negative weights, an empty vector, an ``axis`` out of range,
    or weights that are all zero. ``changed`` is whether a total differs from 1 by more than
    :func:`sum_tolerance`.

    Examples
    --------
    >>> r = normalize([2, 1, 1])
    >>> r.p, r.total, r.changed
    (array([0.5 , 0.25, 0.25]), 4.0, True)
    """
    raw = np.asarray(weights)
    w = np.asarray(raw, dtype=float)
    if w.ndim == 0:
        raise ValueError("weights must be a non-empty vector")
    check_axis(axis, w.ndim, "weights")
    if w.shape[axis] == 0:
        raise ValueError("weights must be a non-empty vector")
    if np.isnan(w).any():
        raise ValueError("weights contain NaN; enter a number for every class")
    if np.isinf(w).any():
        raise ValueError("weights contain an infinite entry")
    if (w < 0).any():
        raise ValueError(f"weights must be >= 0, got {w[w < 0].flat[0]:g}")
    totals = w.sum(axis=axis, keepdims=True)
    if (totals == 0).any():
        raise ValueError("weights are all zero; at least one class needs a positive weight")
    p = w / totals
    total = float(totals.flat[0]) if totals.size == 1 else float("nan")
    changed = bool(np.any(np.abs(totals - 1.0) > sum_tolerance(w.shape[axis], raw.dtype)))
    return Normalized(p=p, total=total, changed=changed)
