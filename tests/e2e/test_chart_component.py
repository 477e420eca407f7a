"""xent's chart component (``xentcore/app/ui/chart.js``) in a real browser: a move updates a chart in place, a
rerun that sends the same figure draws nothing, and the chart takes the theme's colours, light or dark."""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, opened, wait_settled

pytestmark = pytest.mark.usefixtures("browser_or_skip")

BARS = ".st-key-distributions-fig-bars .xent-chart"

# Marks the chart element and counts plotly's draws of it from now on.
WATCH = """sel => { const gd = document.querySelector(sel); gd.__watched = true; window.__draws = 0;
  gd.on('plotly_afterplot', () => { window.__draws += 1; }); }"""


def bars_state(page) -> dict:
    return page.evaluate(
        """sel => { const gd = document.querySelector(sel);
           return {watched: !!gd.__watched, draws: window.__draws, label: gd.getAttribute('aria-label'),
                   data: JSON.stringify(gd.data.map(t => [t.x, t.y]))}; }""",
        BARS,
    )


def test_a_move_redraws_the_chart_in_place_and_the_same_figure_draws_nothing(browser, server):
    with opened(browser, server, "distributions") as page:
        page.evaluate(WATCH, BARS)
        before = bars_state(page)
        page.locator(".st-key-distributions-p-0 input[type=range]").first.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([sel, label]) => document.querySelector(sel).getAttribute('aria-label') !== label",
            arg=[BARS, before["label"]],
        )
        wait_settled(page)
        moved = bars_state(page)
        assert moved["watched"], "the chart element was replaced: a changed figure must update it in place"
        assert moved["data"] != before["data"] and moved["draws"] >= 1
        # a rerun that re-sends the same figure (the unit changes text, not this chart's bars): nothing drawn
        page.evaluate("() => { window.__draws = 0; }")
        page.locator(".st-key-distributions-fig-bars-data input").first.click(force=True)  # its data toggle
        wait_settled(page)
        page.wait_for_selector("[data-testid=stDataFrame]")
        assert bars_state(page)["draws"] == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_chart_takes_the_theme_colours(browser, server, scheme):
    with opened(browser, server, "distributions", color_scheme=scheme, viewport=DESKTOP) as page:
        colours = page.evaluate(
            """sel => { const gd = document.querySelector(sel);
               const tick = gd.querySelector('.xtick text');
               const app = getComputedStyle(document.querySelector('[data-testid=stApp]'));
               // Streamlit's plotly template writes theme colours as placeholders (#000001 ... #000040)
               const left = JSON.stringify([gd._fullLayout.template, gd._fullData.map(t => t.marker)])
                 .match(/#0000[0-9]{2}/g);
               return {tick: getComputedStyle(tick).fill, text: app.color, left,
                       paper: getComputedStyle(gd.querySelector('.main-svg')).backgroundColor,
                       page: app.backgroundColor}; }""",
            BARS,
        )
    assert colours["tick"] == colours["text"] and colours["paper"] == colours["page"], colours
    assert colours["left"] is None, f"placeholder colours not filled from the theme: {colours['left']}"


RACE = ".st-key-race-figure .xent-chart"


def test_an_animated_figure_is_drawn_anew_in_the_same_element_and_plays(browser, server):
    """The race's figure (frames: Play animates it) is drawn anew on a move (chart.js: Plotly.react cost more for
    it): the chart element stays, takes the new race's frames, and plays."""
    with opened(browser, server, "race", "n=400") as page:
        state = """sel => { const gd = document.querySelector(sel);
          return {watched: !!gd.__watched, frames: gd._transitionData._frames.length,
                  last: JSON.stringify(gd._transitionData._frames.at(-1).data.map(t => t.y ?? null))}; }"""
        page.evaluate(WATCH, RACE)
        before = page.evaluate(state, RACE)
        page.locator(".st-key-race-n input[type=range]").first.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([sel, last]) => { const gd = document.querySelector(sel); return gd._transitionData"
            " && gd._transitionData._frames.length && JSON.stringify(gd._transitionData._frames.at(-1).data"
            ".map(t => t.y ?? null)) !== last; }",
            arg=[RACE, before["last"]],
        )
        wait_settled(page)
        moved = page.evaluate(state, RACE)
        assert moved["watched"] and moved["frames"] == before["frames"] > 1  # (newPlot drops plotly's own handlers)
        label = page.locator(f"{RACE} .slider-group .slider-label, {RACE} .sliders .slider-label").first
        start = label.text_content()
        page.locator(f"{RACE} .updatemenu-button", has_text="Play").first.click()
        page.wait_for_function("([el, old]) => el.textContent !== old", arg=[label.element_handle(), start])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_chart_that_cannot_be_drawn_says_so_and_what_it_shows(browser, server, lang):
    """plotly.js does not arrive (a proxy blocks it, the connection drops): each chart says, in the reader's
    language, that it could not be drawn, and gives its text alternative; the rest of the page works."""
    from xentcore.app.ui.text import LANGUAGES, TABLE

    context = browser.new_context(viewport=DESKTOP)
    context.route("**/plotly-*.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(f"{server}/distributions?lang={lang}")
        failed = TABLE["chart.failed"][LANGUAGES.index(lang)]
        page.wait_for_function("t => document.querySelector('.xent-chart')?.textContent.startsWith(t)", arg=failed)
        wait_settled(page)
        chart = page.locator(BARS)
        assert chart.inner_text() == f"{failed} {chart.get_attribute('aria-label')}"
        assert "plotly" in chart.get_attribute("title")  # the browser's reason, for whoever debugs it
        assert page.locator("[data-testid=stMetricValue]").count() >= 3
        assert not page.locator("[data-testid=stException]").count()
    finally:
        context.close()
