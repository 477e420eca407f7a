"""The race's lanes: focal and logit-adjusted losses inside the linear models (gradients against finite differences,
identities with the library losses), the lane semantics (smoothed, weighted), the models' log-probabilities, and
the softmax/logistic step match for every lane loss the page explains with it."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xentcore.datasets import imbalance, make_dataset, train_test_split
from xentcore.losses import (
    binary_focal_loss_with_logits,
    categorical_cross_entropy,
    categorical_focal_loss,
    finite_difference,
    logit_adjusted_cross_entropy,
)
from xentcore.models import (
    class_prior,
    class_weights,
    data_loss_and_grad_logits,
    init_params,
    log_proba,
    logit_shift,
    objective,
    objective_and_grad,
    predict_proba,
)
from xentcore.training import (
    DEFAULT_LANES,
    LANE_LOSSES,
    LANE_SMOOTHING,
    RACE_RUNS,
    TrainConfig,
    lane_setup,
    race,
    race_contenders,
    train,
)


@pytest.fixture(scope="module")
def overlap():
    return make_dataset("overlap", n=200, seed=1)


def _problem(model, k, seed, n=12, d=3):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = np.arange(n) % k
    rng.shuffle(y)
    W, b = init_params(model, d, k, "normal", rng)
    return rng, X, y, W, b


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["logistic", "softmax"]),
    st.sampled_from(["focal", "adjusted"]),
    st.sampled_from([2, 3]),
    st.integers(0, 1000),
    st.floats(0.0, 0.5),
    st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.5]),
    st.sampled_from([0.0, 0.5, 1.0, 2.0]),
    st.floats(0.0, 0.3),
    st.booleans(),
)
def test_gradient_of_the_new_losses_matches_finite_differences(model, loss, k, seed, l2, gamma, tau, ls, weighted):
    rng, X, y, W, b = _problem(model, k, seed)
    weight = class_weights(y, k, rng.uniform(0.2, 3.0, k) if weighted else None)
    kw = {"l2": l2, "weight": weight, "gamma": gamma, "tau": tau, "label_smoothing": ls if loss == "adjusted" else 0}
    _, gW, gb = objective_and_grad(model, loss, X, y, W, b, k, **kw)
    fW = finite_difference(lambda w: objective(model, loss, X, y, w, b, k, **kw), W)
    fb = finite_difference(lambda c: objective(model, loss, X, y, W, c, k, **kw), b)
    np.testing.assert_allclose(gW, fW, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(gb, fb, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("k", [2, 3])
def test_the_data_terms_are_the_library_losses(k):
    _, X, y, W, b = _problem("softmax", k, 4, n=30)
    Z = X @ W + b
    prior = class_prior(y, k)
    value, _ = data_loss_and_grad_logits("softmax", "focal", Z, y, k, gamma=1.5)
    assert value == pytest.approx(categorical_focal_loss(y, Z, gamma=1.5), rel=1e-14)
    value, _ = data_loss_and_grad_logits("softmax", "adjusted", Z, y, k, tau=0.7)
    assert value == pytest.approx(logit_adjusted_cross_entropy(y, Z, prior, tau=0.7), rel=1e-14)
    _, X, y, W, b = _problem("logistic", k, 5, n=30)
    Z = X @ W + b
    T = y[:, None].astype(float) if k == 2 else np.eye(k)[y]
    value, _ = data_loss_and_grad_logits("logistic", "focal", Z, y, k, gamma=2.0)
    assert value == pytest.approx(binary_focal_loss_with_logits(T, Z, gamma=2.0, alpha=-1, reduction="sum") / 30)


def test_binary_logistic_adjustment_is_the_two_class_softmax_adjustment():
    # σ(z + τ log(π₁/π₀)) is the softmax of [τ log π₀, z + τ log π₁]: the same loss as the library's.
    rng = np.random.default_rng(0)
    z = rng.normal(size=40) * 3
    y = (rng.uniform(size=40) < 0.2).astype(int)
    prior = class_prior(y, 2)
    for tau in (0.0, 0.5, 1.0, 2.0):
        value, _ = data_loss_and_grad_logits("logistic", "adjusted", z[:, None], y, 2, tau=tau)
        two = np.column_stack([np.zeros_like(z), z])
        assert value == pytest.approx(logit_adjusted_cross_entropy(y, two, prior, tau=tau), rel=1e-12)
        assert logit_shift("logistic", 2, prior, tau)[0] == pytest.approx(tau * np.log(prior[1] / prior[0]))


@pytest.mark.parametrize("model", ["logistic", "softmax"])
@pytest.mark.parametrize("k", [2, 3])
def test_focal_without_focusing_and_adjustment_without_tau_are_cross_entropy(model, k):
    _, X, y, W, b = _problem(model, k, 7, n=25)
    Z = X @ W + b
    ce = data_loss_and_grad_logits(model, "ce", Z, y, k)
    for loss, kw in (("focal", {"gamma": 0.0}), ("adjusted", {"tau": 0.0})):
        value, grad = data_loss_and_grad_logits(model, loss, Z, y, k, **kw)
        assert value == pytest.approx(ce[0], rel=1e-12)
        np.testing.assert_allclose(grad, ce[1], rtol=1e-10, atol=1e-15)


def test_new_losses_reject_what_they_cannot_do():
    y = np.array([0, 0, 1])
    with pytest.raises(ValueError, match="no label smoothing"):
        data_loss_and_grad_logits("softmax", "focal", np.zeros((3, 2)), y, 2, label_smoothing=0.1)
    with pytest.raises(ValueError, match="every class"):
        data_loss_and_grad_logits("softmax", "adjusted", np.zeros((3, 3)), y, 3)
    with pytest.raises(ValueError, match="tau"):
        logit_shift("softmax", 2, [0.5, 0.5], tau=-1)
    with pytest.raises(ValueError, match="prior"):
        logit_shift("softmax", 2, [0.0, 1.0])
    with pytest.raises(ValueError, match="loss must be"):
        data_loss_and_grad_logits("softmax", "hinge", np.zeros((3, 2)), y, 2)
    with pytest.raises(ValueError, match="gamma"):
        TrainConfig(gamma=-1.0)
    with pytest.raises(ValueError, match="tau"):
        TrainConfig(tau=float("nan"))
    with pytest.raises(ValueError, match="lanes"):
        race_contenders(2, ("ce", "ce"))
    with pytest.raises(ValueError, match="lane"):
        lane_setup("hinge", TrainConfig())


def test_logit_adjusted_training_finds_the_cross_entropy_optimum_minus_tau_log_prior(overlap):
    # The bias can absorb the shift, so the adjusted optimum is the CE optimum with τ log π taken off the biases:
    # the same weights, and biases that differ by the shift (up to softmax's common constant).
    ds = imbalance(overlap, 0.2, seed=3)
    prior = class_prior(ds.y, 2)
    kw = {"lr": 1.0, "epochs": 3000, "init": "zeros"}
    ce = train("softmax", "ce", ds.X, ds.y, 2, **kw)
    adj = train("softmax", "adjusted", ds.X, ds.y, 2, tau=1.0, **kw)
    np.testing.assert_allclose(adj.W, ce.W, atol=1e-5)
    shift = (adj.b - ce.b) - (adj.b - ce.b).mean()
    np.testing.assert_allclose(shift, -(np.log(prior) - np.log(prior).mean()), atol=1e-5)
    log_ce = train("logistic", "ce", ds.X, ds.y, 2, **kw)
    log_adj = train("logistic", "adjusted", ds.X, ds.y, 2, **kw)
    assert log_adj.b[0] == pytest.approx(log_ce.b[0] - np.log(prior[1] / prior[0]), abs=1e-5)
    # the adjusted model predicts the minority more often: its raw logits target the balanced error
    assert (adj.predict(ds.X) == 1).sum() > (ce.predict(ds.X) == 1).sum()


def test_lane_setup_says_what_each_lane_trains():
    base = TrainConfig(lr=0.1, label_smoothing=0.05, class_weight=None, gamma=3.0, tau=0.5)
    assert lane_setup("ce", base) == ("ce", base)
    assert lane_setup("mse", base, 2.0) == ("mse", TrainConfig(**{**vars(base), "lr": 0.2}))
    assert lane_setup("focal", base) == ("focal", TrainConfig(**{**vars(base), "label_smoothing": 0.0}))
    assert lane_setup("adjusted", base) == ("adjusted", base)
    assert lane_setup("smooth", base)[1].label_smoothing == LANE_SMOOTHING
    assert lane_setup("smooth", TrainConfig(label_smoothing=0.2))[1].label_smoothing == 0.2
    assert lane_setup("weighted", base)[1].class_weight == "balanced"
    assert lane_setup("weighted", TrainConfig(class_weight=(1.0, 3.0)))[1].class_weight == (1.0, 3.0)
    assert lane_setup("ce", base, 4.0)[1].lr == 0.1  # the MSE multiplier is for MSE lanes only


def test_default_lanes_are_the_old_race_and_lanes_choose_the_losses(overlap):
    tr, te = train_test_split(overlap, seed=0)
    assert race_contenders(2) == {"logistic_ce": ("logistic", "ce"), "softmax_ce": ("softmax", "ce"),
                                  "mse": ("logistic", "mse")}  # fmt: skip
    old = race(tr, te, lr=0.3, epochs=30)
    same = race(tr, te, lr=0.3, epochs=30, lanes=DEFAULT_LANES)
    assert old.lanes == DEFAULT_LANES
    for key in RACE_RUNS:
        np.testing.assert_array_equal(old.runs[key].history["loss"], same.runs[key].history["loss"])
    mixed = race(tr, te, lr=0.3, epochs=30, mse_lr_scale=2.0, lanes=("mse", "weighted", "focal"), gamma=1.0)
    assert [(r.model, r.loss) for r in mixed.runs.values()] == [("logistic", "mse"), ("softmax", "ce"),
                                                                  ("logistic", "focal")]  # fmt: skip
    assert mixed.runs["logistic_ce"].config.lr == pytest.approx(0.6)  # every MSE lane gets the multiplier
    assert mixed.runs["softmax_ce"].config.class_weight == "balanced"
    assert mixed.runs["mse"].config.gamma == 1.0
    assert [row["lane"] for row in mixed.summary()] == ["mse", "weighted", "focal"]
    assert set(LANE_LOSSES) == {"ce", "mse", "focal", "smooth", "weighted", "adjusted"}


@pytest.mark.parametrize("lane", ["ce", "focal", "smooth", "weighted", "adjusted"])
@pytest.mark.parametrize("kwargs", [{}, {"l2": 0.1}, {"momentum": 0.5, "batch_size": 32}, {"class_weight": "balanced"}])
def test_two_class_softmax_takes_the_logistic_steps_at_twice_the_rate_in_every_lane(overlap, lane, kwargs):
    # The page's softmax note, for two lanes with the same loss: each of these losses depends on the two softmax
    # logits only through their difference, so softmax at (η, λ) is logistic regression at (2η, λ/2).
    ds = imbalance(overlap, 0.3, seed=0)
    tr, _ = train_test_split(ds, seed=0)
    kwargs = dict(kwargs)
    lam = kwargs.pop("l2", 0.0)
    kw = {"epochs": 60, "init": "normal", "gamma": 1.5, "tau": 1.0, **kwargs}
    soft_loss, soft_cfg = lane_setup(lane, TrainConfig(lr=0.3, l2=lam, **kw))
    log_loss, log_cfg = lane_setup(lane, TrainConfig(lr=0.6, l2=lam / 2, **kw))
    soft = train("softmax", soft_loss, tr.X, tr.y, 2, **vars(soft_cfg))
    log = train("logistic", log_loss, tr.X, tr.y, 2, **vars(log_cfg))
    if soft_cfg.label_smoothing and soft_cfg.class_weight:  # PyTorch's weighting of the smoothing: only nearly
        assert 1e-6 < np.abs(soft.W[:, 1] - soft.W[:, 0] - log.W[:, 0]).max() < 0.5
        return
    np.testing.assert_allclose(soft.W[:, 1] - soft.W[:, 0], log.W[:, 0], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(soft.history["loss"], log.history["loss"], rtol=1e-9)


@pytest.mark.parametrize("k", [2, 3])
@pytest.mark.parametrize("model", ["logistic", "softmax"])
def test_log_proba_is_the_log_of_the_probabilities_and_stays_finite(model, k):
    _, X, y, W, b = _problem(model, k, 9, n=20)
    np.testing.assert_allclose(np.exp(log_proba(model, X, W, b)), predict_proba(model, X, W, b), rtol=1e-12)
    huge = log_proba(model, X * 1e4, W, b)
    assert np.isfinite(huge).all() and (huge <= 0).all()
    # used as logits, the log-probabilities give the probabilities back
    Lp = log_proba(model, X, W, b)
    assert categorical_cross_entropy(y, Lp) == pytest.approx(-np.mean(Lp[np.arange(20), y]), rel=1e-12)
