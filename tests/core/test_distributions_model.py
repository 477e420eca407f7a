"""The Distributions and home page models, the worked calculation in LaTeX, and the escaping of user text.

The models are pure: every number here is checked against a direct computation (numpy, SciPy or by hand), not
against the page."""

from __future__ import annotations

import math
import re
import string

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import entropy as scipy_entropy

from xentcore.app.distributions import latex
from xentcore.app.distributions.model import WeightsError, build, kl_fits, read_weights
from xentcore.app.format import adds_up, fmt_apart, latex_text, md_escape, plotly_escape
from xentcore.app.home.model import build as build_home
from xentcore.datasets import clean_name
from xentcore.distributions import MAX_CLASSES, WEATHER_P, WEATHER_Q
from xentcore.kl_fit import fit_gaussian, support, two_peaks

HOSTILE = [
    "{ } $ % # _ ^ ~ &",
    "\\textbf{x}",
    "a\\\\b",
    "*bold* _it_ `code`",
    "[link](http://x.y)",
    "<b>tag</b> &amp;",
    ":red[red] :smile: :material/home:",
    "$x^2$ $$y$$",
    "50% off #1",
    "a--b---c ``q'' 'x'",
    "| a | b |",
    "\u0301start",
    "晴天 ☀ 😀",
    "~~strike~~ ^sup^",
    "> quote",
    "1. item",
]


def state(p=WEATHER_P, q=WEATHER_Q, sx="ce", sep=6.0, w=0.6) -> dict:
    return {"p": tuple(p), "q": tuple(q), "sx": sx, "sep": sep, "w": w}


@pytest.fixture(scope="module")
def fits():
    return kl_fits(6.0, 0.6)


def quick(sep, w):  # the fits are slow; every model test but the fit tests shares one
    return _FITS


_FITS = kl_fits(6.0, 0.6)


def model(p=WEATHER_P, q=WEATHER_Q, unit="nats", **kw):
    return build(state(p, q, **kw), unit, fits=quick)


# --- KL fits: the shown spread is Q's own standard deviation ------------------------------------------------


@pytest.mark.parametrize(("sep", "w"), [(6.0, 0.6), (10.0, 0.3), (0.0, 0.5), (2.0, 0.9)])
def test_fit_mean_and_sd_are_those_of_the_plotted_q(sep, w):
    x = support()
    p = two_peaks(x, sep, w, width=0.8)
    f = kl_fits(sep, w)
    for direction, shown in (("forward", f.forward), ("reverse", f.reverse)):
        fit = fit_gaussian(p, x, direction)
        mean = np.sum(fit.q * x)
        sd = np.sqrt(np.sum(fit.q * (x - mean) ** 2))
        assert shown.mean == pytest.approx(mean, abs=1e-12) and shown.sd == pytest.approx(sd, abs=1e-12)
        assert (shown.mu, shown.sigma) == (fit.mu, fit.sigma)  # the parameters, shown apart and labelled
    assert f.p_mean == pytest.approx(np.sum(p * x)) and f.p_sd == pytest.approx(np.sqrt(np.sum(p * x**2) - f.p_mean**2))


def test_the_truncated_gaussians_sigma_is_not_its_standard_deviation(fits):
    """The wide forward fit is cut at ±8: σ, the parameter, overstates the spread of the Q that is drawn."""
    assert fits.forward.sigma - fits.forward.sd > 0.1
    # forward KL over this exponential family matches P's first two moments (the caption says so when it shows)
    assert fits.forward.mean == pytest.approx(fits.p_mean, abs=1e-4)
    assert fits.forward.sd == pytest.approx(fits.p_sd, abs=1e-4)


def test_fit_divergences_follow_the_unit(fits):
    nats, bits = build(state(), "nats", fits=quick).fits, build(state(), "bits", fits=quick).fits
    assert bits.forward.kl == pytest.approx(nats.forward.kl / math.log(2))
    assert nats.forward.kl == fits.forward.kl


# --- the properties the page states, for P and Q it allows ------------------------------------------------------


@st.composite
def pairs(draw, zeros: bool = True):
    k = draw(st.integers(2, MAX_CLASSES))

    def one():
        w = np.array(draw(st.lists(st.floats(0.0 if zeros else 1e-3, 1.0), min_size=k, max_size=k)))
        w[0] = w[0] if w.sum() > 0 else 1.0
        return tuple(w / w.sum())

    return one(), one()


@settings(max_examples=150, deadline=None)
@given(pairs(), st.sampled_from(["nats", "bits"]))
def test_model_statements_hold_for_any_pair(pq, unit):
    p, q = pq
    m = model(p, q, unit)
    base = 2.0 if unit == "bits" else math.e
    s = m.summary
    # H(P) <= log K, equality exactly for a uniform P, the gap being KL(P‖U)
    assert m.bound.holds and m.bound.log_k == pytest.approx(math.log(len(p), base))
    assert m.bound.uniform == (len(set(p)) == 1)
    if not m.bound.uniform:
        assert m.bound.gap == pytest.approx(m.bound.log_k - s.h_p, abs=1e-9) and m.bound.gap > 0
    assert s.h_p == pytest.approx(scipy_entropy(p, base=base), abs=1e-12)
    # no triangle inequality: through M = (P + Q)/2 the detour is shorter, unless Q = P or KL(P‖Q) = ∞
    tri = m.triangle
    if math.isinf(s.kl_pq):
        assert tri.case == "infinite" and math.isinf(tri.kl_mq)
    elif tri.case == "shorter":
        assert tri.gap > 0 and tri.detour <= s.kl_pq + 1e-12
        assert tri.gap == pytest.approx(s.kl_pq - tri.detour, abs=1e-9)
    else:
        assert np.allclose(p, q, atol=1e-12) and tri.gap == 0
    # KL's asymmetry, as the page decides it
    assert m.kl_symmetric == (s.kl_pq == s.kl_qp or math.isclose(s.kl_pq, s.kl_qp, rel_tol=1e-12, abs_tol=1e-12))


def test_an_infinite_kl_through_the_mixture_even_for_a_subnormal_probability():
    m = model((1.0, 5e-324), (1.0, 0.0))  # found by hypothesis: ½ · 5e-324 underflows to 0
    assert math.isinf(m.summary.kl_pq) and m.triangle.case == "infinite"
    assert math.isinf(m.triangle.kl_mq) and math.isfinite(m.triangle.kl_pm)


def test_symmetric_kl_for_swapped_probabilities_and_the_uniform_bound():
    m = model((0.7, 0.3), (0.3, 0.7))
    assert m.kl_symmetric and m.summary.kl_pq > 0  # equal here, yet not 0: symmetric only by accident
    u = model((0.25,) * 4, (0.1, 0.2, 0.3, 0.4), "bits")
    assert u.bound.uniform and u.bound.log_k == 2.0 and u.summary.h_p == pytest.approx(2.0)


def test_one_hot_p_and_zeros_in_q():
    m = model((0.0, 1.0, 0.0), (0.2, 0.5, 0.3))
    assert m.one_hot == 1 and m.summary.ce_pq == pytest.approx(-math.log(0.5))  # the log loss of class 1
    z = model((0.0, 1.0, 0.0), (0.5, 0.0, 0.5))
    assert math.isinf(z.summary.ce_pq) and z.infinite_pq == (1,) and z.triangle.case == "infinite"
    assert model(WEATHER_P, WEATHER_P).triangle.case == "same"


def test_simplex_only_for_three_classes():
    assert model().simplex is not None and model().simplex_minimum == model().summary.h_p
    assert model(sx="kl").simplex_minimum == 0.0
    assert model((0.5, 0.5), (0.5, 0.5)).simplex is None


def test_read_weights():
    assert read_weights([2.0, 1.0, 1.0]) == ((0.5, 0.25, 0.25), 4.0, True)
    assert read_weights([1e308, 1e308])[0] == (0.5, 0.5)  # the sum overflows; the weights do not
    for bad, code in (
        ([1, float("nan")], "nan"),
        ([1, float("inf")], "infinite"),
        ([1, -1], "negative"),
        ([0, 0], "zero"),
    ):
        with pytest.raises(WeightsError) as err:
            read_weights(bad)
        assert err.value.code == code


def test_home_model():
    m = build_home({"pe": 0.25}, "bits")
    assert m.surprise == 2.0 and (m.p, m.q) == (WEATHER_P, WEATHER_Q)
    assert m.ce == pytest.approx(1.5219281, abs=5e-8) and m.h + m.kl == pytest.approx(m.ce)


# --- the worked calculation ---------------------------------------------------------------------------------------


def test_worked_calculation_for_the_tutorial():
    text = latex.worked_cross_entropy(model().worked, ["sunny", "rain", "cloudy"], unit="nats", other_unit="bits")
    assert text.startswith(r"\begin{aligned}") and text.endswith(r"\end{aligned}")
    assert r"\underbrace{0.5\,\ln 0.4}_{\text{sunny}}" in text
    assert r"0.2 \times 1.6094" in text  # -ln 0.2 = 1.609438
    assert r"&= 1.0549\ \text{nats} = 1.5219\ \text{bits}" in text  # 0.4581 + 0.2749 + 0.3219 = 1.0549
    bits = latex.worked_cross_entropy(model(unit="bits").worked, ["a", "b", "c"], unit="bits")
    assert r"\log_{2} 0.4" in bits and r"\approx 1.5219\ \text{bits}" in bits  # 0.661 + 0.3966 + 0.4644 = 1.522


def test_worked_calculation_wraps_and_handles_infinity():
    k = 12
    p = np.full(k, 1 / k)
    q = np.r_[0.0, np.full(k - 1, 1 / (k - 1))]
    text = latex.worked_cross_entropy(model(p, q).worked, [f"c{i}" for i in range(k)], unit="nats", per_row=4)
    assert r"\infty" in text
    assert text.count(r"\underbrace") == k
    assert text.count(r"&\qquad + ") == 3 * 2  # three groups of 12 terms, each wrapped into 3 rows
    with pytest.raises(ValueError, match="same length"):
        latex.worked_cross_entropy(model().worked, ["a"], unit="nats")


def test_worked_decomposition_says_approximately_when_rounding_shows():
    s = model().summary
    line = latex.worked_decomposition(s.h_p, s.kl_pq, s.ce_pq, unit="nats")
    assert r"= 1.0297 + 0.0253 \approx 1.0549" in line  # H(P) = 1.029653, KL = 0.025267 (scipy.stats.entropy)
    assert r"= 1 + 0 = 1\ " in latex.worked_decomposition(1.0, 0.0, 1.0, unit="bits")


def test_adds_up_and_fmt_apart():
    assert adds_up(["0.4581", "0.2749", "0.3219"], "1.0549") and not adds_up(["1.0297", "0.0253"], "1.0549")
    assert fmt_apart(0.123456, 0.123461) == ("0.123456", "0.123461")  # 0.1235 twice at 4 decimals


# --- escaping user text ------------------------------------------------------------------------------------------


def latex_text_ok(text: str) -> bool:
    """The escaped text is safe inside ``\\text{...}``: braces balance, no raw special remains, and every
    backslash starts an escape we write."""
    depth, i = 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            m = re.match(r"\\(textbackslash|textasciicircum|textasciitilde)\{\}|\\[{}$%#_&]", text[i:])
            if not m:
                return False
            i += len(m.group(0))
            continue
        if ch in "$%#_&^~":
            return False
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
        i += 1
    return depth == 0


def md_unescape(text: str) -> str:
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", text).replace("\u2060", "")


def md_escaped_ok(text: str) -> bool:
    """Every ASCII punctuation character is backslash-escaped, and nothing else is."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            if i + 1 == len(text) or text[i + 1] not in string.punctuation:
                return False
            i += 2
        elif text[i] in string.punctuation:
            return False
        else:
            i += 1
    return ":material/" not in text and not re.search(r":[\w+-][\w_+-]*:", text)


@pytest.mark.parametrize("name", HOSTILE)
def test_escapers_keep_every_character(name):
    name = clean_name(name)
    assert latex_text_ok(latex_text(name))
    assert md_escaped_ok(md_escape(name)) and md_unescape(md_escape(name)) == name
    shown = plotly_escape(name)
    assert "<" not in shown and ">" not in shown and "$" not in shown
    assert re.sub(r"&(lt|gt|amp|#36);", lambda m: {"lt": "<", "gt": ">", "amp": "&", "#36": "$"}[m[1]], shown) == name


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_escapers_on_any_text(raw):
    name = clean_name(raw)
    assert "," not in name and name == name.strip() and len(name) <= 24 and all(ch.isprintable() for ch in name)
    assert latex_text_ok(latex_text(name))
    assert md_escaped_ok(md_escape(name)) and md_unescape(md_escape(name)) == name


def test_clean_name_keeps_what_was_typed():
    assert clean_name("  a_b {c} $1 & <d>  ") == "a_b {c} $1 & <d>"
    assert clean_name("x,y\x00\u202e\u3000z") == "xy z"  # comma, NUL and a direction override go; a space stays
    assert clean_name("e\u0301") == "\u00e9" and len(clean_name("a" * 40)) == 24
