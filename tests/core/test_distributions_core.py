"""xentcore.distributions: the slider rule, resizing, presets, the summary, per-class terms. References: SciPy
(``scipy.stats.entropy``, ``scipy.spatial.distance.jensenshannon``) and hand-computed values for the tutorial's
weather example. The worked calculation, written out in LaTeX, is the app's: see test_distributions_model.py."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy as scipy_entropy

from xentcore import cross_entropy, entropy, kl_divergence
from xentcore.distributions import (
    MAX_CLASSES,
    PRESETS,
    WEATHER_P,
    WEATHER_Q,
    apply_preset,
    infinite_classes,
    rescale,
    resize,
    resize_names,
    summarize,
    terms,
)


@st.composite
def distributions(draw, min_k: int = 2, max_k: int = MAX_CLASSES, zeros: bool = True):
    k = draw(st.integers(min_k, max_k))
    lo = 0.0 if zeros else 1e-3
    w = np.array(draw(st.lists(st.floats(lo, 1.0), min_size=k, max_size=k)))
    if w.sum() == 0:
        w[0] = 1.0
    return w / w.sum()


# --- the slider rule -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(distributions(), st.data())
def test_rescale_sums_to_one_keeps_y_and_ratios(p, data):
    i = data.draw(st.integers(0, p.size - 1))
    y = data.draw(st.floats(0.0, 1.0))
    out = rescale(p, i, y)
    assert math.isclose(out.sum(), 1.0, abs_tol=1e-12)
    assert out[i] == y
    assert (out >= 0).all()
    others = np.arange(p.size) != i
    if p[others].sum() > 1e-9 and y < 1:
        # the others keep their ratios: out_j p_k == out_k p_j for every pair of them
        a, b = out[others], p[others]
        np.testing.assert_allclose(np.outer(a, b), np.outer(b, a), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(a.sum(), 1 - y, atol=1e-12)


def test_rescale_by_hand():
    # (1 - 0.8) / (1 - 0.5) = 0.4: 0.3 -> 0.12, 0.2 -> 0.08
    np.testing.assert_allclose(rescale([0.5, 0.3, 0.2], 0, 0.8), [0.8, 0.12, 0.08])
    # old was 1: nothing to keep the ratios of, spread 0.6 evenly
    np.testing.assert_allclose(rescale([0.0, 1.0, 0.0, 0.0], 1, 0.4), [0.2, 0.4, 0.2, 0.2])
    np.testing.assert_allclose(rescale([0.5, 0.5], 1, 1.5), [0.0, 1.0])  # clipped to 1


@pytest.mark.parametrize(
    ("p", "i", "match"),
    [
        ([0.5, 0.6], 0, "sum to 1"),
        ([1.0], 0, "at least 2"),
        ([0.5, 0.5], 2, "out of range"),
        ([0.5, -0.5, 1], 0, "negative"),
    ],
)
def test_rescale_rejects(p, i, match):
    with pytest.raises(ValueError, match=match):
        rescale(p, i, 0.5)


# --- resizing ----------------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(distributions(), st.integers(2, MAX_CLASSES))
def test_resize_is_a_distribution_and_keeps_ratios(p, k):
    out = resize(p, k)
    assert out.shape == (k,)
    assert math.isclose(out.sum(), 1.0, abs_tol=1e-12)
    n = min(k, p.size)
    if p[:n].sum() > 0:
        np.testing.assert_allclose(out[:n] * p[:n].sum(), p[:n] * out[:n].sum(), atol=1e-12)
    if k > p.size:
        np.testing.assert_allclose(out[p.size :], 1.0 / k)


def test_resize_by_hand_and_errors():
    np.testing.assert_allclose(resize([0.5, 0.3, 0.2], 4), [0.375, 0.225, 0.15, 0.25])
    np.testing.assert_allclose(resize([0.0, 0.0, 1.0], 2), [0.5, 0.5])  # nothing left: uniform
    with pytest.raises(ValueError, match="2 to 12"):
        resize([0.5, 0.5], 13)


def test_resize_names():
    default = "c{}".format
    assert resize_names((), 5, default) == ()
    assert resize_names(("a", "b", "c"), 2, default) == ("a", "b")
    assert resize_names(("a", "b"), 4, default) == ("a", "b", "c2", "c3")


# --- presets -----------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(distributions(), st.data(), st.sampled_from(PRESETS))
def test_every_preset_gives_two_distributions_of_one_length(p, data, name):
    q = data.draw(distributions(p.size, p.size))
    new_p, new_q = apply_preset(name, p, q)
    assert new_p.shape == new_q.shape
    for v in (new_p, new_q):
        assert math.isclose(v.sum(), 1.0, abs_tol=1e-12)
        assert (v >= 0).all()


def test_presets_do_what_they_say():
    p, q = np.array([0.1, 0.6, 0.3]), np.array([0.2, 0.5, 0.3])
    assert apply_preset("weather", p, q)[0].tolist() == list(WEATHER_P)
    assert apply_preset("weather", p, q)[1].tolist() == list(WEATHER_Q)
    np.testing.assert_allclose(apply_preset("uniform_q", p, q)[1], [1 / 3] * 3)
    assert apply_preset("one_hot_p", p, q)[0].tolist() == [0, 1, 0]
    assert apply_preset("q_equals_p", p, q)[1].tolist() == p.tolist()
    wrong = apply_preset("confident_wrong", p, q)[1]
    np.testing.assert_allclose(wrong, [0.9, 0.05, 0.05])  # 0.9 on the class P finds least likely
    zero = apply_preset("zero_q", p, q)[1]
    np.testing.assert_allclose(zero, [0.2 / 0.5, 0, 0.3 / 0.5])
    assert math.isinf(cross_entropy(p, zero))
    # Q already all on P's favourite: nothing to renormalise, spread over the others
    np.testing.assert_allclose(apply_preset("zero_q", p, [0, 1, 0])[1], [0.5, 0, 0.5])
    with pytest.raises(ValueError, match="unknown preset"):
        apply_preset("nope", p, q)


# --- the numbers -------------------------------------------------------------------------------------------


def test_weather_example_by_hand():
    # -(0.5 ln 0.4 + 0.3 ln 0.4 + 0.2 ln 0.2) = 0.8 * 0.916291 + 0.2 * 1.609438 = 1.054920 nats
    s = summarize(WEATHER_P, WEATHER_Q)
    assert round(s.ce_pq, 4) == 1.0549
    assert round(summarize(WEATHER_P, WEATHER_Q, base=2).ce_pq, 4) == 1.5219


@settings(max_examples=100, deadline=None)
@given(distributions(zeros=False), st.data(), st.sampled_from([math.e, 2.0]))
def test_summary_matches_scipy(p, data, base):
    q = data.draw(distributions(p.size, p.size, zeros=False))
    s = summarize(p, q, base=base)
    assert math.isclose(s.h_p, scipy_entropy(p, base=base), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(s.h_q, scipy_entropy(q, base=base), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(s.kl_pq, scipy_entropy(p, q, base=base), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(s.kl_qp, scipy_entropy(q, p, base=base), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(s.ce_pq, s.h_p + s.kl_pq, rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(s.ce_qp, s.h_q + s.kl_qp, rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(s.margin, s.kl_pq, rel_tol=1e-9, abs_tol=1e-12)
    checks = s.holds()
    assert checks["ce_ge_h"] and checks["kl_ge_0"]
    assert checks["symmetric"] == math.isclose(s.ce_pq, s.ce_qp, rel_tol=0, abs_tol=1e-12)
    assert math.isclose(s.js, jensenshannon(p, q, base=base) ** 2, rel_tol=1e-7, abs_tol=1e-10)


def test_one_hot_and_infinite_classes():
    assert summarize([0, 1], [0, 1]).p_is_one_hot
    assert not summarize(WEATHER_P, WEATHER_P).p_is_one_hot
    assert infinite_classes([0.5, 0.3, 0.2], [0.0, 0.5, 0.5]).tolist() == [0]
    assert math.isinf(summarize([0.5, 0.5], [0.0, 1.0]).margin)
    assert summarize([0.5, 0.5], [0.0, 1.0]).holds() == {"ce_ge_h": True, "kl_ge_0": True, "symmetric": False}
    assert summarize(WEATHER_P, WEATHER_P).holds()["symmetric"]
    assert infinite_classes([0.0, 0.5, 0.5], [0.0, 0.5, 0.5]).tolist() == []


@settings(max_examples=100, deadline=None)
@given(distributions(), st.data())
def test_terms_sum_to_the_measures(p, data):
    q = data.draw(distributions(p.size, p.size))
    t = terms(p, q, base=2)
    assert math.isclose(t.h.sum(), entropy(p, base=2), abs_tol=1e-12)
    ce, kl = cross_entropy(p, q, base=2), kl_divergence(p, q, base=2)
    if math.isinf(ce):
        assert np.isinf(t.ce).any() and np.isinf(t.kl).any()
    else:
        assert math.isclose(t.ce.sum(), ce, rel_tol=1e-12, abs_tol=1e-12)
        assert math.isclose(t.kl.sum(), kl, rel_tol=1e-9, abs_tol=1e-12)
        np.testing.assert_allclose(t.ce, t.h + t.kl, atol=1e-12)
    # area of a class's code-length bar (width p_i, height -log q_i) is its contribution
    both = (p > 0) & (q > 0)
    np.testing.assert_allclose(p[both] * t.code_length[both], t.ce[both], atol=1e-12)


def test_terms_edge_conventions():
    t = terms([0.5, 0.5, 0.0], [0.0, 0.5, 0.5])
    assert t.ce.tolist()[2] == 0.0 and t.kl.tolist()[2] == 0.0  # 0 log 0 = 0
    assert math.isinf(t.ce[0]) and math.isinf(t.kl[0]) and math.isinf(t.code_length[0])
