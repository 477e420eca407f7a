"""Linear classifiers: logistic regression (one-vs-rest when K > 2) and softmax regression, each with one of
several losses, their objective and its analytic gradient.

Both models compute logits ``Z = X W + b``. Logistic regression has one output column for K = 2 (the logit of
class 1) and K independent sigmoid outputs for K > 2 (one-vs-rest); softmax regression has K columns. The losses:
cross-entropy (``"ce"``), the squared error of the model's probabilities (``"mse"``: ``(t - σ(z))²`` for logistic,
``‖T - softmax(z)‖²`` for softmax), focal loss (``"focal"``, Lin et al. 2017) and logit-adjusted cross-entropy
(``"adjusted"``, Menon et al. 2021); label smoothing and class weights apply to all but focal's smoothing. Every
loss and its gradient comes from :mod:`xentcore.losses`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np

from xentcore.losses import (
    binary_cross_entropy_with_logits,
    binary_focal_loss_with_logits,
    categorical_cross_entropy,
    categorical_focal_loss,
    grad_binary_cross_entropy_with_logits,
    grad_binary_focal_loss_with_logits,
    grad_categorical_cross_entropy,
    grad_categorical_focal_loss,
    grad_mse_with_logits,
    log_sigmoid,
    log_softmax,
    mse_with_logits,
    sigmoid,
    softmax,
    softmax_vjp,
)

ModelName = Literal["logistic", "softmax"]
LossName = Literal["ce", "mse", "focal", "adjusted"]
MODELS: tuple[str, ...] = ("logistic", "softmax")
LOSSES: tuple[str, ...] = ("ce", "mse", "focal", "adjusted")


def check_model(model: str, loss: str) -> None:
    """Raise ``ValueError`` unless ``model`` is one of :data:`MODELS` and ``loss`` one of :data:`LOSSES`."""
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}, got {model!r}")
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")


def n_outputs(model: ModelName, n_classes: int) -> int:
    """Columns of ``W``: 1 for binary logistic regression, otherwise K."""
    if n_classes < 2:
        raise ValueError(f"need at least two classes, got {n_classes}")
    return 1 if model == "logistic" and n_classes == 2 else n_classes


def logits(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``Z = X W + b``, shape (N, C)."""
    return X @ W + b


def predict(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Predicted class indices: ``z > 0`` for a single logit column, else ``argmax_c z_c`` (ties: lowest c).

    Both models predict the class with the largest logit, because σ and softmax are increasing.
    """
    Z = logits(X, W, b)
    return (Z[:, 0] > 0).astype(np.int64) if Z.shape[1] == 1 else np.argmax(Z, axis=1)


def predict_proba(model: ModelName, X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Class probabilities, shape (N, K).

    Softmax: ``softmax(z)``. Binary logistic: ``[1 - σ(z), σ(z)]``. One-vs-rest logistic: the K sigmoids
    normalised to sum to 1 (what scikit-learn's one-vs-rest does).
    """
    Z = logits(X, W, b)
    if model == "softmax":
        return softmax(Z, axis=1)
    s = sigmoid(Z)
    if Z.shape[1] == 1:
        return np.column_stack([1.0 - s[:, 0], s[:, 0]])
    return s / s.sum(axis=1, keepdims=True)


def log_proba(model: ModelName, X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``log`` of :func:`predict_proba`, shape (N, K), computed without forming the probabilities: finite for
    finite logits, however confident the model.

    Softmax: ``log_softmax(z)``. Binary logistic: ``[log σ(-z), log σ(z)]``. One-vs-rest: ``log σ(z_c)`` minus the
    log of their sum. Used as logits, these give back the model's probabilities (``softmax(log p) = p``), so
    temperature scaling ``softmax(log p / T)`` is the usual ``softmax(z / T)`` for softmax and ``σ(z / T)`` for
    binary logistic regression.
    """
    Z = logits(X, W, b)
    if model == "softmax":
        return log_softmax(Z, axis=1)
    if Z.shape[1] == 1:
        return np.column_stack([log_sigmoid(-Z[:, 0]), log_sigmoid(Z[:, 0])])
    L = log_sigmoid(Z)
    top = L.max(axis=1, keepdims=True)
    return L - (top + np.log(np.exp(L - top).sum(axis=1, keepdims=True)))


def one_hot(y: np.ndarray, n_classes: int) -> np.ndarray:
    """``Y[i, c] = 1`` if ``y_i = c`` else 0."""
    Y = np.zeros((y.shape[0], n_classes))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


def targets(model: ModelName, y: np.ndarray, n_classes: int, label_smoothing: float = 0.0) -> np.ndarray:
    """Smoothed targets ``T`` with the shape of the logits.

    Each sigmoid output is a two-class problem, so its target becomes ``(1 - ε) t + ε / 2``; a softmax target
    becomes ``(1 - ε) y + ε / K`` (PyTorch's convention).
    """
    if not (0.0 <= label_smoothing <= 1.0):
        raise ValueError(f"label_smoothing must be in [0, 1], got {label_smoothing}")
    T = y.astype(float)[:, None] if model == "logistic" and n_classes == 2 else one_hot(y, n_classes)
    k = 2 if model == "logistic" else n_classes
    return (1.0 - label_smoothing) * T + label_smoothing / k


def class_weights(y: np.ndarray, n_classes: int, class_weight=None) -> np.ndarray | None:
    """Resolve ``class_weight``: ``None`` (all 1), ``"balanced"`` (``n / (K n_c)``, scikit-learn's rule) or
    one non-negative weight per class. Returns ``None`` for equal weights."""
    if class_weight is None:
        return None
    if isinstance(class_weight, str):
        if class_weight != "balanced":
            raise ValueError(f"class_weight must be None, 'balanced' or one weight per class, got {class_weight!r}")
        counts = np.bincount(y, minlength=n_classes).astype(float)
        return np.where(counts > 0, y.shape[0] / (n_classes * np.maximum(counts, 1.0)), 0.0)
    w = np.asarray(class_weight, dtype=float)
    if w.shape != (n_classes,) or not np.isfinite(w).all() or (w < 0).any():
        raise ValueError(f"class_weight needs {n_classes} finite non-negative numbers")
    if w[y].sum() <= 0:
        raise ValueError("class_weight gives every sample weight 0")
    return w


def class_prior(y: np.ndarray, n_classes: int) -> np.ndarray:
    """The training labels' class frequencies ``π_c = n_c / n``, the prior that logit adjustment removes;
    every class must occur (a class never seen has no finite ``log π``)."""
    counts = np.bincount(np.asarray(y, dtype=np.int64), minlength=n_classes).astype(float)
    if (counts == 0).any():
        missing = int(np.argmin(counts))
        raise ValueError(f"logit adjustment needs every class in the training labels; class {missing} has none")
    return counts / counts.sum()


def _check_prior(prior, n_classes: int) -> np.ndarray:
    pi = np.asarray(prior, dtype=float)
    if pi.shape != (n_classes,) or not np.isfinite(pi).all() or (pi <= 0).any() or (pi >= 1).any():
        raise ValueError(f"prior must hold {n_classes} probabilities strictly between 0 and 1")
    if not np.isclose(pi.sum(), 1.0, rtol=0.0, atol=1e-9):
        raise ValueError(f"prior must sum to 1, got {pi.sum()}")
    return pi


def logit_shift(model: ModelName, n_classes: int, prior, tau: float = 1.0) -> np.ndarray:
    """What logit adjustment adds to the logits inside the loss, one entry per logit column.

    Softmax: ``τ log π`` (Menon et al. 2021). Logistic regression: each sigmoid column is a two-class problem,
    class c against the rest, so its shift is ``τ log(π_c / (1 - π_c))``; for K = 2 the one column is class 1's,
    ``τ log(π_1 / π_0)``, which makes ``σ(z + shift)`` exactly the softmax of the adjusted two-class logits
    ``[τ log π_0, z + τ log π_1]``.
    """
    t = float(tau)
    if not (np.isfinite(t) and t >= 0):
        raise ValueError(f"tau must be a finite number >= 0, got {tau}")
    log_pi = np.log(_check_prior(prior, n_classes))
    if model == "softmax":
        return t * log_pi
    odds = t * (log_pi - np.log1p(-np.exp(log_pi)))
    return odds[1:] if n_classes == 2 else odds


def _sample_scale(y: np.ndarray, weight: np.ndarray | None) -> np.ndarray:
    """Per-sample factor of a weighted mean: ``w_{y_i} / Σ_j w_{y_j}`` (``1/N`` without weights)."""
    if weight is None:
        return np.full(y.shape[0], 1.0 / y.shape[0])
    s = weight[y]
    return s / s.sum()


def data_term(
    model: ModelName,
    loss: LossName,
    y: np.ndarray,
    n_classes: int,
    *,
    label_smoothing: float = 0.0,
    weight: np.ndarray | None = None,
    gamma: float = 2.0,
    prior: np.ndarray | None = None,
    tau: float = 1.0,
) -> Callable[[np.ndarray], tuple[float, np.ndarray]]:
    """``Z ↦ (L(Z), ∂L/∂Z)`` for fixed labels, with the targets, sample weights and logit shift prepared once
    (a training loop calls it every epoch). See :func:`data_loss_and_grad_logits` for the losses."""
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")
    if loss == "focal" and label_smoothing:
        raise ValueError("focal loss takes no label smoothing: its focusing already softens confident predictions")
    shift = None
    if loss == "adjusted":
        shift = logit_shift(model, n_classes, class_prior(y, n_classes) if prior is None else prior, tau)
    if model == "softmax" and loss in ("ce", "adjusted"):

        def softmax_ce(Z: np.ndarray) -> tuple[float, np.ndarray]:
            Zs = Z if shift is None else Z + shift
            value = categorical_cross_entropy(y, Zs, weight=weight, label_smoothing=label_smoothing)
            grad = grad_categorical_cross_entropy(y, Zs, weight=weight, label_smoothing=label_smoothing)
            return value, grad

        return softmax_ce
    if model == "softmax" and loss == "focal":

        def softmax_focal(Z: np.ndarray) -> tuple[float, np.ndarray]:
            value = categorical_focal_loss(y, Z, gamma=gamma, weight=weight)
            return value, grad_categorical_focal_loss(y, Z, gamma=gamma, weight=weight)

        return softmax_focal
    T = targets(model, y, n_classes, label_smoothing)
    scale = _sample_scale(y, weight)[:, None]

    def term(Z: np.ndarray) -> tuple[float, np.ndarray]:
        if model == "logistic" and loss in ("ce", "adjusted"):
            Zs = Z if shift is None else Z + shift
            per = binary_cross_entropy_with_logits(T, Zs, reduction="none")
            g = grad_binary_cross_entropy_with_logits(T, Zs, reduction="none")
        elif model == "logistic" and loss == "focal":
            per = binary_focal_loss_with_logits(T, Z, gamma=gamma, alpha=-1.0, reduction="none")
            g = grad_binary_focal_loss_with_logits(T, Z, gamma=gamma, alpha=-1.0, reduction="none")
        elif model == "logistic":
            per = mse_with_logits(T, Z, reduction="none")
            g = grad_mse_with_logits(T, Z, reduction="none")
        else:
            P = softmax(Z, axis=1)
            per = (T - P) ** 2
            g = softmax_vjp(P, 2.0 * (P - T), axis=1)
        return float((per * scale).sum()), g * scale

    return term


def data_loss_and_grad_logits(
    model: ModelName,
    loss: LossName,
    Z: np.ndarray,
    y: np.ndarray,
    n_classes: int,
    *,
    label_smoothing: float = 0.0,
    weight: np.ndarray | None = None,
    gamma: float = 2.0,
    prior: np.ndarray | None = None,
    tau: float = 1.0,
) -> tuple[float, np.ndarray]:
    """The data term ``L(Z)`` and ``∂L/∂Z`` for finite logits ``Z`` (N, C).

    Per sample, summed over the output columns: logistic CE ``Σ_c [t_c softplus(-z_c) + (1 - t_c) softplus(z_c)]``,
    logistic MSE ``Σ_c (t_c - σ(z_c))²``, softmax CE ``-Σ_c a_c log softmax(z)_c`` (PyTorch's
    ``cross_entropy`` with ``weight`` and ``label_smoothing``), softmax MSE ``Σ_c (T_c - softmax(z)_c)²``.
    Focal (``γ = gamma``, no smoothing): logistic ``Σ_c (1 - p_t)^γ BCE(t_c, z_c)`` (torchvision's
    ``sigmoid_focal_loss`` without α), softmax ``-(1 - ŷ_y)^γ log ŷ_y``. Logit-adjusted: the cross-entropy of
    ``z + shift`` with the shift of :func:`logit_shift` (``prior`` defaults to the class frequencies of ``y``).
    The mean over samples is weighted by ``w_{y_i} / Σ_j w_{y_j}``.
    """
    kw = {"label_smoothing": label_smoothing, "weight": weight, "gamma": gamma, "prior": prior, "tau": tau}
    return data_term(model, loss, y, n_classes, **kw)(Z)


def objective(
    model: ModelName,
    loss: LossName,
    X: np.ndarray,
    y: np.ndarray,
    W: np.ndarray,
    b: np.ndarray,
    n_classes: int,
    *,
    l2: float = 0.0,
    **loss_settings,
) -> float:
    """What training minimises: the data term of :func:`data_loss_and_grad_logits` plus ``(λ/2) ‖W‖²``
    (the bias is not penalised). ``loss_settings``: ``label_smoothing``, ``weight``, ``gamma``, ``prior``,
    ``tau``."""
    return objective_and_grad(model, loss, X, y, W, b, n_classes, l2=l2, **loss_settings)[0]


def objective_and_grad(
    model: ModelName,
    loss: LossName,
    X: np.ndarray,
    y: np.ndarray,
    W: np.ndarray,
    b: np.ndarray,
    n_classes: int,
    *,
    l2: float = 0.0,
    **loss_settings,
) -> tuple[float, np.ndarray, np.ndarray]:
    """:func:`objective` and its gradient: ``∂/∂W = Xᵀ G + λ W``, ``∂/∂b = Σ_i G_i`` with ``G = ∂L/∂Z``."""
    value, G = data_loss_and_grad_logits(model, loss, logits(X, W, b), y, n_classes, **loss_settings)
    return value + 0.5 * l2 * float(np.sum(W * W)), X.T @ G + l2 * W, G.sum(axis=0)


def init_params(
    model: ModelName, d: int, n_classes: int, init: str | tuple, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Initial ``(W, b)``: ``"zeros"``, ``"small"`` (normal, sd 0.01), ``"normal"`` (standard normal, as in the
    tutorial), or an explicit pair ``(W, b)`` of logistic-regression parameters (``W`` of shape (d, 1) for
    K = 2, else (d, K)).

    The draw depends on (d, K, init, rng) but not on the model, so runs on the same data start from the same
    function: for K = 2, softmax gets the logistic ``(w, b)`` as columns ``[-w/2, w/2]``, which gives the same
    probabilities (``softmax([-z/2, z/2])_1 = σ(z)``).
    """
    c = 1 if n_classes == 2 else n_classes
    if isinstance(init, str):
        scale = {"zeros": 0.0, "small": 0.01, "normal": 1.0}.get(init)
        if scale is None:
            raise ValueError(f"init must be 'zeros', 'small' or 'normal', got {init!r}")
        W = scale * rng.standard_normal((d, c))
        b = scale * rng.standard_normal(c)
    else:
        W, b = (np.array(a, dtype=float) for a in init)
        if W.shape != (d, c) or b.shape != (c,) or not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise ValueError(f"initial W and b must be finite with shapes {(d, c)} and {(c,)}")
    if model == "softmax" and n_classes == 2:
        return np.hstack([-W / 2, W / 2]), np.array([-b[0] / 2, b[0] / 2])
    return W, b
