"""The benchmarks' bare page served at ``/bare`` (``benchmarks/reference_pages.py``) draws the bare page, and
Streamlit's frontend opened there looks for its server at ``/bare/_stcore/health`` before ``/_stcore/health``:
the probe the benchmark report names as what every page but home pays on opening. If a Streamlit upgrade stops
probing, this fails and the report's note must go."""

from __future__ import annotations

from benchmarks.browser import SUBPATH, SUBPATH_SCRIPT, streamlit_server

_HEALTH = """() => performance.getEntriesByType("resource").map(r => new URL(r.name).pathname)
  .filter(p => p.endsWith("/_stcore/health"))"""


def test_bare_page_at_a_subpath_draws_and_pays_the_server_probe(browser):
    with streamlit_server(SUBPATH_SCRIPT) as (base, _):
        page = browser.new_page()
        try:
            page.goto(base + SUBPATH)
            page.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=60_000)
            assert page.locator("[data-testid=stMetricValue]").inner_text() == "2500"
            assert page.evaluate(_HEALTH)[:2] == [SUBPATH + "/_stcore/health", "/_stcore/health"]
        finally:
            page.close()
