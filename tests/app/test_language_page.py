"""The language page through AppTest: what it shows is the page model's, in both languages and units; the reader's
own text (typed, pasted, uploaded, too long, odd) and hostile links are explained and the page keeps working."""

import itertools
import json
import math
import re
from urllib.parse import parse_qsl, urlparse

import numpy as np
import pytest
from apptest_support import array, chart_key, drawn_charts, figure, open_app, share_link

from xentcore.app.format import fmt
from xentcore.app.language import figures as figs
from xentcore.app.language import model as lm
from xentcore.app.language.sections import FLASH, OWN_FULL
from xentcore.app.language.state import LINK_CHARS, LOOKS, MAX_CHARS, SCHEMA
from xentcore.app.ui.session import STORE
from xentcore.app.ui.text import TABLE
from xentcore.app.ui.text_grid import COMPONENT as GRID

PAGE = "pages/6_language.py"
FIG = {"curve": 0, "next": 1, "sizes": 1}  # the curve, then the open close-up (a tab) alone; the grid is text


def open_page(**params):
    return open_app(PAGE, **params)


def state_of(at) -> dict:
    return at.session_state[STORE]["language"]


def model_of(at, lang="en", unit="nats") -> lm.LanguageModel:
    """The model for the page's current state, built afresh (not the page's cached one)."""
    own = at.session_state.get(OWN_FULL, "")
    s = state_of(at)
    own = own if s["own"] == "" and len(own) > LINK_CHARS else s["own"]
    return lm.build(dict(s), unit, lang, own)


def metrics(at) -> list[str]:
    return [m.value for m in at.metric]


def text(key: str, lang: str = "en") -> str:
    return TABLE[key][("en", "zh").index(lang)]


def assert_shows(at, m: lm.LanguageModel, lang: str = "en") -> None:
    """Numbers, curves, grid, bars and sizes on the page are the model's."""
    a = m.analysis
    assert metrics(at) == [fmt(a.train_ce), fmt(a.test_ce), fmt(a.test_ppl, 2), fmt(a.test_bits_per_byte)]
    curve = figure(at, FIG["curve"])["data"]
    for trace, values in zip(curve[:2], (a.curve.train, a.curve.test), strict=True):
        shown = array(trace["y"])
        finite = np.isfinite(values)
        np.testing.assert_allclose(shown[finite], values[finite], rtol=1e-6)
    look = state_of(at)["look"]
    if look == "grid":
        assert [chart_key(c) for c in drawn_charts(at)] == ["language.curve"]
        assert_grid(grid_cells(at), m)
        return
    assert [chart_key(c) for c in drawn_charts(at)] == ["language.curve", f"language.{look}"]
    assert_close_up(figure(at, FIG[look]), m, look, lang)


def grid_data(at) -> dict:
    """The surprisal grid as the page sends it to its component (``xentcore.app.ui.text_grid``)."""
    grids = [json.loads(e.proto.bytes) for e in at.main.get("bidi_component") if e.proto.component_name == GRID]
    assert len(grids) == 1, "one surprisal grid on the page"
    return grids[0]


def grid_cells(at) -> list[tuple[tuple[int, int, int], str, str, str]]:
    """The surprisal grid's cells: (background, ink, title, text), in reading order."""
    cells = [cell for group in grid_data(at)["groups"] for cell in group["cells"]]
    for _, background, ink, _ in cells:
        assert re.fullmatch(r"rgb\(\d+, \d+, \d+\)", background) and re.fullmatch(r"#[0-9A-F]{6}", ink)
    return [(tuple(map(int, re.findall(r"\d+", bg))), ink, title, text) for text, bg, ink, title in cells]


def assert_grid(cells, m: lm.LanguageModel) -> None:
    """A cell per drawn character, titled with its probability and surprisal, coloured by the surprisal (a
    more surprising character on a darker colour), in an ink of at least 4.5:1 contrast."""
    d = m.analysis.drawn
    assert len(cells) == len(d.chars)
    for (_, _, title, _), q, s in zip(cells, d.probability, d.surprisal, strict=True):
        assert f"q = {fmt(float(q))}" in title and f" {fmt(float(s))} " in title
    lum = [figs.luminance(rgb) for rgb, *_ in cells]
    order = np.argsort(d.surprisal, kind="stable")  # an infinite surprisal last, on the scale's top colour
    assert all(lum[i] >= lum[j] - 1e-3 for i, j in itertools.pairwise(order))
    for rgb, ink, *_ in cells:
        ink_lum = 0.0 if ink == "#000000" else 1.0
        hi, lo = max(ink_lum, figs.luminance(rgb)), min(ink_lum, figs.luminance(rgb))
        assert (hi + 0.05) / (lo + 0.05) >= 4.5


def assert_close_up(fig: dict, m: lm.LanguageModel, look: str, lang: str = "en") -> None:
    """The open close-up's chart shows the model's numbers."""
    a = m.analysis
    if look == "next":
        bars = fig["data"]
        np.testing.assert_allclose(array(bars[0]["y"]), a.next.q, rtol=1e-6)
        if a.next.p is not None:
            np.testing.assert_allclose(array(bars[1]["y"]), a.next.p, rtol=1e-6)
    else:
        sizes = fig["data"][0]
        expected_bytes = [a.sizes.utf8_bytes, *a.sizes.compressed.values()]
        assert sizes["text"][:4] == [text("language.sizes.bytes", lang).format(n=fmt(b, 0)) for b in expected_bytes]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("look", LOOKS)
def test_each_close_up_is_built_only_in_its_open_tab(look, lang):
    at = open_page(look=look, lang=lang, h="the")
    assert not at.exception and not at.warning
    assert_shows(at, model_of(at, lang), lang)
    assert share_link(at).count(f"look={look}") == (look != "grid")  # the default is left out of the link


# --- the page shows its model ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "unit"), [("en", "nats"), ("zh", "bits")])
def test_the_page_shows_its_model_in_both_languages(lang, unit):
    at = open_page(lang=lang, unit=unit)
    assert not at.exception and not at.warning
    m = model_of(at, lang, unit)
    assert m.source == lang  # the built-in text in the reader's language
    assert_shows(at, m, lang)
    per = text("language.per_char", lang).format(unit=text(f"unit.short.{unit}", lang))
    assert at.metric[0].label == text("language.metric.train", lang).format(unit=per)
    assert at.title[0].value == text("nav.language", lang)


def test_moving_the_context_and_alpha_changes_the_numbers_and_the_link():
    at = open_page()
    before = metrics(at)
    at.slider(key="language.k").set_value(5).run()
    at.select_slider(key="language.a").set_value(0.1).run()
    assert metrics(at) != before
    assert at.query_params["k"] == "5" and at.query_params["a"] == "0.1"
    m = model_of(at)
    assert (m.context, m.alpha) == (5, 0.1)
    assert_shows(at, m)
    say = " ".join(md.value for md in at.markdown)
    assert fmt(m.analysis.curve.test[m.analysis.curve.best]) in say


def test_alpha_zero_shows_infinity_and_says_why():
    at = open_page(a="0", k="3", look="sizes")
    assert not at.exception
    m = model_of(at)
    assert m.analysis.test_ce == math.inf and metrics(at)[1] == "∞"
    say = " ".join(md.value for md in at.markdown)
    assert text("language.sizes.ideal_inf") in say
    assert text("language.curve.infinite_at").split(" {ks}")[0] in say


def test_the_distributions_link_carries_the_models_q():
    at = open_page(k="1", h="t", look="next")
    m = model_of(at)
    nxt = m.analysis.next
    (link,) = [md.value for md in at.markdown if "./distributions?" in md.value]
    url = link.split("](", 1)[1].split(")", 1)[0]
    params = dict(parse_qsl(urlparse(url).query))
    np.testing.assert_allclose([float(x) for x in params["q"].split(",")], nxt.link_q, atol=1e-5)
    opened = open_app("pages/1_distributions.py", **params)
    assert not opened.exception and not opened.warning


def test_typing_a_history_redraws_the_next_character_bars():
    at = open_page(look="next")
    at.text_input(key="language.h_box").input("information th").run()
    assert state_of(at)["h"] == "information th" and at.query_params["h"] == "information th"
    m = model_of(at)
    assert m.analysis.next.used == "th"
    np.testing.assert_allclose(array(figure(at, FIG["next"])["data"][0]["y"]), m.analysis.next.q, rtol=1e-6)
    at.text_input(key="language.h_box").input("").run()  # empty: back to the default history
    assert state_of(at)["h"] == "" and model_of(at).analysis.next.from_worst


# --- the reader's text ---------------------------------------------------------------------------------------------


def choose_own(at, typed: str):
    at.radio(key="language.source_box").set_value("own").run()
    at.text_area(key="language.own_box").input(typed).run()
    return at


def test_typing_an_own_text_changes_the_numbers_and_the_link_carries_it():
    at = open_page()
    before = metrics(at)
    choose_own(at, "Cross-entropy is the average surprise. " * 8)
    assert not at.exception and metrics(at) != before
    assert at.query_params["text"] == "own" and at.query_params["own"].startswith("Cross-entropy")
    assert_shows(at, model_of(at))
    reopened = open_page(**dict(at.query_params.items()))
    assert metrics(reopened) == metrics(at)


def test_a_long_own_text_stays_in_the_session_and_the_page_says_so():
    long = "The quick brown fox jumps over the lazy dog. " * 60  # 2700 characters
    at = choose_own(open_page(), long)
    assert "own" not in at.query_params and at.query_params["text"] == "own"
    assert model_of(at).n_text == len(long)
    assert any(f"{len(long):,}" in c.value and f"{LINK_CHARS:,}" in c.value for c in at.caption)
    at.switch_page("pages/1_distributions.py").run()
    at.switch_page(PAGE).run()  # the text survives a page switch
    assert model_of(at).n_text == len(long) and at.text_area(key="language.own_box").value == long


def test_a_text_past_the_limit_is_refused_with_a_message_and_the_previous_text_kept():
    at = choose_own(open_page(lang="zh"), "你好，世界。" * 10)
    before = metrics(at)
    at.text_area(key="language.own_box").input("字" * (MAX_CHARS + 1)).run()
    assert not at.exception
    assert any(f"{MAX_CHARS + 1:,}" in e.value and f"{MAX_CHARS:,}" in e.value for e in at.error)
    assert metrics(at) == before and state_of(at)["own"] == "你好，世界。" * 10
    assert at.text_area(key="language.own_box").value == "你好，世界。" * 10
    assert FLASH not in at.session_state or not at.session_state[FLASH]


def test_a_text_of_100000_characters_works():
    rng = np.random.default_rng(1)
    big = "".join(rng.choice(list("abcdefghij klmnop,.\n的是了"), MAX_CHARS))
    at = choose_own(open_page(), big)
    assert not at.exception and not at.error
    m = model_of(at)
    assert m.n_text == MAX_CHARS
    assert_shows(at, m)
    assert any(str(lm.DRAWN_CHARS) in c.value for c in at.caption)  # the grid says it is capped


def test_uploading_a_file():
    at = open_page()
    at.radio(key="language.source_box").set_value("own").run()
    upload = at.file_uploader(key="language.upload")
    upload.set_value(("notes.txt", "上传的文本。Uploaded text.".encode(), "text/plain"))
    at.run()
    assert not at.exception and state_of(at)["own"] == "上传的文本。Uploaded text."
    at.file_uploader(key="language.upload").set_value(("bad.txt", b"\xff\xfe\xfa not utf-8", "text/plain")).run()
    assert at.error and text("language.upload.not_utf8") in at.error[0].value
    assert state_of(at)["own"] == "上传的文本。Uploaded text."


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"text": "own"}, "empty"),
        ({"text": "own", "own": "x"}, "too_short"),
        ({"test": "typed"}, "typed_empty"),
        ({"text": "own", "own": "😀🙂😀🙂 emoji 🙂", "k": "3"}, None),
        ({"text": "own", "own": "中文 English ελληνικά عربى 123 <b>&amp;</b>"}, None),
        ({"test": "typed", "typed": "😀😀😀"}, None),  # only characters the model never saw
        ({"text": "zh", "test": "typed", "typed": "quantum chromodynamics"}, None),
    ],
)
def test_odd_texts_are_explained_and_the_page_keeps_working(lang, params, problem):
    at = open_page(lang=lang, **params)
    assert not at.exception and not at.warning
    m = model_of(at, lang)
    assert m.problem == problem
    if problem:
        expected = text(f"language.problem.{problem}", lang).format(n=f"{m.n_text:,}", link=f"{LINK_CHARS:,}")
        assert expected in [i.value for i in at.info]
        assert not at.metric
    else:
        assert_shows(at, m, lang)
    assert at.number_input(key="language.loss").value == 2.1  # the converter works either way


def test_the_readers_text_reaches_the_page_as_text():
    """The grid's cells carry the reader's characters as they are: its component sets them as text and parses
    no HTML (``tests/e2e/test_language_browser.py`` checks the drawn page); markdown gets them escaped."""
    hostile = "<b>x</b> & <a href='javascript:alert(1)'>y</a> "
    at = open_page(text="own", own=hostile * 3, test="typed", typed=hostile, h="<a")
    shown = [text for *_, text in grid_cells(at)]
    assert "".join(shown).replace("\u00a0", " ") == hostile
    assert not any("<" in md.value and "href='javascript" in md.value for md in at.markdown)


# --- hostile links ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"k": "99", "a": "banana"},
        {"text": "<script>", "split": "-5"},
        {"own": "x" * 1600, "text": "own"},
        {"h": "y" * 200, "test": "sideways"},
        {"a": "inf", "loss": "1e308", "bpt": "0"},
        {"own": "\ufdd0\ufdd1abc\ufdd0", "text": "own"},
    ],
    ids=lambda p: ",".join(p),
)
def test_a_hostile_link_warns_naming_each_key_and_the_page_works(params):
    at = open_page(**params)
    assert not at.exception
    warning = at.warning[0].value
    for key in [k for k, v in params.items() if (k, v) != ("text", "own")]:
        assert f"`{key}`" in warning, (key, warning)
    m = model_of(at)
    if m.problem is None:
        assert_shows(at, m)


# --- the converter ------------------------------------------------------------------------------------------------


def test_the_converter_goes_both_ways():
    at = open_page()
    at.number_input(key="language.conv_bits").set_value(3.0).run()
    assert state_of(at)["loss"] == round(3.0 * math.log(2), 6)
    assert at.number_input(key="language.conv_ppl").value == pytest.approx(8.0, rel=1e-5)
    at.number_input(key="language.conv_ppl").set_value(100.0).run()
    assert state_of(at)["loss"] == round(math.log(100), 6)
    at.number_input(key="language.bpt").set_value(2.0).run()
    c = lm.convert(state_of(at)["loss"], 2.0)
    assert any(fmt(c.bits_per_byte) in md.value and fmt(c.perplexity, 2) in md.value for md in at.markdown)
    assert at.query_params["bpt"] == "2"


def test_reset_returns_to_the_defaults():
    at = open_page(k="6", a="1", split="50")
    at.sidebar.button[0].click().run()
    assert state_of(at) == SCHEMA.defaults()


# --- text alternatives (issue 15): every chart's alt (the grid's label) is the model's, in the reader's language


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("params", [{}, {"k": "0", "unit": "bits"}], ids=["default", "unigram"])
def test_every_chart_has_the_models_alt_text(lang, params):
    from xentcore.app.language import sections as section

    at = open_page(lang=lang, **params)
    assert not at.exception, [e.message for e in at.exception]
    m = model_of(at, lang, at.session_state[STORE]["settings"]["unit"])
    i = ("en", "zh").index(lang)

    def t(key, **values):
        return TABLE[key][i].format(**values) if values else TABLE[key][i]

    expected = [
        section.curve_alt(m, t),
        section.grid_alt(m, t),
        section.next_alt(m, t),
        section.sizes_alt(m, t),
    ]
    alts = [drawn_charts(at)[0].alt, grid_data(at)["alt"]]  # the grid: text, labelled
    for look in LOOKS[1:]:  # the other close-ups, each in its own tab
        alts.append(drawn_charts(open_page(lang=lang, look=look, **params))[1].alt)
    assert alts == [a.strip() for a in expected] and all(alts)
    assert fmt(m.analysis.test_ce) in alts[0]


def test_the_chart_data_tables_appear_on_request():
    at = open_page()
    before = len(at.dataframe)
    at.toggle(key="language.curve.data").set_value(True).run()
    assert len(at.dataframe) == before + 1
    assert any(d.value.columns[0] == "k" for d in at.dataframe)
