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
