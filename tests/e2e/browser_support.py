"""Helpers for the browser tests: where Chromium is, how to launch it, how to wait for a rerun."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ROOT / ".shots"


def browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found: apt-get install chromium fonts-noto-cjk"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return 'Playwright for Python is missing: pip install -e ".[test]"'
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_settled(page, timeout: int = 60_000) -> None:
    """Wait as Streamlit's own suite does: script not running, no skeletons left; and no chart mid-draw."""
    page.wait_for_timeout(150)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_function(
        "document.querySelectorAll(\"[data-testid='stSkeleton'], [data-drawing]\").length === 0", timeout=timeout
    )


# every chart drawn: each component's element holds what its script makes once the element is on the page: a
# chart (xentcore/app/ui/chart.js), drawn and not marked data-drawing, or a text grid (text_grid.js)
WAIT_FOR_CHARTS = """() => [...document.querySelectorAll("[data-testid^='stBidiComponent']")]
    .filter(e => !e.closest('.st-key-xent-plotly'))  // the element that only loads plotly.js early
    .every(e => { if (e.querySelector('.xent-grid')) return true;
                  const c = e.querySelector('.xent-chart');
                  return c && c.querySelector('.main-svg') && !c.hasAttribute('data-drawing'); })"""
DESKTOP = {"width": 1400, "height": 1000}


@contextlib.contextmanager
def opened(browser, server: str, page_id: str, query: str = "", **options) -> Iterator:
    """Page ``page_id`` opened with ``query`` in a browser context of its own (``options`` go to
    ``browser.new_context``; 1400 × 1000 unless a ``viewport`` is given), settled, with its charts drawn and
    no exception shown; the context is closed afterwards."""
    from xentcore.app.pages import PAGE_BY_ID

    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{server}/{PAGE_BY_ID[page_id].url_path}" + (f"?{query}" if query else ""))
        wait_settled(page)
        page.wait_for_function(WAIT_FOR_CHARTS)
        assert not page.locator("[data-testid='stException']").count(), f"{page_id}?{query} shows an exception"
        yield page
    finally:
        context.close()
