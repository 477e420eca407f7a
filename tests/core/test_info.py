"""Information measures against SciPy, hand-computed values and properties."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import spatial, special, stats

from xentcore import cross_entropy, entropy, js_divergence, kl_divergence, normalize, self_information

WEATHER_P = [0.5, 0.3, 0.2]
WEATHER_Q = [0.4, 0.4, 0.2]


def distributions(k: int | None = None, min_k: int = 2, max_k: int = 12, allow_zero: bool = True):
    """Random probability vectors (some with exact zeros), built from non-negative weights."""

    def build(weights):
        w = np.asarray(weights)
        assume(w.sum() > 1e-3)
        return w / w.sum()

    size = st.just(k) if k is not None else st.integers(min_k, max_k)
    # exact zeros, or weights well above the subnormal range (tested separately)
    elements = st.one_of(st.just(0.0), st.floats(1e-6, 10.0)) if allow_zero else st.floats(1e-3, 10.0)
    return size.flatmap(lambda n: arrays(float, n, elements=elements)).map(build)


def pairs(allow_zero_q: bool = True):
    return st.integers(2, 12).flatmap(lambda n: st.tuples(distributions(n), distributions(n, allow_zero=allow_zero_q)))


# --- hand-computed reference values -------------------------------------------------------------------


def test_weather_example_by_hand():
    # -(0.5 ln 0.4 + 0.3 ln 0.4 + 0.2 ln 0.2), evaluated term by term with math.log
    by_hand = -(0.5 * math.log(0.4) + 0.3 * math.log(0.4) + 0.2 * math.log(0.2))
    assert cross_entropy(WEATHER_P, WEATHER_Q) == pytest.approx(by_hand, rel=1e-15)
    assert cross_entropy(WEATHER_P, WEATHER_Q) == pytest.approx(1.0549202, abs=5e-8)
    assert cross_entropy(WEATHER_P, WEATHER_Q, base=2) == pytest.approx(1.5219281, abs=5e-8)
    assert entropy(WEATHER_P, base=2) == pytest.approx(1.4854753, abs=5e-8)
    assert kl_divergence(WEATHER_P, WEATHER_Q, base=2) == pytest.approx(0.0364528, abs=5e-8)


def test_units():
    assert entropy([0.5, 0.5], base=2) == 1.0
    assert entropy([0.5, 0.5]) == pytest.approx(math.log(2))
    assert entropy([0.1] * 10, base=10) == pytest.approx(1.0)
    assert self_information(0.125, base=2) == pytest.approx(3.0)


def test_conventions_zero_and_infinity():
    assert entropy([1.0, 0.0]) == 0.0  # 0 log 0 = 0
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0  # one-hot matched exactly: the only zero
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2))
    assert self_information(0.0) == math.inf
    assert js_divergence([1.0, 0.0], [0.0, 1.0], base=2) == pytest.approx(1.0)


def test_cross_entropy_at_q_equal_p_is_entropy_not_zero():
    """The tutorial says H(P, Q) = 0 iff Q = P; in fact H(P, P) = H(P)."""
    assert cross_entropy(WEATHER_P, WEATHER_P) == pytest.approx(entropy(WEATHER_P))
    assert cross_entropy(WEATHER_P, WEATHER_P) > 1.0


# --- SciPy references ---------------------------------------------------------------------------------


@given(pairs())
def test_matches_scipy(pq):
    p, q = pq
    assert entropy(p) == pytest.approx(stats.entropy(p), rel=1e-12, abs=1e-12)
    assert entropy(p, base=2) == pytest.approx(stats.entropy(p, base=2), rel=1e-12, abs=1e-12)
    assert kl_divergence(p, q) == pytest.approx(special.rel_entr(p, q).sum(), rel=1e-10, abs=1e-12)
    assert kl_divergence(p, q, base=2) == pytest.approx(stats.entropy(p, q, base=2), rel=1e-10, abs=1e-12)
    js_scipy = spatial.distance.jensenshannon(p, q, base=2) ** 2
    if np.isnan(js_scipy):  # SciPy takes the square root of a sum that rounding left just below 0
        js_scipy = 0.0
    assert js_divergence(p, q, base=2) == pytest.approx(js_scipy, rel=1e-7, abs=1e-10)


def test_divergences_of_q_within_rounding_of_p_are_zero_not_negative():
    """Q = w / Σw for ten equal weights differs from P = 1/10 in the last bit; the terms of KL and JS then cancel
    to about -3e-16, which a divergence cannot be (Gibbs' inequality): it is 0."""
    p = np.full(10, 0.1)
    w = np.full(10, 0.00249985)
    q = w / w.sum()
    assert not np.array_equal(p, q)
    assert js_divergence(p, q, base=2) == 0.0
    assert kl_divergence(q, p) >= 0.0 and kl_divergence(p, q) >= 0.0
    assert (js_divergence(np.stack([p, q]), np.stack([q, p])) >= 0).all()


def test_works_along_an_axis():
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(4), size=5)
    q = rng.dirichlet(np.ones(4), size=5)
    np.testing.assert_allclose(entropy(p, axis=1), stats.entropy(p, axis=1))
    np.testing.assert_allclose(kl_divergence(p.T, q.T, axis=0), stats.entropy(p.T, q.T, axis=0))
    np.testing.assert_allclose(cross_entropy(p, q), entropy(p) + kl_divergence(p, q))


# --- properties ---------------------------------------------------------------------------------------


@given(pairs())
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    ce, h, kl = cross_entropy(p, q), entropy(p), kl_divergence(p, q)
    assert ce >= h - 1e-12
    if math.isinf(kl):
        assert math.isinf(ce)
    else:
        assert ce == pytest.approx(h + kl, rel=1e-9, abs=1e-12)


@given(pairs())
def test_kl_nonnegative_and_zero_iff_equal(pq):
    p, q = pq
    assert kl_divergence(p, q) >= -1e-12
    assert kl_divergence(p, p) == pytest.approx(0.0, abs=1e-12)
    if np.max(np.abs(p - q)) > 1e-3:
        assert kl_divergence(p, q) > 0


@given(pairs(allow_zero_q=False), st.sampled_from([2.0, 10.0, 3.5]))
def test_base_change_scales(pq, base):
    p, q = pq
    factor = math.log(base)
    assert entropy(p, base=base) * factor == pytest.approx(entropy(p), rel=1e-12, abs=1e-12)
    assert cross_entropy(p, q, base=base) * factor == pytest.approx(cross_entropy(p, q), rel=1e-12, abs=1e-12)


@given(pairs(), st.randoms())
def test_permutation_invariance(pq, rnd):
    p, q = pq
    perm = list(range(len(p)))
    rnd.shuffle(perm)
    assert cross_entropy(p[perm], q[perm]) == pytest.approx(cross_entropy(p, q), rel=1e-12)
    assert entropy(p[perm]) == pytest.approx(entropy(p), rel=1e-12, abs=1e-15)


@given(pairs())
def test_js_symmetric_finite_bounded(pq):
    p, q = pq
    js = js_divergence(p, q, base=2)
    assert math.isfinite(js)
    assert -1e-12 <= js <= 1 + 1e-12
    assert js == pytest.approx(js_divergence(q, p, base=2), rel=1e-12, abs=1e-15)


@settings(max_examples=50)
@given(distributions(allow_zero=False))
def test_cross_entropy_minimised_at_q_equal_p(p):
    rng = np.random.default_rng(1)
    for q in rng.dirichlet(np.ones(len(p)), size=20):
        assert cross_entropy(p, q) >= cross_entropy(p, p) - 1e-12


def test_asymmetry_example():
    assert cross_entropy(WEATHER_P, WEATHER_Q) != pytest.approx(cross_entropy(WEATHER_Q, WEATHER_P))
    assert kl_divergence([0.9, 0.1], [0.5, 0.5]) != pytest.approx(kl_divergence([0.5, 0.5], [0.9, 0.1]))


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "message"),
    [
        ([0.5, float("nan")], "NaN"),
        ([1.5, -0.5], "negative"),
        ([0.5, 0.4], "sums to 0.9"),
        ([0.5, float("inf")], "infinite"),
        ([], "empty"),
    ],
)
def test_bad_distributions_are_named(p, message):
    with pytest.raises(ValueError, match=message):
        entropy(p)


def test_shape_mismatch_and_bad_base():
    with pytest.raises(ValueError, match="same shape"):
        cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="base"):
        entropy([0.5, 0.5], base=1)
    with pytest.raises(ValueError, match="above 1"):
        self_information(1.5)


def test_sum_tolerance_is_1e_6():
    entropy([0.5, 0.5 + 5e-7])
    with pytest.raises(ValueError, match="sum to 1"):
        entropy([0.5, 0.5 + 5e-6])


def test_normalize_reports_and_rejects():
    r = normalize([1, 1, 2])
    np.testing.assert_allclose(r.p, [0.25, 0.25, 0.5])
    assert r.changed and r.total == 4
    assert not normalize([0.5, 0.5]).changed
    with pytest.raises(ValueError, match="all zero"):
        normalize([0, 0])
    with pytest.raises(ValueError, match=">= 0"):
        normalize([1, -1])
    with pytest.raises(ValueError, match="NaN"):
        normalize([1, float("nan")])
    with pytest.raises(ValueError, match="infinite"):
        normalize([1, float("inf")])


def test_subnormal_q_does_not_overflow():
    tiny = 2.2e-313
    expected = 0.5 * (math.log(0.5) - math.log(tiny))
    assert kl_divergence([0.5, 0.5], [1.0 - tiny, tiny]) == pytest.approx(expected + 0.5 * math.log(0.5))


def test_no_warnings_at_the_edges():
    with np.errstate(all="raise"):
        assert entropy([1.0, 0.0, 0.0]) == 0.0
        assert cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0
        assert kl_divergence([0.2, 0.8], [0.0, 1.0]) == math.inf
        assert js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(math.log(2))
