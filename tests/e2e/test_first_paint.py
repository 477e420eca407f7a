"""What ``app.py`` adds to each page's HTML (``xentcore.app.serve``), seen from a browser opening the page: the
server found at the first try, no Streamlit module fetched that the page did not ask for at once, and plotly.js
loaded once, by the page's HTML, where there are charts."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser_support import WAIT_FOR_CHARTS, wait_settled
from xentcore.app import serve
from xentcore.app.pages import PAGES
from xentcore.app.ui.plotly_bundle import STATIC_NAME

_PATHS = """() => performance.getEntriesByType("resource").map(r => new URL(r.name).pathname)"""


@pytest.mark.parametrize("info", PAGES, ids=lambda p: p.id)
def test_a_page_opens_with_its_modules_asked_for_and_the_server_found_at_once(page, server, info):
    page.goto(f"{server}/{info.url_path}")
    wait_settled(page)
    page.wait_for_function(WAIT_FOR_CHARTS)
    paths = page.evaluate(_PATHS)
    assert [p for p in paths if p.endswith("/_stcore/health")] == ["/_stcore/health"]
    assert page.evaluate("window.__streamlit.BACKEND_BASE_URL") == server + "/"
    plotly = [p for p in paths if p.endswith(STATIC_NAME)]
    assert plotly == ([f"/app/static/{STATIC_NAME}"] if info.charts else [])
    if info.charts:  # home, with no chart, gets the base URL alone
        modules = {p.rsplit("/", 1)[1] for p in paths if p.startswith("/static/js/")}
        asked = serve.preloaded_by_index() | set(serve.module_closure(serve.ELEMENT_MODULES))
        assert modules <= asked, f"add these modules' names to serve.ELEMENT_MODULES: {sorted(modules - asked)}"
        assert page.locator(f'script[src$="{STATIC_NAME}"]').count() == 1  # chart.js waited for the page's


@pytest.mark.parametrize(
    "pathname, base",
    [
        ("/", "/"),
        ("/distributions", "/"),
        ("/distributions/", "/"),
        ("/~/+/", "/~/+/"),  # a proxy's prefix (Community Cloud serves apps under /~/+/)
        ("/~/+/loss_curves", "/~/+/"),
        ("/xent/tutorial_checked", "/xent/"),  # server.baseUrlPath
        ("/xent", "/xent/"),
    ],
)
def test_the_base_url_is_the_pages_url_without_the_pages_name(page, pathname, base):
    body = re.fullmatch(r"<script>(.*)</script>", serve.base_url_script(p.url_path for p in PAGES), re.S).group(1)
    run = "([pathname]) => { const location = {pathname, origin: 'http://h'}; const window = {};" + body
    assert page.evaluate(run + " return window.__streamlit.BACKEND_BASE_URL; }", [pathname]) == "http://h" + base


def test_a_page_reached_from_home_without_a_reload_loads_plotly_itself(page, server):
    page.goto(server + "/")
    wait_settled(page)
    assert page.locator(f'script[src$="{STATIC_NAME}"]').count() == 0  # home draws no chart
    page.locator("[data-testid=stMain] a[href='distributions']").first.click()
    page.wait_for_selector(".xent-chart .main-svg")
    wait_settled(page)
    page.wait_for_function(WAIT_FOR_CHARTS)
    assert page.locator(f'script[src$="{STATIC_NAME}"]').count() == 1
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no reload
