"""xentcore.simplex and xentcore.kl_fit: the three-class simplex field and the forward / reverse KL fits.

References: xentcore.info (itself tested against SciPy) evaluated point by point; a brute-force search on a
dense grid; and moment matching, which an exact forward-KL fit within an exponential family must satisfy
(a discretised Gaussian on fixed points is one, with sufficient statistics x and x²)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xentcore import cross_entropy, entropy, kl_divergence
from xentcore.kl_fit import fit_gaussian, gaussian, log_gaussian, support, two_peaks
from xentcore.simplex import HEIGHT, field, from_xy, to_xy


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3).filter(lambda w: sum(w) > 0))
def test_xy_round_trip(w):
    q = np.array(w) / sum(w)
    np.testing.assert_allclose(from_xy(*to_xy(q)), q, atol=1e-12)


def test_corners():
    np.testing.assert_allclose(to_xy(np.eye(3)), [[0, 0], [1, 0], [0.5, HEIGHT]])


@pytest.mark.parametrize("p", [(0.5, 0.3, 0.2), (0.1, 0.1, 0.8), (1 / 3, 1 / 3, 1 / 3)])
def test_field_matches_info_point_by_point_and_peaks_at_p(p):
    f = field(p, "ce", n=30, base=2)
    g = field(p, "kl", n=30, base=2)
    rows, cols = np.nonzero(~np.isnan(f.z))
    assert rows.size > 300
    for j, i in list(zip(rows, cols, strict=True))[::37]:
        q = from_xy(f.x[i], f.y[j])
        assert math.isclose(f.z[j, i], cross_entropy(p, q, base=2), rel_tol=1e-9)
        assert math.isclose(g.z[j, i], kl_divergence(p, q, base=2), rel_tol=1e-9, abs_tol=1e-12)
    # the two pictures differ by the constant H(P), and both bottom out at the grid point nearest P
    inside = ~np.isnan(f.z)
    np.testing.assert_allclose((f.z - g.z)[inside], entropy(p, base=2), atol=1e-12)
    j, i = np.unravel_index(np.nanargmin(f.z), f.z.shape)
    assert np.hypot(f.x[i] - to_xy(p)[0], f.y[j] - to_xy(p)[1]) < 1.5 / 30
    assert np.nanmin(f.z) >= entropy(p, base=2) - 1e-12


def test_field_is_nan_outside_and_rejects_bad_input():
    f = field([0.5, 0.3, 0.2], n=20)
    assert np.isnan(f.z[-1, 0]) and np.isnan(f.z[0, -1] if f.x[-1] > 1 else f.z[-1, -1])
    assert np.isfinite(f.z[~np.isnan(f.z)]).all()
    with pytest.raises(ValueError, match="exactly 3"):
        field([0.5, 0.5])
    with pytest.raises(ValueError, match="measure"):
        field([0.5, 0.3, 0.2], "js")


# --- forward vs reverse KL ---------------------------------------------------------------------------------


def test_gaussian_is_normalised_and_centred():
    x = support()
    q = gaussian(x, 1.0, 1.0)
    assert math.isclose(q.sum(), 1.0, rel_tol=1e-12)
    assert math.isclose((q * x).sum(), 1.0, abs_tol=1e-9)  # tails cut at 7 sigma shift the mean by ~1e-11
    assert log_gaussian(x, np.zeros(4), np.ones(4)).shape == (4, x.size)


def test_two_peaks_rejects_bad_weights():
    with pytest.raises(ValueError, match="weight"):
        two_peaks(support(), 4.0, 1.0)


@pytest.mark.parametrize(("separation", "weight"), [(6.0, 0.5), (6.0, 0.6), (8.0, 0.3)])
def test_forward_covers_reverse_seeks(separation, weight):
    x = support()
    p = two_peaks(x, separation, weight)
    fwd = fit_gaussian(p, x, "forward")
    rev = fit_gaussian(p, x, "reverse")
    # forward: moment matching (exponential family) -- mean and variance of Q equal those of P
    mean = (p * x).sum()
    var = (p * (x - mean) ** 2).sum()
    assert math.isclose((fwd.q * x).sum(), mean, abs_tol=1e-3)
    assert math.isclose((fwd.q * (x - mean) ** 2).sum(), var, rel_tol=1e-3)
    assert fwd.sigma > separation / 2  # wide enough to cover both peaks
    # reverse: sits on one peak, as narrow as that peak (width 0.8)
    peaks = (-separation / 2, separation / 2)
    assert min(abs(rev.mu - m) for m in peaks) < 0.1
    assert abs(rev.sigma - 0.8) < 0.05
    assert rev.sigma < fwd.sigma
    # the heavier peak wins; an exact tie goes to the left one, reproducibly
    assert rev.mu < 0 if weight >= 0.5 else rev.mu > 0
    # reported values are the divergences themselves
    assert math.isclose(fwd.kl, kl_divergence(p, fwd.q), rel_tol=1e-12)
    assert math.isclose(rev.kl, kl_divergence(rev.q, p), rel_tol=1e-12)


@pytest.mark.parametrize("direction", ["forward", "reverse"])
def test_fit_beats_a_brute_force_search(direction):
    x = support(61, 8.0)
    p = two_peaks(x, 5.0, 0.6)
    fit = fit_gaussian(p, x, direction)
    best = math.inf
    for mu in np.linspace(-6, 6, 121):
        for sigma in np.geomspace(0.3, 8, 80):
            q = gaussian(x, mu, sigma)
            best = min(best, kl_divergence(p, q) if direction == "forward" else kl_divergence(q, p))
    assert fit.kl <= best + 1e-9


def test_fit_rejects_bad_input():
    x = support(5)
    with pytest.raises(ValueError, match="direction"):
        fit_gaussian(np.full(5, 0.2), x, "sideways")
    with pytest.raises(ValueError, match="positive"):
        fit_gaussian([0.5, 0.5, 0, 0, 0], x, "reverse")
    with pytest.raises(ValueError, match="same shape"):
        fit_gaussian([0.5, 0.5], x, "forward")
