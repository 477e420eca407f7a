"""xentcore.app.distributions.figures: the figures draw what the numbers say, to scale, and survive infinity."""

from __future__ import annotations

import math

import numpy as np

from xentcore import cross_entropy, entropy, kl_divergence
from xentcore.app.distributions import figures as figs
from xentcore.distributions import WEATHER_P, WEATHER_Q, terms
from xentcore.kl_fit import gaussian, support, two_peaks
from xentcore.simplex import CORNERS, field, to_xy

NAMES = ("sunny", "rain", "cloudy")
CONTRIB = {"h": "H", "kl": "KL", "kl_neg": "KL<0", "total": "total", "y": "nats", "unit": "nats"}
CODE = {"q_code": "Q", "p_code": "P", "x": "p", "y": "len", "unit": "nats"}


def contributions(p, q):
    t = terms(p, q)
    fig = figs.contribution_bars(NAMES, t.h, t.kl, (entropy(p), kl_divergence(p, q)), CONTRIB)
    return t, [np.asarray(tr.y, dtype=float) for tr in fig.data[:3]], fig


def test_contribution_bars_stack_to_the_cross_entropy():
    t, (low, up, down), fig = contributions(WEATHER_P, WEATHER_Q)
    ce = np.append(t.ce, cross_entropy(WEATHER_P, WEATHER_Q))
    h = np.append(t.h, entropy(WEATHER_P))
    top = low + up  # every solid bar ends at the class's term of H(P, Q) ...
    np.testing.assert_allclose(top, ce, rtol=1e-6)
    # ... or, for rain (q > p), it stops at ce and the hatched part reaches up to the entropy part
    assert up[1] == 0 and math.isclose(down[1], h[1] - ce[1], rel_tol=1e-6)
    assert fig.data[0].x[-1] == "total" and math.isclose(top[-1], 1.0549202, rel_tol=1e-6)


def test_contribution_bars_cap_infinity_and_label_it():
    _, (low, up, _), fig = contributions(WEATHER_P, [0.0, 0.5, 0.5])
    assert np.isfinite(low + up).all() and up[0] > 0
    assert fig.data[3].text[0] == "∞" and fig.data[3].text[-1] == "∞"


def test_code_length_areas_are_the_terms():
    p, q = np.array(WEATHER_P), np.array(WEATHER_Q)
    fig = figs.code_lengths(NAMES, p, terms(p, q).code_length, terms(p, p).code_length, CODE)
    widths, heights = np.asarray(fig.data[0].width, float), np.asarray(fig.data[0].y, float)
    np.testing.assert_allclose(widths, p, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(fig.data[0].x, float), [0.25, 0.65, 0.9], rtol=1e-6)
    assert math.isclose((widths * heights).sum(), cross_entropy(p, q), rel_tol=1e-6)
    outline = np.asarray(fig.data[1].y, float)
    assert math.isclose((widths * outline).sum(), entropy(p), rel_tol=1e-6)


def test_code_lengths_with_an_impossible_class():
    p, q = np.array(WEATHER_P), np.array([0.0, 0.5, 0.5])
    fig = figs.code_lengths(NAMES, p, terms(p, q).code_length, terms(p, p).code_length, CODE)
    heights = np.asarray(fig.data[0].y, float)
    assert np.isfinite(heights).all() and heights[0] == heights.max()
    assert "∞" in fig.data[0].text[0]
    narrow = figs.code_lengths(NAMES, [0.02, 0.49, 0.49], [np.inf, 1.0, 1.0], [4.0, 0.7, 0.7], CODE)
    assert narrow.data[0].text == ("∞", "rain", "cloudy")  # no room for the name, still marked infinite


def test_grouped_bars_and_many_classes():
    fig = figs.distribution_bars(NAMES, WEATHER_P, WEATHER_Q, {"p": "P", "q": "Q", "y": "prob"})
    np.testing.assert_allclose(np.asarray(fig.data[1].y, float), WEATHER_Q, rtol=1e-6)
    assert fig.data[0].text == ("0.50", "0.30", "0.20")
    many = figs.distribution_bars(
        [str(i) for i in range(12)], [1 / 12] * 12, [1 / 12] * 12, {"p": "P", "q": "Q", "y": "y"}
    )
    assert many.data[0].text is None  # twelve classes: no numbers crowding the bars


def test_simplex_and_fits_figures():
    f = field(WEATHER_P, n=20)
    labels = {"p": "P", "q": "Q", "colour": "H"}
    fig = figs.simplex(f.x, f.y, f.z, CORNERS, NAMES, to_xy(WEATHER_P), to_xy(WEATHER_Q), labels)
    assert fig.data[0].zmin == np.nanmin(f.z) and fig.data[-2].name == "P"
    x = support(41)
    p = two_peaks(x, 4.0, 0.5)
    fits = figs.kl_fits(
        x, p, gaussian(x, 0, 2), gaussian(x, -2, 0.8), {k: k for k in ("p", "forward", "reverse", "x", "y")}
    )
    assert [tr.name for tr in fits.data] == ["p", "forward", "reverse"]
