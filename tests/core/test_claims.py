"""The per-claim demonstrations of the "tutorial, checked" page.

References: SciPy's ``entropy`` (entropy and KL), hand-computed values of the tutorial's weather example
(``H(P, Q) = -(0.5 ln 0.4 + 0.3 ln 0.4 + 0.2 ln 0.2) = 1.0549202 nats = 1.5219281 bits``), the analytic
derivatives written out here, and finite differences.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import entropy as scipy_entropy
from sklearn.metrics import accuracy_score

from xentcore import article
from xentcore.app.tutorial import claims
from xentcore.datasets import make_dataset, train_test_split
from xentcore.info import cross_entropy, entropy

distributions = st.lists(st.floats(0.0, 1.0), min_size=2, max_size=6).filter(lambda w: sum(w) > 1e-3)


def _normalised(w):
    w = np.asarray(w)
    return w / w.sum()


# --- claims 1-4 ------------------------------------------------------------------------------------------


def test_measures_against_scipy():
    p, q = (0.6, 0.3, 0.1), (0.2, 0.5, 0.3)
    m = claims.measures(p, q, base=2)
    assert m.h_p == pytest.approx(scipy_entropy(p, base=2))
    assert m.kl_pq == pytest.approx(scipy_entropy(p, q, base=2))
    assert m.kl_qp == pytest.approx(scipy_entropy(q, p, base=2))
    assert m.ce_pq == pytest.approx(scipy_entropy(p, base=2) + scipy_entropy(p, q, base=2))
    assert m.ce_qp == pytest.approx(scipy_entropy(q, base=2) + scipy_entropy(q, p, base=2))
    np.testing.assert_allclose(m.info_p, -np.log2(p))
    np.testing.assert_allclose(m.info_q, -np.log2(q))


def test_weather_example_term_by_term():
    nats = claims.cross_entropy_terms(claims.WEATHER_P, claims.WEATHER_Q)
    bits = claims.cross_entropy_terms(claims.WEATHER_P, claims.WEATHER_Q, base=2)
    np.testing.assert_allclose(nats, [-0.5 * math.log(0.4), -0.3 * math.log(0.4), -0.2 * math.log(0.2)])
    assert round(float(nats.sum()), 7) == 1.0549202
    assert round(float(bits.sum()), 7) == 1.5219281
    assert nats.sum() == pytest.approx(cross_entropy(claims.WEATHER_P, claims.WEATHER_Q))


def test_terms_handle_zeros_by_their_limits():
    np.testing.assert_array_equal(
        claims.cross_entropy_terms([0.5, 0.5, 0.0], [0.5, 0.0, 0.5]), [0.5 * math.log(2), np.inf, 0]
    )


@settings(max_examples=40, deadline=None)
@given(w=distributions)
def test_cross_entropy_is_smallest_at_q_equals_p_and_equals_the_entropy_there(w):
    p = _normalised(w)
    path = claims.cross_entropy_along_line(p)
    at_p = int(np.flatnonzero(path.t == 0.0)[0])
    assert path.ce[at_p] == pytest.approx(entropy(p), abs=1e-12)
    assert path.kl[at_p] == pytest.approx(0.0, abs=1e-12)
    assert (path.ce >= path.h - 1e-12).all()
    assert (path.kl >= -1e-12).all()
    np.testing.assert_allclose(path.ce - path.kl, path.h, atol=1e-9)
    away = np.abs(path.t) > 1e-3
    assert (path.kl[away] > 0).all()
    assert np.isfinite(path.ce).all()


def test_cross_entropy_minimum_is_zero_only_for_one_hot():
    assert claims.cross_entropy_along_line((0.0, 1.0, 0.0)).ce.min() == 0.0
    assert claims.cross_entropy_along_line((1 / 3, 1 / 3, 1 / 3)).ce.min() == pytest.approx(math.log(3))


def test_random_search_never_beats_the_entropy():
    p = claims.WEATHER_P
    found = claims.random_search_minimum(p)
    assert entropy(p) <= found <= entropy(p) + 0.01


# --- claims 5-6 ------------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(y=st.sampled_from([0, 1]), y_hat=st.floats(0.01, 0.99))
def test_binary_gradient_formula_agrees_with_finite_differences(y, y_hat):
    g = claims.binary_gradient_check(y, y_hat)
    assert g.formula == pytest.approx((y_hat - y) / (y_hat * (1 - y_hat)), rel=1e-12)
    assert g.numeric == pytest.approx(g.formula, rel=1e-6)
    assert g.loss == pytest.approx(-math.log(y_hat if y == 1 else 1 - y_hat))


def test_binary_gradient_check_refuses_the_edges():
    with pytest.raises(ValueError, match="y_hat must lie"):
        claims.binary_gradient_check(1, 1.0)


def test_binary_loss_curve():
    y_hat, loss = claims.binary_loss_curve(1)
    np.testing.assert_allclose(loss, -np.log(y_hat))


@settings(max_examples=50, deadline=None)
@given(z=st.lists(st.floats(-10, 10), min_size=3, max_size=3), target=st.integers(0, 2))
def test_multiclass_gradient_is_yhat_minus_y_in_the_logits_not_in_the_probabilities(z, target):
    df = claims.softmax_gradient_check(z, target)
    y_hat = np.exp(np.array(z) - max(z))
    y_hat /= y_hat.sum()
    y = np.eye(3)[target]
    np.testing.assert_allclose(df["y_hat"], y_hat, rtol=1e-12)
    np.testing.assert_allclose(df["claimed"], y_hat - y, atol=1e-15)
    np.testing.assert_allclose(df["d_logits"], df["claimed"], atol=1e-12)
    np.testing.assert_allclose(df["d_logits_fd"], df["claimed"], atol=1e-6)
    np.testing.assert_allclose(df["d_probs"], -y / y_hat, rtol=1e-12)
    np.testing.assert_allclose(df["d_probs_fd"], df["d_probs"], rtol=1e-5)
    assert not np.allclose(df["claimed"], df["d_probs"])  # the tutorial's formula is not ∂L/∂ŷ


def test_gradient_gaps():
    to_logits, to_probs = claims.gradient_gaps(claims.softmax_gradient_check([2.0, 1.0, 0.1], 0))
    assert to_logits < 1e-8
    assert to_probs == pytest.approx(
        abs(
            (math.exp(2) / (math.exp(2) + math.e + math.exp(0.1)) - 1)
            + 1 / (math.exp(2) / (math.exp(2) + math.e + math.exp(0.1)))
        )
    )


def test_softmax_gradient_check_refuses_a_bad_class():
    with pytest.raises(ValueError, match="class index"):
        claims.softmax_gradient_check([0.0, 0.0], 2)


def test_probability_loss():
    assert claims.probability_loss([0, 1, 0], [0.2, 0.5, 0.3]) == pytest.approx(math.log(2))


# --- claim 7 ---------------------------------------------------------------------------------------------


def test_logit_gradients_mse_carries_the_vanishing_slope():
    z = np.linspace(-12, 12, 97)
    df = claims.logit_gradients(z, y=1)
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(df["slope"], s * (1 - s))
    assert df["slope"].max() == pytest.approx(0.25)
    np.testing.assert_allclose(df["ce"], s - 1)
    np.testing.assert_allclose(df["mse"], 2 * (s - 1) * s * (1 - s))
    np.testing.assert_allclose(df["ratio"], 2 * s * (1 - s))
    wrong = df[df["z"] == -12].iloc[0]  # confidently wrong: CE still pushes, MSE barely does
    assert abs(wrong["ce"]) > 0.99 and abs(wrong["mse"]) < 1e-4


# --- claim 8 ---------------------------------------------------------------------------------------------


def test_large_logits_break_the_articles_binary_loss_only():
    df = claims.large_logit_losses(800.0)
    wrong = (df["z"] > 0) != (df["y"] == 1)
    assert np.isinf(df.loc[wrong, "article"]).all()
    assert np.isnan(df.loc[~wrong, "article"]).all()
    np.testing.assert_array_equal(df["stable"], np.where(wrong, 800.0, 0.0))


def test_large_logits_break_the_articles_softmax_loss_only():
    df = claims.large_logit_softmax_losses(800.0)
    assert df["article"].isna().all()
    np.testing.assert_array_equal(df["stable"], [0.0, 800.0, 1600.0])


@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_same_start_runs(kind):
    small = claims.same_start_runs(kind, 1.0, epochs=200)
    np.testing.assert_allclose(small.article.loss, small.n * small.corrected.loss, rtol=1e-10)
    np.testing.assert_allclose(small.article.weights, small.corrected.weights, atol=1e-10)
    big = claims.same_start_runs(kind, 1000.0, epochs=200)
    assert np.isnan(big.article.loss).all()
    assert np.isfinite(big.corrected.loss).all()


@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_learnability(kind):
    df = claims.learnability(kind, epochs=300).set_index(["data", "method"])
    assert list(df.columns) == ["train", "held_out", "chance"]
    for method in ("article", "corrected"):
        random = df.loc[("random", method)]
        assert random["held_out"] <= random["chance"] + 0.05  # nothing to learn: no better than guessing
    corrected = df.loc[("learnable", "corrected")]
    assert corrected["held_out"] >= 0.85 > corrected["chance"] + 0.3
    tr = claims._article_problem(kind, 0)
    if kind == "binary":
        fit = article.corrected_logistic_regression(tr.X, tr.y, lr=claims.CORRECTED_LR, epochs=300)
        score = article.binary_accuracy(tr.X, tr.y, fit.weights, fit.bias)
    else:
        fit = article.corrected_softmax_regression(tr.X, tr.y, 3, lr=claims.CORRECTED_LR, epochs=300)
        score = article.softmax_accuracy(tr.X, tr.y, fit.weights, fit.bias)
    assert df.loc[("random", "corrected"), "train"] == pytest.approx(score)


# --- claim 9 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("init", claims.CASE_INITS)
def test_cancer_comparison_runs_both_losses_on_the_same_split(init):
    study = claims.cancer_ce_vs_mse(30, init=init)
    assert (study.n, study.d) == (569, 30)
    _, te = train_test_split(make_dataset("cancer"), seed=0)
    for loss in ("ce", "mse"):
        run = study.runs[loss]
        assert run.loss == loss and run.diverged_at is None and run.config.init == init
        assert len(run.history) == 31 and run.config.lr == claims.CASE_LR
        predicted = (te.X @ run.W[:, 0] + run.b[0] > 0).astype(int)
        assert run.final["test_accuracy"] == pytest.approx(accuracy_score(te.y, predicted))
    np.testing.assert_array_equal(
        study.runs["ce"].history["test_accuracy"][:1], study.runs["mse"].history["test_accuracy"][:1]
    )  # the same starting model


# --- figures (floor 1) -----------------------------------------------------------------------------------


def test_figures_carry_the_numbers_they_are_given():
    from xentcore.app.tutorial import figures as plots

    path = claims.cross_entropy_along_line(claims.WEATHER_P)
    fig = plots.line_through_p(path.t, path.ce, path.kl, path.h, ce_name="ce", kl_name="kl", h_name="h", x_title="t")
    np.testing.assert_allclose(fig.data[0].y, path.ce, rtol=1e-6)
    assert fig.layout.shapes[0].y0 == path.h
    grid, loss = claims.binary_loss_curve(1)
    g = claims.binary_gradient_check(1, 0.3)
    fig = plots.loss_with_tangent(grid, loss, (0.3, g.loss), g.formula, loss_name="L", tangent_name="T", x_title="x")
    x, y = fig.data[1].x, fig.data[1].y
    assert (y[1] - y[0]) / (x[1] - x[0]) == pytest.approx(g.formula, rel=1e-5)
    df = claims.logit_gradients(np.linspace(-8, 8, 17))
    fig = plots.logit_gradients(df["z"], df["ce"], df["mse"], ce_name="a", mse_name="b", x_title="z", y_title="g")
    np.testing.assert_allclose(fig.data[1].y, np.abs(df["mse"]), rtol=1e-6)
    fig = plots.accuracy_curves(np.arange(3), [("ce", np.array([0.4, 0.9, 1.0]), "ce")], x_title="e", y_title="a")
    assert fig.layout.yaxis.range[0] <= 0.4


def test_from_the_tutorials_start_mse_lags_behind_cross_entropy():
    normal = claims.cancer_ce_vs_mse(100, init="normal").runs
    small = claims.cancer_ce_vs_mse(100, init="small").runs
    gap_normal = normal["ce"].final["test_accuracy"] - normal["mse"].final["test_accuracy"]
    gap_small = small["ce"].final["test_accuracy"] - small["mse"].final["test_accuracy"]
    assert gap_normal > 0.05 > gap_small
