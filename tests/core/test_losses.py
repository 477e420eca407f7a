"""Losses against SciPy, scikit-learn, PyTorch (when installed) and hand-computed values; every gradient
against central finite differences."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from reference_support import import_torch
from scipy import special
from sklearn.metrics import log_loss

from xentcore.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    finite_difference,
    grad_binary_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse,
    grad_mse_with_logits,
    log_sigmoid,
    log_softmax,
    mse,
    mse_with_logits,
    sigmoid,
    softmax,
    softmax_vjp,
)

logits_1d = arrays(float, st.integers(1, 20), elements=st.floats(-50, 50))


def logit_batches(max_n: int = 6, max_c: int = 6, bound: float = 20.0):
    return st.tuples(st.integers(1, max_n), st.integers(2, max_c)).flatmap(
        lambda nc: st.tuples(
            arrays(float, nc, elements=st.floats(-bound, bound)),
            arrays(int, nc[0], elements=st.integers(0, nc[1] - 1)),
            arrays(float, nc[1], elements=st.floats(0.1, 3.0)),
        )
    )


# --- link functions -----------------------------------------------------------------------------------


@given(logits_1d)
def test_sigmoid_and_log_sigmoid_match_scipy(z):
    np.testing.assert_allclose(sigmoid(z), special.expit(z), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(log_sigmoid(z), special.log_expit(z), rtol=1e-12)


@given(arrays(float, st.integers(1, 12), elements=st.floats(-1e4, 1e4)))
def test_log_softmax_matches_scipy(z):
    np.testing.assert_allclose(log_softmax(z), special.log_softmax(z), rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(softmax(z).sum(), 1.0)


def test_stable_for_logits_of_magnitude_1e4():
    big = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]])
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is fine
        assert categorical_cross_entropy([0, 0], big) == pytest.approx(1e4)  # (0 + 2e4) / 2
        assert binary_cross_entropy_with_logits([1.0, 0.0], [-1e4, 1e4]) == pytest.approx(1e4)
        assert binary_cross_entropy_with_logits([1.0, 0.0], [1e4, -1e4]) == 0.0
        assert np.all(np.isfinite(grad_categorical_cross_entropy([0, 2], big)))
        assert sigmoid(-1e4) == 0.0 and sigmoid(1e4) == 1.0
        assert log_sigmoid(-1e4) == -1e4


# --- binary cross-entropy -----------------------------------------------------------------------------


@settings(max_examples=50)
@given(arrays(float, st.integers(2, 30), elements=st.floats(-15, 15)), st.randoms())
def test_binary_matches_sklearn_log_loss(z, rnd):
    y = np.array([rnd.randint(0, 1) for _ in z], dtype=float)
    y[0], y[1] = 0.0, 1.0
    p = sigmoid(z)
    expected = log_loss(y, p)
    assert binary_cross_entropy(y, np.clip(p, 1e-15, 1 - 1e-15)) == pytest.approx(expected, rel=1e-9)
    assert binary_cross_entropy_with_logits(y, z) == pytest.approx(expected, rel=1e-6)


def test_binary_hand_computed_and_conventions():
    # -(ln 0.8 + ln 0.6) / 2
    assert binary_cross_entropy([1, 0], [0.8, 0.4]) == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2)
    assert binary_cross_entropy([1, 0], [1.0, 0.0]) == 0.0  # 0 log 0 = 0
    assert binary_cross_entropy([1.0], [0.0]) == math.inf  # PyTorch would clamp at 100
    assert binary_cross_entropy([1, 0], [0.8, 0.4], reduction="sum") == pytest.approx(-(math.log(0.8) + math.log(0.6)))
    np.testing.assert_allclose(
        binary_cross_entropy([1, 0], [0.8, 0.4], reduction="none"), [-math.log(0.8), -math.log(0.6)]
    )


def test_binary_with_logits_pos_weight_by_hand():
    # w+ y softplus(-z) + (1 - y) softplus(z), y = (1, 0), z = (0.5, 2), w+ = 3
    expected = (3 * math.log1p(math.exp(-0.5)) + math.log1p(math.exp(2.0))) / 2
    assert binary_cross_entropy_with_logits([1, 0], [0.5, 2.0], pos_weight=3.0) == pytest.approx(expected)


@given(arrays(float, st.integers(1, 8), elements=st.floats(-8, 8)), st.floats(0.0, 1.0), st.floats(0.2, 5))
def test_binary_gradients_match_finite_differences(z, y0, w):
    y = np.full_like(z, y0)
    p = sigmoid(np.clip(z, -5, 5))  # keeps ŷ away from 0 and 1, where a difference step cannot resolve it
    h_p = 1e-6 * min(*p, *(1 - p))
    for reduction in ("mean", "sum"):
        fd = finite_difference(
            lambda v, r=reduction: binary_cross_entropy_with_logits(y, v, pos_weight=w, reduction=r), z
        )
        grad = grad_binary_cross_entropy_with_logits(y, z, pos_weight=w, reduction=reduction)
        np.testing.assert_allclose(grad, fd, rtol=1e-5, atol=1e-7)
        fd_p = finite_difference(lambda v, r=reduction: binary_cross_entropy(y, v, reduction=r), p, h=h_p)
        np.testing.assert_allclose(grad_binary_cross_entropy(y, p, reduction=reduction), fd_p, rtol=1e-4, atol=1e-6)


def test_binary_gradient_is_the_tutorials_formula():
    y, y_hat = np.array([1.0, 0.0, 1.0]), np.array([0.3, 0.3, 0.9])
    expected = (y_hat - y) / (y_hat * (1 - y_hat))
    np.testing.assert_allclose(grad_binary_cross_entropy(y, y_hat, reduction="sum"), expected)
    # and through the sigmoid it collapses to y_hat - y
    z = special.logit(y_hat)
    np.testing.assert_allclose(grad_binary_cross_entropy_with_logits(y, z, reduction="sum"), y_hat - y)


# --- categorical cross-entropy ------------------------------------------------------------------------


@given(logit_batches())
def test_categorical_matches_scipy_and_sklearn(batch):
    z, t, _ = batch
    gather = -special.log_softmax(z, axis=1)[np.arange(len(t)), t]
    assert categorical_cross_entropy(t, z) == pytest.approx(gather.mean(), rel=1e-10)
    assert categorical_cross_entropy(t, z, reduction="sum") == pytest.approx(gather.sum(), rel=1e-10)
    np.testing.assert_allclose(categorical_cross_entropy(t, z, reduction="none"), gather, rtol=1e-10, atol=1e-15)
    onehot = np.eye(z.shape[1])[t]
    assert categorical_cross_entropy(onehot, z) == pytest.approx(gather.mean(), rel=1e-10)
    probs = softmax(z, axis=1)
    if probs[np.arange(len(t)), t].min() > 1e-12:  # below, scikit-learn clips at machine epsilon
        sk = log_loss(t, probs, labels=range(z.shape[1]))
        assert categorical_cross_entropy(t, z) == pytest.approx(sk, rel=1e-6, abs=1e-9)


def test_categorical_weights_and_smoothing_by_hand():
    z = np.array([[1.0, 2.0, 0.0], [0.5, -1.0, 1.5]])
    t = np.array([1, 2])
    w = np.array([1.0, 2.0, 4.0])
    ls = log_softmax(z, axis=1)
    # PyTorch's weighted mean: Σ_i w[t_i] (-log ŷ_i,t_i) / Σ_i w[t_i]
    nll = (2.0 * -ls[0, 1] + 4.0 * -ls[1, 2]) / (2.0 + 4.0)
    assert categorical_cross_entropy(t, z, weight=w) == pytest.approx(nll)
    # label smoothing ε with weights: (1-ε) nll + ε/C Σ_i Σ_c w_c (-log ŷ_ic) / Σ_i w[t_i]
    eps = 0.1
    smooth = -(ls * w).sum() / (2.0 + 4.0)
    assert categorical_cross_entropy(t, z, weight=w, label_smoothing=eps) == pytest.approx(
        (1 - eps) * nll + eps / 3 * smooth
    )
    # probability targets: mean divides by N, weights multiply per class
    target = np.array([[0.2, 0.8, 0.0], [0.0, 0.5, 0.5]])
    expected = -(target * w * ls).sum() / 2
    assert categorical_cross_entropy(target, z, weight=w) == pytest.approx(expected)


def test_smoothing_puts_the_minimum_above_zero():
    eps, c = 0.1, 4
    z = np.array([[30.0, 0.0, 0.0, 0.0]])
    assert categorical_cross_entropy([0], z) < 1e-10
    # the smoothed target's entropy is a lower bound, reached when softmax(z) equals it
    smoothed = np.full(c, eps / c)
    smoothed[0] += 1 - eps
    best = categorical_cross_entropy([0], np.log(smoothed)[None, :], label_smoothing=eps)
    assert best == pytest.approx(-(smoothed * np.log(smoothed)).sum())
    assert categorical_cross_entropy([0], z, label_smoothing=eps) > best > 0


def test_large_inputs_take_the_chunked_threaded_path_and_agree_with_scipy():
    rng = np.random.default_rng(3)
    z = rng.normal(scale=5.0, size=(120_000, 10))
    t = rng.integers(0, 10, size=120_000)
    w = rng.uniform(0.5, 2.0, size=10)
    ls = special.log_softmax(z, axis=1)
    picked = -ls[np.arange(len(t)), t]
    np.testing.assert_allclose(categorical_cross_entropy(t, z, reduction="none"), picked, rtol=1e-10, atol=1e-15)
    expected = ((0.8 * w[t] * picked) - 0.2 / 10 * (ls * w).sum(axis=1)).sum() / w[t].sum()
    assert categorical_cross_entropy(t, z, weight=w, label_smoothing=0.2) == pytest.approx(expected, rel=1e-10)
    z[5, 3] = np.nan
    with pytest.raises(ValueError, match="finite"):
        categorical_cross_entropy(t, z)


def test_uniform_logits_cost_ln_k():
    for k in range(2, 7):
        assert categorical_cross_entropy([0], np.zeros((1, k))) == pytest.approx(math.log(k))


@settings(max_examples=60)
@given(logit_batches(bound=6.0), st.floats(0.0, 0.5), st.booleans(), st.sampled_from(["mean", "sum"]))
def test_categorical_gradients_match_finite_differences(batch, eps, weighted, reduction):
    z, t, w = batch
    kw = {"weight": w if weighted else None, "label_smoothing": eps, "reduction": reduction}
    fd = finite_difference(lambda v: categorical_cross_entropy(t, v, **kw), z)
    np.testing.assert_allclose(grad_categorical_cross_entropy(t, z, **kw), fd, rtol=1e-5, atol=1e-7)


@settings(max_examples=40)
@given(logit_batches(max_n=3, bound=4.0))
def test_gradient_wrt_probabilities_is_minus_y_over_y_hat(batch):
    """The tutorial's ŷ - y is the gradient w.r.t. the logits; w.r.t. ŷ it is -y/ŷ."""
    z, t, _ = batch
    y_hat = softmax(z, axis=1)
    onehot = np.eye(z.shape[1])[t]

    def loss_of_probs(p):  # L = -(1/N) Σ y log ŷ, with ŷ a free variable
        return float(-(onehot * np.log(p)).sum() / len(t))

    fd = finite_difference(loss_of_probs, y_hat, h=1e-8)
    grad_p = grad_categorical_cross_entropy(t, z, wrt="probs")
    np.testing.assert_allclose(grad_p, fd, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(grad_p, -onehot / y_hat / len(t))
    np.testing.assert_allclose(grad_categorical_cross_entropy(t, z), (y_hat - onehot) / len(t), atol=1e-15)
    # chaining -y/ŷ through softmax gives back ŷ - y
    np.testing.assert_allclose(softmax_vjp(y_hat, grad_p, axis=1), (y_hat - onehot) / len(t), atol=1e-12)


# --- PyTorch semantics (when torch is installed) -------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(logit_batches(), st.floats(0.0, 1.0), st.booleans(), st.sampled_from(["mean", "sum", "none"]))
def test_categorical_matches_pytorch(batch, eps, weighted, reduction):
    torch = import_torch()
    import torch.nn.functional as F

    z, t, w = batch
    weight = w if weighted else None
    expected = F.cross_entropy(
        torch.tensor(z),
        torch.tensor(t),
        weight=None if weight is None else torch.tensor(weight),
        label_smoothing=eps,
        reduction=reduction,
    ).numpy()
    got = categorical_cross_entropy(t, z, weight=weight, label_smoothing=eps, reduction=reduction)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
    probs = softmax(z[::-1] * 0.7, axis=1)  # some soft target
    expected_soft = F.cross_entropy(
        torch.tensor(z),
        torch.tensor(probs),
        weight=None if weight is None else torch.tensor(weight),
        label_smoothing=eps,
        reduction=reduction,
    ).numpy()
    got_soft = categorical_cross_entropy(probs, z, weight=weight, label_smoothing=eps, reduction=reduction)
    np.testing.assert_allclose(got_soft, expected_soft, rtol=1e-9, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(arrays(float, st.integers(1, 10), elements=st.floats(-100, 100)), st.floats(0.1, 5.0))
def test_binary_with_logits_matches_pytorch(z, w):
    torch = import_torch()
    import torch.nn.functional as F

    y = (np.arange(len(z)) % 2).astype(float)
    expected = F.binary_cross_entropy_with_logits(
        torch.tensor(z), torch.tensor(y), pos_weight=torch.tensor(w, dtype=torch.float64)
    ).item()
    assert binary_cross_entropy_with_logits(y, z, pos_weight=w) == pytest.approx(expected, rel=1e-9, abs=1e-12)


# --- MSE ----------------------------------------------------------------------------------------------


@given(arrays(float, st.integers(1, 10), elements=st.floats(-10, 10)), st.floats(0, 1))
def test_mse_and_its_gradients(z, y0):
    y = np.full_like(z, y0)
    p = sigmoid(z)
    assert mse(y, p) == pytest.approx(np.mean((y - p) ** 2))
    np.testing.assert_allclose(grad_mse(y, p), finite_difference(lambda v: mse(y, v), p), rtol=1e-5, atol=1e-8)
    fd = finite_difference(lambda v: mse_with_logits(y, v), z)
    np.testing.assert_allclose(grad_mse_with_logits(y, z), fd, rtol=1e-5, atol=1e-9)


def test_mse_gradient_vanishes_when_confidently_wrong():
    """At y = 1, z = -5 MSE's gradient is ~75 times smaller than cross-entropy's."""
    d_mse = grad_mse_with_logits([1.0], [-5.0], reduction="sum")[0]
    d_ce = grad_binary_cross_entropy_with_logits([1.0], [-5.0], reduction="sum")[0]
    s = special.expit(-5.0)
    assert d_mse == pytest.approx(2 * (s - 1) * s * (1 - s))
    assert d_ce == pytest.approx(s - 1)
    assert d_ce / d_mse == pytest.approx(1 / (2 * s * (1 - s)))
    assert 70 < d_ce / d_mse < 80


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: binary_cross_entropy([1, 0], [0.5]), "same shape"),
        (lambda: binary_cross_entropy([1], [1.5]), r"\[0, 1\]"),
        (lambda: binary_cross_entropy_with_logits([1], [float("nan")]), "finite"),
        (lambda: categorical_cross_entropy([3], [[0.0, 1.0, 2.0]]), "class indices"),
        (lambda: categorical_cross_entropy([0.5], [[0.0, 1.0]]), "integers"),
        (lambda: categorical_cross_entropy([0], [0.0, 1.0]), r"\(N, C\)"),
        (lambda: categorical_cross_entropy([0], [[0.0, 1.0]], weight=[1.0]), "one entry per class"),
        (lambda: categorical_cross_entropy([0], [[0.0, float("inf")]]), "finite"),
        (lambda: categorical_cross_entropy([0], [[float("-inf"), float("-inf")]], label_smoothing=0.1), "all -inf"),
        (lambda: categorical_cross_entropy([0], [[0.0, 1.0]], label_smoothing=2), "label_smoothing"),
        (lambda: categorical_cross_entropy([0], [[0.0, 1.0]], reduction="avg"), "reduction"),
        (lambda: grad_categorical_cross_entropy([0], [[0.0, 1.0]], wrt="z"), "wrt"),
        (lambda: mse([1.0], [float("inf")]), "finite"),
    ],
)
def test_errors_name_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()
