"""Calibration: whether predicted probabilities match the frequencies they predict, and temperature scaling.

Every function takes the labels ``y`` first and the predictions second, in one of two forms:

- binary: ``y`` of 0/1 labels, shape (N,), and ``prob`` the probability of class 1, shape (N,) (or, for
  :func:`fit_temperature` and :func:`apply_temperature`, one logit per sample);
- multi-class: ``y`` of class indices 0..K-1, shape (N,), and ``prob`` an (N, K) matrix whose rows sum to 1
  (or an (N, K) matrix of logits).

Scores are averaged over the samples (the log loss in nats). Equal-width bins over [0, 1] are right-closed everywhere
in this module, ``(e_b, e_{b+1}]`` with the first bin ``[0, e_1]``: ``np.searchsorted(edges[1:-1], p)`` on
``edges = np.linspace(0, 1, n_bins + 1)``, exactly as scikit-learn's ``calibration_curve`` bins
(``sklearn/calibration.py``), and as the ECE of Guo et al. (2017) is usually computed
(``confidence > lower and confidence <= upper``, gpleiss/temperature_scaling).
"""

from __future__ import annotations

import numpy as np

from xentcore.info import xlogy
from xentcore.losses import log_softmax, sigmoid, softmax

_ROW_SUM_TOLERANCE = 1e-6  # rows of float32 softmax outputs sum to 1 within ~1e-7


# --- validation ---------------------------------------------------------------------------------------


def _finite(x, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=float)
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    return arr


def _binary_labels(y, n: int) -> np.ndarray:
    arr = _finite(y, "y")
    if arr.shape != (n,):
        raise ValueError(f"y must have one label per sample ({n}), got shape {arr.shape}")
    if not np.isin(arr, (0.0, 1.0)).all():
        raise ValueError("binary y must hold the labels 0 and 1 only")
    return arr


def _class_indices(y, n: int, k: int) -> np.ndarray:
    arr = _finite(y, "y")
    if arr.shape != (n,):
        raise ValueError(f"y must have one class index per sample ({n}), got shape {arr.shape}")
    if not np.all(arr == np.round(arr)):
        raise ValueError("class-index labels y must be integers")
    if ((arr < 0) | (arr >= k)).any():
        raise ValueError(f"class indices in y must be in 0..{k - 1}")
    return arr.astype(int)


def _probabilities(y, prob) -> tuple[np.ndarray, np.ndarray, bool]:
    """Return ``(y, prob, binary)``: labels as floats 0/1 (binary) or class indices, and validated probabilities."""
    p = _finite(prob, "prob")
    if ((p < 0) | (p > 1)).any():
        raise ValueError("prob must lie in [0, 1]")
    if p.ndim == 1:
        return _binary_labels(y, len(p)), p, True
    if p.ndim != 2 or p.shape[1] < 2:
        raise ValueError(
            f"prob must be a vector of P(class 1), shape (N,), or a matrix of shape (N, K >= 2), got {p.shape}"
        )
    if not np.allclose(p.sum(axis=1), 1.0, rtol=0.0, atol=_ROW_SUM_TOLERANCE):
        raise ValueError("each row of prob must sum to 1 (a distribution over the K classes)")
    return _class_indices(y, p.shape[0], p.shape[1]), p, False


def _n_bins(n_bins) -> int:
    if isinstance(n_bins, bool) or not isinstance(n_bins, int | np.integer) or n_bins < 1:
        raise ValueError(f"n_bins must be an integer >= 1, got {n_bins!r}")
    return int(n_bins)


def _bin_index(values: np.ndarray, n_bins: int) -> np.ndarray:
    """Equal-width, right-closed bins over [0, 1]: bin ``b`` holds ``(e_b, e_{b+1}]``, the first also holds 0."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    return np.searchsorted(edges[1:-1], values)


# --- reliability ----------------------------------------------------------------------------------------


def reliability_curve(y, prob, n_bins: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Reliability curve of a binary classifier: in each non-empty bin of predicted ``P(class 1)``, the fraction
    of positives and the mean prediction.

    ``prob_true_b = (1 / n_b) Σ_{i ∈ b} y_i`` and ``prob_pred_b = (1 / n_b) Σ_{i ∈ b} p_i``; a calibrated classifier
    puts every point on the diagonal. Equal to ``sklearn.calibration.calibration_curve(y, prob, n_bins=n_bins,
    strategy="uniform")``, bin edges included.

    Parameters
    ----------
    y : array_like
        Labels 0 or 1, shape (N,).
    prob : array_like
        Predicted probabilities of class 1, shape (N,).
    n_bins : int
        Number of equal-width bins over [0, 1]. Bins are right-closed, ``(e_b, e_{b+1}]``, the first ``[0, e_1]``,
        so a prediction of exactly 0.5 with 10 bins falls in ``(0.4, 0.5]``.

    Returns
    -------
    prob_true, prob_pred : ndarray
        One entry per non-empty bin, in increasing order of the bin; empty bins are left out.

    Examples
    --------
    >>> prob_true, prob_pred = reliability_curve([0, 0, 1, 1, 1], [0.1, 0.2, 0.75, 0.8, 0.9], n_bins=2)
    >>> prob_true, prob_pred.round(4)
    (array([0., 1.]), array([0.15  , 0.8167]))
    """
    n_bins = _n_bins(n_bins)
    p = _finite(prob, "prob")
    if p.ndim != 1:
        raise ValueError(f"prob must be a vector of P(class 1), shape (N,), got {p.shape}")
    y_arr, p, _ = _probabilities(y, p)
    bins = _bin_index(p, n_bins)
    counts = np.bincount(bins, minlength=n_bins)
    positives = np.bincount(bins, weights=y_arr, minlength=n_bins)
    predicted = np.bincount(bins, weights=p, minlength=n_bins)
    full = counts > 0
    return positives[full] / counts[full], predicted[full] / counts[full]


def _top_label(y, prob) -> tuple[np.ndarray, np.ndarray]:
    """Confidence (the largest probability) and whether its class is the label, per sample."""
    y_arr, p, binary = _probabilities(y, prob)
    if binary:  # the two-column matrix [1 - p, p]; a tie at 0.5 predicts class 0, like argmax
        return np.maximum(p, 1.0 - p), (p > 0.5) == (y_arr == 1.0)
    return p.max(axis=1), p.argmax(axis=1) == y_arr


def expected_calibration_error(y, prob, n_bins: int = 15) -> float:
    """Top-label expected calibration error, ``ECE = Σ_b (n_b / N) |acc_b - conf_b|``.

    Each prediction's confidence is its largest probability and it is correct when that class is the label;
    ``acc_b`` and ``conf_b`` are the accuracy and the mean confidence in bin ``b`` (Naeini et al. 2015; Guo et
    al. 2017). 0 for a perfectly calibrated predictor in the limit of many samples; at most 1.

    Parameters
    ----------
    y : array_like
        Labels: 0/1 with a vector ``prob``, class indices 0..K-1 with a matrix.
    prob : array_like
        ``P(class 1)``, shape (N,), whose confidence is ``max(p, 1 - p)`` and prediction class 1 when
        ``p > 0.5``, exactly as the matrix ``[1 - p, p]``; or probabilities of shape (N, K) (rows sum to 1),
        whose prediction is the argmax (the first class on a tie).
    n_bins : int
        Equal-width bins over [0, 1], right-closed ``(e_b, e_{b+1}]`` as in the common implementation of Guo et
        al. (gpleiss/temperature_scaling, ``confidence > lower and confidence <= upper``); the first bin also
        holds 0 (unreachable: a confidence is at least 1/K). 15 is Guo et al.'s choice.

    Notes
    -----
    The binned estimate is biased upwards by sampling noise: for a calibrated predictor its expectation is
    at most ``Σ_b sqrt(n_b) / (2N) <= sqrt(n_bins / N) / 2``.

    Examples
    --------
    >>> expected_calibration_error([1, 0], [0.9, 0.2], n_bins=10)  # both right: (|1 - 0.9| + |1 - 0.8|) / 2
    0.15
    >>> expected_calibration_error([0, 1, 1], [[0.7, 0.3], [0.4, 0.6], [0.2, 0.8]], n_bins=5)  # all correct
    0.3
    """
    n_bins = _n_bins(n_bins)
    confidence, correct = _top_label(y, prob)
    bins = _bin_index(confidence, n_bins)
    gap = np.bincount(bins, weights=correct - confidence, minlength=n_bins)
    return float(np.abs(gap).sum() / len(confidence))


# --- proper scoring rules -------------------------------------------------------------------------------


def brier_score(y, prob) -> float:
    """Brier score: the mean squared error of the predicted probabilities.

    Binary (``prob`` of shape (N,), ``P(class 1)``): ``(1/N) Σ_i (p_i - y_i)²``, in [0, 1], equal to
    scikit-learn's ``brier_score_loss``. Multi-class (``prob`` of shape (N, K)): ``(1/N) Σ_i Σ_k (p_ik - y_ik)²``
    with ``y_ik = 1`` for the label, in [0, 2], Brier's (1950) original form and scikit-learn's for K >= 3.

    Notes
    -----
    For two classes the forms differ by a factor of 2: the matrix ``[1 - p, p]`` scores ``2 (p - y)²`` per
    sample, because both columns are off by ``|p - y|``. scikit-learn halves a two-column matrix by default
    (``scale_by_half="auto"``); this function does not, so for an (N, 2) matrix it equals
    ``brier_score_loss(..., scale_by_half=False)``, twice the vector form.

    Examples
    --------
    >>> round(brier_score([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]), 6)
    0.0375
    >>> round(brier_score([0, 1, 1, 0], [[0.9, 0.1], [0.1, 0.9], [0.2, 0.8], [0.7, 0.3]]), 6)  # twice as much
    0.075
    """
    y_arr, p, binary = _probabilities(y, prob)
    if binary:
        return float(np.mean((p - y_arr) ** 2))
    onehot = np.zeros_like(p)
    onehot[np.arange(len(y_arr)), y_arr] = 1.0
    return float(np.mean(((p - onehot) ** 2).sum(axis=1)))


def log_loss(y, prob) -> float:
    """Log loss (negative log-likelihood, cross-entropy with one-hot targets) in nats, averaged over samples.

    Binary: ``-(1/N) Σ_i [y_i log p_i + (1 - y_i) log(1 - p_i)]``; multi-class: ``-(1/N) Σ_i log p_{i, y_i}``.

    Notes
    -----
    No clipping: ``0 · log 0 = 0``, and a probability of 0 for the true class costs ``+inf``, as the
    definition says. scikit-learn's ``log_loss`` (1.9) clips the probabilities to ``[ε, 1 - ε]`` with ``ε`` the
    machine epsilon (2.2e-16), so there a certain mistake costs ``-log ε ≈ 36.04`` instead. The two agree to
    ~1e-16 whenever every probability lies in ``[ε, 1 - ε]``; when scores are at hand, compute the loss from
    logits (:func:`xentcore.losses.categorical_cross_entropy`), which is finite and exact.

    Examples
    --------
    >>> round(log_loss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]), 5)
    0.21616
    >>> log_loss([1], [0.0])
    inf
    """
    y_arr, p, binary = _probabilities(y, prob)
    if binary:
        per_sample = -(xlogy(y_arr, p) + xlogy(1.0 - y_arr, 1.0 - p))
    else:
        per_sample = -xlogy(1.0, p[np.arange(len(y_arr)), y_arr])
    return float(per_sample.mean())


# --- temperature scaling --------------------------------------------------------------------------------


def _logits_and_labels(logits, y) -> tuple[np.ndarray, np.ndarray]:
    """(N, K) logits and class indices; a vector of binary logits z becomes the rows [0, z]."""
    z = _finite(logits, "logits")
    if z.ndim == 1:
        return np.stack([np.zeros_like(z), z], axis=1), _binary_labels(y, len(z)).astype(int)
    if z.ndim != 2 or z.shape[1] < 2:
        raise ValueError(
            f"logits must be a vector of binary logits, shape (N,), or of shape (N, K >= 2), got {z.shape}"
        )
    return z, _class_indices(y, z.shape[0], z.shape[1])


def _temperature(T) -> float:
    t = float(T)
    if not (np.isfinite(t) and t > 0):
        raise ValueError(f"the temperature T must be a finite number > 0, got {T}")
    return t


def apply_temperature(logits, T: float) -> np.ndarray:
    """Temperature-scaled probabilities: ``softmax(z / T)`` for logits of shape (N, K), ``σ(z / T)`` for a vector of
    binary logits (the probability of class 1).

    ``T > 1`` softens the predictions towards uniform and ``T < 1`` sharpens them; the argmax, hence the
    accuracy, does not change.

    Examples
    --------
    >>> apply_temperature([[2.0, 0.0]], 2.0).round(4)
    array([[0.7311, 0.2689]])
    >>> apply_temperature([2.0], 2.0).round(4)
    array([0.7311])
    """
    t = _temperature(T)
    z = _finite(logits, "logits")
    if z.ndim == 1:
        return sigmoid(z / t)
    if z.ndim != 2:
        raise ValueError(f"logits must have shape (N,) or (N, K), got {z.shape}")
    return softmax(z / t, axis=1)


def _nll_slope(z: np.ndarray, t: np.ndarray, beta: float) -> tuple[float, float]:
    """First and second derivatives in ``β = 1/T`` of ``NLL(β) = (1/N) Σ_i [logsumexp(β z_i) - β z_{i,t_i}]``:
    ``(1/N) Σ_i (E_{softmax(β z_i)}[z_i] - z_{i,t_i})`` and ``(1/N) Σ_i Var_{softmax(β z_i)}[z_i] >= 0``."""
    p = np.exp(log_softmax(beta * z, axis=1))
    # Σ_k p_k (z_k - z_t), not E[z] - z_t: no cancellation when p_t is near 1 and the slope is tiny
    slope = np.mean((p * (z - z[np.arange(len(t)), t][:, None])).sum(axis=1))
    mean = (p * z).sum(axis=1, keepdims=True)
    with np.errstate(over="ignore", invalid="ignore"):  # logits near 1e154 and beyond: inf or NaN, and we bisect
        curvature = np.mean((p * (z - mean) ** 2).sum(axis=1))
    return float(slope), float(curvature)


def fit_temperature(logits, y) -> float:
    """The temperature ``T > 0`` that minimises the mean negative log-likelihood of ``softmax(z / T)`` (Guo et al.
    2017), or of ``σ(z / T)`` for a vector of binary logits.

    With ``β = 1/T``, ``NLL(β) = (1/N) Σ_i [log Σ_k e^{β z_ik} - β z_{i,y_i}]`` is convex: its slope
    ``(1/N) Σ_i (E_{softmax(β z_i)}[z_i] - z_{i,y_i})`` increases with ``β`` (its derivative is a mean variance),
    from ``(1/N) Σ_i (mean_k z_ik - z_{i,y_i})`` at ``β = 0`` to ``(1/N) Σ_i (max_k z_ik - z_{i,y_i}) >= 0`` as
    ``β → ∞``. The root of the slope is bracketed by doubling ``β`` from 1 and found by Newton's method,
    falling back to bisection whenever a step leaves the bracket, until the step is below 1e-14 relative (or the
    slope rounds to exactly 0, which happens only when the optimum lies where the probabilities underflow).

    Parameters
    ----------
    logits : array_like
        Validation-set logits of shape (N, K), or one logit per sample, shape (N,), for a binary classifier.
    y : array_like
        Class indices 0..K-1, or labels 0/1 for binary logits.

    Returns
    -------
    float
        The fitted temperature; apply it with :func:`apply_temperature`.

    Raises
    ------
    ValueError
        When no finite positive temperature minimises the NLL, rather than returning an arbitrary bound:

        - every label is a top-scoring class (the logits separate the data): the NLL keeps decreasing as
          ``T → 0``, towards hard 0/1 predictions;
        - the logits score the labels no better than their row means on average (the slope at ``β = 0`` is
          ``>= 0``, up to a relative rounding margin of 1e-12): the NLL is smallest at ``T → ∞`` (uniform
          predictions) or at a negative ``T`` (inverted scores).

    Examples
    --------
    >>> z = np.array([[2.0, 0.0], [0.0, 2.0], [2.0, 0.0], [0.0, 2.0]])
    >>> T = fit_temperature(z, [0, 1, 0, 0])  # three right out of four: the fit makes each confidence 3/4
    >>> round(T, 6), round(float(apply_temperature(z, T)[0, 0]), 6), round(float(2 / np.log(3)), 6)
    (1.820478, 0.75, 1.820478)
    """
    z, t = _logits_and_labels(logits, y)
    rows = np.arange(len(t))
    if np.all(z.max(axis=1) == z[rows, t]):
        raise ValueError(
            "every label is a top-scoring class, so the NLL decreases all the way to T → 0: "
            "no finite temperature minimises it (the logits separate these data)"
        )
    below_mean = (z - z[rows, t][:, None]).mean(axis=1)  # mean_k z_ik - z_{i,t_i}, the slope's terms at β = 0
    if below_mean.mean() >= -1e-12 * np.abs(below_mean).mean():  # >= 0 up to rounding
        raise ValueError(
            "the logits score the labels no better than uniform on average, so the NLL is smallest as T → ∞ "
            "(or at a negative temperature): no finite T > 0 minimises it"
        )
    beta_max = 1e300 / max(1.0, np.abs(z).max())  # β z stays finite
    lo, hi = 0.0, 1.0
    slope, curvature = _nll_slope(z, t, hi)
    while slope < 0:
        lo, hi = hi, 2.0 * hi
        if hi > beta_max:
            raise ValueError("the NLL decreases up to T → 0 within floating point: no finite temperature minimises it")
        slope, curvature = _nll_slope(z, t, hi)
    beta = hi
    for _ in range(300):
        if slope == 0:
            break
        if slope < 0:
            lo = beta
        else:
            hi = beta
        step = slope / curvature if 0 < curvature < np.inf else np.inf
        new = beta - step
        if not lo < new < hi:
            new = 0.5 * (lo + hi)
        converged = abs(new - beta) <= 1e-14 * new or hi - lo <= 1e-15 * hi
        beta = new
        if converged:
            break
        slope, curvature = _nll_slope(z, t, beta)
    return 1.0 / beta
