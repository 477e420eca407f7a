"""The Distributions page through AppTest: sliders, the table, presets, the Q = P correction, bad input,
share links. Every number on screen is checked against xentcore."""

from __future__ import annotations

import json
import math
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from apptest_support import array, chart_key, drawn_charts, figure, open_app, share_link
from katex_support import AVAILABLE as KATEX
from katex_support import render as katex_render
from streamlit.testing.v1 import AppTest

from xentcore import kl_divergence
from xentcore.app.distributions.model import build
from xentcore.app.distributions.state import SCHEMA, VIEWS
from xentcore.app.format import fmt, fmt_apart, latex_text, md_escape, plotly_escape
from xentcore.app.share import parse
from xentcore.app.ui.text import TABLE
from xentcore.datasets import clean_name
from xentcore.distributions import WEATHER_CLASSES, WEATHER_P, WEATHER_Q, apply_preset, rescale, resize, summarize
from xentcore.kl_fit import fit_gaussian, support, two_peaks
from xentcore.simplex import field

PAGE = "pages/1_distributions.py"
WEATHER = (WEATHER_P, WEATHER_Q)
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
    return {k: v[0] for k, v in parse_qs(urlparse(share_link(at)).query).items()}


def latex(at: AppTest) -> str:
    return "\n".join(x.value for x in at.latex)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_the_weather_example(lang):
    at = open_app(PAGE, lang=lang)
    assert not at.exception
    assert not at.warning
    assert shown(at) == expected(*WEATHER)
    assert shown(at)[1] == "1.0549"
    default_names = [TABLE[f"weather.{c}"][("en", "zh").index(lang)] for c in WEATHER_CLASSES]
    assert [s.label for s in at.slider][:3] == default_names  # 晴 / 雨 / 阴天 for a Chinese reader
    assert [s.value for s in at.slider][:6] == [0.5, 0.3, 0.2, 0.4, 0.4, 0.2]
    units = {"en": ("nats", "bits"), "zh": ("nat", "bit")}[lang]
    assert rf"1.0549\ \text{{{units[0]}}} = 1.5219\ \text{{{units[1]}}}" in latex(at)
    assert [chart_key(c) for c in drawn_charts(at)] == ["distributions.fig.bars", "distributions.fig.fits"]


@pytest.mark.parametrize("view", VIEWS)
def test_each_picture_is_built_only_in_its_open_tab(view):
    """The pictures are tabs built lazily: the open one's chart (and the forward/reverse fits) alone is sent."""
    at = open_app(PAGE, view=view)
    assert not at.exception and not at.warning
    keys = [chart_key(c) for c in drawn_charts(at)]
    assert keys == [f"distributions.fig.{view}", "distributions.fig.fits"]
    assert share_link(at).count(f"view={view}") == (view != "bars")  # the default is left out of the link


def test_a_mangled_view_in_a_link_falls_back_to_the_bars_with_a_warning():
    at = open_app(PAGE, view="pie")
    assert not at.exception
    assert chart_key(drawn_charts(at)[0]) == "distributions.fig.bars"
    assert any("view" in w.value for w in at.warning)


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
    at = open_app(PAGE, view="simplex")
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
    assert at.slider[0].label == en("weather.sunny")


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
    at = open_app(PAGE, view="contrib")
    at.button(key="distributions.preset.zero_q").click().run()
    assert not at.exception
    assert shown(at)[1] == "∞" and shown(at)[2] == "∞"
    reasons = [i.value for i in at.info]
    assert en("distributions.inf.pq", name="sunny", p=fmt(0.5)) in reasons
    assert "\\infty" in latex(at)
    contrib = figure(at, 0)["data"]
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
    at = open_app(PAGE, view="simplex")
    at.radio(key="distributions.sx").set_value("kl").run()
    simplex = figure(at, 0)["data"][0]
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


# --- the forward and reverse fits: Q's own spread, and the Gaussian's parameters, each named --------------------


def test_fits_show_the_mean_and_sd_of_the_plotted_q_and_the_parameters_apart():
    at = open_app(PAGE, sep="8", w="0.3")
    x = support()
    p = two_peaks(x, 8.0, 0.3)
    fits = [m for m in at.metric][len(METRICS) :]
    captions = [c.value for c in at.caption]
    for metric, direction in zip(fits, ("forward", "reverse"), strict=True):
        fit = fit_gaussian(p, x, direction)
        mean = float(np.sum(fit.q * x))
        sd = float(np.sqrt(np.sum(fit.q * (x - mean) ** 2)))  # the standard deviation of Q as drawn
        assert metric.delta == en("distributions.fit.m.moments", mean=fmt(mean, 2), sd=fmt(sd, 2))
        assert en("distributions.fit.m.params", mu=fmt(fit.mu, 2), sigma=fmt(fit.sigma, 2)) in captions
    forward = fit_gaussian(p, x, "forward")
    assert forward.sigma > float(np.sqrt(np.sum(forward.q * (x - np.sum(forward.q * x)) ** 2))) + 0.1  # cut tails
    p_mean = float(np.sum(p * x))
    p_sd = float(np.sqrt(np.sum(p * (x - p_mean) ** 2)))
    caption = en("distributions.fit.caption", hw="8", n=121, width="0.8", p_mean=fmt(p_mean, 2), p_sd=fmt(p_sd, 2))
    assert caption in captions
    assert en("distributions.fit.moment_match") in captions  # forward KL matches P's mean and spread


# --- what the page says about the current P and Q ------------------------------------------------------------


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


CASES = {
    "weather": {},
    "uniform_p": {"p": "0.25,0.25,0.25,0.25", "q": "0.1,0.2,0.3,0.4"},
    "one_hot_p": {"p": "0,1,0", "q": "0.2,0.5,0.3"},
    "zero_in_q": {"p": "0,1,0", "q": "0.5,0,0.5"},
    "zero_in_p": {"p": "0.5,0.5,0", "q": "0.2,0.3,0.5"},
    "q_equals_p": {"q": "0.5,0.3,0.2"},
    "swapped": {"p": "0.7,0.3", "q": "0.3,0.7"},
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("unit", ["nats", "bits"])
def test_properties_state_the_current_numbers(case, unit):
    at = open_app(PAGE, unit=unit, **CASES[case])
    assert not at.exception and not at.warning
    st_ = state(at)
    m = build({**st_}, unit)
    s, shown = m.summary, markdown(at)
    names = [s_.label for s_ in at.slider][: m.k]
    # H(P) <= log K, with the current numbers (equality for a uniform P)
    if case == "uniform_p":
        assert en("distributions.props.h_le_log_k.uniform", log_k=fmt(m.bound.log_k), k=4) in shown
        assert fmt(m.bound.log_k) == {"nats": "1.3863", "bits": "2.0000"}[unit]
    else:
        h, log_k = fmt_apart(s.h_p, m.bound.log_k)
        assert f"H(P) = {h} < log K = {log_k} (K = {m.k})" in shown
    # KL is not symmetric
    if case in ("swapped", "q_equals_p", "zero_in_q"):
        assert en("distributions.props.kl_sym_equal", kl=fmt(s.kl_pq)) in shown
    else:
        assert en("distributions.props.kl_asym", kl_pq=fmt(s.kl_pq), kl_qp=fmt(s.kl_qp)) in shown
    # ... and has no triangle inequality
    if case == "zero_in_q":
        assert en("distributions.props.triangle.infinite") in shown
    elif case == "q_equals_p":
        assert en("distributions.props.triangle.same", zero=fmt(0.0)) in shown
    else:
        mix = (np.asarray(st_["p"]) + np.asarray(st_["q"])) / 2
        base = 2.0 if unit == "bits" else math.e
        kl_pm, kl_mq = kl_divergence(st_["p"], mix, base=base), kl_divergence(mix, st_["q"], base=base)
        assert kl_pm + kl_mq < s.kl_pq
        assert f"KL(P‖M) + KL(M‖Q) = {fmt(kl_pm)} + {fmt(kl_mq)}" in shown
        assert f"less than the direct KL(P‖Q) = {fmt(s.kl_pq)}" in shown
    # the log loss of a one-hot P
    if case == "one_hot_p":
        assert en("distributions.props.log_loss", name=names[1], q=fmt(0.5), ce=fmt(s.ce_pq)) in shown
        assert fmt(s.ce_pq) == fmt(-math.log(0.5, 2.0 if unit == "bits" else math.e))
    elif case == "zero_in_q":
        assert en("distributions.props.log_loss.zero", name=names[1]) in shown
        assert shown.count("−log 0 = ∞") == 1
    else:
        assert "**Log loss**" not in shown


def test_home_and_page_agree_on_the_weather_example():
    assert state(open_app(PAGE))["p"] == WEATHER_P


# --- class names as typed: shown literally in every sink ---------------------------------------------------


HOSTILE = ("a_b {c} $x$ 50%", ":red[r] *s* [l](u)", "<b>t</b> & #~^\\")


def latex_sources(at: AppTest) -> list[str]:
    return [x.value.strip().removeprefix("$$").removesuffix("$$").strip() for x in at.latex]


def test_hostile_names_from_a_link_show_literally_everywhere():
    at = open_app(PAGE, names=",".join(HOSTILE))
    assert not at.exception and not at.warning
    assert state(at)["names"] == HOSTILE  # kept as typed
    assert [s.label for s in at.slider][:6] == [md_escape(n) for n in HOSTILE] * 2  # P's and Q's sliders
    body = latex(at)
    for name in HOSTILE:
        assert rf"\text{{{latex_text(name)}}}" in body
    escaped = [plotly_escape(n) for n in HOSTILE]
    pictures = {view: figure(open_app(PAGE, names=",".join(HOSTILE), view=view), 0) for view in VIEWS}
    assert pictures["bars"]["data"][0]["x"] == escaped
    assert pictures["contrib"]["data"][0]["x"][:3] == escaped
    assert pictures["code"]["data"][0]["hovertext"] == escaped
    assert pictures["simplex"]["data"][2]["text"] == escaped  # the corners
    assert not any("<b>" in text for text in json.dumps(list(pictures.values())).split('"'))
    for source in latex_sources(at):  # braces balance once the escaped ones are set aside
        depth = 0
        for ch in re.sub(r"\\[{}]", "", source):
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0
        assert depth == 0
    at.button(key="distributions.preset.zero_q").click().run()
    assert en("distributions.inf.pq", name=md_escape(HOSTILE[0]), p=fmt(0.5)) in [i.value for i in at.info]
    at.button(key="distributions.preset.one_hot_p").click().run()  # all of P on the class Q now rules out
    assert en("distributions.props.log_loss.zero", name=md_escape(HOSTILE[0])) in markdown(at)
    at.session_state["distributions.table.open"] = True
    at.run()
    (table,) = at.get("data_editor")
    assert list(table.value["name"]) == list(HOSTILE)  # the grid shows text as it is: no escaping there
    params = share_params(at)
    assert params["names"] == ",".join(HOSTILE)
    again = open_app(PAGE, **params)
    assert state(again)["names"] == HOSTILE and not again.warning


def test_a_hostile_name_typed_in_the_table_is_kept_and_escaped():
    at = open_app(PAGE)
    at.session_state["distributions.table.open"] = True
    at.session_state["distributions.table.0"] = {
        "edited_rows": {2: {"name": "  $$\\alpha$$ {x}_1 ,\x00"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception and not at.error
    name = "$$\\alpha$$ {x}_1"  # the comma and the control character go, the rest stays
    assert state(at)["names"][2] == name
    assert at.slider[2].label == md_escape(name)
    assert rf"\text{{{latex_text(name)}}}" in latex(at)


@pytest.mark.skipif(not KATEX, reason="needs Node and Streamlit's KaTeX bundle")
def test_formulas_with_hostile_names_parse_in_katex_and_show_the_names():
    names = (*HOSTILE, "\u0301x--y ``z''", "\\textbf{b} \\\\ }{")
    at = open_app(PAGE, names=",".join(names), p=",".join(["0.2"] * 5), q=",".join(["0.2"] * 5))
    rendered = katex_render(latex_sources(at))
    assert [error for error, _ in rendered] == [None] * len(rendered)
    text = rendered[0][1].replace("\xa0", " ")  # KaTeX shows a space in text as a no-break space
    for name in names:
        assert clean_name(name).replace("\u0301", "").replace("``", "‘‘").replace("''", "’’") in text


def test_a_lesson_link_hiding_p_leaves_p_alone_and_says_so():
    at = open_app(PAGE, hide="p")
    assert not at.exception and not at.warning
    assert [s.key for s in at.slider][:3] == [f"distributions.q.{i}" for i in range(3)]  # only Q's sliders
    assert en("distributions.table.header") not in [e.proto.label for e in at.get("expander")]  # nor the table
    assert not [b for b in at.button if b.key and b.key.startswith("distributions.preset.")]  # presets change P
    assert f"{en('distributions.p.header')} = 0.50, 0.30, 0.20" in at.caption[0].value


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", ["default", "bits", "zero_q", "k4"])
def test_every_chart_has_the_models_alt(lang, case):
    from xentcore.app.distributions import notes

    i = ("en", "zh").index(lang)
    say = lambda key, **v: TABLE[key][i].format(**v) if v else TABLE[key][i]  # noqa: E731
    unit = "bits" if case == "bits" else "nats"
    def opened(view: str):
        at = open_app(PAGE, lang=lang, view=view, **({"unit": "bits"} if case == "bits" else {}))
        if case == "zero_q":
            at.button(key="distributions.preset.zero_q").click().run()
        if case == "k4":
            at = open_app(PAGE, lang=lang, view=view, p="0.1,0.2,0.3,0.4", q="0.4,0.3,0.2,0.1")
        assert not at.exception
        return at

    pages = {view: opened(view) for view in VIEWS}
    at = pages["bars"]
    st_ = state(at)
    m = build(st_, unit)
    k = m.k
    names = tuple(st_["names"]) or tuple(
        say(f"weather.{WEATHER_CLASSES[j]}") if k == 3 else say("distributions.name.class", k=j + 1) for j in range(k)
    )
    want = [notes.bars_alt(m, names, say), notes.contrib_alt(m, names, say), notes.code_alt(m, names, say)]
    want += [notes.simplex_alt(m, names, say)] if k == 3 else []
    want.append(notes.fits_alt(m, say))
    shown_alts = [drawn_charts(pages[view])[0].alt for view in VIEWS[: 4 if k == 3 else 3]]
    shown_alts.append(drawn_charts(at)[-1].alt)
    assert len(drawn_charts(pages["simplex"])) == (2 if k == 3 else 1)  # K ≠ 3: a note, no triangle
    assert shown_alts == want and all(a.strip() for a in shown_alts)
    if case == "zero_q":
        assert "∞" in shown_alts[1] and "∞" in shown_alts[2]
