"""Linear classifiers: logistic regression (one-vs-rest when K > 2) and softmax regression, each with a
cross-entropy or a squared-error loss, their objective and its analytic gradient.

Both models compute logits ``Z = X W + b``. Logistic regression has one output column for K = 2 (the logit of
class 1) and K independent sigmoid outputs for K > 2 (one-vs-rest); softmax regression has K columns. The
squared error is taken on the model's probabilities: ``(t - σ(z))²`` for logistic, ``‖T - softmax(z)‖²`` for
softmax. Every cross-entropy and squared error comes from :mod:`xentcore.losses`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np

from xentcore.losses import (
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse_with_logits,
    mse_with_logits,
    sigmoid,
    softmax,
    softmax_vjp,
)

ModelName = Literal["logistic", "softmax"]
LossName = Literal["ce", "mse"]
MODELS: tuple[str, ...] = ("logistic", "softmax")
LOSSES: tuple[str, ...] = ("ce", "mse")


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
) -> Callable[[np.ndarray], tuple[float, np.ndarray]]:
    """``Z ↦ (L(Z), ∂L/∂Z)`` for fixed labels, with the targets and sample weights prepared once (a training
    loop calls it every epoch). See :func:`data_loss_and_grad_logits` for the losses."""
    if model == "softmax" and loss == "ce":

        def softmax_ce(Z: np.ndarray) -> tuple[float, np.ndarray]:
            value = categorical_cross_entropy(y, Z, weight=weight, label_smoothing=label_smoothing)
            grad = grad_categorical_cross_entropy(y, Z, weight=weight, label_smoothing=label_smoothing)
            return value, grad

        return softmax_ce
    T = targets(model, y, n_classes, label_smoothing)
    scale = _sample_scale(y, weight)[:, None]

    def term(Z: np.ndarray) -> tuple[float, np.ndarray]:
        if model == "logistic" and loss == "ce":
            per = binary_cross_entropy_with_logits(T, Z, reduction="none")
            g = grad_binary_cross_entropy_with_logits(T, Z, reduction="none")
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
) -> tuple[float, np.ndarray]:
    """The data term ``L(Z)`` and ``∂L/∂Z`` for finite logits ``Z`` (N, C).

    Per sample, summed over the output columns: logistic CE ``Σ_c [t_c softplus(-z_c) + (1 - t_c) softplus(z_c)]``,
    logistic MSE ``Σ_c (t_c - σ(z_c))²``, softmax CE ``-Σ_c a_c log softmax(z)_c`` (PyTorch's
    ``cross_entropy`` with ``weight`` and ``label_smoothing``), softmax MSE ``Σ_c (T_c - softmax(z)_c)²``.
    The mean over samples is weighted by ``w_{y_i} / Σ_j w_{y_j}``.
    """
    return data_term(model, loss, y, n_classes, label_smoothing=label_smoothing, weight=weight)(Z)


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
    label_smoothing: float = 0.0,
    weight: np.ndarray | None = None,
) -> float:
    """What training minimises: the data term of :func:`data_loss_and_grad_logits` plus ``(λ/2) ‖W‖²``
    (the bias is not penalised)."""
    kw = {"l2": l2, "label_smoothing": label_smoothing, "weight": weight}
    return objective_and_grad(model, loss, X, y, W, b, n_classes, **kw)[0]


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
    label_smoothing: float = 0.0,
    weight: np.ndarray | None = None,
) -> tuple[float, np.ndarray, np.ndarray]:
    """:func:`objective` and its gradient: ``∂/∂W = Xᵀ G + λ W``, ``∂/∂b = Σ_i G_i`` with ``G = ∂L/∂Z``."""
    value, G = data_loss_and_grad_logits(
        model, loss, logits(X, W, b), y, n_classes, label_smoothing=label_smoothing, weight=weight
    )
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
