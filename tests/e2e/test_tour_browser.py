"""A guided tour followed in a real browser, from the home page's Start to its last step, and a lesson link."""

from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import wait_settled
from playwright.sync_api import TimeoutError as PlaywrightTimeout

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


def test_the_lesson_box_is_built_when_opened_and_writes_the_ticked_controls(page, server):
    """A closed lesson box holds nothing (``lesson.lesson_box``); a click opens it with its choice and its
    link, and a control ticked there is hidden in that link."""
    page.goto(server + "/loss_curves")
    wait_settled(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.locator(".xent-link").count() == 1  # the share link alone
    sidebar.get_by_text(TABLE["lesson.header"][0]).click()
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stSidebar] .xent-link').length === 2")
    wait_settled(page)
    probe = page.get_by_role("option", name=TABLE["curves.probe"][0])
    field = sidebar.locator("[data-testid='stMultiSelect'] input[role='combobox']")
    for _ in range(10):  # the keyboard opens the choice's list; headless, a first key or click may only focus it
        field.press("ArrowDown")
        try:
            probe.wait_for(state="visible", timeout=2000)
            break
        except PlaywrightTimeout:
            continue
    probe.click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=stSidebar] .xent-link a')[1]?.href.includes('hide=z')"
    )
    wait_settled(page)
    share, lesson = sidebar.locator(".xent-link a").all_inner_texts()
    assert "hide=" not in share and "hide=z" in lesson
