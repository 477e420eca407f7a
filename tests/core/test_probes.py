"""Loss curves and probes against SciPy, the chain rule written out by hand, finite differences and properties."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import special

from xentcore import cross_entropy, entropy, losses
from xentcore.probes import (
    MAX_CLASSES,
    binary_curves,
    binary_probe,
    confidently_wrong,
    multiclass_probe,
    smoothed_target,
    temperature_limits,
    temperature_sweep,
)

logits = st.integers(2, MAX_CLASSES).flatmap(lambda k: arrays(float, k, elements=st.floats(-6.0, 6.0)))
temperatures = st.floats(0.25, 5.0)
smoothings = st.floats(0.0, 0.5)


# --- the issue's numbers, computed -------------------------------------------------------------------------


def test_confidently_wrong_numbers_of_the_issue():
    # y = 1, z = -5: s = σ(-5) from the exponential directly, then the chain rule by hand.
    s = 1.0 / (1.0 + math.exp(5.0))
    dmse_dz = 2.0 * (s - 1.0) * s * (1.0 - s)
    dce_dz = s - 1.0
    probe = binary_probe(1, -5.0)
    assert probe.dmse_dz == pytest.approx(dmse_dz, rel=1e-12)
    assert probe.dce_dz == pytest.approx(dce_dz, rel=1e-12)
    assert round(probe.dmse_dz, 4) == -0.0132
    assert round(probe.dce_dz, 3) == -0.993
    assert probe.ratio == pytest.approx(dce_dz / dmse_dz)
    assert 74.5 < probe.ratio < 75.5  # "about 75×"


def test_ratio_is_independent_of_the_label():
    # (σ - y) / (2 (σ - y) σ (1 - σ)) = 1 / (2 σ (1 - σ)) for either label
    for z in (-5.0, -1.0, 0.0, 3.0):
        s = special.expit(z)
        for y in (0, 1):
            assert binary_probe(y, z).ratio == pytest.approx(1.0 / (2 * s * (1 - s)))


# --- binary curves against SciPy -----------------------------------------------------------------------------


@pytest.mark.parametrize("y", [0, 1])
def test_binary_curves_match_scipy(y):
    c = binary_curves(y, n=201, z_limit=8.0)
    s = special.expit(c.z)
    # -log σ(z) for y = 1, -log(1 - σ(z)) = -log σ(-z) for y = 0
    ce_ref = -special.log_expit(c.z if y == 1 else -c.z)
    np.testing.assert_allclose(c.ce_z, ce_ref, rtol=1e-12)
    np.testing.assert_allclose(c.mse_z, (s - y) ** 2, rtol=1e-12)
    np.testing.assert_allclose(c.dce_dz, s - y, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(c.dmse_dz, 2 * (s - y) * s * (1 - s), rtol=1e-12, atol=1e-15)
    ce_p_ref = -special.xlogy(y, c.p) - special.xlogy(1 - y, 1 - c.p)
    np.testing.assert_allclose(c.ce_p, ce_p_ref, rtol=1e-12)
    np.testing.assert_allclose(c.dce_dp, (c.p - y) / (c.p * (1 - c.p)), rtol=1e-12)
    np.testing.assert_allclose(c.dmse_dp, 2 * (c.p - y), rtol=1e-12)
    assert 0 < c.p[0] < c.p[-1] < 1


@pytest.mark.parametrize("y", [0, 1])
def test_binary_curve_gradients_are_slopes_of_the_curves(y):
    c = binary_curves(y, n=2001, z_limit=6.0)
    for values, grads, x in ((c.ce_z, c.dce_dz, c.z), (c.mse_z, c.dmse_dz, c.z), (c.mse_p, c.dmse_dp, c.p)):
        slope = np.gradient(values, x)
        np.testing.assert_allclose(slope[1:-1], grads[1:-1], atol=1e-4)


def test_bits_divide_cross_entropy_by_ln2_and_leave_mse():
    nats, bits = binary_curves(1, n=11), binary_curves(1, n=11, base=2)
    np.testing.assert_allclose(bits.ce_z, nats.ce_z / math.log(2))
    np.testing.assert_allclose(bits.dce_dp, nats.dce_dp / math.log(2))
    np.testing.assert_array_equal(bits.mse_z, nats.mse_z)
    # the information-theory definition agrees: H(P, Q) in bits with P = (1, 0), Q = (ŷ, 1 - ŷ)
    k = 3
    assert bits.ce_p[k] == pytest.approx(cross_entropy([1.0, 0.0], [bits.p[k], 1 - bits.p[k]], base=2))


def test_confidently_wrong_region():
    (p_lo, p_hi), (z_lo, z_hi) = confidently_wrong(1, 0.1)
    assert (p_lo, z_lo) == (0.0, -math.inf)
    assert special.expit(z_hi) == pytest.approx(p_hi)
    assert z_lo < -5.0 < z_hi
    (p_lo, p_hi), (z_lo, z_hi) = confidently_wrong(0, 0.2)
    assert (p_hi, z_hi) == (1.0, math.inf)
    assert special.expit(z_lo) == pytest.approx(p_lo) == pytest.approx(0.8)


# --- binary probe: analytic against numerical ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(y=st.sampled_from([0, 1]), z=st.floats(-9.0, 9.0))
def test_binary_probe_gradients_match_finite_differences(y, z):
    pr = binary_probe(y, z)
    assert pr.y_hat == pytest.approx(special.expit(z), rel=1e-12)
    assert pr.dce_dz_fd == pytest.approx(pr.dce_dz, rel=1e-5, abs=1e-9)
    assert pr.dmse_dz_fd == pytest.approx(pr.dmse_dz, rel=1e-5, abs=1e-9)
    assert pr.dce_dp_fd == pytest.approx(pr.dce_dp, rel=1e-5, abs=1e-9)
    assert pr.dmse_dp_fd == pytest.approx(pr.dmse_dp, rel=1e-5, abs=1e-9)
    # the tutorial's binary formula is the right one
    assert pr.dce_dp == pytest.approx((pr.y_hat - y) / (pr.y_hat * (1 - pr.y_hat)), rel=1e-9)
    # chain rule: ∂L/∂z = ∂L/∂ŷ · σ'(z)
    assert pr.dce_dz == pytest.approx(pr.dce_dp * pr.y_hat * (1 - pr.y_hat), rel=1e-9, abs=1e-15)


@settings(max_examples=30, deadline=None)
@given(y=st.sampled_from([0, 1]), z=st.floats(-9.0, 9.0))
def test_cross_entropy_gradient_is_never_smaller_than_mse_gradient(y, z):
    pr = binary_probe(y, z)
    # |σ - y| versus 2 |σ - y| σ (1 - σ) with σ (1 - σ) <= 1/4
    assert abs(pr.dce_dz) >= abs(pr.dmse_dz)


def test_binary_probe_rejects_bad_input():
    with pytest.raises(ValueError, match="0 or 1"):
        binary_probe(2, 0.0)
    with pytest.raises(ValueError, match="finite"):
        binary_probe(1, math.nan)
    with pytest.raises(ValueError, match="0 or 1"):
        binary_curves(-1)


# --- multi-class ---------------------------------------------------------------------------------------------


def test_multiclass_reference_value():
    # PyTorch's F.cross_entropy(tensor([[2., 1., .1]]), tensor([0])) = 0.4170 (also the losses doctest)
    pr = multiclass_probe([2.0, 1.0, 0.1], 0)
    assert pr.ce == pytest.approx(0.417030, abs=1e-6)
    np.testing.assert_allclose(pr.y_hat, special.softmax([2.0, 1.0, 0.1]), rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(z=logits, data=st.data(), t=temperatures, eps=smoothings)
def test_multiclass_gradients_match_finite_differences(z, data, t, eps):
    c = data.draw(st.integers(0, z.size - 1))
    pr = multiclass_probe(z, c, temperature=t, smoothing=eps)
    np.testing.assert_allclose(pr.grad_z_fd, pr.grad_z, rtol=1e-5, atol=1e-8)
    # the estimate perturbs ŷ_j by a relative step, so compare ŷ_j ∂L/∂ŷ_j; its rounding error scales with L
    np.testing.assert_allclose(pr.grad_p_fd * pr.y_hat, pr.grad_p * pr.y_hat, rtol=1e-5, atol=1e-8 * max(1, pr.ce))
    # the closed forms, from SciPy's softmax
    y_hat = special.softmax(z / t)
    np.testing.assert_allclose(pr.grad_z, (y_hat - pr.target) / t, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(pr.grad_p, -pr.target / y_hat, rtol=1e-9)


@settings(max_examples=40, deadline=None)
@given(z=logits, data=st.data())
def test_tutorial_formula_is_the_gradient_with_respect_to_the_logits(z, data):
    c = data.draw(st.integers(0, z.size - 1))
    pr = multiclass_probe(z, c)
    y = np.eye(z.size)[c]
    np.testing.assert_allclose(pr.grad_z_fd, pr.y_hat - y, atol=1e-7)  # ŷ - y is ∂L/∂z ...
    assert not np.allclose(pr.grad_p_fd, pr.y_hat - y, atol=1e-3)  # ... and not ∂L/∂ŷ


def test_label_smoothing_matches_losses_class_index_form():
    z = [1.5, -0.5, 0.3, 2.0]
    for eps in (0.0, 0.1, 0.4):
        pr = multiclass_probe(z, 2, smoothing=eps)
        assert pr.ce == pytest.approx(losses.categorical_cross_entropy([2], [z], label_smoothing=eps))


@settings(max_examples=40, deadline=None)
@given(z=logits, data=st.data(), t=temperatures, eps=smoothings)
def test_cross_entropy_is_at_least_the_entropy_of_the_target(z, data, t, eps):
    c = data.draw(st.integers(0, z.size - 1))
    pr = multiclass_probe(z, c, temperature=t, smoothing=eps)
    assert pr.ce >= pr.min_ce - 1e-12
    assert pr.min_ce == pytest.approx(entropy(pr.target))


def test_minimum_with_smoothing_is_positive_and_reached():
    for eps in (0.05, 0.2):
        pr = multiclass_probe([0.0, 0.0, 0.0, 0.0], 1, smoothing=eps)
        assert pr.min_ce > 0
        best = multiclass_probe(np.log(pr.target), 1, smoothing=eps)  # logits = log ỹ give ŷ = ỹ
        assert best.ce == pytest.approx(pr.min_ce, rel=1e-12)
    assert multiclass_probe([0.0, 9.0], 1).min_ce == 0.0


@pytest.mark.parametrize("k", range(2, MAX_CLASSES + 1))
def test_uniform_logits_cost_ln_k(k):
    for c, eps in ((0, 0.0), (k - 1, 0.3)):
        pr = multiclass_probe(np.full(k, 1.7), c, smoothing=eps, temperature=2.0)
        assert pr.ce == pytest.approx(math.log(k)) == pytest.approx(pr.uniform_ce)
    assert multiclass_probe(np.zeros(k), 0, base=2).uniform_ce == pytest.approx(math.log2(k))


def test_soft_target_and_bits():
    target = [0.6, 0.3, 0.1]
    z = [0.5, 0.2, -1.0]
    nats = multiclass_probe(z, target)
    bits = multiclass_probe(z, target, base=2)
    assert nats.ce == pytest.approx(cross_entropy(target, special.softmax(z)))
    assert bits.ce == pytest.approx(cross_entropy(target, special.softmax(z), base=2))
    np.testing.assert_allclose(bits.grad_z, nats.grad_z / math.log(2))
    assert bits.min_ce == pytest.approx(entropy(target, base=2))


def test_smoothed_target():
    np.testing.assert_allclose(smoothed_target(1, 3, 0.3), [0.1, 0.8, 0.1])
    np.testing.assert_allclose(smoothed_target([0.5, 0.5, 0.0], 3, 0.3), [0.45, 0.45, 0.1])
    with pytest.raises(ValueError, match="target class"):
        smoothed_target(3, 3)
    with pytest.raises(ValueError, match="sum to 1"):
        smoothed_target([0.5, 0.2, 0.2], 3)
    with pytest.raises(ValueError, match="k must be"):
        smoothed_target(0, MAX_CLASSES + 1)
    with pytest.raises(ValueError, match="temperature"):
        multiclass_probe([0.0, 1.0], 0, temperature=0.0)


@settings(max_examples=30, deadline=None)
@given(z=logits, eps=smoothings)
def test_temperature_sweep_matches_the_probe(z, eps):
    temps = np.array([0.25, 1.0, 3.0])
    sweep = temperature_sweep(z, 0, temps, smoothing=eps)
    for t, ce in zip(temps, sweep, strict=True):
        assert ce == pytest.approx(multiclass_probe(z, 0, temperature=t, smoothing=eps).ce, rel=1e-12)
    hot = temperature_sweep(z, 0, [1e9], smoothing=eps)[0]
    assert hot == pytest.approx(math.log(z.size), rel=1e-6)


def test_probe_knows_when_it_is_confidently_wrong():
    assert binary_probe(1, -5.0).confidently_wrong()
    assert binary_probe(1, -5.0).p_true == pytest.approx(special.expit(-5.0))
    assert not binary_probe(0, -5.0).confidently_wrong()
    assert binary_probe(0, -5.0).p_true == pytest.approx(special.expit(5.0))
    _, (_, edge) = confidently_wrong(1, 0.1)
    assert binary_probe(1, edge - 1e-9).confidently_wrong() and not binary_probe(1, edge + 1e-6).confidently_wrong()


# --- the temperature limits the page states -----------------------------------------------------------------

# logits on a grid of 0.5: two logits are either tied or at least 0.5 apart, so at T = 1e-3 the o(1) term of
# L(T) = rate / T + ln |top| + o(1) is below e^-500
half_steps = st.integers(2, MAX_CLASSES).flatmap(lambda k: st.lists(st.integers(-12, 12), min_size=k, max_size=k))
COLD = 1e-3


def _target(data, k: int):
    if data.draw(st.booleans()):
        return data.draw(st.integers(0, k - 1))
    w = np.array(data.draw(st.lists(st.integers(0, 4), min_size=k, max_size=k)), dtype=float)
    if w.sum() == 0:
        w[0] = 1.0
    return w / w.sum()


@settings(max_examples=80, deadline=None)
@given(steps=half_steps, data=st.data(), eps=st.sampled_from([0.0, 0.1, 0.5]))
def test_cold_limit_matches_the_sweep(steps, data, eps):
    z = np.array(steps) / 2.0
    target = _target(data, z.size)
    lim = temperature_limits(z, target, smoothing=eps)
    cold = temperature_sweep(z, target, [COLD], smoothing=eps)[0]
    ties = len(lim.top)
    assert cold == pytest.approx(lim.rate / COLD + math.log(ties), rel=1e-9, abs=1e-9)
    if math.isfinite(lim.cold):
        assert lim.rate == 0.0 and lim.off_top == 0.0
        assert cold == pytest.approx(lim.cold, abs=1e-9)
        assert temperature_sweep(z, target, [COLD / 10], smoothing=eps)[0] == pytest.approx(lim.cold, abs=1e-9)
    else:  # unbounded: ten times colder is about ten times the loss
        assert lim.rate > 0 and lim.off_top > 0
        colder = temperature_sweep(z, target, [COLD / 10], smoothing=eps)[0]
        assert colder == pytest.approx(10 * lim.rate / COLD + math.log(ties), rel=1e-9)
    assert temperature_sweep(z, target, [1e9], smoothing=eps)[0] == pytest.approx(lim.hot, rel=1e-6)
    assert lim.hot == pytest.approx(math.log(z.size))


@pytest.mark.parametrize(
    ("z", "target", "eps", "cold", "rate"),
    [
        ((2.0, 1.0, 0.1), 0, 0.0, 0.0, 0.0),  # one-hot on the unique largest logit: → 0
        ((2.0, 1.0, 0.1), 2, 0.0, math.inf, 1.9),  # one-hot on another class: ~ (max z − z_c) / T
        ((2.0, 1.0, 0.1), 0, 0.3, math.inf, 0.1 * (1.0 + 1.9)),  # smoothing: ε/K on every class
        ((2.0, 1.0, 0.1), (0.7, 0.2, 0.1), 0.0, math.inf, 0.2 * 1.0 + 0.1 * 1.9),  # soft target
        ((1.0, 1.0, 0.0), 0, 0.0, math.log(2), 0.0),  # one-hot on one of two tied maxima: ln 2
        ((1.0, 1.0, 0.0), (0.5, 0.5, 0.0), 0.0, math.log(2), 0.0),  # soft target on the tied maxima
        ((1.0, 1.0, 0.0), 2, 0.0, math.inf, 1.0),  # tied maxima, target elsewhere
        ((0.5, 0.5, 0.5), 1, 0.2, math.log(3), 0.0),  # all equal: ln K at every T
    ],
)
def test_temperature_limits_of_the_page_cases(z, target, eps, cold, rate):
    lim = temperature_limits(z, target, smoothing=eps)
    assert lim.cold == pytest.approx(cold)
    assert lim.rate == pytest.approx(rate)
    assert lim.constant == (len(set(z)) == 1)
    sweep = temperature_sweep(z, target, [0.01, 1.0, 100.0], smoothing=eps)
    if lim.constant:
        np.testing.assert_allclose(sweep, math.log(3))
    elif math.isinf(cold):
        assert sweep[0] > sweep[1]  # colder is dearer
    else:
        assert sweep[0] == pytest.approx(cold, abs=1e-12)


def test_temperature_limits_in_bits():
    nats = temperature_limits([1.0, 1.0, 0.0], 2, smoothing=0.1)
    bits = temperature_limits([1.0, 1.0, 0.0], 2, smoothing=0.1, base=2)
    assert bits.rate == pytest.approx(nats.rate / math.log(2))
    assert bits.hot == pytest.approx(math.log2(3))
    assert temperature_limits([1.0, 1.0, 0.0], 0, base=2).cold == pytest.approx(1.0)  # log₂ 2
    assert (bits.top, bits.off_top) == (nats.top, nats.off_top) == ((0, 1), pytest.approx(0.9 + 0.1 / 3))
