"""Focal losses and logit adjustment against PyTorch (torchvision's ``sigmoid_focal_loss`` formula, written out
with torch ops because torchvision is not a dependency), hand-computed values, finite differences and
properties."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from reference_support import import_torch
from scipy import special

from xentcore.losses import (
    adjust_logits,
    binary_cross_entropy_with_logits,
    binary_focal_loss_with_logits,
    categorical_cross_entropy,
    categorical_focal_loss,
    finite_difference,
    grad_binary_focal_loss_with_logits,
    grad_categorical_cross_entropy,
    grad_categorical_focal_loss,
    grad_logit_adjusted_cross_entropy,
    logit_adjusted_cross_entropy,
)

REDUCTIONS = ["mean", "sum", "none"]
gammas = st.one_of(st.sampled_from([0.0, 0.5, 1.0, 2.0]), st.floats(0.0, 5.0))
alphas = st.one_of(st.just(-1.0), st.floats(0.0, 1.0))


def binary_batches(bound: float = 30.0, soft: bool = True):
    """(y, z): labels 0/1 (or soft targets in [0, 1]) and logits of the same length."""
    y_elements = st.floats(0.0, 1.0) if soft else st.sampled_from([0.0, 1.0])
    return st.integers(1, 12).flatmap(
        lambda n: st.tuples(arrays(float, n, elements=y_elements), arrays(float, n, elements=st.floats(-bound, bound)))
    )


def logit_batches(max_n: int = 6, max_c: int = 5, bound: float = 20.0):
    """(z, t, w): logits (N, C), class indices (N,), positive class weights (C,)."""
    return st.tuples(st.integers(1, max_n), st.integers(2, max_c)).flatmap(
        lambda nc: st.tuples(
            arrays(float, nc, elements=st.floats(-bound, bound)),
            arrays(int, nc[0], elements=st.integers(0, nc[1] - 1)),
            arrays(float, nc[1], elements=st.floats(0.1, 3.0)),
        )
    )


# --- references written with torch ops ----------------------------------------------------------------


def torch_sigmoid_focal_loss(torch, inputs, targets, alpha, gamma, reduction):
    """torchvision.ops.sigmoid_focal_loss (torchvision/ops/focal_loss.py), line for line."""
    import torch.nn.functional as F

    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


def torch_categorical_focal_loss(torch, logits, target, gamma, weight, reduction):
    """-w_y (1 - p_y)^γ log p_y with F.log_softmax; "mean" divides by Σ w_{y_i} like F.cross_entropy."""
    import torch.nn.functional as F

    log_p = F.log_softmax(logits, dim=1).gather(1, target[:, None])[:, 0]
    w_t = torch.ones_like(log_p) if weight is None else weight[target]
    loss = -w_t * (1 - log_p.exp()) ** gamma * log_p
    if reduction == "mean":
        return loss.sum() / w_t.sum()
    return loss.sum() if reduction == "sum" else loss


# --- binary focal loss --------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(binary_batches(), gammas, alphas, st.sampled_from(REDUCTIONS))
def test_binary_focal_matches_torchvision_formula(batch, gamma, alpha, reduction):
    torch = import_torch()
    y, z = batch
    expected = torch_sigmoid_focal_loss(torch, torch.tensor(z), torch.tensor(y), alpha, gamma, reduction).numpy()
    got = binary_focal_loss_with_logits(y, z, gamma=gamma, alpha=alpha, reduction=reduction)
    # torchvision forms 1 - p_t as 1 - σ(z): off by ~1e-16 absolute, which the tolerance absorbs
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(binary_batches(bound=12.0), gammas, alphas, st.sampled_from(["mean", "sum"]))
def test_binary_focal_gradient_matches_torch_autograd(batch, gamma, alpha, reduction):
    torch = import_torch()
    y, z = batch
    z_t = torch.tensor(z, requires_grad=True)
    torch_sigmoid_focal_loss(torch, z_t, torch.tensor(y), alpha, gamma, reduction).backward()
    got = grad_binary_focal_loss_with_logits(y, z, gamma=gamma, alpha=alpha, reduction=reduction)
    np.testing.assert_allclose(got, z_t.grad.numpy(), rtol=1e-8, atol=1e-12)


@settings(max_examples=40)
@given(binary_batches(bound=8.0), gammas, alphas, st.sampled_from(["mean", "sum"]))
def test_binary_focal_gradient_matches_finite_differences(batch, gamma, alpha, reduction):
    y, z = batch
    kw = {"gamma": gamma, "alpha": alpha, "reduction": reduction}
    fd = finite_difference(lambda v: binary_focal_loss_with_logits(y, v, **kw), z)
    np.testing.assert_allclose(grad_binary_focal_loss_with_logits(y, z, **kw), fd, rtol=1e-5, atol=1e-7)


@given(binary_batches(bound=50.0), st.sampled_from(REDUCTIONS))
def test_binary_focal_without_focus_or_weights_is_cross_entropy(batch, reduction):
    y, z = batch
    np.testing.assert_allclose(
        binary_focal_loss_with_logits(y, z, gamma=0.0, alpha=-1.0, reduction=reduction),
        binary_cross_entropy_with_logits(y, z, reduction=reduction),
        rtol=1e-15,
        atol=0,
    )
    np.testing.assert_allclose(
        grad_binary_focal_loss_with_logits(y, z, gamma=0.0, alpha=-1.0, reduction=reduction),
        special.expit(z) - y if reduction != "mean" else (special.expit(z) - y) / len(z),
        rtol=1e-12,
        atol=1e-15,
    )


@given(binary_batches(bound=50.0), gammas)
def test_binary_focal_is_at_most_cross_entropy(batch, gamma):
    y, z = batch
    focal = binary_focal_loss_with_logits(y, z, gamma=gamma, alpha=-1.0, reduction="none")
    ce = binary_cross_entropy_with_logits(y, z, reduction="none")
    assert np.all(focal <= ce)
    assert np.all(focal >= 0)


def test_binary_focal_by_hand():
    # y = 1, z = 0: p_t = 1/2, CE = ln 2, α_t = α
    assert binary_focal_loss_with_logits([1.0], [0.0], gamma=2.0, alpha=0.25) == pytest.approx(
        0.25 * 0.25 * math.log(2)
    )
    # y = 0, z = 0: α_t = 1 - α
    assert binary_focal_loss_with_logits([0.0], [0.0], gamma=1.0, alpha=0.25) == pytest.approx(0.75 * 0.5 * math.log(2))
    # the gradient for y = 1: α (1 - p)^γ [γ p log p - (1 - p)]
    p = special.expit(0.7)
    expected = 0.4 * (1 - p) ** 2 * (2 * p * math.log(p) - (1 - p))
    assert grad_binary_focal_loss_with_logits([1.0], [0.7], alpha=0.4, reduction="sum")[0] == pytest.approx(expected)


def test_binary_focal_is_stable_and_accurate_for_large_logits():
    with np.errstate(over="raise", divide="raise", invalid="raise"):  # underflow to 0 is fine
        y = np.array([1.0, 0.0, 1.0, 0.0])
        z = np.array([1e4, -1e4, -1e4, 1e4])
        loss = binary_focal_loss_with_logits(y, z, gamma=0.5, alpha=0.25, reduction="none")
        np.testing.assert_allclose(loss, [0.0, 0.0, 0.25 * 1e4, 0.75 * 1e4])
        grad = grad_binary_focal_loss_with_logits(y, z, gamma=0.5, alpha=0.25, reduction="sum")
        np.testing.assert_allclose(grad, [0.0, 0.0, -0.25, 0.75])
        # confident and right: (1 - p_t)² CE = σ(-40)² softplus(-40) ≈ e^-120, not the 0 that 1 - σ(40) gives
        tiny = binary_focal_loss_with_logits([1.0], [40.0], alpha=-1)
        assert tiny == pytest.approx(special.expit(-40.0) ** 2 * math.log1p(math.exp(-40.0)), rel=1e-12)
        assert tiny > 0


# --- categorical focal loss ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(logit_batches(), gammas, st.booleans(), st.sampled_from(REDUCTIONS))
def test_categorical_focal_matches_torch(batch, gamma, weighted, reduction):
    torch = import_torch()
    z, t, w = batch
    weight = w if weighted else None
    expected = torch_categorical_focal_loss(
        torch, torch.tensor(z), torch.tensor(t), gamma, None if weight is None else torch.tensor(weight), reduction
    ).numpy()
    got = categorical_focal_loss(t, z, gamma=gamma, weight=weight, reduction=reduction)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(logit_batches(bound=8.0), gammas, st.booleans(), st.sampled_from(["mean", "sum"]))
def test_categorical_focal_gradient_matches_torch_autograd(batch, gamma, weighted, reduction):
    torch = import_torch()
    z, t, w = batch
    weight = w if weighted else None
    z_t = torch.tensor(z, requires_grad=True)
    torch_categorical_focal_loss(
        torch, z_t, torch.tensor(t), gamma, None if weight is None else torch.tensor(weight), reduction
    ).backward()
    got = grad_categorical_focal_loss(t, z, gamma=gamma, weight=weight, reduction=reduction)
    np.testing.assert_allclose(got, z_t.grad.numpy(), rtol=1e-8, atol=1e-12)


@settings(max_examples=40)
@given(logit_batches(bound=6.0), gammas, st.booleans(), st.sampled_from(["mean", "sum"]))
def test_categorical_focal_gradient_matches_finite_differences(batch, gamma, weighted, reduction):
    z, t, w = batch
    kw = {"gamma": gamma, "weight": w if weighted else None, "reduction": reduction}
    fd = finite_difference(lambda v: categorical_focal_loss(t, v, **kw), z)
    np.testing.assert_allclose(grad_categorical_focal_loss(t, z, **kw), fd, rtol=1e-5, atol=1e-7)


@given(logit_batches(bound=50.0), st.booleans(), st.sampled_from(REDUCTIONS))
def test_categorical_focal_without_focus_is_categorical_cross_entropy(batch, weighted, reduction):
    z, t, w = batch
    weight = w if weighted else None
    kw = {"weight": weight, "reduction": reduction}
    # equal up to rounding: near a loss of 0 the focal loss uses log1p where cross-entropy uses log(1 + x)
    np.testing.assert_allclose(
        categorical_focal_loss(t, z, gamma=0.0, **kw), categorical_cross_entropy(t, z, **kw), rtol=1e-12, atol=1e-15
    )
    np.testing.assert_allclose(
        grad_categorical_focal_loss(t, z, gamma=0.0, **kw),
        grad_categorical_cross_entropy(t, z, **kw),
        rtol=1e-12,
        atol=1e-15,
    )


@given(logit_batches(bound=50.0), gammas)
def test_categorical_focal_is_at_most_cross_entropy(batch, gamma):
    z, t, w = batch
    focal = categorical_focal_loss(t, z, gamma=gamma, weight=w, reduction="none")
    assert np.all(focal <= categorical_cross_entropy(t, z, weight=w, reduction="none") + 1e-15)
    assert np.all(focal >= 0)


def test_categorical_focal_weighted_mean_by_hand():
    z = np.array([[1.0, 2.0, 0.0], [0.5, -1.0, 1.5]])
    t = np.array([1, 2])
    w = np.array([1.0, 2.0, 4.0])
    log_p = special.log_softmax(z, axis=1)[[0, 1], t]
    per_item = -w[t] * (1 - np.exp(log_p)) ** 1.5 * log_p
    assert categorical_focal_loss(t, z, gamma=1.5, weight=w) == pytest.approx(per_item.sum() / (2.0 + 4.0))
    assert categorical_focal_loss(t, z, gamma=1.5, weight=w, reduction="sum") == pytest.approx(per_item.sum())
    np.testing.assert_allclose(categorical_focal_loss(t, z, gamma=1.5, weight=w, reduction="none"), per_item)


def test_categorical_focal_is_stable_and_accurate_for_large_logits():
    big = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        assert categorical_focal_loss([0, 0], big, gamma=2.0, reduction="none") == pytest.approx([0.0, 2e4])
        grad = grad_categorical_focal_loss([0, 0], big, gamma=0.5, reduction="sum")
        np.testing.assert_allclose(grad, [[0.0, 0.0, 0.0], [-1.0, 0.0, 1.0]])
        # confident and right: 1 - p = 2e^-40 / (1 + 2e^-40) and -log p = log1p(2e^-40); cross-entropy rounds to 0
        tiny = categorical_focal_loss([0], [[40.0, 0.0, 0.0]], gamma=2.0)
        e = 2 * math.exp(-40.0)
        assert tiny == pytest.approx((e / (1 + e)) ** 2 * math.log1p(e), rel=1e-12)
        assert categorical_focal_loss([0], [[40.0, 0.0, 0.0]], gamma=0.0) == pytest.approx(e, rel=1e-12)


# --- logit adjustment ---------------------------------------------------------------------------------


def priors(c: int):
    return arrays(float, c, elements=st.floats(0.01, 1.0)).map(lambda a: a / a.sum())


@settings(max_examples=40, deadline=None)
@given(logit_batches(max_c=5), st.floats(0.0, 2.0), st.booleans(), st.sampled_from(REDUCTIONS), st.data())
def test_logit_adjusted_loss_matches_torch(batch, tau, weighted, reduction, data):
    torch = import_torch()
    import torch.nn.functional as F

    z, t, w = batch
    c = z.shape[1]
    prior = data.draw(priors(c))
    weight = w if weighted else None
    expected = F.cross_entropy(
        torch.tensor(z) + tau * torch.log(torch.tensor(prior)),
        torch.tensor(t),
        weight=None if weight is None else torch.tensor(weight),
        reduction=reduction,
    ).numpy()
    got = logit_adjusted_cross_entropy(t, z, prior, tau=tau, weight=weight, reduction=reduction)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)


@settings(max_examples=40)
@given(logit_batches(bound=6.0), st.floats(0.0, 2.0), st.booleans(), st.sampled_from(["mean", "sum"]), st.data())
def test_logit_adjusted_gradient(batch, tau, weighted, reduction, data):
    z, t, w = batch
    c = z.shape[1]
    prior = data.draw(priors(c))
    kw = {"tau": tau, "weight": w if weighted else None, "reduction": reduction}
    grad = grad_logit_adjusted_cross_entropy(t, z, prior, **kw)
    fd = finite_difference(lambda v: logit_adjusted_cross_entropy(t, v, prior, **kw), z)
    np.testing.assert_allclose(grad, fd, rtol=1e-5, atol=1e-7)
    if not weighted:
        onehot = np.eye(c)[t]
        expected = special.softmax(z + tau * np.log(prior), axis=1) - onehot
        np.testing.assert_allclose(grad, expected / (len(t) if reduction == "mean" else 1), atol=1e-12)


@given(logit_batches(), st.floats(0.0, 3.0), st.data())
def test_training_and_post_hoc_adjustments_undo_each_other(batch, tau, data):
    z, t, _ = batch
    prior = data.draw(priors(z.shape[1]))
    np.testing.assert_allclose(
        logit_adjusted_cross_entropy(t, adjust_logits(z, prior, tau=tau), prior, tau=tau),
        categorical_cross_entropy(t, z),
        rtol=1e-12,
        atol=1e-15,
    )
    assert logit_adjusted_cross_entropy(t, z, prior, tau=0.0) == categorical_cross_entropy(t, z)


def test_post_hoc_adjustment_of_bayes_logits_gives_the_balanced_decision():
    """Menon et al. (2021), eq. 5: argmax_y [log p(y | x) - log π_y] = argmax_y p(x | y), the rule with the
    smallest balanced error. Bayes logits of a long-tailed problem favour the head class; adjusted, they do not."""
    rng = np.random.default_rng(0)
    likelihood = rng.uniform(0.05, 1.0, size=(500, 4))  # p(x_i | y)
    prior = np.array([0.85, 0.1, 0.04, 0.01])
    bayes_logits = np.log(likelihood * prior)  # log p(y | x_i) up to a per-row constant
    assert (bayes_logits.argmax(axis=1) == 0).mean() > 0.9
    np.testing.assert_array_equal(adjust_logits(bayes_logits, prior).argmax(axis=1), likelihood.argmax(axis=1))


def test_logit_adjusted_minimiser_is_the_log_posterior_minus_tau_log_prior():
    """Minimising the expected logit-adjusted loss over z gives softmax(z + τ log π) = p(y | x)."""
    posterior = np.array([0.6, 0.3, 0.1])
    prior = np.array([0.5, 0.3, 0.2])
    tau = 1.5
    z_star = np.log(posterior) - tau * np.log(prior)
    grad = grad_logit_adjusted_cross_entropy(posterior[None, :], z_star[None, :], prior, tau=tau)
    np.testing.assert_allclose(grad, 0.0, atol=1e-15)


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: binary_focal_loss_with_logits([1.0], [0.0], gamma=-1.0), "gamma must be"),
        (lambda: binary_focal_loss_with_logits([1.0], [0.0], gamma=float("nan")), "gamma must be"),
        (lambda: grad_binary_focal_loss_with_logits([1.0], [0.0], gamma=-0.5), "gamma must be"),
        (lambda: binary_focal_loss_with_logits([1.0], [0.0], alpha=1.5), r"alpha must be in \[0, 1\]"),
        (lambda: binary_focal_loss_with_logits([1.0], [0.0], alpha=float("nan")), "alpha must be"),
        (lambda: binary_focal_loss_with_logits([1.0, 0.0], [0.0]), "same shape"),
        (lambda: binary_focal_loss_with_logits([], []), "is empty"),
        (lambda: grad_binary_focal_loss_with_logits([], []), "is empty"),
        (lambda: binary_focal_loss_with_logits([1.0], [float("inf")]), "finite"),
        (lambda: binary_focal_loss_with_logits([2.0], [0.0]), r"\[0, 1\]"),
        (lambda: binary_focal_loss_with_logits([1.0], [0.0], reduction="avg"), "reduction"),
        (lambda: grad_binary_focal_loss_with_logits([1.0], [0.0], reduction="avg"), "reduction"),
        (lambda: categorical_focal_loss([0], [[0.0, 1.0]], gamma=-1.0), "gamma must be"),
        (lambda: categorical_focal_loss([2], [[0.0, 1.0]]), "class indices"),
        (lambda: categorical_focal_loss([0.5], [[0.0, 1.0]]), "integers"),
        (lambda: categorical_focal_loss([[1.0, 0.0]], [[0.0, 1.0]]), r"class indices of shape \(N,\)"),
        (lambda: categorical_focal_loss([0, 1], [[0.0, 1.0]]), "one class index per row"),
        (lambda: categorical_focal_loss([0], [0.0, 1.0]), r"\(N, C\)"),
        (lambda: categorical_focal_loss([], np.zeros((0, 3))), "is empty"),
        (lambda: grad_categorical_focal_loss([], np.zeros((0, 3))), "is empty"),
        (lambda: categorical_focal_loss([0], [[0.0, float("nan")]]), "finite"),
        (lambda: categorical_focal_loss([0], [[0.0, 1.0]], weight=[1.0]), "one entry per class"),
        (lambda: categorical_focal_loss([0], [[0.0, 1.0]], weight=[1.0, -1.0]), ">= 0"),
        (lambda: categorical_focal_loss([0], [[0.0, 1.0]], weight=[0.0, 1.0]), "sum to 0"),
        (lambda: grad_categorical_focal_loss([0], [[0.0, 1.0]], weight=[0.0, 1.0]), "sum to 0"),
        (lambda: categorical_focal_loss([0], [[0.0, 1.0]], reduction="avg"), "reduction"),
        (lambda: logit_adjusted_cross_entropy([0], [[0.0, 1.0]], [0.5, 0.6]), "sum to 1"),
        (lambda: logit_adjusted_cross_entropy([0], [[0.0, 1.0]], [1.0, 0.0]), r"prior must be > 0"),
        (lambda: logit_adjusted_cross_entropy([0], [[0.0, 1.0]], [1.0]), "one entry per class"),
        (lambda: logit_adjusted_cross_entropy([0], [[0.0, 1.0]], [0.5, float("nan")]), "finite"),
        (lambda: logit_adjusted_cross_entropy([0], [[0.0, 1.0]], [0.5, 0.5], tau=-1.0), "tau must be"),
        (lambda: logit_adjusted_cross_entropy([], np.zeros((0, 2)), [0.5, 0.5]), "is empty"),
        (lambda: grad_logit_adjusted_cross_entropy([0], [[0.0, 1.0]], [0.3, 0.3]), "sum to 1"),
        (lambda: adjust_logits(1.0, [1.0]), "class axis"),
        (lambda: adjust_logits([[0.0, 1.0]], [0.2, 0.3, 0.5]), "one entry per class"),
        (lambda: adjust_logits([[0.0, 1.0]], [0.5, 0.5], tau=float("inf")), "tau must be"),
    ],
)
def test_errors_name_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()
