"""The shell on every page: navigation, unit and language, share links, bad links."""

from urllib.parse import parse_qs, urlparse

import pytest
from apptest_support import open_app as run
from apptest_support import sidebar_links
from streamlit.testing.v1 import AppTest

from xentcore import cross_entropy, entropy, kl_divergence
from xentcore.app.format import fmt
from xentcore.app.pages import PAGES
from xentcore.app.ui.text import TABLE
from xentcore.distributions import WEATHER_P, WEATHER_Q


def share_link(at: AppTest) -> dict[str, list[str]]:
    return parse_qs(urlparse(sidebar_links(at)[0]).query)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_every_page_renders_in_both_languages(page, lang):
    at = run(page.path, lang=lang)
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]
    labels = [link.proto.label for link in at.sidebar.get("page_link")]
    assert labels == [TABLE[p.title_key][("en", "zh").index(lang)] for p in PAGES]


@pytest.mark.parametrize("unit,base", [("nats", 2.718281828459045), ("bits", 2.0)])
def test_home_weather_example_in_each_unit(unit, base):
    at = run(unit=unit)
    p, q = WEATHER_P, WEATHER_Q
    shown = [m.value for m in at.metric[1:]]
    expected = [entropy(p, base=base), cross_entropy(p, q, base=base), kl_divergence(p, q, base=base)]
    assert shown == [fmt(x) for x in expected]
    assert shown[1] == {"nats": "1.0549", "bits": "1.5219"}[unit]
    # 1.0297 + 0.0253 is 1.0550 and 1.4855 + 0.0365 is 1.5220: rounded numbers, so the check says ≈
    h, ce, kl = shown
    assert at.caption[1].value == TABLE["home.weather.check.rounded"][0].format(h=h, kl=kl, ce=ce, digits=4)


def test_changing_unit_and_language_updates_view_url_and_share_link():
    at = run()
    at.sidebar.radio(key="settings.unit").set_value("bits").run()
    assert at.metric[2].value == "1.5219"
    at.sidebar.selectbox(key="settings.lang").set_value("zh").run()
    assert at.title[0].value == TABLE["home.title"][1]
    assert at.query_params["unit"] == "bits" and at.query_params["lang"] == "zh"
    assert share_link(at) == {"unit": ["bits"], "lang": ["zh"]}
    at.sidebar.radio(key="settings.unit").set_value("nats").run()
    assert "unit" not in at.query_params  # defaults stay out of the link


def test_settings_follow_the_user_across_pages():
    at = run(unit="bits", lang="zh")
    at.switch_page(PAGES[1].path).run()
    assert not at.exception
    assert at.sidebar.radio(key="settings.unit").value == "bits"
    assert at.sidebar.selectbox(key="settings.lang").value == "zh"
    assert share_link(at)["unit"] == ["bits"]
    at.switch_page("home.py").run()
    assert at.metric[2].value == "1.5219"


def test_a_bad_link_warns_for_each_ignored_parameter_and_keeps_the_rest():
    at = run(unit="furlongs", lang="zh", evil="<script>")
    assert not at.exception
    text = at.warning[0].value
    assert "`unit`" in text and "`evil`" in text and "`lang`" not in text
    assert at.title[0].value == TABLE["home.title"][1]  # the good parameter still applied
    assert at.metric[2].value == "1.0549"  # the bad one fell back to nats
    assert "evil" not in at.query_params and "unit" not in at.query_params


def test_home_surprise_slider_shares_and_resets():
    at = run(unit="bits")
    at.slider(key="home.pe").set_value(0.5).run()
    assert at.metric[0].value == "1.0000 bits"
    assert at.query_params["pe"] == "0.5"
    assert share_link(at) == {"unit": ["bits"], "pe": ["0.5"]}
    reopened = run(**{k: v[0] for k, v in share_link(at).items()})
    assert reopened.slider(key="home.pe").value == 0.5 and reopened.metric[0].value == "1.0000 bits"
    at.sidebar.button[0].click().run()
    assert at.slider(key="home.pe").value == 0.25 and "pe" not in at.query_params


def test_out_of_range_link_value_is_clamped_with_a_message():
    at = run(pe="7")
    assert at.slider(key="home.pe").value == 1.0
    assert "`pe`" in at.warning[0].value and at.metric[0].value.startswith("0.0000")
