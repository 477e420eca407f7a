"""WCAG 2.1 AA in a real browser: axe-core on every page in both languages and both themes, a text
alternative on every chart, and a visible focus indicator on every control the Tab key reaches.

axe-core comes from the npm registry, installed on disk by ``.ci/run`` (never fetched by a test):
``npm install --no-save --prefix /opt/axe axe-core@4.14.1``; ``AXE_CORE_JS`` points elsewhere if needed.
Without it the axe test skips and says so, except under ``CI=true`` where that is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser_support import WAIT_FOR_CHARTS, wait_settled

from xentcore.app.pages import PAGE_BY_ID, PAGES

pytestmark = pytest.mark.usefixtures("browser_or_skip")

AXE_INSTALL = "npm install --no-save --prefix /opt/axe axe-core@4.14.1"
AXE_JS = Path(os.environ.get("AXE_CORE_JS", "/opt/axe/node_modules/axe-core/axe.min.js"))
FAILING_IMPACTS = ("serious", "critical")

# (The focus test below already covers every page: they all pass it.)
PAGES_UNDER_TEST = tuple(page.id for page in PAGES)  # every page

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
  }));
}"""

CHARTS_WITHOUT_ALT = """() => [...document.querySelectorAll(".xent-chart")]
  .filter(c => c.getAttribute('role') !== 'figure' || !(c.getAttribute('aria-label') || '').trim())
  .map(c => {
    const key = [...(c.closest("[class*='st-key-']")?.classList || [])].find(k => k.startsWith('st-key-'));
    return key ? `key ${key.slice(7)}` : 'a chart with no key';
  })"""

BACKGROUND_LUMINANCE = """() => {
  const [r, g, b] = getComputedStyle(document.querySelector("[data-testid='stApp']")).backgroundColor
    .match(/\\d+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if not AXE_JS.is_file():
        reason = f"axe-core not found at {AXE_JS}: {AXE_INSTALL}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the accessibility tests: {reason}")
        pytest.skip(reason)
    return AXE_JS


def open_page(browser, server: str, page_id: str, *, lang: str = "en", scheme: str = "light", **options):
    """A new browser context in ``scheme`` (Streamlit follows the system colour scheme), on the page,
    settled, with its charts drawn; ``options`` go to ``browser.new_context``."""
    options.setdefault("viewport", {"width": 1400, "height": 1000})
    context = browser.new_context(color_scheme=scheme, **options)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server}/{PAGE_BY_ID[page_id].url_path}?lang={lang}")
    wait_settled(page)
    page.wait_for_function(WAIT_FOR_CHARTS)
    page.wait_for_timeout(300)
    light = page.evaluate(BACKGROUND_LUMINANCE) > 0.5
    assert light == (scheme == "light"), f"the {scheme} colour scheme did not switch the theme"
    return context, page


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:8]:
            summary = " ".join(node["summary"].split())[:220]
            lines.append(f"    {node['target'][-160:]}  |  {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page_id", PAGES_UNDER_TEST)
def test_axe_finds_no_serious_violation_and_every_chart_is_described(browser, server, axe_js, page_id, lang, scheme):
    context, page = open_page(browser, server, page_id, lang=lang, scheme=scheme)
    try:
        page.add_script_tag(path=str(axe_js))
        violations = [v for v in page.evaluate(RUN_AXE) if v["impact"] in FAILING_IMPACTS]
        unnamed = page.evaluate(CHARTS_WITHOUT_ALT)
    finally:
        context.close()
    problems = describe(violations)
    if unnamed:
        problems += "\ncharts without a text alternative (draw them with xentcore.app.ui.charts.chart):\n    "
        problems += "\n    ".join(unnamed)
    assert not violations and not unnamed, f"{page_id} ({lang}, {scheme}):\n{problems}"


# One focused element at a time: its widget's box (a data grid's whole box: it draws the focused cell on
# its canvas), and a "kind" (tag, test id, style classes) so that each kind of control is compared once.
FOCUS_STOP = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (e.dataset.xentFocusSeen) return 'again';
  e.dataset.xentFocusSeen = '1';
  const grid = e.closest("[data-testid='stDataFrame']");
  const box = grid || e.closest('[data-testid]') || e;
  const r = box.getBoundingClientRect();
  const label = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().replace(/\\s+/g, ' ');
  return {
    kind: grid ? 'data grid' : [e.tagName, e.getAttribute('data-testid') || box.getAttribute('data-testid'),
                                e.getAttribute('class') || ''].join(' '),
    what: `${e.tagName.toLowerCase()} in ${box.getAttribute('data-testid') || '?'}: ${label.slice(0, 40)}`,
    x: r.x - 6, y: r.y - 6, right: r.right + 6, bottom: r.bottom + 6,
  };
}"""
MAX_TABS = 400
SETTLE_MS = 60  # a frame or two for the focus style to paint


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_id", [p.id for p in PAGES])
def test_every_control_shows_where_the_focus_is(browser, server, page_id, scheme):
    """WCAG 2.4.7: Tab through the page; around each kind of focused control, the screen must differ
    between focused and not focused (compared as pixels of the control's box plus a margin). Under the
    system's reduce-motion preference the app's style makes transitions instant, so no waiting for them."""
    context, page = open_page(browser, server, page_id, scheme=scheme, reduced_motion="reduce")
    invisible, checked = [], set()
    try:
        width, height = page.viewport_size["width"], page.viewport_size["height"]
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUS_STOP)
            if stop is None or stop == "again":
                break
            if stop["kind"] in checked:
                continue
            checked.add(stop["kind"])
            x, y = max(stop["x"], 0), max(stop["y"], 0)
            clip = {"x": x, "y": y, "width": min(stop["right"], width) - x, "height": min(stop["bottom"], height) - y}
            if clip["width"] < 1 or clip["height"] < 1:
                continue  # off screen: nothing to see, and nothing a sighted reader loses here
            page.wait_for_timeout(SETTLE_MS)
            focused = page.screenshot(clip=clip)
            page.evaluate("window.__xentFocus = document.activeElement; document.activeElement.blur()")
            page.wait_for_timeout(SETTLE_MS)
            unfocused = page.screenshot(clip=clip)
            page.evaluate("window.__xentFocus.focus()")
            if focused == unfocused:
                invisible.append(stop["what"])
        else:
            pytest.fail(f"{page_id}: more than {MAX_TABS} Tab stops")
    finally:
        context.close()
    assert checked, f"{page_id}: Tab reached nothing"
    assert not invisible, f"{page_id} ({scheme}): no visible focus indicator on\n    " + "\n    ".join(invisible)
