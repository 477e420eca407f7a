"""Models and training: gradients against finite differences, optima against scikit-learn, the softmax/logistic
reparametrisation, determinism, divergence, the race, and the script export."""

import ast
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from xentcore.app.race.export import race_script, script_csv_name
from xentcore.datasets import Dataset, make_dataset, train_test_split
from xentcore.losses import finite_difference, sigmoid, softmax
from xentcore.models import (
    class_weights,
    data_loss_and_grad_logits,
    init_params,
    objective,
    objective_and_grad,
    predict,
    predict_proba,
    targets,
)
from xentcore.training import HISTORY_COLUMNS, RACE_RUNS, TrainConfig, race, race_contenders, train

COMBOS = [("logistic", "ce"), ("logistic", "mse"), ("softmax", "ce"), ("softmax", "mse")]


def _three_blobs(n=240, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 3
    centres = np.array([[0.0, 1.0], [1.0, -0.5], [-1.0, -0.5]])
    X = centres[y] + 0.9 * rng.standard_normal((n, 2))
    return (X - X.mean(0)) / X.std(0), y


# --- the objective and its gradient --------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(COMBOS),
    st.sampled_from([2, 3]),
    st.integers(0, 1000),
    st.floats(0.0, 0.5),
    st.floats(0.0, 0.4),
    st.booleans(),
)
def test_gradient_matches_finite_differences(combo, k, seed, l2, smoothing, weighted):
    model, loss = combo
    rng = np.random.default_rng(seed)
    n, d = 12, 3
    X = rng.standard_normal((n, d))
    y = np.arange(n) % k
    W, b = init_params(model, d, k, "normal", rng)
    weight = class_weights(y, k, rng.uniform(0.2, 3.0, k) if weighted else None)
    kw = {"l2": l2, "label_smoothing": smoothing, "weight": weight}
    _, gW, gb = objective_and_grad(model, loss, X, y, W, b, k, **kw)
    fW = finite_difference(lambda w: objective(model, loss, X, y, w, b, k, **kw), W)
    fb = finite_difference(lambda c: objective(model, loss, X, y, W, c, k, **kw), b)
    np.testing.assert_allclose(gW, fW, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(gb, fb, rtol=1e-5, atol=1e-7)


def test_objective_values_by_hand():
    X = np.array([[1.0, 0.0], [0.0, 2.0], [-1.0, 1.0]])
    y = np.array([1, 0, 1])
    w, c = np.array([[0.5], [-0.25]]), np.array([0.1])
    z = (X @ w + c)[:, 0]
    # Binary cross-entropy -[y log σ(z) + (1-y) log(1-σ(z))] and squared error (y - σ(z))², means over 3.
    ce = -np.mean(y * np.log(sigmoid(z)) + (1 - y) * np.log(1 - sigmoid(z)))
    assert objective("logistic", "ce", X, y, w, c, 2) == pytest.approx(ce, rel=1e-12)
    assert objective("logistic", "mse", X, y, w, c, 2) == pytest.approx(np.mean((y - sigmoid(z)) ** 2), rel=1e-12)
    assert objective("logistic", "ce", X, y, w, c, 2, l2=0.3) == pytest.approx(ce + 0.15 * (0.25 + 0.0625))
    W3, b3 = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.0]]), np.array([0.0, 0.2, -0.1])
    y3 = np.array([2, 0, 1])
    P = softmax(X @ W3 + b3, axis=1)
    Y = np.eye(3)[y3]
    assert objective("softmax", "ce", X, y3, W3, b3, 3) == pytest.approx(-np.mean(np.log(P[[0, 1, 2], y3])))
    assert objective("softmax", "mse", X, y3, W3, b3, 3) == pytest.approx(np.mean(np.sum((Y - P) ** 2, axis=1)))
    # One-vs-rest: K independent binary problems, summed per sample.
    S = sigmoid(X @ W3 + b3)
    ovr = -np.mean(np.sum(Y * np.log(S) + (1 - Y) * np.log(1 - S), axis=1))
    assert objective("logistic", "ce", X, y3, W3, b3, 3) == pytest.approx(ovr, rel=1e-12)


def test_targets_and_class_weights():
    y = np.array([0, 1, 1, 1])
    np.testing.assert_allclose(targets("logistic", y, 2, 0.2)[:, 0], [0.1, 0.9, 0.9, 0.9])
    np.testing.assert_allclose(targets("softmax", np.array([2]), 3, 0.3), [[0.1, 0.1, 0.8]])
    # scikit-learn's "balanced": n / (K n_c).
    np.testing.assert_allclose(class_weights(y, 2, "balanced"), [2.0, 4 / 6])
    assert class_weights(y, 2, None) is None
    with pytest.raises(ValueError, match="class_weight"):
        class_weights(y, 2, "heavy")
    with pytest.raises(ValueError, match="2 finite non-negative"):
        class_weights(y, 2, (1.0, -1.0))


def test_softmax_with_a_zero_column_is_logistic_regression():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((50, 3))
    w, c = rng.standard_normal((3, 1)), rng.standard_normal(1)
    p_log = predict_proba("logistic", X, w, c)
    p_soft = predict_proba("softmax", X, np.hstack([np.zeros((3, 1)), w]), np.array([0.0, c[0]]))
    np.testing.assert_allclose(p_soft, p_log, atol=1e-14)
    np.testing.assert_array_equal(predict(X, w, c), predict(X, np.hstack([-w / 2, w / 2]), np.r_[-c / 2, c / 2]))


def test_initialisation_gives_both_models_the_same_function():
    for init in ("zeros", "small", "normal"):
        Wl, bl = init_params("logistic", 4, 2, init, np.random.default_rng(9))
        Ws, bs = init_params("softmax", 4, 2, init, np.random.default_rng(9))
        X = np.random.default_rng(1).standard_normal((20, 4))
        np.testing.assert_allclose(predict_proba("logistic", X, Wl, bl), predict_proba("softmax", X, Ws, bs))
    with pytest.raises(ValueError, match="init"):
        init_params("logistic", 2, 2, "ones", np.random.default_rng(0))
    with pytest.raises(ValueError, match="shapes"):
        init_params("softmax", 2, 3, (np.zeros((2, 1)), np.zeros(1)), np.random.default_rng(0))


# --- optima against scikit-learn -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def overlap():
    return make_dataset("overlap", n=300, seed=2)


def _sk_log_loss(X, y, **kwargs):
    sk = LogisticRegression(tol=1e-12, max_iter=10_000, **kwargs).fit(X, y)
    return sk, log_loss(y, sk.predict_proba(X))


def test_logistic_ce_reaches_scikit_learns_optimum(overlap):
    _, ref = _sk_log_loss(overlap.X, overlap.y, C=np.inf)
    run = train("logistic", "ce", overlap.X, overlap.y, 2, lr=1.0, epochs=1000)
    assert run.final_loss == pytest.approx(ref, abs=1e-3)
    assert abs(run.final_loss - ref) < 1e-6  # in fact far closer: the problem is convex and well conditioned


def test_l2_matches_scikit_learns_c(overlap):
    lam = 0.05
    # scikit-learn minimises ½‖w‖² + C Σ loss_i; ours is mean loss + (λ/2)‖w‖², the same for C = 1 / (λ N).
    sk = LogisticRegression(C=1 / (lam * overlap.n), tol=1e-12, max_iter=10_000).fit(overlap.X, overlap.y)
    run = train("logistic", "ce", overlap.X, overlap.y, 2, lr=1.0, epochs=1000, l2=lam)
    np.testing.assert_allclose(run.W[:, 0], sk.coef_[0], atol=1e-5)
    assert run.b[0] == pytest.approx(sk.intercept_[0], abs=1e-5)


def test_class_weights_match_scikit_learn(overlap):
    idx = np.r_[np.flatnonzero(overlap.y == 0)[:40], np.flatnonzero(overlap.y == 1)]
    X, y = overlap.X[idx], overlap.y[idx]
    sk = LogisticRegression(C=np.inf, class_weight="balanced", tol=1e-12, max_iter=10_000).fit(X, y)
    run = train("logistic", "ce", X, y, 2, lr=1.0, epochs=2000, class_weight="balanced")
    np.testing.assert_allclose(run.W[:, 0], sk.coef_[0], atol=1e-4)


def test_softmax_k2_reaches_the_same_optimum_as_logistic(overlap):
    log = train("logistic", "ce", overlap.X, overlap.y, 2, lr=1.0, epochs=1000)
    soft = train("softmax", "ce", overlap.X, overlap.y, 2, lr=0.5, epochs=1000)
    assert soft.final_loss == pytest.approx(log.final_loss, abs=1e-6)
    # Same function: the softmax's logit difference is the logistic logit.
    np.testing.assert_allclose(soft.W[:, 1] - soft.W[:, 0], log.W[:, 0], atol=1e-4)


def test_softmax_k2_is_logistic_with_twice_the_learning_rate(overlap):
    # Softmax starts at [-w/2, w/2]; each step moves the two columns by ∓η g, so their difference moves by
    # 2η g: exactly logistic regression run with learning rate 2η (no L2, full batch).
    log = train("logistic", "ce", overlap.X, overlap.y, 2, lr=0.6, epochs=50, init="normal")
    soft = train("softmax", "ce", overlap.X, overlap.y, 2, lr=0.3, epochs=50, init="normal")
    np.testing.assert_allclose(soft.W[:, 1] - soft.W[:, 0], log.W[:, 0], rtol=1e-10)
    np.testing.assert_allclose(soft.history["loss"], log.history["loss"], rtol=1e-10)


def _decision(run) -> tuple[np.ndarray, float]:
    """The logit of class 1 as (w, c): the one column of logistic regression, the column difference of softmax."""
    if run.W.shape[1] == 1:
        return run.W[:, 0], float(run.b[0])
    return run.W[:, 1] - run.W[:, 0], float(run.b[1] - run.b[0])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"l2": 0.1},
        {"l2": 0.3, "momentum": 0.8},
        {"l2": 0.1, "batch_size": 32},  # the same seed gives both runs the same mini-batches
        {"l2": 0.1, "label_smoothing": 0.1},
        {"l2": 0.1, "class_weight": "balanced"},
    ],
)
def test_softmax_with_l2_is_logistic_at_twice_the_rate_and_half_the_penalty(overlap, kwargs):
    # The columns start opposite, [-w/2, w/2], and the penalty's gradient keeps their sum at 0, so
    # (λ/2)(‖w₀‖² + ‖w₁‖²) = (λ/4)‖w₁ − w₀‖²: softmax at (η, λ) is logistic regression at (2η, λ/2).
    kwargs = dict(kwargs)
    lam = kwargs.pop("l2")
    X, y = overlap.X, overlap.y
    soft = train("softmax", "ce", X, y, 2, lr=0.3, l2=lam, epochs=200, init="normal", **kwargs)
    half = train("logistic", "ce", X, y, 2, lr=0.6, l2=lam / 2, epochs=200, init="normal", **kwargs)
    full = train("logistic", "ce", X, y, 2, lr=0.6, l2=lam, epochs=200, init="normal", **kwargs)
    (ws, cs), (wh, ch), wf = _decision(soft), _decision(half), _decision(full)[0]
    np.testing.assert_allclose(ws, wh, atol=1e-12)
    assert cs == pytest.approx(ch, abs=1e-12)
    np.testing.assert_allclose(soft.history["loss"], half.history["loss"], rtol=1e-12)
    np.testing.assert_allclose(soft.W.sum(axis=1), 0.0, atol=1e-12)
    # ... and not logistic regression at (2η, λ): a different objective, a different minimum, smaller weights
    assert np.abs(ws - wf).max() > 0.05
    assert np.linalg.norm(wf) < np.linalg.norm(ws)
    np.testing.assert_array_equal(predict(X, soft.W, soft.b), predict(X, half.W, half.b))


def test_softmax_is_only_nearly_logistic_with_class_weights_and_label_smoothing(overlap):
    # PyTorch's convention weighs a point's smoothing term by every class's weight; the logistic loss by the
    # point's own class weight: the page says "nearly" for this combination.
    idx = np.r_[np.flatnonzero(overlap.y == 0)[:60], np.flatnonzero(overlap.y == 1)]
    X, y = overlap.X[idx], overlap.y[idx]
    kw = {"epochs": 200, "init": "normal", "class_weight": "balanced", "label_smoothing": 0.2}
    soft = train("softmax", "ce", X, y, 2, lr=0.3, **kw)
    log = train("logistic", "ce", X, y, 2, lr=0.6, **kw)
    gap = np.abs(_decision(soft)[0] - _decision(log)[0]).max()
    assert 1e-3 < gap < 0.5


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0, 0.3))
def test_mse_pushes_each_logit_at_most_half_as_hard_as_ce(seed, smoothing):
    # Binary: ∂CE/∂z = ŷ - t and ∂MSE/∂z = 2(ŷ - t)ŷ(1 - ŷ), so their ratio 1/(2ŷ(1 - ŷ)) is at least 2.
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 50)
    Z = rng.normal(scale=4.0, size=(50, 1))
    _, g_ce = data_loss_and_grad_logits("logistic", "ce", Z, y, 2, label_smoothing=smoothing)
    _, g_mse = data_loss_and_grad_logits("logistic", "mse", Z, y, 2, label_smoothing=smoothing)
    p = sigmoid(Z[:, 0])
    moving = np.abs(g_ce[:, 0]) > 1e-12
    np.testing.assert_allclose(g_ce[moving, 0] / g_mse[moving, 0], 1 / (2 * p * (1 - p))[moving], rtol=1e-9)
    assert np.all(np.abs(g_mse[:, 0]) <= 0.5 * np.abs(g_ce[:, 0]) + 1e-15)
    assert np.all(g_mse[:, 0] * g_ce[:, 0] >= 0)  # the same direction
    # K classes (the race's MSE run uses softmax): ∂MSE/∂z = 2J(ŷ - t) with J's eigenvalues in [0, 1/2],
    # so the push is never longer than cross-entropy's.
    k = int(rng.integers(3, 7))
    y = rng.integers(0, k, 50)
    Z = rng.normal(scale=4.0, size=(50, k))
    _, g_ce = data_loss_and_grad_logits("softmax", "ce", Z, y, k, label_smoothing=smoothing)
    _, g_mse = data_loss_and_grad_logits("softmax", "mse", Z, y, k, label_smoothing=smoothing)
    assert np.all(np.linalg.norm(g_mse, axis=1) <= np.linalg.norm(g_ce, axis=1) + 1e-15)
    P = softmax(Z, axis=1)
    J = np.einsum("ij,jk->ijk", P, np.eye(k)) - np.einsum("ij,ik->ijk", P, P)
    assert np.linalg.eigvalsh(J).max() <= 0.5 + 1e-12


def test_race_scales_the_mse_runs_learning_rate_only(overlap):
    tr, te = train_test_split(overlap, seed=1)
    base = race(tr, te, lr=0.1, epochs=30)
    same = race(tr, te, TrainConfig(lr=0.1, epochs=30), mse_lr_scale=1.0)
    scaled = race(tr, te, lr=0.1, epochs=30, mse_lr_scale=4)
    for key in RACE_RUNS:
        assert_same_history(same.runs[key].history, base.runs[key].history)
    assert scaled.runs["mse"].config.lr == pytest.approx(0.4)
    assert_same_history(scaled.runs["mse"].history, train("logistic", "mse", tr.X, tr.y, 2, lr=0.4, epochs=30,
                                                          X_test=te.X, y_test=te.y).history)  # fmt: skip
    for key in ("logistic_ce", "softmax_ce"):
        assert_same_history(scaled.runs[key].history, base.runs[key].history)
    with pytest.raises(ValueError, match="mse_lr_scale"):
        race(tr, te, lr=0.1, mse_lr_scale=0.0)
    with pytest.raises(ValueError, match="not both"):
        race(tr, te, TrainConfig(), lr=0.1)


def test_softmax_three_classes_reaches_scikit_learns_multinomial_optimum():
    X, y = _three_blobs()
    _, ref = _sk_log_loss(X, y, C=np.inf)
    run = train("softmax", "ce", X, y, 3, lr=1.0, epochs=2000)
    assert run.final_loss == pytest.approx(ref, abs=1e-3)


def test_one_vs_rest_matches_three_scikit_learn_binary_fits():
    X, y = _three_blobs()
    run = train("logistic", "ce", X, y, 3, lr=1.0, epochs=3000)
    for c in range(3):
        sk = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, (y == c).astype(int))
        np.testing.assert_allclose(run.W[:, c], sk.coef_[0], atol=1e-3)


def test_label_smoothing_keeps_weights_finite_on_separable_data():
    ds = make_dataset("blobs", n=200)
    plain = train("logistic", "ce", ds.X, ds.y, 2, lr=1.0, epochs=2000)
    smooth = train("logistic", "ce", ds.X, ds.y, 2, lr=1.0, epochs=2000, label_smoothing=0.1)
    assert np.linalg.norm(smooth.W) < np.linalg.norm(plain.W) / 2
    # The loss cannot go below the entropy of the smoothed target (ε/2 = 0.05 vs 0.95).
    h = -(0.05 * math.log(0.05) + 0.95 * math.log(0.95))
    assert smooth.history["loss"].min() >= h - 1e-12
    assert smooth.final_loss == pytest.approx(h, abs=0.02)


# --- the training loop ---------------------------------------------------------------------------------


def test_history_shape_and_snapshots(overlap):
    tr, te = train_test_split(overlap)
    run = train("logistic", "ce", tr.X, tr.y, 2, epochs=250, X_test=te.X, y_test=te.y)
    assert run.history.dtype.names == HISTORY_COLUMNS
    assert run.history["epoch"].tolist() == list(range(251))
    assert all(np.isfinite(run.history[c]).all() for c in HISTORY_COLUMNS)
    epochs = [s.epoch for s in run.snapshots]
    assert epochs[0] == 0 and epochs[-1] == 250 and len(epochs) <= 101
    assert epochs == sorted(set(epochs))
    # History rows agree with the snapshots they share an epoch with.
    for s in run.snapshots[::20]:
        row = run.history[s.epoch]
        assert row["loss"] == pytest.approx(objective("logistic", "ce", tr.X, tr.y, s.W, s.b, 2))
        assert row["test_accuracy"] == pytest.approx(np.mean(predict(te.X, s.W, s.b) == te.y))
        _, gW, gb = objective_and_grad("logistic", "ce", tr.X, tr.y, s.W, s.b, 2)
        assert row["grad_norm"] == pytest.approx(math.hypot(np.linalg.norm(gW), np.linalg.norm(gb)))
    no_test = train("logistic", "ce", tr.X, tr.y, 2, epochs=5)
    assert np.isnan(no_test.history["test_accuracy"]).all()


def test_full_batch_loss_decreases_for_a_small_learning_rate(overlap):
    for model, loss in COMBOS:
        h = train(model, loss, overlap.X, overlap.y, 2, lr=0.1, epochs=100).history["loss"]
        assert (np.diff(h) <= 1e-15).all(), (model, loss)


def assert_same_history(a: np.ndarray, b: np.ndarray) -> None:
    assert a.dtype == b.dtype
    for name in a.dtype.names:  # field by field: NaN test accuracies compare equal there
        np.testing.assert_array_equal(a[name], b[name])


def test_deterministic_for_a_seed(overlap):
    kw = {"lr": 0.3, "epochs": 30, "init": "normal", "batch_size": 32, "momentum": 0.5}
    a = train("softmax", "mse", overlap.X, overlap.y, 2, seed=4, **kw)
    b = train("softmax", "mse", overlap.X, overlap.y, 2, seed=4, **kw)
    c = train("softmax", "mse", overlap.X, overlap.y, 2, seed=5, **kw)
    assert_same_history(a.history, b.history)
    np.testing.assert_array_equal(a.W, b.W)
    assert not np.array_equal(a.W, c.W)


def test_one_batch_of_everything_is_full_batch(overlap):
    full = train("logistic", "ce", overlap.X, overlap.y, 2, epochs=20)
    one = train("logistic", "ce", overlap.X, overlap.y, 2, epochs=20, batch_size=10_000)
    assert_same_history(full.history, one.history)


def test_mini_batches_and_momentum_still_reach_the_optimum(overlap):
    _, ref = _sk_log_loss(overlap.X, overlap.y, C=np.inf)
    mom = train("logistic", "ce", overlap.X, overlap.y, 2, lr=0.1, epochs=300, momentum=0.9)
    assert mom.final_loss == pytest.approx(ref, abs=1e-4)
    sgd = train("logistic", "ce", overlap.X, overlap.y, 2, lr=0.05, epochs=300, batch_size=25)
    assert sgd.final_loss == pytest.approx(ref, abs=5e-3)


def test_mse_is_slower_than_ce_from_a_confidently_wrong_start():
    # The squared error's gradient carries σ'(z), which vanishes when a point is confidently misclassified.
    ds = make_dataset("blobs", n=200)
    start = (np.array([[-4.0], [-4.0]]), np.zeros(1))  # every point on the wrong side, far from the boundary
    assert np.mean(predict(ds.X, *start) == ds.y) == 0.0
    kw = {"lr": 0.1, "epochs": 300, "init": start}
    ce = train("logistic", "ce", ds.X, ds.y, 2, **kw)
    mse = train("logistic", "mse", ds.X, ds.y, 2, **kw)
    soft = train("softmax", "ce", ds.X, ds.y, 2, **kw)
    assert soft.history["loss"][0] == pytest.approx(ce.history["loss"][0])
    assert ce.epochs_to_accuracy(0.9) is not None
    assert mse.epochs_to_accuracy(0.9) is None or mse.epochs_to_accuracy(0.9) > 2 * ce.epochs_to_accuracy(0.9)
    # At the start the MSE gradient is tiny next to the CE gradient.
    assert mse.history["grad_norm"][0] < 0.05 * ce.history["grad_norm"][0]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"lr": 0.0}, "lr"),
        ({"lr": float("nan")}, "lr"),
        ({"epochs": 0}, "epochs"),
        ({"init": "ones"}, "init"),
        ({"l2": -1.0}, "l2"),
        ({"label_smoothing": 1.5}, "label_smoothing"),
        ({"batch_size": 0}, "batch_size"),
        ({"momentum": 1.0}, "momentum"),
        ({"snapshot_every": 0}, "snapshot_every"),
    ],
)
def test_bad_settings_are_rejected(kwargs, match):
    ds = make_dataset("blobs", n=20)
    with pytest.raises(ValueError, match=match):
        train("logistic", "ce", ds.X, ds.y, 2, **kwargs)


def test_bad_inputs_are_rejected():
    ds = make_dataset("blobs", n=20)
    with pytest.raises(ValueError, match="model"):
        train("tree", "ce", ds.X, ds.y, 2)
    with pytest.raises(ValueError, match="loss"):
        train("logistic", "hinge", ds.X, ds.y, 2)
    with pytest.raises(ValueError, match="class indices"):
        train("logistic", "ce", ds.X, ds.y + 1, 2)
    with pytest.raises(ValueError, match="finite"):
        train("logistic", "ce", np.full((3, 2), np.nan), np.array([0, 1, 0]), 2)
    with pytest.raises(ValueError, match="as many features"):
        train("logistic", "ce", ds.X, ds.y, 2, X_test=np.zeros((2, 3)), y_test=np.array([0, 1]))


# --- divergence ----------------------------------------------------------------------------------------


def test_l2_with_too_large_a_step_diverges_and_stops(overlap):
    # Gradient descent on (λ/2)‖W‖² multiplies W by (1 - ηλ) each step: |1 - 10 · 0.5| = 4 > 1 explodes,
    # while the data term's gradient is bounded for these losses. So overflow is real, and early.
    run = train("logistic", "mse", overlap.X, overlap.y, 2, lr=10.0, epochs=2000, l2=0.5)
    assert run.diverged_at is not None and 100 < run.diverged_at < 2000
    assert len(run.history) == run.diverged_at
    assert all(np.isfinite(run.history[c]).all() for c in HISTORY_COLUMNS if c != "test_accuracy")
    assert run.snapshots[-1].epoch == run.diverged_at - 1
    assert np.isfinite(run.W).all() and np.isfinite(run.b).all()
    # One more step from the last finite parameters overflows the loss or the gradient.
    _, gW, _ = objective_and_grad("logistic", "mse", overlap.X, overlap.y, run.W, run.b, 2, l2=0.5)
    with np.errstate(over="ignore", invalid="ignore"):
        W1 = run.W - 10.0 * gW
        value = 0.25 * float(np.sum(W1 * W1))
    assert not math.isfinite(value) or not np.isfinite(gW).all()


def test_large_steps_without_l2_never_overflow(overlap):
    # Without the penalty the gradient is bounded (|∂L/∂z| <= 1 per sample), so ‖W‖ grows at most linearly.
    for model, loss in COMBOS:
        run = train(model, loss, overlap.X, overlap.y, 2, lr=10.0, epochs=1000)
        assert run.diverged_at is None
        assert np.linalg.norm(run.W) <= 10.0 * 1000 * 2 * np.linalg.norm(overlap.X, axis=1).max()


def test_momentum_raises_the_stability_threshold(overlap):
    # Heavy ball on a quadratic of curvature λ is stable for ηλ < 2(1 + μ).
    kw = {"lr": 10.0, "epochs": 1500, "l2": 0.3}
    assert train("logistic", "ce", overlap.X, overlap.y, 2, momentum=0.0, **kw).diverged_at is not None
    assert train("logistic", "ce", overlap.X, overlap.y, 2, momentum=0.6, **kw).diverged_at is None


def test_a_diverged_run_does_not_stop_the_race(overlap):
    tr, te = train_test_split(overlap)
    result = race(tr, te, lr=10.0, epochs=1500, l2=0.25)
    diverged = {k: r.diverged_at for k, r in result.runs.items()}
    assert all(d is not None for d in diverged.values())
    assert len(set(diverged.values())) > 1  # they stop at their own epochs; the others keep going
    for key, run in result.runs.items():
        assert len(run.history) == diverged[key]
    summary = {row["run"]: row for row in result.summary()}
    assert summary["mse"]["diverged_at"] == diverged["mse"]


# --- the race and the export ---------------------------------------------------------------------------


def test_race_runs_the_three_contenders_from_the_same_start(overlap):
    tr, te = train_test_split(overlap)
    result = race(tr, te, lr=0.5, epochs=60, init="normal", seed=3)
    assert list(result.runs) == list(RACE_RUNS)
    first = [r.history["loss"][0] for r in result.runs.values()]
    assert first[0] == pytest.approx(first[1])  # same initial function, same CE
    P = [predict_proba(r.model, tr.X, r.snapshots[0].W, r.snapshots[0].b) for r in result.runs.values()]
    np.testing.assert_allclose(P[0], P[1])
    np.testing.assert_allclose(P[0], P[2])
    summary = result.summary()
    assert [row["final_loss"] for row in summary] == [r.final_loss for r in result.runs.values()]
    history = result.history()
    assert len(history) == 3 * 61 and history.dtype.names == ("run", *HISTORY_COLUMNS)
    assert race_contenders(2)["mse"] == ("logistic", "mse")
    assert race_contenders(3)["mse"] == ("softmax", "mse")


def test_race_on_iris():
    tr, te = train_test_split(make_dataset("iris"))
    result = race(tr, te, lr=0.5, epochs=200)
    assert all(r.final["test_accuracy"] > 0.8 for r in result.runs.values())
    assert result.runs["logistic_ce"].W.shape == (4, 3)


def test_epochs_to_accuracy():
    ds = make_dataset("blobs", n=100)
    run = train("logistic", "ce", ds.X, ds.y, 2, lr=0.5, epochs=30, init="zeros")
    acc = run.history["train_accuracy"]
    k = run.epochs_to_accuracy(0.9)
    assert acc[k] >= 0.9 and (acc[:k] < 0.9).all()
    assert train("logistic", "ce", *_article_xy(), 2, epochs=10).epochs_to_accuracy(0.99) is None


def _article_xy():
    ds = make_dataset("article")
    return ds.X, ds.y


@pytest.mark.parametrize("name", ["blobs", "iris"])
def test_exported_script_reproduces_the_run(name):
    settings_ = {"lr": 0.3, "epochs": 40, "seed": 2, "init": "normal", "l2": 0.01, "label_smoothing": 0.05}
    source = race_script(name, n=120, noise=0.2, data_seed=2, test_fraction=0.3, **settings_)
    scope = {"__name__": "exported"}
    exec(compile(source, "exported.py", "exec"), scope)
    ds = make_dataset(name, n=120, noise=0.2, seed=2)
    tr, te = train_test_split(ds, test_fraction=0.3, seed=2)
    expected = race(tr, te, **settings_)
    for key in RACE_RUNS:
        assert scope["result"].runs[key].final_loss == expected.runs[key].final_loss


def test_exported_script_for_a_csv_file(tmp_path):
    rng = np.random.default_rng(0)
    rows = "\n".join(f"{a:.4f},{b:.4f},{'yes' if a + b > 0 else 'no'}" for a, b in rng.standard_normal((40, 2)))
    (tmp_path / "mine.csv").write_text("a,b,label\n" + rows + "\n")
    source = race_script("csv", csv_file="mine.csv", label_column="label", lr=0.5, epochs=20, class_weight="balanced")
    scope = {"__name__": "exported", "__file__": str(tmp_path / "script.py")}
    exec(compile(source, "exported.py", "exec"), scope)
    assert scope["result"].runs["mse"].history["epoch"][-1] == 20


def test_exported_script_keeps_user_text_in_literals(tmp_path):
    label = "y'); import os; os.system('x') #\"\"\" {a} $b$"
    rng = np.random.default_rng(1)
    rows = "\n".join(f"{a:.4f},{b:.4f},{'p' if a > b else 'q'}" for a, b in rng.standard_normal((40, 2)))
    content = ('a,b,"' + label.replace('"', '""') + '"\n' + rows + "\n").encode()
    name = script_csv_name("my file's <data>.csv")
    (tmp_path / name).write_bytes(content)
    source = race_script(
        "csv", csv_file="my file's <data>.csv", label_column=label, lr=0.5, epochs=20, mse_lr_scale=2.0
    )
    tree = ast.parse(source)
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert label in strings and name in strings
    calls = {
        n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
    }
    assert calls <= {"dataset_from_csv", "with_name", "Path", "read_bytes", "train_test_split", "race", "print",
                     "to_string", "DataFrame", "summary", "to_csv", "history"}  # fmt: skip
    scope = {"__name__": "exported", "__file__": str(tmp_path / "script.py")}
    exec(compile(source, "exported.py", "exec"), scope)
    assert scope["result"].runs["mse"].config.lr == 1.0


def test_export_refuses_anything_but_plain_settings():
    with pytest.raises(ValueError, match="unknown settings"):
        race_script("blobs", lr=0.1, evil="__import__('os')")
    with pytest.raises(ValueError, match="unknown data set"):
        race_script("spiral")
    with pytest.raises(ValueError, match="lr"):
        race_script("blobs", lr=-1.0)
    source = race_script("csv", csv_file="C:/x.csv\n'); import os #")
    modules = {
        alias.name if isinstance(node, ast.Import) else node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert modules == {"pandas", "pathlib", "xentcore.datasets", "xentcore.training"}


def test_train_config_defaults_are_what_train_uses():
    ds = Dataset(np.zeros((4, 1)), np.array([0, 1, 0, 1]), 2, ("x",), ("a", "b"), "t")
    assert train("logistic", "ce", ds.X, ds.y, 2).config == TrainConfig()
