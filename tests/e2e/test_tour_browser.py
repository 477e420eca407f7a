"""A guided tour followed in a real browser, from the home page's Start to its last step, and a lesson link."""

from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import wait_settled

from xentcore.app.tours import TOUR_BY_ID
from xentcore.app.ui.text import TABLE

pytestmark = pytest.mark.usefixtures("browser_or_skip")


def title(page) -> str:
    return page.locator("h1").first.inner_text()


def test_a_tour_from_start_to_end(page, server):
    tour = TOUR_BY_ID["mse"]
    page.goto(server + "/")
    wait_settled(page)
    page.locator("[class*='st-key-_xent_tour_start_mse'] button").click()
    for n, step in enumerate(tour.steps, start=1):
        page.wait_for_function(
            "t => document.querySelector('h1')?.innerText.startsWith(t)", arg=TABLE[f"nav.{step.page}"][0]
        )
        wait_settled(page)
        query = parse_qs(urlparse(page.url).query)
        assert query.get("tour") == ["mse"] and query.get("step", ["1"]) == [str(n)]
        assert TABLE[tour.text_key(n)][0] in page.locator("[data-testid='stMain']").inner_text()
        assert not page.locator("[data-testid='stException']").count()
        if n < len(tour.steps):
            page.locator("[class*='st-key-_xent_tour_next'] button").click()
    assert not page.locator("[class*='st-key-_xent_tour_next']").count()  # the last step has no Next
    page.locator("[class*='st-key-_xent_tour_end'] button").click()
    page.wait_for_function("() => !location.search.includes('tour=')")
    wait_settled(page)
    assert title(page).startswith(TABLE[f"nav.{tour.steps[-1].page}"][0])


def test_a_lesson_link_hides_controls_and_says_what_was_set(page, server):
    page.goto(server + "/training_race?lr=0.1&hide=lr,ep")
    wait_settled(page)
    main = page.locator("[data-testid='stMain']").inner_text()
    assert TABLE["lesson.locked"][0].split("{")[0] in main and "0.1" in main
    labels = page.locator("[data-testid='stMain'] [data-testid='stWidgetLabel']").all_inner_texts()
    assert not any(label.startswith(TABLE["race.lr"][0].split("{")[0]) for label in labels)
    assert "hide=lr" in page.locator("[data-testid='stSidebar'] .xent-link a").first.inner_text()
