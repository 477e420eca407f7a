"""Teach untouched (issue 14.4): a page's main lesson starts in its first screen, with no control touched.

At a desktop's 1400 × 1000 CSS px, the chart that carries the page's lesson must begin high enough that a
good part of it shows before any scrolling. Pages whose lesson is text (home) or a card list (tutorial) are
not listed; the race is another branch's.
"""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, opened

pytestmark = pytest.mark.usefixtures("browser_or_skip")

MIN_VISIBLE = 200  # px of the chart on the first screen: its title, legend and the start of its curves
LESSON_CHART = {  # page -> the key of the chart that carries its lesson (dots become dashes in the class)
    "language": "language-curve",  # training and test cross-entropy against the context length
    "surfaces": "surfaces-contour_fig",  # the two landscapes: convex cross-entropy, MSE with its plateaus
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page_id", sorted(LESSON_CHART))
def test_the_lesson_starts_in_the_first_screen(browser, server, page_id, lang):
    with opened(browser, server, page_id, f"lang={lang}", viewport=DESKTOP) as page:
        page.wait_for_timeout(300)
        chart = page.locator(f".st-key-{LESSON_CHART[page_id]} .xent-chart")
        top = chart.evaluate("c => c.getBoundingClientRect().top")
        scrolled = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollTop + window.scrollY")
    assert scrolled == 0, f"{page_id} opened scrolled by {scrolled} px"
    assert top <= DESKTOP["height"] - MIN_VISIBLE, (
        f"{page_id} ({lang}): its lesson chart starts at {top:.0f} px, so less than {MIN_VISIBLE} px of it "
        f"shows in the first {DESKTOP['height']} px"
    )
