"""Each chart is drawn once (issue 18: speed by design, guarded without timing).

Streamlit's chart theme turns on plotly's axis ``automargin``; when a figure's margins cannot hold its tick
labels and axis titles, plotly draws the whole figure, measures them, and draws it again. The figures give
margins that hold their axes (``xentcore.app.figures.room``), so on opening a page each chart goes through
plotly's layout step only for its first draw and for the update Streamlit sends right after it (what it
reports back as the figure's state). The step is counted where plotly stores its result: every draw, redraw
or update assigns a new ``_fullLayout`` to the chart's element.
"""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, opened

pytestmark = pytest.mark.usefixtures("browser_or_skip")

# Counts, per chart (its element key's class), the layout steps plotly takes, from the page's first script on.
COUNT_LAYOUTS = """(() => {
  window.__layouts = {};
  Object.defineProperty(HTMLElement.prototype, "_fullLayout", {
    configurable: true,
    get() { return this.__xentFullLayout; },
    set(value) {
      this.__xentFullLayout = value;
      const box = this.closest && this.closest("[data-testid=stElementContainer]");
      const key = box ? (box.className.match(/st-key-[^ ]+/) || ["?"])[0].slice(7) : "?";
      window.__layouts[key] = (window.__layouts[key] || 0) + 1;
    },
  });
})()"""

PAGES_WITH_CHARTS = ("distributions", "curves", "surfaces", "race", "tutorial", "language")
LAYOUTS_PER_CHART = 2  # the first draw, and Streamlit's update after it
EXTRA = {"race-figure": 1}  # an animated figure: plotly's animation set-up (frames, slider) takes one more


@pytest.mark.parametrize("page_id", PAGES_WITH_CHARTS)
def test_each_chart_is_drawn_once_on_opening(browser, server, page_id):
    with opened(browser, server, page_id, viewport=DESKTOP) as page:
        page.add_init_script(COUNT_LAYOUTS)
        page.reload()
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
        page.wait_for_function(
            """() => { const charts = document.querySelectorAll(".xent-chart");
                       return charts.length > 0 && [...charts].every(c => c.querySelector('.main-svg')); }"""
        )
        page.wait_for_timeout(1500)  # a second draw, when there is one, follows within a few hundred ms
        layouts = page.evaluate("window.__layouts")
    assert layouts, f"{page_id}: no chart counted"
    too_many = {key: n for key, n in layouts.items() if n > LAYOUTS_PER_CHART + EXTRA.get(key, 0) and key != "?"}
    assert not too_many, (
        f"{page_id}: charts laid out more often than once plus Streamlit's update: {too_many}; a figure whose "
        "margins do not hold its tick labels and axis titles is drawn twice (give it room(left, bottom))"
    )
