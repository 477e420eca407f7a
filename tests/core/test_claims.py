"""The per-claim demonstrations of the "tutorial, checked" page, and the page's model.

References: SciPy's ``entropy`` (entropy and KL), hand-computed values of the tutorial's weather example
(``H(P, Q) = -(0.5 ln 0.4 + 0.3 ln 0.4 + 0.2 ln 0.2) = 1.0549202 nats = 1.5219281 bits``), the analytic
derivatives written out here, finite differences, and scikit-learn's unpenalised ``LogisticRegression`` with
``log_loss`` (the lowest training loss on the article's data).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import entropy as scipy_entropy
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss

from xentcore import article
from xentcore.app.tutorial import claims
from xentcore.app.tutorial import model as tm
from xentcore.app.tutorial.state import SCHEMA
from xentcore.datasets import make_dataset, train_test_split
from xentcore.info import cross_entropy, entropy, kl_divergence

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


# --- claim 1: KL is not a distance ------------------------------------------------------------------------


def test_asymmetry_of_the_weather_pair_against_scipy():
    a = claims.asymmetry(claims.WEATHER_P, claims.WEATHER_Q, base=2)
    assert a.kl_pq == pytest.approx(scipy_entropy(claims.WEATHER_P, claims.WEATHER_Q, base=2))
    assert a.kl_qp == pytest.approx(scipy_entropy(claims.WEATHER_Q, claims.WEATHER_P, base=2))
    assert a.visible and round(a.kl_pq, 4) != round(a.kl_qp, 4)
    assert not claims.asymmetry((0.5, 0.3, 0.2), (0.3, 0.5, 0.2)).visible  # a swap of two outcomes: symmetric
    assert not claims.asymmetry((1.0, 0.0), (0.0, 1.0)).visible  # both infinite
    assert claims.asymmetry((1.0, 0.0), (0.5, 0.5)).visible  # ln 2 one way, ∞ the other


@settings(max_examples=60, deadline=None)
@given(w=distributions, v=distributions)
def test_the_triangle_inequality_fails_through_a_mixture(w, v):
    k = min(len(w), len(v))
    p, q = (
        _normalised(w[:k] if sum(w[:k]) > 1e-3 else [1.0] * k),
        _normalised(v[:k] if sum(v[:k]) > 1e-3 else [1.0] * k),
    )
    tri = claims.triangle_counterexample(p, q)
    direct = kl_divergence(p, q)
    if tri is None:
        # only when there is nothing to show: infinite, or too close for four decimals
        assert not np.isfinite(direct) or direct < 4 * claims.TRIANGLE_MARGIN
        return
    assert tri.t in claims.MIX_GRID
    np.testing.assert_allclose(tri.m, (1 - tri.t) * np.asarray(p) + tri.t * np.asarray(q), atol=1e-15)
    assert tri.kl_pq == pytest.approx(direct)
    assert tri.kl_pm == pytest.approx(scipy_entropy(p, tri.m))
    assert tri.kl_mq == pytest.approx(scipy_entropy(tri.m, q))
    assert tri.kl_pq > tri.kl_pm + tri.kl_mq + claims.TRIANGLE_MARGIN / 2


def test_triangle_counterexample_of_the_weather_pair_and_none_without_one():
    tri = claims.triangle_counterexample(claims.WEATHER_P, claims.WEATHER_Q)
    assert tri.t == 0.5 and tri.m == pytest.approx((0.45, 0.35, 0.2))
    assert tri.detour < tri.kl_pq / 2 + 1e-3  # the KL divergence grows like a squared length: about half
    assert claims.triangle_counterexample(claims.WEATHER_P, claims.WEATHER_P) is None
    assert claims.triangle_counterexample((0.5, 0.5, 0.0), (1.0, 0.0, 0.0)) is None  # KL(P‖Q) = ∞


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
def test_training_minimum_matches_scikit_learn(kind):
    s = claims._article_problem(kind, 0)
    fitted = LogisticRegression(C=np.inf, max_iter=10000, tol=1e-12).fit(s.X, s.y)
    assert claims.training_minimum(kind) == pytest.approx(log_loss(s.y, fitted.predict_proba(s.X)), abs=1e-9)


@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_label_surprisals_average_to_the_mean_cross_entropy(kind):
    runs = claims.same_start_runs(kind, 1.0)
    s = claims._article_problem(kind, 0)
    q, nll = claims.label_surprisals(kind, s.X, s.y, runs.corrected.weights, runs.corrected.bias)
    np.testing.assert_allclose(q, np.exp(-nll))
    if kind == "binary":
        p1 = 1 / (1 + np.exp(-(s.X @ runs.corrected.weights + runs.corrected.bias)))
        expected = log_loss(s.y, p1)
    else:
        Z = s.X @ runs.corrected.weights + runs.corrected.bias
        P = np.exp(Z - Z.max(axis=1, keepdims=True))
        expected = log_loss(s.y, P / P.sum(axis=1, keepdims=True))
    assert nll.mean() == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("kind", ["binary", "softmax"])
@pytest.mark.parametrize("scale", [1.0, 1000.0])
def test_standardised_inputs_do_not_depend_on_the_scale(kind, scale):
    runs = claims.same_start_runs(kind, scale)
    one = claims.same_start_runs(kind, 1.0)
    np.testing.assert_allclose(runs.standardised.loss, one.standardised.loss, rtol=1e-9)
    assert (np.diff(runs.standardised.loss) <= 0).all()


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


@pytest.mark.parametrize("factor", claims.MSE_LR_FACTORS)
def test_mse_learning_rate_factor_and_the_start(factor):
    study = claims.cancer_ce_vs_mse(10, init="normal", mse_lr_factor=factor)
    assert study.runs["ce"].config.lr == claims.CASE_LR
    assert study.runs["mse"].config.lr == study.mse_lr == pytest.approx(claims.CASE_LR * factor)
    tr, _ = train_test_split(make_dataset("cancer"), seed=0)
    for loss in ("ce", "mse"):
        start = study.runs[loss].snapshots[0]
        np.testing.assert_allclose(study.start_logits, (tr.X @ start.W + start.b)[:, 0])
    s = 1 / (1 + np.exp(-study.start_logits))
    np.testing.assert_allclose(study.start_push_ratio, 1 / (2 * s * (1 - s)))
    assert study.start_push_ratio.min() >= 2.0
    assert study.wrong_at_start.mean() == pytest.approx(1 - study.runs["ce"].history["train_accuracy"][0])


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


# --- the page's model: each corrected statement pinned to the numbers --------------------------------------


def _state(**changes):
    return {**SCHEMA.defaults(), **changes}


@pytest.mark.parametrize("unit", ["nats", "bits"])
@pytest.mark.parametrize(
    "p,q",
    [
        (claims.WEATHER_P, claims.WEATHER_Q),
        ((0.2, 0.2, 0.6), (0.1, 0.3, 0.6)),
        ((1.0, 0.0, 0.0), claims.WEATHER_Q),
        (claims.WEATHER_P, claims.WEATHER_P),
        (claims.WEATHER_P, (0.0, 0.5, 0.5)),
        ((0.5, 0.3, 0.2), (0.3, 0.5, 0.2)),
    ],
)
def test_claim_1_corrections(p, q, unit):
    d = tm.definitions(p, q, unit)
    base = 2.0 if unit == "bits" else math.e
    # the extra information is KL = H(P, Q) - H(P), not H(P, Q)
    assert d.h_p == pytest.approx(entropy(p, base=base))
    assert d.ce_pq == pytest.approx(d.h_p + d.kl_pq) or (math.isinf(d.ce_pq) and math.isinf(d.kl_pq))
    # not symmetric: the pair shown differs at four decimals, the reader's when it can
    a = d.asymmetry
    assert a.visible and round(a.kl_pq, 4) != round(a.kl_qp, 4)
    assert d.own_asymmetry == claims.asymmetry(p, q).visible
    assert (a.p, a.q) == (
        (tuple(map(float, p)), tuple(map(float, q))) if d.own_asymmetry else (claims.WEATHER_P, claims.WEATHER_Q)
    )
    assert a.kl_pq == pytest.approx(kl_divergence(a.p, a.q, base=base))
    # no triangle inequality: KL(P‖Q) > KL(P‖M) + KL(M‖Q), recomputed here
    tri = d.triangle
    assert tri.kl_pq > kl_divergence(tri.p, tri.m, base=base) + kl_divergence(tri.m, tri.q, base=base)
    assert tri.kl_pm == pytest.approx(kl_divergence(tri.p, tri.m, base=base))
    assert round(tri.kl_pq, 4) > round(tri.kl_pm, 4) + round(tri.kl_mq, 4)  # visible at four decimals
    own = (tri.p, tri.q) == (tuple(map(float, p)), tuple(map(float, q)))
    assert d.own_triangle == own


def test_claim_1_fallbacks_are_the_weather_pair():
    d = tm.definitions(claims.WEATHER_P, claims.WEATHER_P, "nats")
    assert not d.own_asymmetry and not d.own_triangle
    assert d.triangle.p == claims.WEATHER_P and d.asymmetry.q == claims.WEATHER_Q


@pytest.mark.parametrize("unit", ["nats", "bits"])
@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_claim_8_the_loss_moves_most_of_the_way_to_its_floor(kind, unit):
    m = tm.programs(kind, 1000.0, unit)
    mv, runs = m.moves, claims.same_start_runs(kind, 1.0)
    ln_base = math.log(2.0) if unit == "bits" else 1.0
    k = 2 if kind == "binary" else 3
    assert mv.start == pytest.approx(runs.corrected.loss[0] / ln_base)
    assert mv.chance == pytest.approx(math.log(k) / ln_base)
    assert mv.floor == pytest.approx(claims.training_minimum(kind) / ln_base)
    assert mv.floor < mv.chance  # random labels: the noise can be fitted
    assert mv.floor <= mv.end < mv.start  # it falls, and cannot fall below the minimum
    assert mv.fraction == pytest.approx((mv.start - mv.end) / (mv.start - mv.floor))
    assert mv.fraction >= 0.5  # the page says "most of the way", not "barely moves"
    assert mv.change == pytest.approx(mv.end / mv.start - 1)
    # the end is the mean loss after the last update: the likelihood section's L
    assert mv.end == m.likelihood.mean
    s = claims._article_problem(kind, 0)
    _, nll = claims.label_surprisals(kind, s.X, s.y, runs.corrected.weights, runs.corrected.bias)
    assert mv.end == pytest.approx(nll.mean() / ln_base)


@pytest.mark.parametrize("unit", ["nats", "bits"])
@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_claim_8_likelihood(kind, unit):
    lk = tm.programs(kind, 1.0, unit).likelihood
    ln_base = math.log(2.0) if unit == "bits" else 1.0
    assert lk.n == 100 and lk.total == pytest.approx(lk.n * lk.mean)
    # base^(-N·L) in the reader's unit is e^(-N·L) in nats: the same probability
    assert lk.log10 == pytest.approx(-lk.total * ln_base / math.log(10))
    assert 1 <= lk.mantissa < 10 and lk.mantissa * 10.0**lk.exponent == pytest.approx(10**lk.log10, rel=1e-9)
    assert lk.base_symbol == ("2" if unit == "bits" else "e")
    np.testing.assert_allclose(lk.surprise, -np.log(lk.q_label) / ln_base)
    assert lk.label == tuple(claims._article_problem(kind, 0).y[: tm.NLL_ROWS])


@pytest.mark.parametrize("kind", ["binary", "softmax"])
@pytest.mark.parametrize("scale", [1.0, 10.0, 100.0, 1000.0])
def test_claim_8_large_inputs(kind, scale):
    sc = tm.programs(kind, scale, "nats").scaled
    runs = claims.same_start_runs(kind, scale)
    loss = runs.corrected.loss
    assert sc.rises == np.count_nonzero(np.diff(loss) > 0) and sc.steps == loss.size - 1
    assert (sc.start, sc.end, sc.peak) == (loss[0], loss[-1], loss.max())
    assert sc.stable == (scale <= 10)  # finite at every scale, but at ×100 and ×1000 the steps overshoot
    assert sc.good == sc.total and np.isfinite(loss).all()
    assert sc.std_rises == 0 and sc.std_end < sc.std_start  # the fix: standardised inputs train smoothly
    np.testing.assert_array_equal(sc.standardised, runs.standardised.printed_loss)
    bits = tm.programs(kind, scale, "bits").scaled
    np.testing.assert_allclose(bits.corrected, sc.corrected / math.log(2))


@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_claim_8_learnability_sentence_holds(kind):
    learn = tm.programs(kind, 1.0, "nats").learn
    assert not learn.random_beats_chance  # "neither method beats guessing the most frequent label"
    assert learn.learnable_learned  # "... and it learns; so does the tutorial's"


def test_claim_7_cross_entropy_pushes_at_least_twice_as_hard():
    g = tm.mse_gradient()
    assert g.min_ratio == pytest.approx(2.0) and g.z_min_ratio == 0.0
    s = 1 / (1 + math.exp(6.0))
    assert g.ce_over_mse == pytest.approx(1 / (2 * s * (1 - s)))
    assert (np.abs(g.ce_curve) >= 2 * np.abs(g.mse_curve) - 1e-15).all()


@pytest.mark.parametrize("unit", ["nats", "bits"])
@pytest.mark.parametrize(
    "epochs,init,factor", [(30, "small", 2.0), (100, "normal", 1.0), (100, "normal", 4.0), (10, "small", 1.0)]
)
def test_claim_9_in_the_readers_unit(epochs, init, factor, unit):
    c = tm.case_study(epochs, init, factor, unit)
    study = claims.cancer_ce_vs_mse(epochs, init=init, mse_lr_factor=factor)
    ln_base = math.log(2.0) if unit == "bits" else 1.0
    assert c.final_loss[c.losses.index("ce")] == pytest.approx(study.runs["ce"].final["loss"] / ln_base)
    assert c.final_loss[c.losses.index("mse")] == study.runs["mse"].final["loss"]  # squared error: no unit
    assert c.rates == (claims.CASE_LR, pytest.approx(claims.CASE_LR * factor))
    assert c.start_median_ratio >= 2.0 and c.confident_ratio > 28
    assert c.gap_points == pytest.approx(
        100 * (study.runs["ce"].final["test_accuracy"] - study.runs["mse"].final["test_accuracy"])
    )
    expected = "even" if c.gap_points == 0 else "ahead" if c.gap_points < 0 else "lag" if factor == 1 else "lag_more"
    assert c.gap_case == expected


def test_the_page_model_for_its_default_state():
    m = tm.build(SCHEMA.defaults(), "nats")
    assert m.definitions.p == claims.WEATHER_P and m.programs.kind == "binary" and m.case_study.epochs == 100
    assert m.programs.scaled.scale == 1000.0 and m.case_study.mse_lr_factor == 1.0
    assert m.weather.nats == pytest.approx(1.0549202, abs=1e-7)
    m2 = tm.build(_state(p=(1.0, 0.0, 0.0), prog="softmax", sc=1.0, mlr=4.0), "bits")
    assert m2.floor.one_hot and m2.floor.towards == "uniform" and m2.programs.kind == "softmax"
    assert tm.floor((1 / 3, 1 / 3, 1 / 3), "nats").towards == "corner"
