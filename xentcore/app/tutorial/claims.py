"""The tutorial's claims, one demonstration each: the numbers the "tutorial, checked" page shows.

Every function here computes with :mod:`xentcore.info`, :mod:`xentcore.losses` and :mod:`xentcore.article`;
none holds a result typed in by hand. The inputs taken from the tutorial (its weather example) are the
only constants.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from xentcore import article
from xentcore.datasets import make_dataset, standardise, train_test_split
from xentcore.distributions import WEATHER_P, WEATHER_Q, Summary, summarize  # noqa: F401  (WEATHER_*: re-exported)
from xentcore.info import as_distribution, cross_entropy, entropy, kl_divergence, self_information, xlogy
from xentcore.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    finite_difference,
    grad_binary_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse_with_logits,
    log_softmax,
    sigmoid,
    softmax,
)
from xentcore.training import Run, train

FD_STEP = 1e-6

Kind = Literal["binary", "softmax"]


# --- claims 1-4: the definitions on a pair of distributions ---------------------------------------------


@dataclass(frozen=True)
class Measures(Summary):
    """The tutorial's definitions evaluated on ``(P, Q)``, in one unit: the distributions page's
    :class:`~xentcore.distributions.Summary` plus the self-information of each outcome."""

    info_p: np.ndarray  # -log p_i per outcome
    info_q: np.ndarray  # -log q_i per outcome

    @property
    def h_plus_kl(self) -> float:
        """``H(P) + D_KL(P ‖ Q)``, which the decomposition says equals ``H(P, Q)``."""
        return self.h_p + self.kl_pq


def measures(p, q, *, base: float = math.e) -> Measures:
    """Self-information of each outcome, both entropies, both cross-entropies and both KL divergences."""
    return Measures(
        **vars(summarize(p, q, base=base)),
        info_p=np.atleast_1d(self_information(p, base=base)),
        info_q=np.atleast_1d(self_information(q, base=base)),
    )


def cross_entropy_terms(p, q, *, base: float = math.e) -> np.ndarray:
    """The terms ``-p_i log q_i`` of ``H(P, Q)``, one per outcome (0 where ``p_i = 0``; ``+inf`` where
    ``q_i = 0 < p_i``). They sum to :func:`~xentcore.info.cross_entropy`.

    >>> cross_entropy_terms([0.5, 0.5], [0.5, 0.5], base=2)
    array([0.5, 0.5])
    """
    p_arr = as_distribution(p, "p")
    q_arr = as_distribution(q, "q")
    return -xlogy(p_arr, q_arr) / math.log(base) + 0.0


@dataclass(frozen=True)
class LinePath:
    """Cross-entropy and KL along the straight line ``Q(t) = P + t (D - P)`` through ``P`` (``t = 0``).

    ``D`` is the uniform distribution (if ``P`` is uniform, the point half-way between it and the first
    corner). ``t`` runs from 0.9 times the most negative value that keeps ``Q(t)`` a distribution, to 1.
    """

    t: np.ndarray
    ce: np.ndarray
    kl: np.ndarray
    h: float


def cross_entropy_along_line(p, *, base: float = math.e, n: int = 201) -> LinePath:
    """:class:`LinePath` for ``P``: the cross-entropy is smallest, and equal to ``H(P)``, at ``Q = P``."""
    p_arr = as_distribution(p, "p")
    k = p_arr.size
    target = np.full(k, 1.0 / k)
    if np.allclose(p_arr, target):
        target = 0.5 * (target + np.eye(k)[0])
    d = target - p_arr
    rising = d > 0
    # stop short of the edge, where some q_i with p_i > 0 reaches 0 and the cross-entropy is infinite
    t_lo = 0.9 * float(np.max(-p_arr[rising] / d[rising])) if rising.any() else 0.0
    t = np.unique(np.concatenate([np.linspace(t_lo, 1.0, n), [0.0]]))
    qs = np.clip(p_arr + t[:, None] * d, 0.0, None)
    qs /= qs.sum(axis=1, keepdims=True)
    finite = ((qs > 0) | (p_arr == 0)).all(axis=1)  # tiny (subnormal) p_i can still round to q_i = 0
    t, qs = t[finite], qs[finite]
    ps = np.broadcast_to(p_arr, qs.shape)
    return LinePath(
        t=t,
        ce=np.asarray(cross_entropy(ps, qs, base=base)),
        kl=np.asarray(kl_divergence(ps, qs, base=base)),
        h=entropy(p_arr, base=base),
    )


def random_search_minimum(p, *, base: float = math.e, n: int = 5000, seed: int = 0) -> float:
    """The smallest ``H(P, Q)`` over ``n`` distributions ``Q`` drawn uniformly on the simplex (Dirichlet(1)):
    an independent check that no ``Q`` goes below ``H(P)``."""
    p_arr = as_distribution(p, "p")
    qs = np.random.default_rng(seed).dirichlet(np.ones(p_arr.size), size=n)
    return float(np.min(cross_entropy(np.broadcast_to(p_arr, qs.shape), qs, base=base)))


# --- claim 1: KL is no distance, cross-entropy is not the "extra" -----------------------------------------

MIX_GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))  # weights t of the mixtures M = (1 - t) P + t Q
TRIANGLE_MARGIN = 1e-3  # a violation smaller than this would not show at four decimals


@dataclass(frozen=True)
class Asymmetry:
    """``KL(P‖Q)`` and ``KL(Q‖P)`` for one pair of distributions."""

    p: tuple[float, ...]
    q: tuple[float, ...]
    kl_pq: float
    kl_qp: float

    @property
    def visible(self) -> bool:
        """The two differ at four decimals (an infinite one against a finite one counts)."""
        if math.isinf(self.kl_pq) and math.isinf(self.kl_qp):
            return False
        return round(self.kl_pq, 4) != round(self.kl_qp, 4)


def asymmetry(p, q, *, base: float = math.e) -> Asymmetry:
    """Both directions of the KL divergence between ``P`` and ``Q``."""
    return Asymmetry(
        p=tuple(float(v) for v in p),
        q=tuple(float(v) for v in q),
        kl_pq=float(kl_divergence(p, q, base=base)),
        kl_qp=float(kl_divergence(q, p, base=base)),
    )


@dataclass(frozen=True)
class Triangle:
    """Three distributions ``P``, ``M = (1 - t) P + t Q``, ``Q`` with ``KL(P‖Q) > KL(P‖M) + KL(M‖Q)``: the
    triangle inequality a distance must satisfy, broken."""

    p: tuple[float, ...]
    m: tuple[float, ...]
    q: tuple[float, ...]
    t: float
    kl_pq: float
    kl_pm: float
    kl_mq: float

    @property
    def detour(self) -> float:
        """``KL(P‖M) + KL(M‖Q)``: the "distance" from P to Q through M."""
        return self.kl_pm + self.kl_mq

    @property
    def margin(self) -> float:
        """How much shorter the detour is than the direct way (positive: the inequality fails)."""
        return self.kl_pq - self.detour


def triangle_counterexample(p, q, *, base: float = math.e) -> Triangle | None:
    """The mixture ``M`` of ``P`` and ``Q`` (weights in :data:`MIX_GRID`) that breaks the triangle inequality
    the most, or ``None`` if none breaks it by :data:`TRIANGLE_MARGIN` (``P = Q``, or ``KL(P‖Q)`` infinite).

    Along the segment the KL divergence grows like a squared length, so the detour through a point in between
    is shorter than the direct way whenever ``P ≠ Q`` and ``KL(P‖Q)`` is finite (its derivative at ``t = 0`` is
    minus the symmetrised divergence); the grid finds it unless the two are very close.
    """
    p_arr = as_distribution(p, "p")
    q_arr = as_distribution(q, "q")
    direct = float(kl_divergence(p_arr, q_arr, base=base))
    if not math.isfinite(direct):
        return None
    t = np.array(MIX_GRID)
    ms = (1.0 - t)[:, None] * p_arr + t[:, None] * q_arr
    pm = np.asarray(kl_divergence(np.broadcast_to(p_arr, ms.shape), ms, base=base))
    mq = np.asarray(kl_divergence(ms, np.broadcast_to(q_arr, ms.shape), base=base))
    margins = direct - (pm + mq)
    best = int(np.argmax(margins))
    if not margins[best] >= TRIANGLE_MARGIN:
        return None
    return Triangle(
        p=tuple(float(v) for v in p_arr),
        m=tuple(float(v) for v in ms[best]),
        q=tuple(float(v) for v in q_arr),
        t=float(t[best]),
        kl_pq=direct,
        kl_pm=float(pm[best]),
        kl_mq=float(mq[best]),
    )


# --- claims 5-6: the gradients --------------------------------------------------------------------------


@dataclass(frozen=True)
class BinaryGradient:
    """``∂L/∂ŷ`` of the binary cross-entropy at one point, by the tutorial's formula and numerically."""

    loss: float
    formula: float  # (ŷ - y) / (ŷ (1 - ŷ))
    numeric: float  # central finite difference

    @property
    def gap(self) -> float:
        """``|formula - numeric|``."""
        return abs(self.formula - self.numeric)


def binary_gradient_check(y: float, y_hat: float, *, h: float = FD_STEP) -> BinaryGradient:
    """Check ``∂L/∂ŷ = (ŷ - y) / (ŷ (1 - ŷ))`` for ``L = -[y log ŷ + (1 - y) log(1 - ŷ)]`` at ``(y, ŷ)``."""
    if not (h < y_hat < 1 - h):
        raise ValueError(f"y_hat must lie in ({h:g}, {1 - h:g}) for a central difference, got {y_hat}")
    target = np.array([float(y)])
    point = np.array([float(y_hat)])
    numeric = finite_difference(lambda v: binary_cross_entropy(target, v, reduction="sum"), point, h=h)
    return BinaryGradient(
        loss=binary_cross_entropy(target, point, reduction="sum"),
        formula=float(grad_binary_cross_entropy(target, point, reduction="sum")[0]),
        numeric=float(numeric[0]),
    )


def binary_loss_curve(y: float, *, n: int = 199) -> tuple[np.ndarray, np.ndarray]:
    """``(ŷ, L(ŷ))`` on ``ŷ`` in [0.005, 0.995] for one label ``y``: the curve the gradient is the slope of."""
    y_hat = np.linspace(0.005, 0.995, n)
    return y_hat, binary_cross_entropy(np.full(n, float(y)), y_hat, reduction="none")


def probability_loss(y, y_hat) -> float:
    """``-Σ_j y_j log ŷ_j`` as a function of free probabilities ``ŷ`` (no softmax in between)."""
    return float(-xlogy(np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)).sum())


def softmax_gradient_check(z: Sequence[float], target: int, *, h: float = FD_STEP) -> pd.DataFrame:
    """The multi-class gradient both ways, for logits ``z`` and a true class ``target``.

    Columns: ``y_hat`` (softmax of ``z``), ``y`` (one-hot), ``claimed`` (the tutorial's ``ŷ_j - y_j``),
    ``d_logits`` (``∂L/∂z_j``, analytic) and ``d_logits_fd`` (finite differences in ``z``), ``d_probs``
    (``∂L/∂ŷ_j = -y_j / ŷ_j``, analytic, ``ŷ`` held free) and ``d_probs_fd`` (finite differences in ``ŷ``).
    """
    logits = np.asarray(z, dtype=float)[None, :]
    k = logits.shape[1]
    if not 0 <= target < k:
        raise ValueError(f"target must be a class index in 0..{k - 1}, got {target}")
    y = np.eye(k)[target]
    y_hat = softmax(logits[0])
    return pd.DataFrame(
        {
            "y_hat": y_hat,
            "y": y,
            "claimed": y_hat - y,
            "d_logits": grad_categorical_cross_entropy([target], logits)[0],
            "d_logits_fd": finite_difference(lambda v: categorical_cross_entropy([target], v[None, :]), logits[0], h=h),
            "d_probs": grad_categorical_cross_entropy([target], logits, wrt="probs")[0],
            # a step relative to ŷ_target: the loss is -log ŷ_target, whose curvature grows as 1 / ŷ²
            "d_probs_fd": finite_difference(lambda v: probability_loss(y, v), y_hat, h=h * y_hat[target]),
        }
    )


def gradient_gaps(check: pd.DataFrame) -> tuple[float, float]:
    """How far the tutorial's ``ŷ - y`` is from the numerical ``∂L/∂z`` and from the numerical ``∂L/∂ŷ``
    (largest absolute difference over the classes)."""
    to_logits = float(np.max(np.abs(check["claimed"] - check["d_logits_fd"])))
    to_probs = float(np.max(np.abs(check["claimed"] - check["d_probs_fd"])))
    return to_logits, to_probs


# --- claim 7: why MSE trains slowly ---------------------------------------------------------------------


def logit(y_hat: float) -> float:
    """The logit ``z = log(ŷ / (1 - ŷ))`` whose sigmoid is ``ŷ`` (``±inf`` at 0 and 1).

    >>> logit(0.5)
    0.0
    """
    with np.errstate(divide="ignore"):
        return float(np.log(y_hat) - np.log1p(-y_hat))


def sigmoid_slope(z) -> np.ndarray:
    """``σ'(z) = σ(z) (1 - σ(z))``, at most 1/4 (at ``z = 0``)."""
    s = sigmoid(z)
    return s * (1.0 - s)


def logit_gradients(z, y: float = 1.0) -> pd.DataFrame:
    """``∂L/∂z`` of one sigmoid output under cross-entropy (``σ(z) - y``) and under squared error
    (``2 (σ(z) - y) σ'(z)``), with ``σ'(z)`` and the ratio MSE / CE, for each logit in ``z``."""
    z = np.atleast_1d(np.asarray(z, dtype=float))
    labels = np.full(z.shape, float(y))
    ce = grad_binary_cross_entropy_with_logits(labels, z, reduction="none")
    mse = grad_mse_with_logits(labels, z, reduction="none")
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(ce != 0, mse / ce, np.nan)
    return pd.DataFrame({"z": z, "y_hat": sigmoid(z), "slope": sigmoid_slope(z), "ce": ce, "mse": mse, "ratio": ratio})


# --- claim 8: the programs ------------------------------------------------------------------------------


def large_logit_losses(magnitude: float = 800.0) -> pd.DataFrame:
    """Single examples with logits ``±magnitude``: the article's binary loss (direct sigmoid, plain log)
    against the stable loss from the logit. Columns: ``z``, ``y``, ``article``, ``stable``."""
    z = np.array([-magnitude, -magnitude, magnitude, magnitude])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        y_hat = article.article_sigmoid(z)
        naive = np.array([article.article_binary_loss(y[i : i + 1], y_hat[i : i + 1]) for i in range(z.size)])
    stable = binary_cross_entropy_with_logits(y, z, reduction="none")
    return pd.DataFrame({"z": z, "y": y, "article": naive, "stable": stable})


def large_logit_softmax_losses(magnitude: float = 800.0) -> pd.DataFrame:
    """One row of logits ``(magnitude, 0, -magnitude)`` with each true class: the article's categorical loss
    against the stable one. Columns: ``target``, ``article``, ``stable``."""
    z = np.array([[magnitude, 0.0, -magnitude]])
    rows = []
    for c in range(z.shape[1]):
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            naive = article.article_categorical_loss(np.eye(3)[[c]], article.article_softmax(z))
        rows.append({"target": c, "article": float(naive), "stable": categorical_cross_entropy([c], z)})
    return pd.DataFrame(rows)


def _article_problem(kind: Kind, seed: int) -> article.Setup:
    return article.article_binary_setup(seed) if kind == "binary" else article.article_softmax_setup(seed)


def _fit(method: str, kind: Kind, X, y, start, *, lr: float, epochs: int) -> article.Fit:
    """Train with the article's method (``"article"``) or the corrected one, silencing numpy's warnings:
    the ``inf``/``nan`` they announce are what the page shows."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        if method == "article" and kind == "binary":
            return article.article_logistic_regression(X, y, *start, lr=lr, epochs=epochs)
        if method == "article":
            return article.article_softmax_regression(X, article.one_hot(y, 3), *start, lr=lr, epochs=epochs)
        w0, b0 = start
        if kind == "binary":
            return article.corrected_logistic_regression(X, y, lr=lr, epochs=epochs, weights=w0, bias=b0)
        return article.corrected_softmax_regression(X, y, 3, lr=lr, epochs=epochs, weights=w0, bias=b0)


@dataclass(frozen=True)
class SameStart:
    """Both methods on the article's data (inputs times ``scale``), same start, same learning rate; and the
    corrected method once more on the same inputs standardised (each feature to mean 0, standard deviation 1)."""

    scale: float
    n: int
    article: article.Fit
    corrected: article.Fit
    standardised: article.Fit

    @property
    def printed_ratio(self) -> np.ndarray:
        """The article's printed loss over the corrected one, epoch by epoch (N while both are finite)."""
        with np.errstate(invalid="ignore"):
            return self.article.printed_loss / self.corrected.printed_loss


@lru_cache(maxsize=16)
def same_start_runs(kind: Kind, scale: float = 1.0, *, epochs: int = article.ARTICLE_EPOCHS) -> SameStart:
    """Run the article's program and the corrected one from the article's data, start and learning rate,
    with the inputs multiplied by ``scale``. The gradients agree, so at ``scale = 1`` the parameters follow
    the same path and the article prints N times the mean loss; at large ``scale`` its loss is ``nan``.
    Cached by its arguments (the result is read, never changed)."""
    setup = _article_problem(kind, article.ARTICLE_SEED)
    X = setup.X * float(scale)
    start = (setup.weights, setup.bias)
    lr = article.ARTICLE_LR
    return SameStart(
        scale=float(scale),
        n=len(setup.y),
        article=_fit("article", kind, X, setup.y, start, lr=lr, epochs=epochs),
        corrected=_fit("corrected", kind, X, setup.y, start, lr=lr, epochs=epochs),
        standardised=_fit("corrected", kind, standardise(X), setup.y, start, lr=lr, epochs=epochs),
    )


MINIMUM_LR = 1.0
MINIMUM_EPOCHS = 3000


@lru_cache(maxsize=4)
def training_minimum(kind: Kind) -> float:
    """The lowest mean training loss (nats) any parameters reach on the article's data: the mean
    cross-entropy is convex in them, so a long gradient descent from zero finds it (checked against
    scikit-learn's unpenalised logistic regression in the tests). Below the ``log K`` of a constant 1/K
    prediction, because 100 random labels leave some noise to fit."""
    setup = _article_problem(kind, article.ARTICLE_SEED)
    d = setup.X.shape[1]
    zeros = (np.zeros(d), 0.0) if kind == "binary" else (np.zeros((d, 3)), np.zeros(3))
    fit = _fit("corrected", kind, setup.X, setup.y, zeros, lr=MINIMUM_LR, epochs=MINIMUM_EPOCHS)
    return float(np.min(fit.loss))


def label_surprisals(kind: Kind, X, y, weights, bias) -> tuple[np.ndarray, np.ndarray]:
    """``(q(y_i), -ln q(y_i))`` for each example: the probability the model gives its true label and the
    surprise of it in nats, computed from the logits (stable). Their mean is the mean cross-entropy."""
    X = np.asarray(X, dtype=float)
    if kind == "binary":
        nll = binary_cross_entropy_with_logits(np.asarray(y, dtype=float), X @ weights + bias, reduction="none")
    else:
        Z = X @ weights + bias
        nll = -np.take_along_axis(log_softmax(Z, axis=1), np.asarray(y, dtype=int)[:, None], axis=1)[:, 0]
    return np.exp(-nll), nll


LEARNABLE = {"binary": "blobs", "softmax": "iris"}
CORRECTED_LR = 0.5


@lru_cache(maxsize=4)
def learnability(kind: Kind, *, epochs: int = article.ARTICLE_EPOCHS) -> pd.DataFrame:
    """Accuracy of each method on the article's random labels and on learnable data.

    The article's method uses its own settings (standard-normal start, learning rate 0.01); the corrected
    one starts at zero with learning rate 0.5. Random labels are scored on a fresh draw from the same
    process (seed 1), learnable data (two blobs, or iris for three classes) on a stratified held-out
    quarter. ``chance`` is the held-out rate of the most frequent label. Columns: ``data``, ``method``,
    ``train``, ``held_out``, ``chance``.
    """
    n_classes = 2 if kind == "binary" else 3
    train = _article_problem(kind, article.ARTICLE_SEED)
    fresh = _article_problem(kind, article.ARTICLE_SEED + 1)
    tr, te = train_test_split(make_dataset(LEARNABLE[kind], n=200, seed=0))
    score = article.binary_accuracy if kind == "binary" else article.softmax_accuracy
    rows = []
    for data, (X, y, X_test, y_test) in (
        ("random", (train.X, train.y, fresh.X, fresh.y)),
        ("learnable", (tr.X, tr.y, te.X, te.y)),
    ):
        d = X.shape[1]
        for method in ("article", "corrected"):
            if method == "article":
                start = (train.weights, train.bias) if data == "random" else article.article_start(d, n_classes)
                fit = _fit(method, kind, X, y, start, lr=article.ARTICLE_LR, epochs=epochs)
            else:
                zeros = (np.zeros(d), 0.0) if kind == "binary" else (np.zeros((d, n_classes)), np.zeros(n_classes))
                fit = _fit(method, kind, X, y, zeros, lr=CORRECTED_LR, epochs=epochs)
            rows.append(
                {
                    "data": data,
                    "method": method,
                    "train": score(X, y, fit.weights, fit.bias),
                    "held_out": score(X_test, y_test, fit.weights, fit.bias),
                    "chance": article.majority_rate(y_test),
                }
            )
    return pd.DataFrame(rows)


# --- claim 9: a comparison that can be measured ---------------------------------------------------------

CASE_DATA = "cancer"
CASE_LR = 0.1
CASE_LOSSES = ("ce", "mse")
CASE_INITS = ("normal", "small")  # the tutorial's standard-normal start, and a near-zero one


MSE_LR_FACTORS = (1.0, 2.0, 4.0)  # MSE's learning rate as a multiple of cross-entropy's
CONFIDENT_Z = 4.0  # |z| beyond which a wrong prediction counts as confident (σ(z) < 0.018 or > 0.982)


@dataclass(frozen=True)
class CaseStudy:
    """Logistic regression on the breast-cancer data, trained with each loss in :data:`CASE_LOSSES` (MSE with
    ``mse_lr``), and the logits of the training patients at the common start."""

    n: int
    d: int
    lr: float
    mse_lr: float
    runs: dict[str, Run]
    start_logits: np.ndarray  # z_i of each training patient before the first step
    y_train: np.ndarray

    @property
    def wrong_at_start(self) -> np.ndarray:
        """The training patients on the wrong side of the boundary at the start."""
        return (self.start_logits > 0) != (self.y_train == 1)

    @property
    def confidently_wrong_at_start(self) -> np.ndarray:
        """Wrong at the start with ``|z| >`` :data:`CONFIDENT_Z`: where ``σ'(z)`` all but vanishes."""
        return self.wrong_at_start & (np.abs(self.start_logits) > CONFIDENT_Z)

    @property
    def start_push_ratio(self) -> np.ndarray:
        """``∂CE/∂z ÷ ∂MSE/∂z = 1 / (2 σ'(z))`` for each training patient at the start: at least 2."""
        with np.errstate(divide="ignore"):
            return 1.0 / (2.0 * sigmoid_slope(self.start_logits))


@lru_cache(maxsize=32)
def cancer_ce_vs_mse(
    epochs: int, *, init: str = "normal", lr: float = CASE_LR, seed: int = 0, mse_lr_factor: float = 1.0
) -> CaseStudy:
    """Train logistic regression with cross-entropy and with MSE on the Wisconsin breast-cancer data: same
    stratified split (a held-out quarter), same start (``init`` drawn with ``seed``: ``"normal"`` is the
    tutorial's standard-normal start, ``"small"`` a near-zero one), same ``epochs``; cross-entropy with
    learning rate ``lr``, MSE with ``lr * mse_lr_factor``.

    Per example, MSE's gradient on the logit is cross-entropy's times ``2 σ'(z) <= 1/2``: at the same learning
    rate MSE pushes every example at most half as hard, and far less where it is confidently wrong. Cached by
    its arguments (the result is read, never changed).
    """
    ds = make_dataset(CASE_DATA)
    tr, te = train_test_split(ds, seed=seed)
    rates = {"ce": lr, "mse": lr * float(mse_lr_factor)}
    runs = {
        loss: train(
            "logistic",
            loss,
            tr.X,
            tr.y,
            2,
            lr=rates[loss],
            epochs=int(epochs),
            seed=seed,
            init=init,
            X_test=te.X,
            y_test=te.y,
        )
        for loss in CASE_LOSSES
    }
    start = runs["ce"].snapshots[0]
    return CaseStudy(
        n=ds.n,
        d=ds.d,
        lr=lr,
        mse_lr=rates["mse"],
        runs=runs,
        start_logits=(tr.X @ start.W + start.b)[:, 0],
        y_train=tr.y,
    )
