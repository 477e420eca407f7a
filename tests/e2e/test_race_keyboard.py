"""The race stepped frame by frame with the keyboard alone (issue 15, "Motion"): focus the stepper's slider,
press the arrow keys, and the epoch shown, the still frame and its text alternative move one frame."""

from __future__ import annotations

import pytest
from browser_support import wait_settled

pytestmark = pytest.mark.usefixtures("browser_or_skip")

STEPPER = ".st-key-race-at"
CHART = ".xent-chart"
FRAME = f".st-key-race-frame-figure {CHART}, {CHART}.st-key-race-frame-figure"  # the key's class is on it or above


def shown_epoch(page) -> str:
    return page.locator(f"{STEPPER} [data-testid='stSliderThumbValue']").inner_text().strip()


def frame_alt(page) -> str:
    return page.locator(FRAME).first.get_attribute("aria-label") or ""


def press(page, key: str) -> None:
    page.keyboard.press(key)
    page.wait_for_timeout(400)  # the slider sends its value once the key is released and it settles
    wait_settled(page)


@pytest.mark.parametrize("query", ["frames=1&at=0", "still=1&at=0"], ids=["stepper on", "reduced motion"])
def test_arrow_keys_step_the_race_one_frame(page, server, query):
    page.goto(f"{server}/training_race?{query}")
    wait_settled(page)
    page.wait_for_selector(FRAME)
    assert shown_epoch(page) == "0" and frame_alt(page).startswith("Epoch 0 of 300")
    page.locator(f"{STEPPER} input[type=range]").first.focus()
    press(page, "ArrowRight")
    assert shown_epoch(page) == "3", "one ArrowRight: the next frame (the default race keeps a frame every 3 epochs)"
    page.wait_for_function(
        "sel => (document.querySelector(sel)?.getAttribute('aria-label') || '').startsWith('Epoch 3 of 300')",
        arg=FRAME,
    )
    press(page, "ArrowRight")
    press(page, "ArrowLeft")
    assert shown_epoch(page) == "3"
    assert "at=3" in page.url
    assert not page.locator("[data-testid='stException']").count()
