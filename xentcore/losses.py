"""Classification losses in nats, each with its analytic gradient, computed stably from logits.

Binary: ``binary_cross_entropy`` (from probabilities), ``binary_cross_entropy_with_logits`` (softplus form).
Multi-class: ``categorical_cross_entropy`` from logits with PyTorch's semantics. Squared error: ``mse``.
Every ``grad_*`` function returns the gradient of the matching loss (same arguments, same reduction);
:func:`finite_difference` checks any of them numerically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import numpy as np

from xentcore.info import check_axis, xlogy

Reduction = Literal["mean", "sum", "none"]
REDUCTIONS = ("mean", "sum", "none")


def _reduce(per_item: np.ndarray, reduction: Reduction, denominator: float | None = None):
    if reduction == "none":
        return per_item
    total = per_item.sum()
    if reduction == "sum":
        return float(total)
    if reduction == "mean":
        return float(total / _mean_denominator(per_item.size, denominator))
    raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")


def _grad_scale(n: int, reduction: Reduction, denominator: float | None = None) -> float:
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    return 1.0 / _mean_denominator(n, denominator) if reduction == "mean" else 1.0


def _mean_denominator(n: int, denominator: float | None) -> float:
    # inputs are never empty (see _nonempty), so only class weights can make the mean 0 / 0
    if denominator == 0:
        raise ValueError(
            "reduction='mean' divides by the targets' total class weight Σ_i w[y_i], which is 0; "
            "give a target class a positive weight or use reduction='sum'"
        )
    return n if denominator is None else denominator


def _finite(x, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=float)
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    return arr


def _probabilities(x, name: str) -> np.ndarray:
    arr = _finite(x, name)
    if ((arr < 0) | (arr > 1)).any():
        raise ValueError(f"{name} must lie in [0, 1]")
    return arr


def _same_shape(a: np.ndarray, b: np.ndarray, names: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"{names} must have the same shape, got {a.shape} and {b.shape}")


def _nonempty(x: np.ndarray, name: str, need: str = "at least one prediction") -> None:
    # every loss and gradient refuses empty input, "none" and "sum" included: an empty batch is a caller's
    # bug far more often than an intended zero-length loss, and "mean" of it is 0 / 0
    if x.size == 0:
        raise ValueError(f"{name} is empty (shape {x.shape}); a loss needs {need}")


# --- link functions ------------------------------------------------------------------------------------


def softplus(z) -> np.ndarray:
    """``softplus(z) = log(1 + e^z)``, computed as ``logaddexp(0, z)`` (no overflow)."""
    return np.logaddexp(0.0, np.asarray(z, dtype=float))


def log_sigmoid(z) -> np.ndarray:
    """``log σ(z) = -softplus(-z)``; finite for any finite ``z``.

    >>> float(log_sigmoid(-1e4))
    -10000.0
    """
    return -softplus(-np.asarray(z, dtype=float))


def sigmoid(z) -> np.ndarray:
    """Logistic function ``σ(z) = 1 / (1 + e^{-z})``, evaluated without overflow.

    >>> sigmoid([0.0, 1e4, -1e4])
    array([0.5, 1. , 0. ])
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_softmax(z, axis: int = -1) -> np.ndarray:
    """``log softmax(z)_j = z_j - logsumexp(z)``, shifting by the maximum so nothing overflows.

    >>> log_softmax([1e4, 0.0])
    array([     0., -10000.])
    """
    z = np.asarray(z, dtype=float)
    check_axis(axis, z.ndim, "z")
    shifted = z - np.max(z, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def softmax(z, axis: int = -1) -> np.ndarray:
    """``softmax(z)_j = e^{z_j} / Σ_k e^{z_k}``, via :func:`log_softmax`.

    >>> softmax([0.0, 0.0])
    array([0.5, 0.5])
    """
    return np.exp(log_softmax(z, axis=axis))


def softmax_vjp(y_hat, g, axis: int = -1) -> np.ndarray:
    """Chain rule through softmax: given ``g = ∂L/∂ŷ`` return ``∂L/∂z = ŷ ⊙ (g - Σ_k g_k ŷ_k)``."""
    y_hat = np.asarray(y_hat, dtype=float)
    g = np.asarray(g, dtype=float)
    check_axis(axis, y_hat.ndim, "y_hat")
    return y_hat * (g - np.sum(g * y_hat, axis=axis, keepdims=True))


# --- binary cross-entropy ------------------------------------------------------------------------------


def binary_cross_entropy(y, y_hat, *, reduction: Reduction = "mean"):
    """Binary cross-entropy from probabilities, ``L = -[y log ŷ + (1 - y) log(1 - ŷ)]``.

    Keeps the limits exactly: ``0 · log 0 = 0``, and a certain wrong prediction (``ŷ = 0`` with ``y > 0``)
    costs ``+inf``. PyTorch's ``binary_cross_entropy`` instead clamps each log at -100, so it reports 100
    there. Prefer :func:`binary_cross_entropy_with_logits` when the logit is at hand.

    Examples
    --------
    >>> round(binary_cross_entropy([1, 0], [0.8, 0.4]), 6)
    0.366985
    >>> binary_cross_entropy([1.0], [0.0])
    inf
    """
    y_arr = _probabilities(y, "y")
    p = _probabilities(y_hat, "y_hat")
    _same_shape(y_arr, p, "y and y_hat")
    _nonempty(p, "y_hat")
    per_item = -(xlogy(y_arr, p) + xlogy(1.0 - y_arr, 1.0 - p))
    return _reduce(per_item, reduction)


def grad_binary_cross_entropy(y, y_hat, *, reduction: Reduction = "mean") -> np.ndarray:
    """``∂L/∂ŷ = (ŷ - y) / (ŷ (1 - ŷ))`` (divided by N for the mean).

    At ``ŷ = y ∈ {0, 1}`` the gradient is 0, as PyTorch's autograd gives for ``binary_cross_entropy``: the
    loss sits at its minimum 0 on the edge of [0, 1], and the formula's 0/0 is taken as 0 (its one-sided
    limit, ``-1/ŷ → -1`` for ``y = 1``, would point out of [0, 1]). Where ``ŷ ∈ {0, 1}`` differs from ``y``
    it is ``±inf``; PyTorch, which clamps each log at -100, divides by ``max(ŷ (1 - ŷ), 1e-12)`` instead.

    >>> grad_binary_cross_entropy([1.0, 0.0, 1.0], [1.0, 0.0, 0.5], reduction="sum")
    array([ 0.,  0., -2.])
    """
    y_arr = _probabilities(y, "y")
    p = _probabilities(y_hat, "y_hat")
    _same_shape(y_arr, p, "y and y_hat")
    _nonempty(p, "y_hat")
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(p == y_arr, 0.0, (p - y_arr) / (p * (1.0 - p)))
    return g * _grad_scale(p.size, reduction)


def binary_cross_entropy_with_logits(y, z, *, pos_weight=None, reduction: Reduction = "mean"):
    """Binary cross-entropy from logits, ``L = w_+ · y · softplus(-z) + (1 - y) · softplus(z)``.

    The softplus form is ``-[w_+ y log σ(z) + (1 - y) log(1 - σ(z))]`` without ever forming ``σ(z)``, so it is
    finite for any finite logit. ``pos_weight`` (``w_+``, default 1) scales the positive term as in PyTorch.

    Examples
    --------
    >>> round(binary_cross_entropy_with_logits([1, 0], [2.0, -1.0]), 6)
    0.220095
    >>> binary_cross_entropy_with_logits([1.0], [-1e4])
    10000.0
    """
    y_arr = _probabilities(y, "y")
    z_arr = _finite(z, "z")
    _same_shape(y_arr, z_arr, "y and z")
    _nonempty(z_arr, "z")
    w = 1.0 if pos_weight is None else _finite(pos_weight, "pos_weight")
    per_item = w * y_arr * softplus(-z_arr) + (1.0 - y_arr) * softplus(z_arr)
    return _reduce(per_item, reduction)


def grad_binary_cross_entropy_with_logits(y, z, *, pos_weight=None, reduction: Reduction = "mean"):
    """``∂L/∂z = (1 - y) σ(z) - w_+ y (1 - σ(z))``, which is ``σ(z) - y`` when ``w_+ = 1``."""
    y_arr = _probabilities(y, "y")
    z_arr = _finite(z, "z")
    _same_shape(y_arr, z_arr, "y and z")
    _nonempty(z_arr, "z")
    w = 1.0 if pos_weight is None else _finite(pos_weight, "pos_weight")
    s = sigmoid(z_arr)
    g = (1.0 - y_arr) * s - w * y_arr * sigmoid(-z_arr)
    return g * _grad_scale(z_arr.size, reduction)


# --- categorical cross-entropy -------------------------------------------------------------------------


def _target_coefficients(target, n_classes: int, n: int, weight, label_smoothing: float):
    """Return ``(A, denominator)`` such that the per-sample loss is ``-Σ_c A_ic log ŷ_ic``.

    ``A`` folds in the target, the class weights and the label smoothing exactly as PyTorch does, and
    ``denominator`` is what PyTorch's ``"mean"`` divides by (Σ_i w_{y_i} for class indices, N for
    probability targets).
    """
    if not (0.0 <= label_smoothing <= 1.0):
        raise ValueError(f"label_smoothing must be in [0, 1], got {label_smoothing}")
    w = np.ones(n_classes) if weight is None else _finite(weight, "weight")
    if w.shape != (n_classes,):
        raise ValueError(f"weight must have one entry per class ({n_classes}), got shape {w.shape}")
    if (w < 0).any():
        raise ValueError("weight must be >= 0")
    t = np.asarray(target)
    if t.ndim == 1:
        if not np.issubdtype(t.dtype, np.integer):
            if not np.all(np.isfinite(t)) or not np.all(t == np.round(t)):
                raise ValueError("class-index targets must be integers")
            t = t.astype(int)
        if t.shape != (n,):
            raise ValueError(f"target must have one class index per row ({n}), got shape {t.shape}")
        if ((t < 0) | (t >= n_classes)).any():
            raise ValueError(f"class indices must be in 0..{n_classes - 1}")
        a = np.zeros((n, n_classes))
        a[np.arange(n), t] = (1.0 - label_smoothing) * w[t]
        a += (label_smoothing / n_classes) * w
        return a, float(w[t].sum())
    probs = _probabilities(t, "target")
    if probs.shape != (n, n_classes):
        raise ValueError(f"probability targets must have shape {(n, n_classes)}, got {probs.shape}")
    probs = probs * (1.0 - label_smoothing) + label_smoothing / n_classes
    return probs * w, float(n)


def _logits_2d(logits, *, check_rows: bool = True) -> np.ndarray:
    """Logits of shape (N, C) with N, C >= 1; with ``check_rows``, also checked by :func:`_check_row_max`."""
    z = np.asarray(logits, dtype=float)
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (N, C), got {z.shape}")
    _nonempty(z, "logits", "at least one row and one class")
    if check_rows:
        _check_row_max(z, z.max(axis=1))
    return z


def _check_row_max(z: np.ndarray, m: np.ndarray) -> None:
    """Raise unless every row maximum ``m_i`` is finite.

    A logit of ``-inf`` is allowed: its class has probability 0. The row maximum is finite exactly when the
    row has no NaN, no ``+inf`` and at least one finite entry, so one pass over ``m`` validates all of ``z``.
    """
    bad = ~np.isfinite(m)
    if bad.any():
        i = int(np.argmax(bad))
        if np.isnan(z[i]).any():
            what = "contains NaN"
        elif np.isposinf(z[i]).any():
            what = "contains +inf"
        else:
            what = "is all -inf, so no class has a positive probability"
        raise ValueError(f"logits must be finite or -inf, with a finite entry in every row; row {i} {what}")


def categorical_cross_entropy(
    target, logits, *, weight=None, label_smoothing: float = 0.0, reduction: Reduction = "mean"
):
    """Categorical cross-entropy from logits: ``L_i = -Σ_c a_ic log softmax(z_i)_c``.

    Same semantics as PyTorch's ``torch.nn.functional.cross_entropy`` for logits of shape (N, C).

    Parameters
    ----------
    target : array_like
        Class indices of shape (N,) or probabilities of shape (N, C).
    logits : array_like
        Unnormalised scores ``z`` of shape (N, C); the log-softmax uses log-sum-exp.
    weight : array_like, optional
        Class weights ``w`` of shape (C,). With class indices ``"mean"`` divides by ``Σ_i w_{y_i}``;
        with probability targets it divides by N.
    label_smoothing : float
        ``ε`` in [0, 1]: the target becomes ``(1 - ε) y + ε / C``, so the smallest possible loss is the
        entropy of the smoothed target, above 0.
    reduction : {"mean", "sum", "none"}

    Notes
    -----
    A logit of ``-inf`` gives its class probability 0, as in PyTorch: the loss is ``+inf`` when the target
    puts weight on that class and finite otherwise, with ``0 · log 0 = 0`` on every path (PyTorch returns
    NaN where a probability target, a class weight or the smoothing is 0 on such a class). NaN, ``+inf``, a
    row that is all ``-inf``, and empty logits raise ``ValueError``.

    Examples
    --------
    >>> round(categorical_cross_entropy([0], [[2.0, 1.0, 0.1]]), 6)
    0.417030
    >>> bool(np.isclose(categorical_cross_entropy([0], [[0.0, 0.0, 0.0]]), np.log(3)))  # uniform: ln C
    True
    >>> categorical_cross_entropy([0, 1], [[0.0, -np.inf], [0.0, -np.inf]], reduction="none")
    array([ 0., inf])
    """
    t = np.asarray(target)
    if t.ndim == 1 and np.issubdtype(t.dtype, np.integer):
        z = _logits_2d(logits, check_rows=False)  # checked by _class_index_loss on its way
        per_item, denominator = _class_index_loss(t, z, weight, label_smoothing)
    else:
        z = _logits_2d(logits)
        a, denominator = _target_coefficients(target, z.shape[1], z.shape[0], weight, label_smoothing)
        terms = np.zeros_like(z)
        np.multiply(a, log_softmax(z, axis=1), out=terms, where=a != 0)  # 0 · log 0 = 0 at a -inf logit
        per_item = -terms.sum(axis=1)
    return _reduce(per_item, reduction, denominator)


_CHUNK_ROWS = 16_384  # a chunk of float64 logits stays in cache between the passes over it
_pool: ThreadPoolExecutor | None = None


def _class_index_loss(t: np.ndarray, z: np.ndarray, weight, label_smoothing: float) -> tuple[np.ndarray, float]:
    """Per-sample loss for class-index targets without forming log softmax(z):
    ``L_i = (1 - ε) w_{t_i} (lse_i - z_{i,t_i}) + (ε / C) (lse_i Σ_c w_c - z_i · w)``, ``lse_i = log Σ_c e^{z_ic}``.

    A term whose coefficient is 0 counts 0 even where ``z = -inf`` (``0 · log 0 = 0``). Large inputs are
    processed in cache-sized row chunks on a thread per core (numpy releases the GIL).
    """
    n, c = z.shape
    if not (0.0 <= label_smoothing <= 1.0):
        raise ValueError(f"label_smoothing must be in [0, 1], got {label_smoothing}")
    if t.shape != (n,):
        raise ValueError(f"target must have one class index per row ({n}), got shape {t.shape}")
    if n and (t.min() < 0 or t.max() >= c):
        raise ValueError(f"class indices must be in 0..{c - 1}")
    w = None if weight is None else _finite(weight, "weight")
    if w is not None and (w.shape != (c,) or (w < 0).any()):
        raise ValueError(f"weight must have one entry per class ({c}), each >= 0")
    out = np.empty(n)
    row_max = np.empty(n)
    # classes of weight 0 leave the smoothing term, so that a -inf logit there does not make 0 · inf
    positive = None if w is None or (w > 0).all() else w > 0

    def chunk(lo: int) -> None:
        # bad rows (NaN, +inf, all -inf) make NaN here; they are reported below, from the row maxima
        with np.errstate(invalid="ignore", over="ignore"):
            _chunk(lo)

    def _chunk(lo: int) -> None:
        zc, tc = z[lo : lo + _CHUNK_ROWS], t[lo : lo + _CHUNK_ROWS]
        m = zc.max(axis=1)
        row_max[lo : lo + len(zc)] = m
        e = np.subtract(zc, m[:, None])
        np.exp(e, out=e)
        log_s = np.log(e.sum(axis=1))
        # log s - (z_t - m), not (m + log s) - z_t: keeps a loss near 0 accurate when m is large
        nll = log_s - (np.take_along_axis(zc, tc[:, None], axis=1)[:, 0] - m)  # +inf where z_t = -inf
        if w is not None or label_smoothing:
            coef = (1.0 - label_smoothing) * (1.0 if w is None else w[tc])
            nll = np.where(coef == 0, 0.0, coef * nll)
        if label_smoothing:
            if w is None:
                smooth = (log_s + m) * c - zc.sum(axis=1)
            elif positive is None:
                smooth = (log_s + m) * w.sum() - zc @ w
            else:
                smooth = (log_s + m) * w.sum() - zc[:, positive] @ w[positive]
            nll += (label_smoothing / c) * smooth
        out[lo : lo + len(zc)] = nll

    starts = range(0, n, _CHUNK_ROWS)
    if n * c >= 1_000_000 and (os.cpu_count() or 1) > 1:
        global _pool
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=os.cpu_count(), thread_name_prefix="xent")
        list(_pool.map(chunk, starts))
    else:
        for lo in starts:
            chunk(lo)
    _check_row_max(z, row_max)
    return out, float(n if w is None else w[t].sum())


def grad_categorical_cross_entropy(
    target,
    logits,
    *,
    weight=None,
    label_smoothing: float = 0.0,
    reduction: Reduction = "mean",
    wrt: Literal["logits", "probs"] = "logits",
):
    """Gradient of :func:`categorical_cross_entropy`.

    With respect to the logits: ``∂L_i/∂z_ic = (Σ_k a_ik) ŷ_ic - a_ic``, which for a one-hot or
    probability target is ``ŷ_c - y_c``. With respect to the probabilities (``wrt="probs"``, treating each
    ``ŷ_c`` as a free variable): ``∂L_i/∂ŷ_ic = -a_ic / ŷ_ic``, that is ``-y_c / ŷ_c``.

    Logits are checked as in :func:`categorical_cross_entropy`. A ``-inf`` logit has ``ŷ_c = 0``: the
    gradient w.r.t. the logits stays finite (``-a_ic`` there, as PyTorch's autograd gives even where the loss
    is ``+inf``); w.r.t. the probabilities it is ``-inf`` where ``a_ic > 0`` and 0 where ``a_ic = 0``.
    """
    z = _logits_2d(logits)
    a, denominator = _target_coefficients(target, z.shape[1], z.shape[0], weight, label_smoothing)
    scale = _grad_scale(z.shape[0], reduction, denominator)
    y_hat = softmax(z, axis=1)
    if wrt == "logits":
        return (a.sum(axis=1, keepdims=True) * y_hat - a) * scale
    if wrt == "probs":
        g = np.zeros_like(a)
        with np.errstate(divide="ignore"):  # -a / 0 = -inf where a -inf logit meets a positive target
            np.divide(-a, y_hat, out=g, where=a != 0)
        return g * scale
    raise ValueError(f"wrt must be 'logits' or 'probs', got {wrt!r}")


# --- squared error -------------------------------------------------------------------------------------


def mse(y, y_hat, *, reduction: Reduction = "mean"):
    """Mean squared error ``L = (1/n) Σ (y - ŷ)²`` over all entries (``"sum"`` drops the 1/n).

    >>> mse([1, 0], [0.8, 0.4])
    0.1
    """
    y_arr = _finite(y, "y")
    p = _finite(y_hat, "y_hat")
    _same_shape(y_arr, p, "y and y_hat")
    _nonempty(p, "y_hat")
    return _reduce((y_arr - p) ** 2, reduction)


def grad_mse(y, y_hat, *, reduction: Reduction = "mean") -> np.ndarray:
    """``∂L/∂ŷ = 2 (ŷ - y)`` (divided by n for the mean)."""
    y_arr = _finite(y, "y")
    p = _finite(y_hat, "y_hat")
    _same_shape(y_arr, p, "y and y_hat")
    _nonempty(p, "y_hat")
    return 2.0 * (p - y_arr) * _grad_scale(p.size, reduction)


def mse_with_logits(y, z, *, reduction: Reduction = "mean"):
    """Squared error of a sigmoid output, ``L = (y - σ(z))²``: what an MSE-trained logistic model minimises."""
    y_arr, z_arr = _finite(y, "y"), _finite(z, "z")
    _same_shape(y_arr, z_arr, "y and z")
    _nonempty(z_arr, "z")
    return mse(y_arr, sigmoid(z_arr), reduction=reduction)


def grad_mse_with_logits(y, z, *, reduction: Reduction = "mean") -> np.ndarray:
    """``∂L/∂z = 2 (σ(z) - y) σ(z) (1 - σ(z))``: the factor ``σ'(z) <= 1/4`` vanishes when confidently wrong."""
    y_arr, z_arr = _finite(y, "y"), _finite(z, "z")
    _same_shape(y_arr, z_arr, "y and z")
    _nonempty(z_arr, "z")
    s = sigmoid(z_arr)
    return grad_mse(y_arr, s, reduction=reduction) * s * (1.0 - s)


# --- numerical check -----------------------------------------------------------------------------------


def finite_difference(f: Callable[[np.ndarray], float], x, *, h: float = 1e-6) -> np.ndarray:
    """Central finite-difference gradient ``(f(x + h e_k) - f(x - h e_k)) / 2h`` of a scalar ``f``.

    >>> finite_difference(lambda v: float((v ** 2).sum()), [1.0, -2.0]).round(6)
    array([ 2., -4.])
    """
    x = np.array(x, dtype=float)
    grad = np.empty_like(x)
    for k in np.ndindex(x.shape):
        old = x[k]
        x[k] = old + h
        f_plus = f(x.copy())
        x[k] = old - h
        f_minus = f(x.copy())
        x[k] = old
        grad[k] = (f_plus - f_minus) / (2.0 * h)
    return grad


# --- beyond plain cross-entropy: focal loss and logit adjustment ---------------------------------------


def _gamma(gamma) -> float:
    g = float(gamma)
    if not (np.isfinite(g) and g >= 0):
        raise ValueError(f"gamma must be a finite number >= 0, got {gamma}")
    return g


def _focal_binary_parts(y, z, gamma, alpha):
    """Validate, then return ``(y, s, s_neg, m, ce, alpha_t)``: ``s = σ(z)``, ``s_neg = σ(-z)``,
    ``m = 1 - p_t = y σ(-z) + (1 - y) σ(z)`` (a sum of non-negative terms, never ``1 - σ``), the
    per-element BCE ``ce`` and the class weight ``α_t`` (1 when α < 0)."""
    y_arr = _probabilities(y, "y")
    z_arr = _finite(z, "z")
    _same_shape(y_arr, z_arr, "y and z")
    _nonempty(z_arr, "z")
    _gamma(gamma)
    a = float(alpha)
    if not (np.isfinite(a) and a <= 1):
        raise ValueError(f"alpha must be in [0, 1], or negative to switch class weighting off, got {alpha}")
    s, s_neg = sigmoid(z_arr), sigmoid(-z_arr)
    m = y_arr * s_neg + (1.0 - y_arr) * s
    ce = y_arr * softplus(-z_arr) + (1.0 - y_arr) * softplus(z_arr)
    alpha_t = a * y_arr + (1.0 - a) * (1.0 - y_arr) if a >= 0 else np.ones_like(z_arr)
    return y_arr, s, s_neg, m, ce, alpha_t


def binary_focal_loss_with_logits(y, z, *, gamma: float = 2.0, alpha: float = 0.25, reduction: Reduction = "mean"):
    """Binary focal loss from logits (Lin et al. 2017), ``L = α_t (1 - p_t)^γ · CE(y, z)``.

    Same semantics as torchvision's ``sigmoid_focal_loss`` (``torchvision/ops/focal_loss.py``): with
    ``p = σ(z)``, ``p_t = p y + (1 - p)(1 - y)``, ``CE = -[y log p + (1 - y) log(1 - p)]`` in softplus form and
    ``α_t = α y + (1 - α)(1 - y)``. The factor ``(1 - p_t)^γ`` shrinks the loss of examples already classified
    well, so training attends to the hard ones.

    Parameters
    ----------
    y : array_like
        Targets in [0, 1] (0 or 1 for labels; soft targets are allowed, as in torchvision).
    z : array_like
        Logits, the same shape as ``y``.
    gamma : float
        Focusing exponent ``γ >= 0``; ``γ = 0`` leaves the cross-entropy unchanged.
    alpha : float
        Weight ``α`` in [0, 1] of the positive class (``1 - α`` for the negative one); any negative value
        (torchvision uses -1) switches the weighting off.
    reduction : {"mean", "sum", "none"}
        ``"mean"`` averages over all elements.

    Notes
    -----
    ``1 - p_t`` is computed as ``y σ(-z) + (1 - y) σ(z)``, never as ``1 - σ(z)``, so a confident correct logit
    keeps its tiny weight instead of rounding to 0, and ``0^0 = 1`` makes ``γ = 0`` exactly the cross-entropy.

    Examples
    --------
    >>> round(binary_focal_loss_with_logits([1, 0], [2.0, -1.0], gamma=2.0, alpha=0.25), 6)
    0.008722
    >>> easy, hard = binary_focal_loss_with_logits([1, 1], [4.0, -1.0], alpha=-1, reduction="none") / (
    ...     binary_cross_entropy_with_logits([1, 1], [4.0, -1.0], reduction="none"))
    >>> print(f"{easy:.5f} {hard:.3f}")  # (1 - p_t)²: an easy example keeps 0.03 % of its loss, a hard one 53 %
    0.00032 0.534
    >>> binary_focal_loss_with_logits([1, 0], [2.0, -1.0], gamma=0.0, alpha=-1) == binary_cross_entropy_with_logits(
    ...     [1, 0], [2.0, -1.0])
    True
    """
    _, _, _, m, ce, alpha_t = _focal_binary_parts(y, z, gamma, alpha)
    return _reduce(alpha_t * m ** _gamma(gamma) * ce, reduction)


def grad_binary_focal_loss_with_logits(
    y, z, *, gamma: float = 2.0, alpha: float = 0.25, reduction: Reduction = "mean"
) -> np.ndarray:
    """Gradient of :func:`binary_focal_loss_with_logits` w.r.t. ``z``:
    ``∂L/∂z = α_t (1 - p_t)^γ [γ (1 - 2y) r · CE + σ(z) - y]`` with ``r = σ(z) σ(-z) / (1 - p_t)``.

    For a label ``y = 1`` this is ``α (1 - p)^γ [γ p log p - (1 - p)]``. ``r`` lies in [0, 1] (it equals ``p_t``
    for a hard label), so the gradient has no negative power of ``1 - p_t`` even when ``γ < 1``; at
    ``γ = 0`` it is the cross-entropy's ``σ(z) - y``.
    """
    y_arr, s, s_neg, m, ce, alpha_t = _focal_binary_parts(y, z, gamma, alpha)
    g = _gamma(gamma)
    p_t = y_arr * s + (1.0 - y_arr) * s_neg
    # m = 0 only where σ underflows; there the limit of s·s_neg/m is p_t
    r = np.divide(s * s_neg, m, out=p_t.copy(), where=m > 0)
    grad = alpha_t * m**g * (g * (1.0 - 2.0 * y_arr) * r * ce + (s - y_arr))
    return grad * _grad_scale(grad.size, reduction)


def _focal_categorical_parts(target, logits, gamma, weight):
    """Validate, then return ``(t, y_hat, nll, m, w_t)`` for class-index targets: ``nll = -log ŷ_t`` and
    ``m = 1 - ŷ_t = Σ_{k≠t} ŷ_k``, both accurate to a relative rounding error even when ``ŷ_t`` is near 1."""
    z = _logits_2d(logits)
    n, c = z.shape
    _nonempty(z, "logits")
    _gamma(gamma)
    t = np.asarray(target)
    if t.ndim != 1:
        raise ValueError(f"target must be class indices of shape (N,), got shape {t.shape}")
    if not np.issubdtype(t.dtype, np.integer):
        if not (np.issubdtype(t.dtype, np.number) and np.all(np.isfinite(t)) and np.all(t == np.round(t))):
            raise ValueError("class-index targets must be integers")
        t = t.astype(int)
    if t.shape != (n,):
        raise ValueError(f"target must have one class index per row ({n}), got shape {t.shape}")
    if ((t < 0) | (t >= c)).any():
        raise ValueError(f"class indices must be in 0..{c - 1}")
    w = np.ones(c) if weight is None else _finite(weight, "weight")
    if w.shape != (c,):
        raise ValueError(f"weight must have one entry per class ({c}), got shape {w.shape}")
    if (w < 0).any():
        raise ValueError("weight must be >= 0")
    rows = np.arange(n)
    top = z.max(axis=1, keepdims=True)
    e = np.exp(z - top)
    e_t = e[rows, t]
    e[rows, t] = 0.0
    rest = e.sum(axis=1)  # Σ_{k≠t} e^{z_k - max}
    total = e_t + rest
    e[rows, t] = e_t
    y_hat = e / total[:, None]
    # the target is the top class: -log ŷ_t = log(1 + rest) exactly, via log1p; otherwise ŷ_t <= 1/2
    nll = np.where(z[rows, t] == top[:, 0], np.log1p(rest), np.log(total) - (z[rows, t] - top[:, 0]))
    return t, y_hat, nll, rest / total, w[t]


def _weighted_mean_denominator(w_t: np.ndarray, reduction: Reduction) -> float:
    denominator = float(w_t.sum())
    if reduction == "mean" and denominator == 0:
        raise ValueError("the weights of the targets sum to 0, so the weighted mean is undefined")
    return denominator


def categorical_focal_loss(target, logits, *, gamma: float = 2.0, weight=None, reduction: Reduction = "mean"):
    """Multi-class focal loss from logits, ``L_i = -w_{y_i} (1 - ŷ_{i,y_i})^γ log ŷ_{i,y_i}``, ``ŷ = softmax(z)``.

    Parameters
    ----------
    target : array_like
        Class indices of shape (N,).
    logits : array_like
        Unnormalised scores of shape (N, C).
    gamma : float
        Focusing exponent ``γ >= 0``; ``γ = 0`` is :func:`categorical_cross_entropy`.
    weight : array_like, optional
        Class weights ``w`` of shape (C,).
    reduction : {"mean", "sum", "none"}
        ``"mean"`` divides by ``Σ_i w_{y_i}``, the weighted-mean convention of :func:`categorical_cross_entropy`
        (N without weights).

    Notes
    -----
    ``1 - ŷ_y`` is summed from the other classes' probabilities and ``-log ŷ_y`` uses ``log1p`` when ``y`` is
    the top class, so a confident, correct row keeps an accurate small loss instead of rounding to 0.

    Examples
    --------
    >>> z = [[2.0, 1.0, 0.1]]
    >>> bool(np.isclose(categorical_focal_loss([0], z, gamma=0.0), categorical_cross_entropy([0], z)))
    True
    >>> round(categorical_focal_loss([0], z, gamma=2.0), 6)  # (1 - 0.659)² · 0.417
    0.048492
    """
    g = _gamma(gamma)
    _, _, nll, m, w_t = _focal_categorical_parts(target, logits, gamma, weight)
    per_item = w_t * m**g * nll
    return _reduce(per_item, reduction, _weighted_mean_denominator(w_t, reduction))


def grad_categorical_focal_loss(
    target, logits, *, gamma: float = 2.0, weight=None, reduction: Reduction = "mean"
) -> np.ndarray:
    """Gradient of :func:`categorical_focal_loss` w.r.t. the logits:
    ``∂L_i/∂z_ik = w_{y_i} (1 - ŷ_y)^γ [1 - γ ŷ_y log(ŷ_y) / (1 - ŷ_y)] (ŷ_k - [k = y_i])``.

    The bracket is at least 1 and tends to ``1 + γ`` as ``ŷ_y → 1`` (``log p / (1 - p) → -1``), so no negative
    power appears; at ``γ = 0`` this is the cross-entropy's ``w_y (ŷ - onehot(y))``.
    """
    g = _gamma(gamma)
    t, y_hat, nll, m, w_t = _focal_categorical_parts(target, logits, gamma, weight)
    scale = _grad_scale(len(t), reduction, _weighted_mean_denominator(w_t, reduction))
    p_t = y_hat[np.arange(len(t)), t]
    ratio = np.divide(nll, m, out=np.ones_like(m), where=m > 0)  # -log p / (1 - p), which tends to 1 at p = 1
    coefficient = w_t * m**g * (1.0 + g * p_t * ratio)
    grad = y_hat.copy()
    grad[np.arange(len(t)), t] -= 1.0
    return coefficient[:, None] * grad * scale


def _log_prior(prior, n_classes: int) -> np.ndarray:
    pi = _finite(prior, "prior")
    if pi.shape != (n_classes,):
        raise ValueError(f"prior must have one entry per class ({n_classes}), got shape {pi.shape}")
    if (pi <= 0).any():
        raise ValueError("prior must be > 0 for every class (a class never seen has no finite log prior)")
    if not np.isclose(pi.sum(), 1.0, rtol=0.0, atol=1e-9):
        raise ValueError(f"prior must sum to 1 (divide class counts by their total), got {pi.sum()}")
    return np.log(pi)


def _tau(tau) -> float:
    t = float(tau)
    if not (np.isfinite(t) and t >= 0):
        raise ValueError(f"tau must be a finite number >= 0, got {tau}")
    return t


def adjust_logits(logits, prior, *, tau: float = 1.0) -> np.ndarray:
    """Post-hoc logit adjustment (Menon et al., ICLR 2021): ``z - τ log π``.

    Applied at prediction time to a model trained with plain cross-entropy on long-tailed data: subtracting
    the log prior ``π`` of the training classes moves the decision towards rare classes, so the argmax targets
    the balanced error. ``logits`` has shape (..., C); ``prior`` is a distribution over the C classes.

    Examples
    --------
    >>> adjust_logits([[1.0, 0.5]], [0.9, 0.1]).argmax()  # the rare class wins once its prior is removed
    np.int64(1)
    """
    z = _finite(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits must have a class axis, shape (..., C)")
    _nonempty(z, "logits")
    return z - _tau(tau) * _log_prior(prior, z.shape[-1])


def logit_adjusted_cross_entropy(
    target, logits, prior, *, tau: float = 1.0, weight=None, reduction: Reduction = "mean"
):
    """Logit-adjusted cross-entropy (Menon et al., ICLR 2021), ``L_i = CE(y_i, z_i + τ log π)``.

    The training-time counterpart of :func:`adjust_logits`: adding ``τ log π`` to the logits inside the loss
    makes the common classes' margins harder to win, so the raw logits of the trained model are already
    balanced. ``τ = 0`` gives :func:`categorical_cross_entropy`; ``target``, ``weight`` and ``reduction`` are as
    there.

    Examples
    --------
    >>> z, prior = np.array([[1.0, 0.5, -0.2]]), np.array([0.7, 0.2, 0.1])
    >>> bool(np.isclose(logit_adjusted_cross_entropy([2], adjust_logits(z, prior), prior),
    ...                 categorical_cross_entropy([2], z)))
    True
    """
    z = _logits_2d(logits)
    _nonempty(z, "logits")
    shifted = z + _tau(tau) * _log_prior(prior, z.shape[1])
    return categorical_cross_entropy(target, shifted, weight=weight, reduction=reduction)


def grad_logit_adjusted_cross_entropy(
    target, logits, prior, *, tau: float = 1.0, weight=None, reduction: Reduction = "mean"
) -> np.ndarray:
    """Gradient of :func:`logit_adjusted_cross_entropy` w.r.t. the logits: ``softmax(z + τ log π) - y``
    (weighted as in :func:`grad_categorical_cross_entropy`); the shift is a constant, so it passes through."""
    z = _logits_2d(logits)
    _nonempty(z, "logits")
    shifted = z + _tau(tau) * _log_prior(prior, z.shape[1])
    return grad_categorical_cross_entropy(target, shifted, weight=weight, reduction=reduction)
