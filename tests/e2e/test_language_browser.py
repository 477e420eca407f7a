"""The language page in headless Chromium: typing a text changes the numbers to the model's and the link carries
the text; a text longer than a link carries stays out of it, with a note."""

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from browser_support import wait_settled

from xentcore.app.format import fmt
from xentcore.app.language.model import build
from xentcore.app.language.state import SCHEMA

pytestmark = pytest.mark.usefixtures("browser_or_skip")

TYPED = "the cat sat on the mat and the dog sat on the log; " * 4


def metric_values(page) -> list[str]:
    return page.locator("[data-testid='stMetricValue']").all_inner_texts()


def test_typing_a_text_changes_the_numbers(page, server):
    page.goto(server + "/language?unit=bits")
    wait_settled(page)
    built_in = build(SCHEMA.defaults(), "bits", "en").analysis
    assert metric_values(page)[1] == fmt(built_in.test_ce)

    page.locator("[class*='st-key-language-source_box'] label", has_text="Your own text").first.click()
    wait_settled(page)
    box = page.locator("[class*='st-key-language-own_box'] textarea")
    box.fill(TYPED)
    box.press("Control+Enter")  # a text area submits on Ctrl+Enter (or on leaving it)
    expected = build({**SCHEMA.defaults(), "text": "own", "own": TYPED}, "bits").analysis
    page.wait_for_function(
        "v => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")].some(e => e.innerText === v)",
        arg=fmt(expected.test_ce),
    )
    wait_settled(page)
    assert metric_values(page) == [
        fmt(expected.train_ce),
        fmt(expected.test_ce),
        fmt(expected.test_ppl, 2),
        fmt(expected.test_bits_per_byte),
    ]
    query = parse_qs(urlparse(page.url).query)
    assert query["text"] == ["own"] and query["own"] == [TYPED]
    assert not page.locator("[data-testid='stException']").count()


def test_a_long_pasted_text_is_kept_out_of_the_link_with_a_note(page, server):
    page.goto(server + "/language?text=own")
    wait_settled(page)
    long = "Cross-entropy measures surprise. " * 100  # 3300 characters, past the link's 1500
    box = page.locator("[class*='st-key-language-own_box'] textarea")
    box.fill(long)
    box.press("Control+Enter")
    page.wait_for_selector("[data-testid='stMetricValue']")
    wait_settled(page)
    assert any("3,300" in c for c in page.locator("[data-testid='stCaptionContainer']").all_inner_texts())
    assert "own" not in parse_qs(urlparse(page.url).query)
    expected = build({**SCHEMA.defaults(), "text": "own"}, "nats", own_text=long).analysis
    assert metric_values(page)[1] == fmt(expected.test_ce)


def test_the_surprisal_grid_draws_the_readers_text_as_text(page, server):
    """The grid (``xentcore/app/ui/text_grid.js``) builds its cells from data: markup in the reader's text shows as
    characters and makes no element; each cell has its title, the group its label, the scale its ends."""
    hostile = "<b>x</b> & <img src=x onerror=alert(1)> "
    page.goto(server + "/language?" + urlencode({"text": "own", "own": hostile * 3, "test": "typed", "typed": hostile}))
    wait_settled(page)
    grid = page.locator(".xent-grid")
    grid.wait_for()
    assert grid.evaluate("g => g.textContent.replaceAll('\\u00a0', ' ')") == hostile
    assert grid.locator("b, img, a").count() == 0
    cells = grid.locator("span[title]")
    assert cells.count() == len(hostile)
    assert cells.first.get_attribute("title").startswith("<")
    assert grid.get_attribute("role") == "group" and grid.get_attribute("aria-label")
    assert len(page.locator(".xent-scale .ends span").all_inner_texts()) == 2
