"""The Distributions page through AppTest: sliders, the table, presets, the Q = P correction, bad input,
share links. Every number on screen is checked against xentcore."""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from apptest_support import array, figure, open_app
from streamlit.testing.v1 import AppTest

from xentcore.app.distributions.state import SCHEMA
from xentcore.app.format import fmt
from xentcore.app.share import parse
from xentcore.app.ui.text import TABLE
from xentcore.distributions import apply_preset, rescale, resize, summarize
from xentcore.kl_fit import fit_gaussian, support, two_peaks
from xentcore.simplex import field

PAGE = "pages/1_distributions.py"
WEATHER = ((0.5, 0.3, 0.2), (0.4, 0.4, 0.2))
METRICS = ("h_p", "ce_pq", "kl_pq", "js", "h_q", "ce_qp", "kl_qp")


def en(key: str, **values) -> str:
    return TABLE[key][0].format(**values) if values else TABLE[key][0]


def shown(at: AppTest) -> list[str]:
    return [m.value for m in at.metric][: len(METRICS)]


def expected(p, q, base=math.e) -> list[str]:
    s = summarize(p, q, base=base)
    return [fmt(getattr(s, name)) for name in METRICS]


def state(at: AppTest) -> dict:
    return at.session_state["_xent_state"]["distributions"]


def share_params(at: AppTest) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(at.sidebar.code[0].value).query).items()}


def latex(at: AppTest) -> str:
    return "\n".join(x.value for x in at.latex)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_the_weather_example(lang):
    at = open_app(PAGE, lang=lang)
    assert not at.exception
    assert not at.warning
    assert shown(at) == expected(*WEATHER)
    assert shown(at)[1] == "1.0549"
    default_names = [TABLE[f"distributions.name.default.{i}"][("en", "zh").index(lang)] for i in range(3)]
    assert [s.label for s in at.slider][:3] == default_names  # 晴 / 雨 / 阴 for a Chinese reader
    assert [s.value for s in at.slider][:6] == [0.5, 0.3, 0.2, 0.4, 0.4, 0.2]
    units = {"en": ("nats", "bits"), "zh": ("nat", "bit")}[lang]
    assert rf"1.0549\ \text{{{units[0]}}} = 1.5219\ \text{{{units[1]}}}" in latex(at)
    assert len(at.get("plotly_chart")) == 5


def test_bits_link_shows_bits():
    at = open_app(PAGE, unit="bits")
    assert shown(at) == expected(*WEATHER, base=2)
    assert r"1.5219\ \text{bits} = 1.0549\ \text{nats}" in latex(at)


def test_moving_a_slider_rescales_the_others_and_updates_everything():
    at = open_app(PAGE)
    at.slider(key="distributions.p.0").set_value(0.7).run()
    p = tuple(rescale(WEATHER[0], 0, 0.7))
    assert state(at)["p"] == pytest.approx(p, abs=1e-15)
    assert [s.value for s in at.slider][:3] == pytest.approx(p)
    assert shown(at) == expected(p, WEATHER[1])
    assert parse({"p": at.query_params["p"]}, SCHEMA)[0]["p"] == pytest.approx(p)
    bars = figure(at, 0)["data"]
    assert array(bars[0]["y"]) == pytest.approx(p, abs=1e-6)
    at.slider(key="distributions.q.2").set_value(0.5).run()
    q = tuple(rescale(WEATHER[1], 2, 0.5))
    assert shown(at) == expected(p, q)
    assert fmt(summarize(p, q).ce_pq) in latex(at)  # the calculation follows


def test_twelve_classes_and_changing_k():
    at = open_app(PAGE)
    at.number_input(key="distributions.k").set_value(12).run()
    assert not at.exception
    p, q = resize(WEATHER[0], 12), resize(WEATHER[1], 12)
    assert len(at.slider) == 24 + 2
    assert at.slider[0].label == en("distributions.name.class", k=1)
    assert shown(at) == expected(p, q)
    assert en("distributions.fig.simplex.k", k=12) in [i.value for i in at.info]
    at.slider(key="distributions.p.11").set_value(0.3).run()
    assert shown(at) == expected(rescale(p, 11, 0.3), q)
    at.number_input(key="distributions.k").set_value(3).run()
    assert at.slider[0].label == en("distributions.name.default.0")


def test_table_edit_normalises_and_says_so():
    at = open_app(PAGE)
    at.session_state["distributions.table.open"] = True  # a closed table is not built
    at.session_state["distributions.table.0"] = {
        "edited_rows": {0: {"p": 2.0}, 1: {"name": "drizzle"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    p = (2.0 / 2.5, 0.3 / 2.5, 0.2 / 2.5)
    assert state(at)["p"] == pytest.approx(p)
    assert state(at)["names"] == ("sunny", "drizzle", "cloudy")
    assert at.slider[1].label == "drizzle"
    assert en("distributions.table.normalised", which=en("distributions.fig.p"), total="2.5") in [
        i.value for i in at.info
    ]
    assert shown(at) == expected(p, WEATHER[1])
    assert share_params(at)["names"] == "sunny,drizzle,cloudy"


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        ({"p": -1.0}, "distributions.error.negative"),
        ({"q": None}, "distributions.error.nan"),
        ({"name": "  "}, None),
    ],
)
def test_bad_table_input_keeps_the_last_valid_state(edit, reason):
    at = open_app(PAGE)
    at.session_state["distributions.table.open"] = True  # a closed table is not built
    at.session_state["distributions.table.0"] = {"edited_rows": {0: edit}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert state(at)["p"] == WEATHER[0] and state(at)["q"] == WEATHER[1] and state(at)["names"] == ()
    assert shown(at) == expected(*WEATHER)
    errors = [e.value for e in at.error]
    assert len(errors) == 1
    if reason:
        assert en(reason) in errors[0]
    else:
        assert errors[0] == en("distributions.table.bad_name", index=1)


def test_all_zero_weights_in_the_table():
    at = open_app(PAGE)
    at.session_state["distributions.table.open"] = True  # a closed table is not built
    at.session_state["distributions.table.0"] = {
        "edited_rows": {i: {"p": 0} for i in range(3)},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert en("distributions.error.zero") in at.error[0].value
    assert state(at)["p"] == WEATHER[0]


@pytest.mark.parametrize("name", ["uniform_q", "one_hot_p", "q_equals_p", "confident_wrong", "zero_q", "weather"])
def test_presets(name):
    at = open_app(PAGE, p="0.1,0.6,0.3")
    at.button(key=f"distributions.preset.{name}").click().run()
    p, q = apply_preset(name, (0.1, 0.6, 0.3), WEATHER[1])
    assert state(at)["p"] == pytest.approx(tuple(p)) and state(at)["q"] == pytest.approx(tuple(q))
    assert shown(at) == expected(p, q)


def test_a_zero_in_q_shows_infinity_with_the_class_named():
    at = open_app(PAGE)
    at.button(key="distributions.preset.zero_q").click().run()
    assert not at.exception
    assert shown(at)[1] == "∞" and shown(at)[2] == "∞"
    reasons = [i.value for i in at.info]
    assert en("distributions.inf.pq", name="sunny", p=fmt(0.5)) in reasons
    assert "\\infty" in latex(at)
    contrib = figure(at, 1)["data"]
    assert contrib[3]["text"][0] == "∞"  # the chart still draws, capped and labelled


def test_q_equals_p_correction():
    at = open_app(PAGE)
    assert not at.success
    at.button(key="distributions.set_q_p").click().run()
    s = summarize(*([WEATHER[0]] * 2))
    assert state(at)["q"] == WEATHER[0]
    assert at.success[0].value == en("distributions.props.fix.now", kl=fmt(0.0), ce=fmt(s.h_p))
    assert shown(at)[1] == shown(at)[0] == "1.0297"  # H(P, Q) = H(P), not 0
    at.button(key="distributions.preset.one_hot_p").click().run()
    at.button(key="distributions.preset.q_equals_p").click().run()
    assert at.success[0].value == en("distributions.props.fix.one_hot", kl=fmt(0.0), ce=fmt(0.0))


def test_simplex_toggle_colours_by_kl():
    at = open_app(PAGE)
    at.radio(key="distributions.sx").set_value("kl").run()
    simplex = figure(at, 3)["data"][0]
    z = array(simplex["z"])
    expected_z = field(WEATHER[0], "kl", n=72).z.astype(np.float32).ravel()
    np.testing.assert_allclose(z, expected_z, rtol=1e-6, equal_nan=True)
    assert at.query_params["sx"] == "kl"


def test_forward_and_reverse_fits():
    at = open_app(PAGE, sep="8", w="0.3")
    x = support()
    p = two_peaks(x, 8.0, 0.3)
    fwd, rev = fit_gaussian(p, x, "forward"), fit_gaussian(p, x, "reverse")
    values = [m.value for m in at.metric][len(METRICS) :]
    assert values == [fmt(fwd.kl), fmt(rev.kl)]
    assert rev.mu > 0  # the heavier right peak
    at.slider(key="distributions.sep").set_value(2.0).run()
    assert [m.value for m in at.metric][len(METRICS)] == fmt(fit_gaussian(two_peaks(x, 2.0, 0.3), x, "forward").kl)


def test_share_link_round_trip():
    at = open_app(PAGE, lang="zh", unit="bits")
    at.number_input(key="distributions.k").set_value(4).run()
    at.slider(key="distributions.q.3").set_value(0.05).run()
    at.session_state["distributions.table.open"] = True  # a closed table is not built
    at.session_state["distributions.table.0"] = {
        "edited_rows": {2: {"name": "fog"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.slider(key="distributions.w").set_value(0.8).run()
    params = share_params(at)
    assert {"p", "q", "names", "unit", "lang", "w"} <= set(params)
    again = open_app(PAGE, **params)
    assert not again.exception and not again.warning
    assert state(again) == state(at)
    assert [m.value for m in again.metric] == [m.value for m in at.metric]
    assert [s.label for s in again.slider] == [s.label for s in at.slider]


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"p": "0,0,0"}, "p"),
        ({"p": "0.5,-0.2,0.7"}, "p"),
        ({"p": "nan,0.5,0.5"}, "p"),
        ({"q": "0.5,0.5"}, "q"),
        ({"names": "a,b"}, "names"),
        ({"p": ",".join(["0.05"] * 13)}, "p"),
        ({"sx": "js"}, "sx"),
    ],
)
def test_bad_links_warn_and_fall_back(params, key):
    at = open_app(PAGE, **params)
    assert not at.exception
    assert f"`{key}`" in at.warning[0].value
    assert len(state(at)["q"]) == len(state(at)["p"])
    assert shown(at) == expected(state(at)["p"], state(at)["q"])


def test_unnormalised_link_is_normalised_with_a_note():
    at = open_app(PAGE, p="2,1,1")
    assert "`p`" in at.warning[0].value
    assert state(at)["p"] == (0.5, 0.25, 0.25)


def test_the_table_is_built_only_when_open():
    """A closed table costs nothing on a slider move; opening it shows the current P and Q."""
    at = open_app(PAGE)
    assert not at.get("data_editor")
    at.session_state["distributions.table.open"] = True
    at.run()
    (table,) = at.get("data_editor")
    assert list(table.value["p"]) == list(WEATHER[0])
