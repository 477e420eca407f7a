"""The benchmarks' bare reference page: bare by default, and ``?extra=N`` adds N paragraphs that change with
the slider (the benchmarks measure what a page's size alone costs a move with it)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

SCRIPT = str(Path(__file__).resolve().parents[2] / "benchmarks" / "reference_app.py")


def _page(extra: str | None = None) -> AppTest:
    at = AppTest.from_file(SCRIPT, default_timeout=30)
    if extra is not None:
        at.query_params["extra"] = extra
    return at.run()


def test_bare_by_default_one_slider_one_metric_no_paragraphs():
    at = _page()
    assert not at.exception
    assert len(at.slider) == 1 and at.metric[0].value == "2500"
    assert len(at.markdown) == 0


def test_extra_paragraphs_change_with_the_slider():
    at = _page("3")
    assert [m.value for m in at.markdown] == [
        "Paragraph 1: x is now **50**, and x / 2 is 25.000.",
        "Paragraph 2: x is now **50**, and x / 3 is 16.667.",
        "Paragraph 3: x is now **50**, and x / 4 is 12.500.",
    ]
    at.slider[0].set_value(51).run()
    assert at.markdown[0].value == "Paragraph 1: x is now **51**, and x / 2 is 25.500."


def test_a_mangled_extra_adds_nothing():
    for bad in ("-4", "many", ""):
        at = _page(bad)
        assert not at.exception and len(at.markdown) == 0
