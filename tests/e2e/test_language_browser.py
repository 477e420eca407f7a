"""The language page in headless Chromium: typing a text changes the numbers to the model's and the link carries
the text; a text longer than a link carries stays out of it, with a note."""

from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import wait_settled

from xentcore.app.language.model import build
from xentcore.app.language.state import SCHEMA
from xentcore.app.ui.format import fmt

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
