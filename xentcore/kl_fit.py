"""Forward against reverse KL: fit one bell curve ``Q`` to a two-peaked ``P`` on a grid of points.

Minimising ``KL(P‖Q)`` (forward, what maximum likelihood and cross-entropy training do) punishes ``Q``
wherever ``P`` has mass that ``Q`` misses, so the fit spreads to cover both peaks ("mass-covering").
Minimising ``KL(Q‖P)`` (reverse, as in variational inference) punishes ``Q`` for putting mass where ``P``
has little, so the fit settles on one peak ("mode-seeking").

``Q`` is a discretised Gaussian, ``q_i ∝ exp(−(x_i − μ)² / 2σ²)``, normalised with a log-sum-exp. The fit
is a deterministic search: a coarse grid over ``μ`` and ``log σ``, then a pattern search of small grids
around the best point. No randomness, no SciPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from xentcore.info import as_distribution, kl_divergence
from xentcore.losses import log_softmax

DIRECTIONS = ("forward", "reverse")


def support(n: int = 121, half_width: float = 8.0) -> np.ndarray:
    """``n`` evenly spaced points on ``[−half_width, half_width]``: where the distributions live."""
    return np.linspace(-half_width, half_width, n)


def log_gaussian(x: np.ndarray, mu, sigma) -> np.ndarray:
    """``log q`` of discretised Gaussians on the points ``x``: ``log softmax(−(x − μ)² / 2σ²)``.

    ``mu`` and ``sigma`` broadcast against each other; the points are the last axis of the result.

    >>> np.exp(log_gaussian(np.array([-1.0, 0.0, 1.0]), 0.0, 1e-3)).round(6)
    array([0., 1., 0.])
    """
    mu = np.asarray(mu, dtype=float)[..., None]
    sigma = np.asarray(sigma, dtype=float)[..., None]
    return log_softmax(-0.5 * ((x - mu) / sigma) ** 2, axis=-1)


def gaussian(x: np.ndarray, mu: float, sigma: float) -> np.ndarray:
    """The discretised Gaussian ``q_i = exp(−(x_i − μ)²/2σ²) / Σ_j exp(−(x_j − μ)²/2σ²)``."""
    return np.exp(log_gaussian(x, mu, sigma))


def two_peaks(x: np.ndarray, separation: float, weight: float, width: float = 0.8) -> np.ndarray:
    """A two-peaked ``P``: the mixture ``w · N(−s/2, width) + (1 − w) · N(s/2, width)``, discretised.

    Computed in log space (``logaddexp``), so every entry is positive: reverse KL needs ``p_i > 0``.

    >>> p = two_peaks(support(), 4.0, 0.5)
    >>> round(float(p.sum()), 12), bool((p > 0).all())
    (1.0, True)
    """
    if not 0 < weight < 1:
        raise ValueError(f"weight must lie strictly between 0 and 1, got {weight}")
    if not width > 0:
        raise ValueError(f"width must be positive, got {width}")
    z = np.logaddexp(
        math.log(weight) - 0.5 * ((x + separation / 2) / width) ** 2,
        math.log1p(-weight) - 0.5 * ((x - separation / 2) / width) ** 2,
    )
    return np.exp(log_softmax(z))


def _objective(log_p: np.ndarray, log_q: np.ndarray, direction: str) -> np.ndarray:
    """``KL(P‖Q) = Σ p (log p − log q)`` or ``KL(Q‖P) = Σ q (log q − log p)`` in nats, over the last axis."""
    if direction == "forward":
        return np.sum(np.exp(log_p) * (log_p - log_q), axis=-1)
    return np.sum(np.exp(log_q) * (log_q - log_p), axis=-1)


@dataclass(frozen=True)
class Fit:
    """The best discretised Gaussian found: its centre ``mu``, width ``sigma``, probabilities ``q``, and
    the divergence it reached (``kl``, in nats: ``KL(P‖Q)`` forward, ``KL(Q‖P)`` reverse)."""

    direction: str
    mu: float
    sigma: float
    q: np.ndarray
    kl: float


def _best(values: np.ndarray, tie: float = 0.0) -> tuple[int, int]:
    """Index of the smallest value; with ``tie > 0``, the first one within ``tie`` of it."""
    flat = np.flatnonzero(values <= values.min() + tie)[0] if tie > 0 else np.argmin(values)
    i, j = np.unravel_index(int(flat), values.shape)
    return int(i), int(j)


def fit_gaussian(p, x: np.ndarray, direction: str, *, n_coarse: int = 81, n_fine: int = 15, tol: float = 1e-9) -> Fit:
    """Fit a discretised Gaussian ``Q`` to ``P`` on the points ``x`` by minimising forward or reverse KL.

    A coarse ``n_coarse × n_coarse / 2`` grid over ``μ ∈ [min x, max x]`` and ``log σ`` (``σ`` from ``Δx/2`` to
    ``max x − min x``) finds the basin; then a pattern search polishes: an ``n_fine × n_fine`` grid around
    the best point moves to its best point, and shrinks (by 4) only when that point is inside it, not on
    its border, until the window is narrower than ``tol``. On an exact tie in the coarse grid (two equally
    good peaks) the first in grid order, the smaller ``μ``, wins, so the result is reproducible.

    Parameters
    ----------
    p : array_like
        The target distribution over ``x``; every entry must be positive (reverse KL is infinite
        otherwise).
    x : ndarray
        The points, increasing.
    direction : {"forward", "reverse"}
        ``"forward"`` minimises ``KL(P‖Q)``; ``"reverse"`` minimises ``KL(Q‖P)``.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be 'forward' or 'reverse', got {direction!r}")
    pv = as_distribution(p, "p")
    x = np.asarray(x, dtype=float)
    if pv.shape != x.shape:
        raise ValueError(f"p and x must have the same shape, got {pv.shape} and {x.shape}")
    if (pv <= 0).any():
        raise ValueError("every p_i must be positive to fit against it")
    log_p = np.log(pv)

    def search(mus: np.ndarray, log_sigmas: np.ndarray, tie: float = 0.0) -> tuple[int, int]:
        grid_mu, grid_ls = np.meshgrid(mus, log_sigmas, indexing="ij")
        return _best(_objective(log_p, log_gaussian(x, grid_mu, np.exp(grid_ls)), direction), tie)

    mus = np.linspace(x[0], x[-1], n_coarse)
    log_sigmas = np.linspace(math.log(float(np.min(np.diff(x))) / 2), math.log(x[-1] - x[0]), n_coarse // 2)
    i, j = search(mus, log_sigmas, tie=1e-12)
    mu, ls = mus[i], log_sigmas[j]
    half_mu, half_ls = mus[1] - mus[0], log_sigmas[1] - log_sigmas[0]
    for _ in range(200):
        mus = np.linspace(mu - half_mu, mu + half_mu, n_fine)
        log_sigmas = np.linspace(ls - half_ls, ls + half_ls, n_fine)
        i, j = search(mus, log_sigmas)
        mu, ls = mus[i], log_sigmas[j]
        if 0 < i < n_fine - 1 and 0 < j < n_fine - 1:
            half_mu, half_ls = half_mu / 4, half_ls / 4
            if max(half_mu, half_ls) < tol:
                break
    mu, sigma = float(mu), float(math.exp(ls))
    q = gaussian(x, mu, sigma)
    kl = kl_divergence(pv, q) if direction == "forward" else kl_divergence(q, pv)
    return Fit(direction=direction, mu=mu, sigma=sigma, q=q, kl=kl)
