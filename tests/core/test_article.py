# ruff: noqa: NPY002  (the article seeds numpy's legacy global generator; these tests replay that on purpose)
"""The tutorial's programs (faithful re-implementation) and the corrected ones.

References: scikit-learn's ``log_loss`` (with ``normalize=False`` it is the summed loss the article prints)
and the unpenalised ``LogisticRegression(C=np.inf)`` (the minimiser gradient descent must reach), numpy's
legacy global generator (the stream the article's ``np.random.seed(0)`` produces), finite differences.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss

from xentcore import article
from xentcore.losses import binary_cross_entropy_with_logits, categorical_cross_entropy, finite_difference, sigmoid


def _global_stream(draw):
    """Run ``draw`` after ``np.random.seed(0)``, as the article does, then put numpy's global state back."""
    saved = np.random.get_state()
    try:
        np.random.seed(0)
        return draw()
    finally:
        np.random.set_state(saved)


def test_binary_setup_replays_the_articles_seeded_stream():
    expected = _global_stream(
        lambda: (np.random.randn(100, 2), np.random.randint(0, 2, 100), np.random.randn(2), np.random.randn())
    )
    s = article.article_binary_setup()
    np.testing.assert_array_equal(s.X, expected[0])
    np.testing.assert_array_equal(s.y, expected[1])
    np.testing.assert_array_equal(s.weights, expected[2])
    assert s.bias == expected[3]


def test_softmax_setup_replays_the_articles_seeded_stream():
    expected = _global_stream(
        lambda: (np.random.randn(100, 5), np.random.randint(0, 3, 100), np.random.randn(5, 3), np.random.randn(3))
    )
    s = article.article_softmax_setup()
    for got, want in zip((s.X, s.y, s.weights, s.bias), expected, strict=True):
        np.testing.assert_array_equal(got, want)


def test_setups_leave_the_global_generator_alone():
    before = np.random.get_state()[1].copy()
    article.article_binary_setup()
    article.article_softmax_setup()
    article.article_start(4, 3)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_article_start_shapes():
    w, b = article.article_start(4)
    assert w.shape == (4,) and isinstance(b, float)
    W, b3 = article.article_start(4, 3)
    assert W.shape == (4, 3) and b3.shape == (3,)


def test_article_sigmoid_matches_the_stable_one_on_moderate_logits():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(article.article_sigmoid(z), sigmoid(z), rtol=1e-12)


def test_article_binary_loss_is_the_sum_not_the_mean():
    s = article.article_binary_setup()
    y_hat = article.article_sigmoid(s.X @ s.weights + s.bias)
    summed = article.article_binary_loss(s.y, y_hat)
    assert summed == pytest.approx(log_loss(s.y, y_hat, normalize=False), rel=1e-12)
    assert summed == pytest.approx(100 * log_loss(s.y, y_hat), rel=1e-12)


def test_article_binary_loss_breaks_on_saturated_predictions():
    with pytest.warns(RuntimeWarning):
        y_hat = article.article_sigmoid(np.array([-800.0]))
    assert y_hat[0] == 0.0
    with pytest.warns(RuntimeWarning):
        assert article.article_binary_loss(np.array([1.0]), y_hat) == np.inf
    with pytest.warns(RuntimeWarning):
        assert np.isnan(article.article_binary_loss(np.array([0.0]), y_hat))


def test_article_categorical_loss_is_the_summed_log_loss():
    s = article.article_softmax_setup()
    Y_hat = article.article_softmax(s.X @ s.weights + s.bias)
    assert article.article_categorical_loss(article.one_hot(s.y, 3), Y_hat) == pytest.approx(
        log_loss(s.y, Y_hat, normalize=False), rel=1e-12
    )
    np.testing.assert_allclose(Y_hat.sum(axis=1), 1.0)


def test_article_categorical_loss_is_nan_when_a_probability_underflows():
    Y_hat = article.article_softmax(np.array([[800.0, 0.0, -800.0]]))  # the softmax itself is stable
    assert np.isfinite(Y_hat).all()
    with pytest.warns(RuntimeWarning):
        assert np.isnan(article.article_categorical_loss(np.eye(3)[[0]], Y_hat))


def test_one_hot():
    np.testing.assert_array_equal(article.one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])


def test_fit_prints_every_hundredth_epoch():
    s = article.article_binary_setup()
    fit = article.article_logistic_regression(s.X, s.y, s.weights, s.bias)
    np.testing.assert_array_equal(fit.printed_epochs, np.arange(0, 1000, 100))
    np.testing.assert_array_equal(fit.printed_loss, fit.loss[::100])
    assert fit.loss.shape == fit.accuracy.shape == (1000,)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), lr=st.floats(0.001, 1.0))
def test_article_binary_step_descends_the_mean_loss(seed, lr):
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((12, 2)), rng.integers(0, 2, 12)
    w, b = rng.standard_normal(2), float(rng.standard_normal())
    fit = article.article_logistic_regression(X, y, w, b, lr=lr, epochs=1)
    params = np.append(w, b)
    grad = finite_difference(lambda v: binary_cross_entropy_with_logits(y, X @ v[:2] + v[2]), params)
    np.testing.assert_allclose(np.append(fit.weights, fit.bias), params - lr * grad, atol=1e-7)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), lr=st.floats(0.001, 1.0))
def test_article_softmax_step_descends_the_mean_loss(seed, lr):
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((12, 4)), rng.integers(0, 3, 12)
    W, b = rng.standard_normal((4, 3)), rng.standard_normal(3)
    fit = article.article_softmax_regression(X, article.one_hot(y, 3), W, b, lr=lr, epochs=1)
    params = np.append(W.ravel(), b)

    def mean_loss(v):
        return categorical_cross_entropy(y, X @ v[:12].reshape(4, 3) + v[12:])

    expected = params - lr * finite_difference(mean_loss, params)
    np.testing.assert_allclose(np.append(fit.weights.ravel(), fit.bias), expected, atol=1e-7)


@pytest.mark.parametrize("kind", ["binary", "softmax"])
def test_same_start_same_path_and_the_printed_loss_is_n_times_the_mean(kind):
    if kind == "binary":
        s = article.article_binary_setup()
        a = article.article_logistic_regression(s.X, s.y, s.weights, s.bias)
        c = article.corrected_logistic_regression(s.X, s.y, lr=0.01, weights=s.weights, bias=s.bias)
    else:
        s = article.article_softmax_setup()
        a = article.article_softmax_regression(s.X, article.one_hot(s.y, 3), s.weights, s.bias)
        c = article.corrected_softmax_regression(s.X, s.y, 3, lr=0.01, weights=s.weights, bias=s.bias)
    np.testing.assert_allclose(a.weights, c.weights, atol=1e-10)
    np.testing.assert_allclose(a.bias, c.bias, atol=1e-10)
    np.testing.assert_allclose(a.loss, len(s.y) * c.loss, rtol=1e-10)
    np.testing.assert_array_equal(a.accuracy, c.accuracy)


def _overlapping(n_classes: int, seed: int = 3, n: int = 300):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, n_classes, n)
    centres = rng.standard_normal((n_classes, 2))
    return centres[y] + 1.2 * rng.standard_normal((n, 2)), y


def test_corrected_logistic_regression_reaches_sklearns_minimiser():
    X, y = _overlapping(2)
    fit = article.corrected_logistic_regression(X, y, lr=1.0, epochs=4000)
    ref = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(fit.weights, ref.coef_[0], atol=1e-5)
    assert fit.bias == pytest.approx(ref.intercept_[0], abs=1e-5)
    assert fit.loss[-1] == pytest.approx(log_loss(y, ref.predict_proba(X)), abs=1e-9)
    assert np.all(np.diff(fit.loss) <= 1e-15)  # a convex loss, a small enough step: never goes up


def test_corrected_softmax_regression_reaches_sklearns_minimiser():
    X, y = _overlapping(3)
    fit = article.corrected_softmax_regression(X, y, 3, lr=1.0, epochs=4000)
    ref = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    probs = np.exp(X @ fit.weights + fit.bias)
    probs /= probs.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(probs, ref.predict_proba(X), atol=1e-5)


def test_corrected_losses_stay_finite_where_the_articles_are_nan():
    s = article.article_binary_setup()
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        a = article.article_logistic_regression(1000 * s.X, s.y, s.weights, s.bias, epochs=50)
    c = article.corrected_logistic_regression(1000 * s.X, s.y, lr=0.01, weights=s.weights, bias=s.bias, epochs=50)
    assert not np.isfinite(a.loss).any()
    assert np.isfinite(c.loss).all()


def test_accuracy_helpers_match_sklearn():
    X, y = _overlapping(2)
    w, b = np.array([0.3, -1.0]), 0.2
    assert article.binary_accuracy(X, y, w, b) == pytest.approx(accuracy_score(y, (X @ w + b >= 0).astype(int)))
    X3, y3 = _overlapping(3)
    W, b3 = np.eye(2, 3), np.zeros(3)
    assert article.softmax_accuracy(X3, y3, W, b3) == pytest.approx(accuracy_score(y3, np.argmax(X3 @ W, axis=1)))
    assert article.majority_rate([0, 1, 1, 2]) == 0.5


def test_floor_zero_imports_neither_streamlit_nor_plotly():
    code = "import sys, xentcore.article; print('streamlit' in sys.modules, 'plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
