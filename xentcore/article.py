"""The tutorial's two numpy training programs, re-implemented faithfully, next to corrected versions.

The ``article_*`` functions keep every choice the tutorial makes (see ``SOURCE-ARTICLE.md``), flaws
included: the sigmoid evaluated directly as ``1 / (1 + e^{-z})``, a loss that is a **sum** over the samples
although its formula says mean, and a plain ``log`` that turns a probability rounded to 0 or 1 into
``inf`` or ``nan``. They are written from the article's description, not copied from it, and they do not
silence numpy's warnings: callers that want a clean screen wrap them in ``np.errstate``.

The ``corrected_*`` functions train the same models with the same gradient descent, but report the
mean loss computed stably from the logits (softplus / log-sum-exp, from :mod:`xentcore.losses`), so the
loss is finite for every finite input. What they cannot fix is data with nothing to learn: that is the
caller's choice of ``X`` and ``y``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from xentcore.losses import (
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
)

ARTICLE_SEED = 0
ARTICLE_N = 100
ARTICLE_BINARY_FEATURES = 2
ARTICLE_SOFTMAX_FEATURES = 5
ARTICLE_CLASSES = 3
ARTICLE_LR = 0.01
ARTICLE_EPOCHS = 1000
ARTICLE_LOG_EVERY = 100


@dataclass(frozen=True)
class Setup:
    """A training problem: inputs ``X`` (N, d), labels ``y`` (N,) as class indices, and the initial
    parameters (``weights`` (d,) and a float ``bias`` for the binary model; (d, C) and (C,) for softmax)."""

    X: np.ndarray
    y: np.ndarray
    weights: np.ndarray
    bias: float | np.ndarray


@dataclass(frozen=True)
class Fit:
    """The outcome of a training run.

    ``loss[e]`` and ``accuracy[e]`` are measured at the start of epoch ``e`` (before its update), the
    loss exactly as the method computes it (a sum for the article's programs, a mean for the corrected
    ones). ``weights`` and ``bias`` are the final parameters.
    """

    weights: np.ndarray
    bias: float | np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    log_every: int

    @property
    def printed_epochs(self) -> np.ndarray:
        """The epochs whose loss the program prints (every ``log_every``-th, starting at 0)."""
        return np.arange(0, self.loss.size, self.log_every)

    @property
    def printed_loss(self) -> np.ndarray:
        """The loss values the program prints."""
        return self.loss[:: self.log_every]

    @property
    def printed_nonfinite(self) -> int:
        """How many printed losses are ``inf`` or ``nan``."""
        return int(np.count_nonzero(~np.isfinite(self.printed_loss)))


# --- the article's data ---------------------------------------------------------------------------------


def article_binary_setup(seed: int = ARTICLE_SEED) -> Setup:
    """The binary program's data and starting point, drawn in the article's order.

    ``X`` is 100 × 2 standard normal, ``y`` 100 labels drawn uniformly from {0, 1} (independent of ``X``),
    then two standard-normal weights and one standard-normal bias. A ``RandomState(seed)`` replays exactly
    the stream that the article's ``np.random.seed(seed)`` followed by the same draws produces, without
    touching numpy's global generator.
    """
    rs = np.random.RandomState(seed)
    X = rs.randn(ARTICLE_N, ARTICLE_BINARY_FEATURES)
    y = rs.randint(0, 2, ARTICLE_N)
    weights = rs.randn(ARTICLE_BINARY_FEATURES)
    bias = float(rs.randn())
    return Setup(X, y, weights, bias)


def article_softmax_setup(seed: int = ARTICLE_SEED) -> Setup:
    """The softmax program's data and starting point, drawn in the article's order.

    ``X`` is 100 × 5 standard normal, ``y`` 100 labels drawn uniformly from {0, 1, 2} (independent of
    ``X``), then ``W`` 5 × 3 and ``b`` (3,) standard normal. Same stream as ``np.random.seed(seed)``.
    """
    rs = np.random.RandomState(seed)
    X = rs.randn(ARTICLE_N, ARTICLE_SOFTMAX_FEATURES)
    y = rs.randint(0, ARTICLE_CLASSES, ARTICLE_N)
    weights = rs.randn(ARTICLE_SOFTMAX_FEATURES, ARTICLE_CLASSES)
    bias = rs.randn(ARTICLE_CLASSES)
    return Setup(X, y, weights, bias)


def article_start(
    n_features: int, n_classes: int = 2, seed: int = ARTICLE_SEED
) -> tuple[np.ndarray, float | np.ndarray]:
    """Standard-normal starting parameters drawn the article's way, for a data set of another shape:
    ``(θ, b)`` with ``θ`` (d,) and a float ``b`` for two classes, ``(W, b)`` with (d, C) and (C,) otherwise."""
    rs = np.random.RandomState(seed)
    if n_classes == 2:
        return rs.randn(n_features), float(rs.randn())
    return rs.randn(n_features, n_classes), rs.randn(n_classes)


def one_hot(y, n_classes: int) -> np.ndarray:
    """Rows of the identity: ``Y[i, c] = 1`` if ``y_i = c`` else 0."""
    return np.eye(n_classes)[np.asarray(y, dtype=int)]


# --- the article's method, faithfully -------------------------------------------------------------------


def article_sigmoid(z):
    """The article's sigmoid, ``1 / (1 + e^{-z})`` evaluated directly.

    ``e^{-z}`` overflows to ``inf`` for ``z < -709`` (with a numpy warning) and the result rounds to
    exactly 0; for ``z > 37`` it rounds to exactly 1.
    """
    return 1 / (1 + np.exp(-z))


def article_binary_loss(y, y_hat):
    """The article's binary loss: ``-Σ_i [y_i log ŷ_i + (1 - y_i) log(1 - ŷ_i)]``.

    A sum, N times the mean its formula states, with a plain ``log``: ``ŷ = 0`` with ``y = 1`` gives
    ``inf``, and ``ŷ = 0`` with ``y = 0`` gives ``0 · log 0 = 0 · (-inf) = nan``.
    """
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def article_logistic_regression(
    X, y, weights, bias, *, lr: float = ARTICLE_LR, epochs: int = ARTICLE_EPOCHS, log_every: int = ARTICLE_LOG_EVERY
) -> Fit:
    """The article's logistic regression, its choices kept: plain gradient descent for ``epochs`` epochs
    with learning rate ``lr``, ``ŷ = article_sigmoid(Xθ + b)``, the summed unstabilised
    :func:`article_binary_loss`, and the gradients ``Xᵀ(ŷ - y) / N`` and ``mean(ŷ - y)``.

    Those gradients are the ones of the *mean* loss, so the parameters move as a mean-loss descent would;
    only the reported loss is N times too large (or ``inf``/``nan``). The training accuracy per epoch is
    recorded as well (the article does not compute it).
    """
    n = len(y)
    losses, accuracies = [], []
    for _ in range(epochs):
        y_hat = article_sigmoid(X @ weights + bias)
        losses.append(article_binary_loss(y, y_hat))
        accuracies.append(np.mean((y_hat >= 0.5) == y))
        grad_weights = X.T @ (y_hat - y) / n
        grad_bias = np.mean(y_hat - y)
        weights = weights - lr * grad_weights
        bias = bias - lr * grad_bias
    return Fit(weights, float(bias), np.array(losses), np.array(accuracies), log_every)


def article_softmax(z):
    """The article's softmax: subtract each row's maximum, exponentiate, normalise (this part is stable)."""
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def article_categorical_loss(Y, Y_hat):
    """The article's categorical loss ``-Σ_i Σ_j Y_ij log Ŷ_ij``: a sum with a plain ``log``.

    A probability that underflows to exactly 0 gives ``log 0 = -inf``, and ``0 · (-inf) = nan`` wherever
    that class is not the label: one saturated row makes the whole loss ``nan``.
    """
    return -np.sum(Y * np.log(Y_hat))


def article_softmax_regression(
    X, Y, W, b, *, lr: float = ARTICLE_LR, epochs: int = ARTICLE_EPOCHS, log_every: int = ARTICLE_LOG_EVERY
) -> Fit:
    """The article's softmax regression, its choices kept: one-hot targets ``Y``, plain gradient descent,
    ``Ŷ = article_softmax(XW + b)``, the summed :func:`article_categorical_loss`, and the gradients
    ``Xᵀ(Ŷ - Y) / N`` and the column mean of ``Ŷ - Y`` (those of the mean loss). The training accuracy per
    epoch is recorded as well.
    """
    n = len(Y)
    labels = np.argmax(Y, axis=1)
    losses, accuracies = [], []
    for _ in range(epochs):
        Y_hat = article_softmax(X @ W + b)
        losses.append(article_categorical_loss(Y, Y_hat))
        accuracies.append(np.mean(np.argmax(Y_hat, axis=1) == labels))
        grad_W = X.T @ (Y_hat - Y) / n
        grad_b = np.mean(Y_hat - Y, axis=0)
        W = W - lr * grad_W
        b = b - lr * grad_b
    return Fit(W, b, np.array(losses), np.array(accuracies), log_every)


# --- the corrected method -------------------------------------------------------------------------------


def corrected_logistic_regression(
    X,
    y,
    *,
    lr: float = 0.5,
    epochs: int = ARTICLE_EPOCHS,
    weights=None,
    bias: float = 0.0,
    log_every: int = ARTICLE_LOG_EVERY,
) -> Fit:
    """Logistic regression by gradient descent on the mean binary cross-entropy, computed from the logit.

    ``L = (1/N) Σ_i softplus(z_i) - y_i z_i`` with ``z = Xθ + b`` (softplus via ``logaddexp``), finite for
    every finite ``z``; ``∂L/∂z_i = (σ(z_i) - y_i) / N``, so ``∂L/∂θ = Xᵀ ∂L/∂z`` and ``∂L/∂b = Σ_i ∂L/∂z_i``.
    Starts from ``weights`` (zeros by default) and ``bias``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1]) if weights is None else np.array(weights, dtype=float)
    b = float(bias)
    losses, accuracies = [], []
    for _ in range(epochs):
        z = X @ w + b
        losses.append(binary_cross_entropy_with_logits(y, z))
        accuracies.append(np.mean((z >= 0) == y))
        g = grad_binary_cross_entropy_with_logits(y, z)
        w = w - lr * (X.T @ g)
        b = b - lr * float(g.sum())
    return Fit(w, b, np.array(losses), np.array(accuracies), log_every)


def corrected_softmax_regression(
    X,
    y,
    n_classes: int,
    *,
    lr: float = 0.5,
    epochs: int = ARTICLE_EPOCHS,
    weights=None,
    bias=None,
    log_every: int = ARTICLE_LOG_EVERY,
) -> Fit:
    """Softmax regression by gradient descent on the mean categorical cross-entropy from the logits.

    ``L = (1/N) Σ_i -log softmax(z_i)_{y_i}`` with ``Z = XW + b`` and the log-softmax computed by
    log-sum-exp, finite for every finite ``Z``; ``∂L/∂Z = (softmax(Z) - Y) / N``, so ``∂L/∂W = Xᵀ ∂L/∂Z`` and
    ``∂L/∂b`` its column sums. ``y`` holds class indices. Starts from ``weights`` and ``bias`` (zeros by
    default).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], n_classes)) if weights is None else np.array(weights, dtype=float)
    b = np.zeros(n_classes) if bias is None else np.array(bias, dtype=float)
    losses, accuracies = [], []
    for _ in range(epochs):
        Z = X @ W + b
        losses.append(categorical_cross_entropy(y, Z))
        accuracies.append(np.mean(np.argmax(Z, axis=1) == y))
        G = grad_categorical_cross_entropy(y, Z)
        W = W - lr * (X.T @ G)
        b = b - lr * G.sum(axis=0)
    return Fit(W, b, np.array(losses), np.array(accuracies), log_every)


# --- evaluation -----------------------------------------------------------------------------------------


def binary_accuracy(X, y, weights, bias) -> float:
    """Share of samples where the sign of the logit ``Xθ + b`` (class 1 when ``>= 0``) matches ``y``."""
    return float(np.mean((np.asarray(X) @ weights + bias >= 0) == np.asarray(y)))


def softmax_accuracy(X, y, W, b) -> float:
    """Share of samples whose largest logit ``(XW + b)_c`` is at the label ``c = y``."""
    return float(np.mean(np.argmax(np.asarray(X) @ W + b, axis=1) == np.asarray(y)))


def majority_rate(y) -> float:
    """The accuracy of always guessing the most frequent label: the bar a model must clear."""
    return float(np.bincount(np.asarray(y, dtype=int)).max() / len(y))


ARTICLE_BINARY_PROGRAM = (article_sigmoid, article_binary_loss, article_logistic_regression)
ARTICLE_SOFTMAX_PROGRAM = (article_softmax, article_categorical_loss, article_softmax_regression)
CORRECTED_BINARY_PROGRAM = (corrected_logistic_regression,)
CORRECTED_SOFTMAX_PROGRAM = (corrected_softmax_regression,)
