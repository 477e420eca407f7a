"""In Chinese, no English on screen: every page, opened as it is and over its main settings, shows no run of
Latin letters outside the allow-list of names, units and symbols (``apptest_support.LATIN_ALLOWED``)."""

import pytest
from apptest_support import english_left, open_app, open_lesson_box, visible_texts

from xentcore.app.pages import PAGES

# Each page's main settings, as link parameters: what a Chinese reader is most likely to open.
SETTINGS: dict[str, list[dict[str, str]]] = {
    "home": [{}],
    "distributions": [{}, {"p": "1,0,0", "q": "0.5,0.5,0"}, {"sx": "kl"}],
    "curves": [{}, {"y": "0", "z": "8"}, {"soft": "1", "ls": "0.2", "temp": "0.25"}, {"quiz": "1"}],
    "surfaces": [{}, {"data": "xor"}, {"data": "article"}, {"d3": "1"}, {"quiz": "1"}],
    "race": [
        {},
        {"data": "cancer"},
        {"data": "iris"},
        {"data": "xor", "proj": "features"},
        {"lr": "10", "l2": "1"},
        {"data": "overlap", "lane1": "focal", "lane2": "weighted", "lane3": "adjusted", "minor": "0.1", "fitT": "1"},
        {"quiz": "1"},
    ],
    "tutorial": [{}, {"prog": "softmax", "sc": "1"}, {"quiz": "1"}],
    "language": [
        {},
        {"k": "6", "a": "0"},
        {"text": "own"},
        {"test": "typed", "typed": "你好", "k": "0"},
        {"quiz": "1"},
    ],
}
CASES = [(page, params) for page in PAGES for params in SETTINGS.get(page.id, [{}])]


@pytest.mark.parametrize(("page", "params"), CASES, ids=lambda v: getattr(v, "id", None) or ",".join(v) or "default")
def test_no_english_on_a_chinese_page(page, params):
    at = open_app(page.path, lang="zh", **params)
    assert not at.exception, [e.message for e in at.exception]
    left = english_left(visible_texts(at))
    assert not left, left[:20]


@pytest.mark.parametrize("page", [p for p in PAGES if p.id != "home"], ids=lambda p: p.id)
def test_no_english_in_the_open_lesson_box(page):
    """The lesson box is built only once opened: its choice of controls, in Chinese, with the page's labels."""
    at = open_lesson_box(open_app(page.path, lang="zh"))
    assert not at.exception, [e.message for e in at.exception]
    assert at.sidebar.multiselect, "the open box offers the controls to hide"
    left = english_left(visible_texts(at))
    assert not left, left[:20]
