"""Every page at the edges of every setting: all at their maximum, all at their minimum. Each view
completes without an exception or a warning (the values are legal), and a run that blows up says so."""

import pytest
from apptest_support import open_app

from xentcore.app.language.state import Text
from xentcore.app.pages import PAGES
from xentcore.app.settings import schema_for
from xentcore.app.share import Bool, Choice, Distribution, Float, Floats, Int, Names, Param


def edge(param: Param, high: bool) -> str | None:
    """The URL text of ``param`` at its upper (or lower) edge; None to leave it at its default."""
    if isinstance(param, Float) and param.options:
        return param.encode(max(param.options) if high else min(param.options))
    if isinstance(param, Float | Int):
        return param.encode(param.hi if high else param.lo)
    if isinstance(param, Bool):
        return param.encode(high)
    if isinstance(param, Choice):
        return None
    if isinstance(param, Text):
        return "ab" * (param.max_chars // 2) if high else "a"
    k = param.max_len if high else param.min_len
    if isinstance(param, Distribution):
        return param.encode([1.0 / k] * k)
    if isinstance(param, Floats):
        return param.encode([param.hi if high else param.lo] * k)
    if isinstance(param, Names):
        return param.encode([f"c{i}" for i in range(k)])
    raise TypeError(param)


@pytest.mark.parametrize("high", [True, False], ids=["max", "min"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_every_setting_at_its_edge(page, high):
    schema = schema_for(page.id)
    params = {p.key: v for p in schema.params if (v := edge(p, high)) is not None}
    if page.id == "race":
        params["data"] = "overlap"  # a data set that uses N and noise
    at = open_app(page.path, **params)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.warning or page.id == "race", [w.value for w in at.warning]


def test_race_at_its_most_aggressive_reports_divergence():
    """Learning rate 10, the heaviest L2, 2000 epochs, 2000 points: the shrink factor 1 - ηλ < -1 makes
    the weights explode; every run that overflows says at which epoch."""
    at = open_app("pages/4_training_race.py", data="overlap", n="2000", lr="10", ep="2000", l2="1")
    assert not at.exception
    assert any("diverged at epoch" in e.value for e in at.error)
