"""Calibration metrics against scikit-learn (``calibration_curve``, ``brier_score_loss``, ``log_loss``) and the
gpleiss/temperature_scaling ECE loop; temperature scaling against SciPy's optimiser and synthetic data with a
known temperature."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import optimize, special
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss
from sklearn.metrics import log_loss as sk_log_loss

from xentcore.calibration import (
    apply_temperature,
    brier_score,
    expected_calibration_error,
    fit_temperature,
    log_loss,
    reliability_curve,
)
from xentcore.losses import categorical_cross_entropy

# probabilities that often sit exactly on a bin edge (k/10, k/15, k/20) or at 0 and 1
edge_probs = st.one_of(
    st.floats(0.0, 1.0),
    st.sampled_from([0.0, 1.0, 0.5]),
    st.integers(0, 20).map(lambda k: k / 20),
    st.integers(0, 15).map(lambda k: k / 15),
    st.integers(0, 10).map(lambda k: k / 10),
)


def binary_samples(max_n: int = 60, probs=edge_probs):
    """(y, p) with both labels present: 0/1 labels and P(class 1)."""
    return st.integers(2, max_n).flatmap(
        lambda n: st.tuples(
            arrays(float, n, elements=st.sampled_from([0.0, 1.0])).map(lambda y: np.r_[0.0, 1.0, y[2:]]),
            arrays(float, n, elements=probs),
        )
    )


def multiclass_samples(max_n: int = 40, max_k: int = 6, bound: float = 8.0):
    """(y, prob): class indices and softmax rows."""
    return st.tuples(st.integers(1, max_n), st.integers(2, max_k)).flatmap(
        lambda nk: st.tuples(
            arrays(int, nk[0], elements=st.integers(0, nk[1] - 1)),
            arrays(float, nk, elements=st.floats(-bound, bound)).map(lambda z: special.softmax(z, axis=1)),
        )
    )


def draw_labels(rng: np.random.Generator, prob: np.ndarray) -> np.ndarray:
    """One label per row of ``prob`` by inverse CDF: the labels of a perfectly calibrated predictor."""
    u = rng.random((len(prob), 1))
    return np.minimum((prob.cumsum(axis=1) < u).sum(axis=1), prob.shape[1] - 1)


# --- reliability curve ----------------------------------------------------------------------------------


@given(binary_samples(), st.integers(1, 25))
def test_reliability_curve_matches_sklearn_calibration_curve(sample, n_bins):
    y, p = sample
    expected_true, expected_pred = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    prob_true, prob_pred = reliability_curve(y, p, n_bins=n_bins)
    np.testing.assert_array_equal(prob_true, expected_true)
    np.testing.assert_array_equal(prob_pred, expected_pred)


def test_reliability_curve_bins_are_right_closed():
    # with 10 bins the edges are linspace(0, 1, 11): 0.5 belongs to (0.4, 0.5], 0 to [0, 0.1], 1 to (0.9, 1]
    prob_true, prob_pred = reliability_curve([1, 0, 1, 0], [0.5, 0.45, 0.0, 1.0], n_bins=10)
    np.testing.assert_allclose(prob_pred, [0.0, 0.475, 1.0])
    np.testing.assert_allclose(prob_true, [1.0, 0.5, 0.0])
    assert len(reliability_curve([0, 1], [0.5, 0.5000001], n_bins=10)[0]) == 2


# --- expected calibration error -------------------------------------------------------------------------


def ece_reference(confidences, correct, n_bins):
    """The loop of gpleiss/temperature_scaling's _ECELoss (temperature_scaling.py), in float64:
    bins (lower, upper], weighted by the fraction of samples they hold."""
    edges = np.linspace(0, 1, n_bins + 1)
    ece = 0.0
    for lower, upper in itertools.pairwise(edges):
        in_bin = (confidences > lower) & (confidences <= upper)
        if in_bin.mean() > 0:
            ece += abs(confidences[in_bin].mean() - correct[in_bin].mean()) * in_bin.mean()
    return ece


@given(multiclass_samples(), st.integers(1, 20))
def test_ece_matches_the_guo_et_al_reference_loop(sample, n_bins):
    y, prob = sample
    expected = ece_reference(prob.max(axis=1), (prob.argmax(axis=1) == y).astype(float), n_bins)
    assert expected_calibration_error(y, prob, n_bins=n_bins) == pytest.approx(expected, rel=1e-9, abs=1e-15)


@given(binary_samples(), st.integers(1, 20))
def test_binary_ece_is_the_ece_of_the_two_column_matrix(sample, n_bins):
    y, p = sample
    matrix = np.stack([1.0 - p, p], axis=1)
    got = expected_calibration_error(y, p, n_bins=n_bins)
    assert got == pytest.approx(expected_calibration_error(y.astype(int), matrix, n_bins=n_bins), rel=1e-12, abs=1e-15)
    confidence = np.maximum(p, 1 - p)
    correct = ((p > 0.5) == (y == 1)).astype(float)
    assert got == pytest.approx(ece_reference(confidence, correct, n_bins), rel=1e-9, abs=1e-15)
    assert 0.0 <= got <= 1.0


def test_ece_by_hand():
    # bin (0.8, 0.9] holds the confidences 0.9 (correct) and 0.85 of class 0 (wrong): |1/2 - 0.875|
    assert expected_calibration_error([1, 1], [0.9, 0.15], n_bins=10) == pytest.approx(0.375)
    # always right with confidence 0.6: ECE = 0.4; always wrong: 0.6
    assert expected_calibration_error([0, 0], [[0.6, 0.4], [0.6, 0.4]]) == pytest.approx(0.4)
    assert expected_calibration_error([1, 1], [[0.6, 0.4], [0.6, 0.4]]) == pytest.approx(0.6)
    # a tie at 0.5 predicts class 0, as argmax does
    assert expected_calibration_error([0], [0.5]) == pytest.approx(0.5)
    assert expected_calibration_error([1], [0.5]) == pytest.approx(0.5)


def ece_bounds(n_bins: int, n: int, delta: float = 1e-6) -> tuple[float, float]:
    """Bounds on the ECE of a perfectly calibrated predictor, given its confidences.

    Calibrated means P(correct | confidence c) = c, so in bin b the gap Σ_{i∈b} (correct_i - c_i) is a sum of
    n_b independent, zero-mean terms in [-1, 1] of variance c_i (1 - c_i) <= 1/4.
    - Expectation: E|gap_b| <= sqrt(n_b / 4), and Σ_b sqrt(n_b) <= sqrt(B N) (Cauchy-Schwarz), so
      E[ECE] <= sqrt(B / N) / 2.
    - Tail: Hoeffding gives P(|gap_b| >= s) <= 2 exp(-2 s² / n_b); with s_b = sqrt(n_b log(2B/δ) / 2) and a union
      bound over the B bins, ECE <= sqrt(B log(2B/δ) / (2N)) with probability at least 1 - δ.
    """
    return math.sqrt(n_bins / n) / 2, math.sqrt(n_bins * math.log(2 * n_bins / delta) / (2 * n))


def test_ece_of_a_calibrated_predictor_is_near_zero():
    n, k, n_bins = 50_000, 6, 15
    mean_bound, tail_bound = ece_bounds(n_bins, n)
    eces = []
    for seed in range(20):
        rng = np.random.default_rng(seed)
        prob = special.softmax(rng.normal(scale=2.0, size=(n, k)), axis=1)
        y = draw_labels(rng, prob)
        eces.append(expected_calibration_error(y, prob, n_bins=n_bins))
        assert eces[-1] < tail_bound  # fails for a given seed with probability below 1e-6
        # binary: a calibrated P(class 1)
        p = rng.random(n)
        assert expected_calibration_error((rng.random(n) < p).astype(int), p, n_bins=n_bins) < tail_bound
    assert np.mean(eces) < mean_bound  # ≈ 0.0087; the mean of 20 draws sits well inside it
    # power: the same predictor made overconfident (logits doubled) is far outside the bound
    rng = np.random.default_rng(0)
    logits = rng.normal(scale=2.0, size=(n, k))
    y = draw_labels(rng, special.softmax(logits, axis=1))
    assert expected_calibration_error(y, special.softmax(2 * logits, axis=1), n_bins=n_bins) > 3 * tail_bound


# --- Brier score and log loss ---------------------------------------------------------------------------


@given(binary_samples())
def test_binary_brier_matches_sklearn(sample):
    y, p = sample
    expected = brier_score_loss(y, p)
    assert brier_score(y, p) == pytest.approx(expected, rel=1e-12, abs=1e-15)
    # the two-column matrix scores both columns: twice the binary form, sklearn's scale_by_half=False
    matrix = np.stack([1.0 - p, p], axis=1)
    assert brier_score(y.astype(int), matrix) == pytest.approx(2 * expected, rel=1e-12, abs=1e-15)
    assert brier_score(y.astype(int), matrix) == pytest.approx(
        brier_score_loss(y, matrix, labels=[0, 1], scale_by_half=False), rel=1e-12, abs=1e-15
    )


@given(multiclass_samples(max_k=6).filter(lambda s: s[1].shape[1] >= 3))
def test_multiclass_brier_matches_sklearn(sample):
    y, prob = sample
    k = prob.shape[1]
    expected = brier_score_loss(y, prob, labels=list(range(k)))
    assert brier_score(y, prob) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@given(binary_samples(probs=st.floats(1e-12, 1 - 1e-12)))
def test_binary_log_loss_matches_sklearn(sample):
    y, p = sample
    assert log_loss(y, p) == pytest.approx(sk_log_loss(y, p, labels=[0, 1]), rel=1e-9)


@given(multiclass_samples())
def test_multiclass_log_loss_matches_sklearn_and_cross_entropy(sample):
    y, prob = sample
    k = prob.shape[1]
    assert log_loss(y, prob) == pytest.approx(sk_log_loss(y, prob, labels=list(range(k))), rel=1e-9)
    # the same number from the logits that made the softmax rows
    assert log_loss(y, prob) == pytest.approx(categorical_cross_entropy(y, np.log(prob)), rel=1e-9)


def test_log_loss_does_not_clip():
    assert log_loss([1, 0], [0.0, 0.5]) == math.inf
    assert log_loss([2], [[0.5, 0.5, 0.0]]) == math.inf
    assert sk_log_loss([1, 0], [0.0, 0.5]) == pytest.approx((-math.log(np.finfo(float).eps) + math.log(2)) / 2)
    # 0 · log 0 = 0: a certain, correct prediction costs nothing
    assert log_loss([1, 0], [1.0, 0.0]) == 0.0
    assert log_loss([0, 2], [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]) == 0.0


# --- temperature scaling --------------------------------------------------------------------------------


def nll(z, y, T):
    """Mean negative log-likelihood of softmax(z / T), with SciPy."""
    return float(-special.log_softmax(z / T, axis=1)[np.arange(len(y)), y].mean())


def nll_slope(z, y, beta):
    """d NLL / dβ at β = 1/T: the mean of E_softmax(βz)[z] - z_y = Σ_k p_k (z_k - z_y), with SciPy."""
    p = special.softmax(beta * z, axis=1)
    terms = (p * (z - z[np.arange(len(y)), y][:, None])).sum(axis=1)
    return terms.mean(), np.abs(terms).mean()


def fisher_information(z, beta):
    """The NLL's second derivative in β, a mean variance: the Fisher information per sample."""
    p = special.softmax(beta * z, axis=1)
    mean = (p * z).sum(axis=1, keepdims=True)
    return float((p * (z - mean) ** 2).sum(axis=1).mean())


@pytest.mark.parametrize("t_true", [0.4, 1.0, 2.5])
def test_temperature_fit_recovers_a_known_temperature(t_true):
    """Labels drawn from softmax(z_true), the model shows z_true · T_true: the fit undoes the factor.

    β̂ = 1/T̂ is a maximum-likelihood estimate of β = 1/T_true, so its standard error is 1/sqrt(N I(β)).
    """
    rng = np.random.default_rng(7)
    n, k = 20_000, 5
    z_true = rng.normal(scale=2.0, size=(n, k))
    y = draw_labels(rng, special.softmax(z_true, axis=1))
    shown = z_true * t_true
    t_hat = fit_temperature(shown, y)
    beta, beta_hat = 1 / t_true, 1 / t_hat
    standard_error = 1 / math.sqrt(n * fisher_information(shown, beta))
    assert abs(beta_hat - beta) < 4 * standard_error
    # binary: one logit per sample, labels drawn from σ(z_true)
    z1 = rng.normal(scale=3.0, size=n)
    y1 = (rng.random(n) < special.expit(z1)).astype(int)
    t_hat1 = fit_temperature(z1 * t_true, y1)
    two_column = np.stack([np.zeros(n), z1 * t_true], axis=1)
    standard_error1 = 1 / math.sqrt(n * fisher_information(two_column, beta))
    assert abs(1 / t_hat1 - beta) < 4 * standard_error1


@settings(max_examples=60, deadline=None)
@given(
    st.tuples(st.integers(2, 40), st.integers(2, 6)).flatmap(
        lambda nk: st.tuples(
            arrays(float, nk, elements=st.floats(-20, 20)),
            arrays(int, nk[0], elements=st.integers(0, nk[1] - 1)),
        )
    )
)
def test_fitted_temperature_is_a_stationary_point_or_the_case_is_degenerate(sample):
    z, y = sample
    rows = np.arange(len(y))
    try:
        t = fit_temperature(z, y)
    except ValueError as error:  # exactly the two documented cases
        separable = np.all(z.max(axis=1) == z[rows, y])
        below_mean = (z - z[rows, y][:, None]).mean(axis=1)
        uninformative = below_mean.mean() >= -1e-12 * np.abs(below_mean).mean()
        assert separable or uninformative, str(error)
        return
    assert t > 0 and isinstance(t, float)
    slope, scale = nll_slope(z, y, 1 / t)
    assert abs(slope) <= 1e-9 * scale
    # a minimum: nudging T by 1e-6 either way does not lower the NLL
    at = nll(z, y, t)
    assert nll(z, y, t * (1 + 1e-6)) >= at - 1e-15 * abs(at)
    assert nll(z, y, t * (1 - 1e-6)) >= at - 1e-15 * abs(at)


def test_temperature_matches_scipy_minimize_scalar():
    rng = np.random.default_rng(1)
    z = rng.normal(scale=4.0, size=(500, 4))
    y = draw_labels(rng, special.softmax(z / 3.0, axis=1))
    t = fit_temperature(z, y)
    res = optimize.minimize_scalar(
        lambda log_t: nll(z, y, math.exp(log_t)), bounds=(-5, 5), method="bounded", options={"xatol": 1e-12}
    )
    assert t == pytest.approx(math.exp(res.x), rel=1e-6)
    assert t == pytest.approx(3.0, rel=0.2)


@given(
    # logits on a 0.01 grid: a margin of 1e-185 beside one of 1 puts the optimum where σ underflows
    arrays(float, st.integers(2, 30), elements=st.integers(-1000, 1000).map(lambda k: k / 100)),
    st.randoms(use_true_random=False),
    st.floats(0.1, 10.0),
)
def test_temperature_scales_with_the_logits_and_binary_is_two_class(z, rnd, c):
    y = np.array([rnd.randint(0, 1) for _ in z])
    try:
        t = fit_temperature(z, y)
    except ValueError:
        return
    assert fit_temperature(c * z, y) == pytest.approx(c * t, rel=1e-9)
    # σ(z / T) = softmax([-z/2, z/2] / T): the same likelihood, the same T
    assert fit_temperature(np.stack([-z / 2, z / 2], axis=1), y) == pytest.approx(t, rel=1e-9)


def test_temperature_scaling_repairs_an_overconfident_model():
    rng = np.random.default_rng(3)
    z_true = rng.normal(scale=1.5, size=(20_000, 10))
    y = draw_labels(rng, special.softmax(z_true, axis=1))
    overconfident = 3 * z_true
    before = expected_calibration_error(y, special.softmax(overconfident, axis=1))
    t = fit_temperature(overconfident, y)
    after = expected_calibration_error(y, apply_temperature(overconfident, t))
    assert before > 0.15 and after < 0.02
    assert np.array_equal(apply_temperature(overconfident, t).argmax(axis=1), overconfident.argmax(axis=1))


def test_degenerate_temperatures_raise():
    with pytest.raises(ValueError, match="top-scoring class"):
        fit_temperature([[2.0, 0.0], [0.0, 3.0]], [0, 1])  # all right: T → 0
    with pytest.raises(ValueError, match="top-scoring class"):
        fit_temperature([[1.0, 1.0], [0.0, 3.0]], [0, 1])  # ties count as right
    with pytest.raises(ValueError, match="top-scoring class"):
        fit_temperature([3.0, -1.0, 2.0], [1, 0, 1])  # binary, separable
    with pytest.raises(ValueError, match="no better than uniform"):
        fit_temperature([[2.0, 0.0], [0.0, 2.0]], [1, 0])  # all wrong: T → ∞ (or negative)
    with pytest.raises(ValueError, match="no better than uniform"):
        fit_temperature([[2.0, 0.0], [0.0, 2.0], [2.0, 0.0], [0.0, 2.0]], [0, 1, 1, 0])  # half right


def test_apply_temperature():
    z = np.array([[2.0, 0.0, -1.0], [0.5, 0.5, 3.0]])
    np.testing.assert_allclose(apply_temperature(z, 2.0), special.softmax(z / 2.0, axis=1))
    np.testing.assert_allclose(apply_temperature(z, 1.0), special.softmax(z, axis=1))
    np.testing.assert_allclose(apply_temperature([1.0, -2.0], 0.5), special.expit([2.0, -4.0]))
    with np.errstate(over="raise", invalid="raise"):
        np.testing.assert_allclose(apply_temperature([[1e4, 0.0]], 1e-3), [[1.0, 0.0]])


# --- validation -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: reliability_curve([0, 1], [0.2, 1.2]), r"\[0, 1\]"),
        (lambda: reliability_curve([0, 2], [0.2, 0.3]), "labels 0 and 1"),
        (lambda: reliability_curve([0, 1, 1], [0.2, 0.3]), "one label per sample"),
        (lambda: reliability_curve([0, 1], [[0.2, 0.8], [0.3, 0.7]]), r"shape \(N,\)"),
        (lambda: reliability_curve([0, 1], [0.2, 0.3], n_bins=0), "n_bins"),
        (lambda: reliability_curve([0, 1], [0.2, 0.3], n_bins=2.5), "n_bins"),
        (lambda: reliability_curve([], []), "must not be empty"),
        (lambda: expected_calibration_error([0], [float("nan")]), "finite"),
        (lambda: expected_calibration_error([0], [[0.5, 0.6]]), "sum to 1"),
        (lambda: expected_calibration_error([3], [[0.5, 0.5]]), r"0\.\.1"),
        (lambda: expected_calibration_error([0.5], [[0.5, 0.5]]), "integers"),
        (lambda: expected_calibration_error([0], [[1.0]]), "K >= 2"),
        (lambda: expected_calibration_error([0], [0.5], n_bins=True), "n_bins"),
        (lambda: expected_calibration_error([], np.zeros((0, 3))), "must not be empty"),
        (lambda: brier_score([0, 1], [0.5]), "one label per sample"),
        (lambda: brier_score([0], [[[0.5, 0.5]]]), r"\(N, K >= 2\)"),
        (lambda: log_loss([0], [-0.1]), r"\[0, 1\]"),
        (lambda: log_loss([0, 1], [[0.5, 0.5]]), "one class index per sample"),
        (lambda: fit_temperature([[1.0, 0.0]], [2]), r"0\.\.1"),
        (lambda: fit_temperature([1.0, 0.0], [0, 2]), "labels 0 and 1"),
        (lambda: fit_temperature([[1.0, float("inf")]], [0]), "finite"),
        (lambda: fit_temperature([[1.0]], [0]), "K >= 2"),
        (lambda: fit_temperature([], []), "must not be empty"),
        (lambda: apply_temperature([[1.0, 0.0]], 0.0), "T must be a finite number > 0"),
        (lambda: apply_temperature([[1.0, 0.0]], -1.0), "T must be"),
        (lambda: apply_temperature([[1.0, 0.0]], float("nan")), "T must be"),
        (lambda: apply_temperature(np.zeros((1, 2, 2)), 1.0), r"\(N,\) or \(N, K\)"),
    ],
)
def test_errors_name_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()
