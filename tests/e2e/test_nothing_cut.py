"""Every page at a phone's width (390 × 844 CSS px), a tablet's (800 × 1000) and a small laptop's (1024 × 768),
the last two with the sidebar open: nothing scrolls sideways and no text is cut at the right.

WCAG 2.1, 1.4.10 "Reflow". What counts as cut: a heading, paragraph, list item, label, caption, metric,
table or formula line whose box extends past the right edge of the screen or of an ancestor that clips it
(``overflow-x`` not ``visible``; a formula that scrolls sideways inside its box counts: on a phone it reads
as cut); a data grid that scrolls sideways; in a chart, titles, annotations, legends, buttons and slider
labels overlapping each other, and chart text cut by the chart's edge or its plot area. Code blocks are not
checked: source code keeps its lines and scrolls.

Beside the open sidebar, columns stand side by side in a narrow main area: there a metric's label, value or
delta, a formula or a segmented control's last choice were cut (Streamlit ends a metric's text with an ellipsis
and scrolls a segmented control sideways) until the style block let them wrap.
"""

from __future__ import annotations

import pytest
from browser_support import opened

from xentcore.app.pages import PAGES

pytestmark = pytest.mark.usefixtures("browser_or_skip")

PHONE = {"width": 390, "height": 844}
SCREENS = {"phone": PHONE, "tablet": {"width": 800, "height": 1000}, "laptop": {"width": 1024, "height": 768}}

PAGES_UNDER_TEST = tuple(page.id for page in PAGES)  # every page

OFFENDERS = r"""() => {
  const screenRight = document.documentElement.clientWidth;
  const found = [];
  const testid = e => {
    const key = [...(e.closest("[class*='st-key-']")?.classList || [])].find(k => k.startsWith('st-key-'));
    return (e.closest('[data-testid]')?.getAttribute('data-testid') || '') + (key ? ` (key ${key.slice(7)})` : '');
  };
  const text = e => {
    const grid = e.closest("[data-testid='stDataFrame']");  // a data grid draws on a canvas: name its columns
    const cells = grid ? [...grid.querySelectorAll('th, [role=columnheader]')].map(h => h.textContent.trim()) : [];
    return (cells.length ? cells.join(' | ') : (e.textContent || '')).trim().replace(/\s+/g, ' ').slice(0, 50);
  };
  const name = e => e.getAttribute('data-testid') || e.tagName.toLowerCase() + [...e.classList]
    .filter(c => !/^(st-emotion-cache|e[0-9a-z]{6,}\d*$)/.test(c)).map(c => '.' + c).join('');
  const add = (what, e, detail) =>
    found.push(`${what}: ${e.tagName.toLowerCase()} in ${testid(e)} "${text(e)}" ${detail}`);

  const main = document.querySelector("[data-testid='stMain']");
  for (const s of [document.scrollingElement, main, document.querySelector("[data-testid='stAppViewContainer']")]) {
    if (s && s.scrollWidth > s.clientWidth + 1) {
      add('page scrolls sideways', s, `(${s.scrollWidth} px > ${s.clientWidth} px)`);
    }
  }

  const TEXT = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'label', 'th', 'td', 'table', '.katex .base',
                "[data-testid='stCaptionContainer']", "[data-testid='stMetricValue']", "[data-testid='stMetricLabel']"];
  const cut = new Map();  // one report per formula or table: the part reaching furthest right
  for (const e of main.querySelectorAll(TEXT.join(', '))) {
    if (e.closest("[data-testid='stCode']")) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let limit = screenRight, by = 'the screen';
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const right = a.getBoundingClientRect().right;
      if (right < limit) { limit = right; by = name(a); }
    }
    if (r.right <= limit + 1) continue;
    const unit = e.closest('.katex-display, .katex, table') || e;
    if (!cut.has(unit) || cut.get(unit).right < r.right) cut.set(unit, {right: r.right, limit, by});
  }
  for (const [unit, c] of cut) {
    add('cut at the right', unit, `(right edge ${Math.round(c.right)} px, past ${c.by} at ${Math.round(c.limit)} px)`);
  }

  for (const g of main.querySelectorAll("[data-testid='stDataFrame'] .dvn-scroller")) {
    if (g.scrollWidth > g.clientWidth + 1) {
      add('table scrolls sideways', g, `(${g.scrollWidth} px wide in ${g.clientWidth} px)`);
    }
  }

  for (const plot of main.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    for (const t of plot.querySelectorAll('svg text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || !t.textContent.trim()) continue;
      let left = box.left, right = Math.min(box.right, screenRight);
      const clipped = t.closest('[clip-path]');
      const id = clipped?.getAttribute('clip-path').match(/#([^)"']+)/)?.[1];
      const shape = id && document.getElementById(id)?.firstElementChild;
      if (shape && shape.getBBox) {
        const b = shape.getBBox(), m = clipped.getScreenCTM();
        left = Math.max(left, m.a * b.x + m.e);
        right = Math.min(right, m.a * (b.x + b.width) + m.e);
      }
      if (r.left < left - 1 || r.right > right + 1) {
        const px = (a, b) => `${Math.round(a)}..${Math.round(b)} px`;
        add('chart text cut', t, `(${px(r.left, r.right)}, visible ${px(left, right)})`);
      }
    }
    const parts = [...plot.querySelectorAll('.gtitle, .annotation, .g-xtitle, .g-ytitle, .legend, .updatemenu-button,' +
                                            ' .slider-container .slider-label, .slider-container .slider-rail-rect')]
      .map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const [a, ra] = parts[i], [b, rb] = parts[j];
        if (a.contains(b) || b.contains(a)) continue;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 2 && h > 2) {
          add('chart parts overlap', a, `and "${text(b) || name(b)}" (${Math.round(w)} × ${Math.round(h)} px)`);
        }
      }
    }
  }
  return found;
}"""


def offenders_in(browser, server, page_id: str, query: str, screen: dict[str, int] = PHONE) -> list[str]:
    """What is cut or overlapping on the page opened with ``query`` on a screen of that size."""
    with opened(browser, server, page_id, query, viewport=screen) as page:
        page.wait_for_timeout(500)
        return page.evaluate(OFFENDERS)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page_id", PAGES_UNDER_TEST)
def test_nothing_is_cut(browser, server, page_id, lang, screen):
    offenders = offenders_in(browser, server, page_id, f"lang={lang}", SCREENS[screen])
    width = SCREENS[screen]["width"]
    assert not offenders, f"{page_id} ({lang}) on a {screen} ({width} px):\n    " + "\n    ".join(offenders)


# Views a page opens only from a link or a control: their own layouts, checked the same way.
EXTRA_VIEWS = {
    "race stepper, three classes": ("race", "lang=zh&data=iris&frames=1&at=30"),
    "race under reduced motion": ("race", "lang=en&still=1&data=cancer&unit=bits&fitT=1"),
}


@pytest.mark.parametrize("view", list(EXTRA_VIEWS))
def test_other_views_fit_a_phone(browser, server, view):
    offenders = offenders_in(browser, server, *EXTRA_VIEWS[view])
    assert not offenders, f"{view} at {PHONE['width']} px:\n    " + "\n    ".join(offenders)
