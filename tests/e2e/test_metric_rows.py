"""Rows of metrics (``metric_row``: one horizontal block, not a row of columns) look like columns: on a desktop
each metric of a row has the same width and a short row's metrics sit under the full row's; on a phone each
takes the whole line, as stacked columns do."""

from __future__ import annotations

import pytest
from browser_support import opened

pytestmark = pytest.mark.usefixtures("browser_or_skip")

# each row of metrics: the left edge and width of each metric's element, in CSS px
ROWS = """() => [...document.querySelectorAll("[data-testid=stMain] .stHorizontalBlock")]
  .filter(row => row.querySelector(":scope > .stElementContainer > [data-testid=stMetric]"))
  .map(row => [...row.querySelectorAll(":scope > .stElementContainer")]
    .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.width, r.top]; }))"""


def test_metric_rows_line_up_like_columns(browser, server):
    with opened(browser, server, "distributions") as page:
        first, second = page.evaluate(ROWS)[:2]  # P's four measures, then Q's three and an empty slot
    assert len(first) == len(second) == 4
    widths = [w for _, w, _ in first + second]
    assert max(widths) - min(widths) < 1, f"unequal shares: {widths}"
    assert len({round(top) for _, _, top in first}) == 1, "the first row wrapped"
    for (left_1, _, _), (left_2, _, _) in zip(first, second, strict=True):
        assert abs(left_1 - left_2) < 1, "the rows do not line up"


def test_metric_rows_stack_on_a_phone(browser, server):
    with opened(browser, server, "distributions", viewport={"width": 390, "height": 844}) as page:
        rows = page.evaluate(ROWS)[:2]
        line = page.evaluate("() => document.querySelector('[data-testid=stMain] .stHorizontalBlock').clientWidth")
    metrics = rows[0] + rows[1][:3]
    assert all(abs(width - line) < 1 for _, width, _ in metrics), "a metric shares its line on a phone"
    assert len({round(top) for _, _, top in metrics}) == len(metrics), "two metrics on one line"
