"""``metric_row``: metrics side by side in one block, padded to line up under a fuller row."""

from streamlit.testing.v1 import AppTest


def _rows() -> None:
    from xentcore.app.ui.layout import metric_row

    metric_row(dict(label="a", value=1), dict(label="b", value=2, help="why"), dict(label="c", value=3))
    metric_row(dict(label="d", value=4), slots=3)


def test_one_block_per_row_padded_to_its_slots():
    at = AppTest.from_function(_rows).run()
    assert not at.exception
    rows = list(at.main.children.values())
    assert len(rows) == 2, "one block per row, no columns"
    first, second = ([type(e).__name__ for e in row.children.values()] for row in rows)
    assert first == ["Metric"] * 3
    assert second[0] == "Metric" and len(second) == 3, "a short row keeps its slots"
    assert [m.value for m in at.metric] == ["1", "2", "3", "4"]
    assert [m.label for m in at.metric] == ["a", "b", "c", "d"]
