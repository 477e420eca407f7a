"""The Distributions page's model: every number, array and check the page shows, from its state and the unit.

``build(state, unit)`` is pure (numpy and ``xentcore`` only) and testable without Streamlit. Its two costly
parts, the simplex field and the forward/reverse KL fits, are separate functions (:func:`simplex_field`,
:func:`kl_fits`) that ``build`` takes as arguments, so the page can cache each by its own inputs: a move of a P
slider then recomputes neither fit, a move of the peak sliders no simplex.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from xentcore.app.settings import UNIT_BASE
from xentcore.distributions import Summary, infinite_classes, summarize, terms
from xentcore.info import kl_divergence, mixture, normalize
from xentcore.kl_fit import fit_gaussian, support, two_peaks
from xentcore.simplex import Field, field, to_xy

SIMPLEX_GRID = 72  # grid points across the triangle
PEAK_WIDTH = 0.8  # the standard deviation of each of P's two peaks in the KL-fit example


@dataclass(frozen=True)
class Worked:
    """The numbers of the written-out calculation ``H(P, Q) = −Σ p_i log q_i``, per class and in total."""

    p: np.ndarray
    q: np.ndarray
    code_length: np.ndarray  # −log q_i, in the unit
    products: np.ndarray  # −p_i log q_i, in the unit (0 where p_i = 0)
    total: float  # H(P, Q) in the unit
    other_total: float  # H(P, Q) in the other unit
    base: float
    other_base: float


@dataclass(frozen=True)
class EntropyBound:
    """``H(P) ≤ log K``, with equality exactly when P is uniform; ``gap = log K − H(P) = KL(P‖U)``."""

    h: float
    log_k: float
    gap: float
    uniform: bool

    @property
    def holds(self) -> bool:
        return self.h <= self.log_k + 1e-12 * max(1.0, self.log_k)


@dataclass(frozen=True)
class Triangle:
    """KL has no triangle inequality: the detour from P to Q through their mixture ``M = (P + Q)/2`` costs
    ``KL(P‖M) + KL(M‖Q)``, which is less than ``KL(P‖Q)`` whenever Q ≠ P and ``KL(P‖Q)`` is finite.

    ``gap = KL(P‖Q) − KL(P‖M) − KL(M‖Q) = ½ Σ (p_i − q_i) log(m_i / q_i)``: every term is ``>= 0`` (``p_i − q_i``
    and ``m_i − q_i`` share their sign), so the gap is computed without cancellation and is ``> 0`` exactly
    when Q ≠ P. ``case``: ``"shorter"`` (the detour is shorter), ``"same"`` (Q = P: all three are 0) or
    ``"infinite"`` (``KL(P‖Q) = ∞``, and then every detour costs ``∞`` too)."""

    m: np.ndarray
    kl_pm: float
    kl_mq: float
    kl_pq: float
    gap: float
    case: str

    @property
    def detour(self) -> float:
        return self.kl_pm + self.kl_mq


@dataclass(frozen=True)
class FitSummary:
    """One fitted bell curve Q, as the page shows it.

    ``mu`` and ``sigma`` are the parameters of the Gaussian *before* it is cut to the plotted interval and
    renormalised on its grid points; ``mean`` and ``sd`` are the mean and standard deviation of the plotted Q
    itself, ``Σ q_i x_i`` and ``√(Σ q_i (x_i − mean)²)``. ``kl`` is the divergence the fit reached, in nats
    (``KL(P‖Q)`` forward, ``KL(Q‖P)`` reverse) until :meth:`Fits.in_unit` converts it."""

    direction: str
    q: np.ndarray
    kl: float
    mean: float
    sd: float
    mu: float
    sigma: float


@dataclass(frozen=True)
class Fits:
    """The two-peaked P on its grid ``x``, its mean and standard deviation, and the forward and reverse fits."""

    x: np.ndarray
    p: np.ndarray
    p_mean: float
    p_sd: float
    peak_width: float
    half_width: float  # the plotted interval is [−half_width, half_width]
    forward: FitSummary
    reverse: FitSummary

    def in_unit(self, base: float) -> Fits:
        scale = math.log(base)
        return replace(
            self,
            forward=replace(self.forward, kl=self.forward.kl / scale),
            reverse=replace(self.reverse, kl=self.reverse.kl / scale),
        )


def moments(x: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of the distribution ``w`` over the points ``x``."""
    mean = float(np.dot(w, x))
    return mean, math.sqrt(float(np.dot(w, (x - mean) ** 2)))


def kl_fits(separation: float, weight: float) -> Fits:
    """The forward and reverse fits to the two-peaked P (costly: two pattern searches). Unit-free: the
    divergences are in nats."""
    x = support()
    p = two_peaks(x, separation, weight, width=PEAK_WIDTH)

    def summary(direction: str) -> FitSummary:
        fit = fit_gaussian(p, x, direction)
        mean, sd = moments(x, fit.q)
        return FitSummary(direction, fit.q, fit.kl, mean, sd, fit.mu, fit.sigma)

    p_mean, p_sd = moments(x, p)
    return Fits(x, p, p_mean, p_sd, PEAK_WIDTH, float(x[-1]), summary("forward"), summary("reverse"))


def simplex_field(p: tuple[float, ...], measure: str, base: float) -> Field:
    """``H(P, Q)`` or ``KL(P‖Q)`` over every Q of the three-class simplex (costly: a grid of evaluations)."""
    return field(p, measure, n=SIMPLEX_GRID, base=base)


@dataclass(frozen=True)
class DistributionsModel:
    """Everything the Distributions page shows, in the reader's unit."""

    unit: str
    base: float
    other_unit: str
    p: np.ndarray
    q: np.ndarray
    summary: Summary
    ce_terms: np.ndarray  # −p_i log q_i
    h_terms: np.ndarray  # −p_i log p_i
    kl_terms: np.ndarray  # p_i log(p_i / q_i)
    code_length: np.ndarray  # −log q_i
    best_code_length: np.ndarray  # −log p_i
    infinite_pq: tuple[int, ...]  # classes with q_i = 0 < p_i: H(P, Q) = KL(P‖Q) = ∞
    infinite_qp: tuple[int, ...]  # classes with p_i = 0 < q_i: H(Q, P) = KL(Q‖P) = ∞
    checks: Mapping[str, bool]
    q_equals_p: bool
    ce_symmetric: bool
    kl_symmetric: bool
    one_hot: int | None  # the class P is certain of, if P is one-hot
    bound: EntropyBound
    triangle: Triangle
    worked: Worked
    p_has_zero: bool  # some p_i = 0: its term is 0 by convention
    measure: str  # what the simplex is coloured by: "ce" or "kl"
    simplex: Field | None  # only for K = 3
    simplex_minimum: float  # the field's minimum, at Q = P: H(P) for "ce", 0 for "kl"
    p_xy: np.ndarray | None
    q_xy: np.ndarray | None
    fits: Fits

    @property
    def k(self) -> int:
        return int(self.p.size)


def _same(a: float, b: float) -> bool:
    return a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b)))


def _triangle(p: np.ndarray, q: np.ndarray, kl_pq: float, base: float) -> Triangle:
    m = mixture(p, q)
    kl_pm, kl_mq = kl_divergence(p, m, base=base), kl_divergence(m, q, base=base)
    if math.isinf(kl_pq):
        return Triangle(m, kl_pm, kl_mq, kl_pq, math.nan, "infinite")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.log(m) - np.log(q)  # q_i > 0 wherever p_i ≠ q_i, KL(P‖Q) being finite
    parts = np.where((p != q) & (m > 0), (p - q) * ratio, 0.0)  # m_i = 0 only when both underflow
    gap = float(0.5 * parts.sum() / math.log(base))
    return Triangle(m, kl_pm, kl_mq, kl_pq, gap, "shorter" if gap > 0 else "same")


def _bound(p: np.ndarray, h: float, base: float) -> EntropyBound:
    k = p.size
    uniform = bool(np.all(p == p[0]))
    gap = 0.0 if uniform else kl_divergence(p, np.full(k, 1.0 / k), base=base)
    return EntropyBound(h=h, log_k=math.log(k) / math.log(base), gap=gap, uniform=uniform)


def build(
    state: Mapping[str, Any],
    unit: str,
    *,
    fits: Callable[[float, float], Fits] = kl_fits,
    simplex: Callable[[tuple[float, ...], str, float], Field] = simplex_field,
) -> DistributionsModel:
    """The page's model for ``state`` (the page's URL state: ``p``, ``q``, ``sx``, ``sep``, ``w``) in ``unit``.

    ``fits`` and ``simplex`` compute the costly parts; the page passes cached versions of them.
    """
    base = UNIT_BASE[unit]
    other_unit = next(u for u in UNIT_BASE if u != unit)
    p, q = np.asarray(state["p"], dtype=float), np.asarray(state["q"], dtype=float)
    s = summarize(p, q, base=base)
    parts = terms(p, q, base=base)
    best = terms(p, p, base=base).code_length
    measure = state["sx"] if state["sx"] in ("ce", "kl") else "ce"
    total = float(parts.ce.sum())
    worked = Worked(
        p=p,
        q=q,
        code_length=parts.code_length,
        products=parts.ce,
        total=total,
        other_total=total * math.log(base) / math.log(UNIT_BASE[other_unit]),
        base=base,
        other_base=UNIT_BASE[other_unit],
    )
    three = p.size == 3
    return DistributionsModel(
        unit=unit,
        base=base,
        other_unit=other_unit,
        p=p,
        q=q,
        summary=s,
        ce_terms=parts.ce,
        h_terms=parts.h,
        kl_terms=parts.kl,
        code_length=parts.code_length,
        best_code_length=best,
        infinite_pq=tuple(int(i) for i in infinite_classes(p, q)),
        infinite_qp=tuple(int(i) for i in infinite_classes(q, p)),
        checks=s.holds(),
        q_equals_p=s.kl_pq == 0.0,  # KL(P‖Q) = 0 exactly when Q = P
        ce_symmetric=_same(s.ce_pq, s.ce_qp),
        kl_symmetric=_same(s.kl_pq, s.kl_qp),
        one_hot=int(np.argmax(p)) if p.max() == 1.0 else None,
        bound=_bound(p, s.h_p, base),
        triangle=_triangle(p, q, s.kl_pq, base),
        worked=worked,
        p_has_zero=bool((p == 0).any()),
        measure=measure,
        simplex=simplex(tuple(float(v) for v in p), measure, base) if three else None,
        simplex_minimum=s.h_p if measure == "ce" else 0.0,
        p_xy=to_xy(p) if three else None,
        q_xy=to_xy(q) if three else None,
        fits=fits(float(state["sep"]), float(state["w"])).in_unit(base),
    )


class WeightsError(ValueError):
    """A typed column of weights that cannot be a distribution; ``code`` says why: ``nan``, ``infinite``,
    ``negative``, ``zero`` or ``other``."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def read_weights(values) -> tuple[tuple[float, ...], float, bool]:
    """A column of the typed-entry table as a distribution: ``(p, total, changed)``, ``changed`` when the
    weights did not already sum to 1. Raises :class:`WeightsError` with the reason otherwise."""
    try:
        w = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as err:
        raise WeightsError("nan", str(err)) from err
    if np.isnan(w).any():
        raise WeightsError("nan", "a weight is missing or not a number")
    if np.isinf(w).any():
        raise WeightsError("infinite", "a weight is infinite")
    if (w < 0).any():
        raise WeightsError("negative", "a weight is negative")
    with np.errstate(over="ignore"):
        total = float(np.sum(w))
    if total == 0:
        raise WeightsError("zero", "all weights are zero")
    if not math.isfinite(total):  # each weight finite, their sum not: scale first
        w = w / w.max()
    try:
        result = normalize(w)
    except ValueError as err:
        raise WeightsError("other", str(err)) from err
    return tuple(float(v) for v in result.p), total, bool(result.changed) or not math.isfinite(total)
