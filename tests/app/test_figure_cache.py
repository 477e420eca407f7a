"""What ``xentcore.app.ui.charts`` caches: figures built once per value of their arguments, and a figure's
dict taken once per figure object, with Streamlit sent exactly what it would have sent without the caches."""

from __future__ import annotations

import dataclasses
import enum
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xentcore.app.ui import charts, plotly_bundle


def bars(values: tuple[float, ...], title: str = "") -> go.Figure:
    return go.Figure(go.Bar(y=list(values)), layout={"title": {"text": title}})


class Unit(enum.Enum):
    NATS = "nats"
    BITS = "bits"


@dataclasses.dataclass(frozen=True)
class Probe:
    p: np.ndarray
    unit: Unit


def test_the_sent_json_is_the_figure_as_plotly_writes_it():
    fig = go.Figure(go.Scatter(x=np.linspace(0, 1, 50), y=np.linspace(0, 1, 50) ** 2), layout={"height": 300})
    plain = pio.to_json(fig, validate=False)
    sent, rev = charts.figure_json(fig)
    assert sent.decode() == plain
    assert charts.figure_json(json.loads(plain)) == (sent, rev)  # a dict of the same figure: the same bytes


def test_a_figure_is_converted_once_however_often_it_is_sent():
    fig = bars((1.0, 2.0))
    before = charts.STATS["converted"]
    first = charts.figure_json(fig)
    assert charts.figure_json(fig) is first
    assert charts.STATS["converted"] == before + 1
    other = charts.figure_json(bars((1.0, 2.0)))  # another object, another conversion, the same figure
    assert charts.STATS["converted"] == before + 2
    assert other == first


def test_a_different_figure_has_a_different_digest():
    assert charts.figure_json(bars((1.0, 2.0)))[1] != charts.figure_json(bars((1.0, 2.5)))[1]


def test_a_figure_is_built_once_per_value_of_its_arguments():
    before = charts.STATS["built"]
    a = charts.cached_figure(bars, (1.0, 2.5), title="cache test")
    b = charts.cached_figure(bars, (1.0, 2.5), title="cache test")
    c = charts.cached_figure(bars, (1.0, 2.6), title="cache test")
    assert a is b and a is not c
    assert charts.STATS["built"] == before + 2
    assert list(c.data[0].y) == [1.0, 2.6]


def test_arrays_and_dataclasses_are_keyed_by_value():
    first = Probe(np.array([0.5, 0.3, 0.2]), Unit.NATS)
    same = Probe(np.array([0.5, 0.3, 0.2]), Unit.NATS)
    assert charts.fingerprint(first) == charts.fingerprint(same)
    assert charts.fingerprint(first) != charts.fingerprint(Probe(np.array([0.5, 0.3, 0.2]), Unit.BITS))
    assert charts.fingerprint(first) != charts.fingerprint(Probe(np.array([0.5, 0.3, 0.2], np.float32), Unit.NATS))
    assert charts.fingerprint(np.zeros((2, 3))) != charts.fingerprint(np.zeros((3, 2)))


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.text(), st.none()))
def test_equal_values_of_different_types_get_different_keys(value):
    assert charts.fingerprint(value) == charts.fingerprint(value)
    others = [v for v in (1, 1.0, True, "1") if type(v) is not type(value)]
    assert all(charts.fingerprint(value) != charts.fingerprint(o) for o in others)


@given(st.lists(st.floats(allow_nan=False, width=64), min_size=1, max_size=20))
def test_an_array_key_changes_when_any_entry_changes(values):
    array = np.array(values)
    changed = array.copy()
    i = len(values) // 2
    changed[i] = np.nextafter(changed[i], 0.0) if changed[i] else 5e-324  # the neighbour, never past ±max
    assert charts.fingerprint(array) == charts.fingerprint(array.copy())
    assert charts.fingerprint(array) != charts.fingerprint(changed)


def test_an_object_without_a_value_key_is_refused():
    with pytest.raises(TypeError, match="cannot key a figure"):
        charts.fingerprint(object())
    with pytest.raises(TypeError):
        charts.cached_figure(bars, (1.0,), title=object())


def test_the_least_recently_used_figure_is_forgotten_first(monkeypatch):
    monkeypatch.setattr(charts, "MAX_FIGURES", 2)
    monkeypatch.setattr(charts, "_built", type(charts._built)())
    a = charts.cached_figure(bars, (1.0,))
    charts.cached_figure(bars, (2.0,))
    assert charts.cached_figure(bars, (1.0,)) is a  # (1.0,) is now the most recent
    charts.cached_figure(bars, (3.0,))  # forgets (2.0,)
    assert charts.cached_figure(bars, (1.0,)) is a
    assert next(iter(charts._built))[2] == charts.fingerprint(((3.0,),))


def test_plotly_js_is_copied_whole_into_the_static_folder_once(tmp_path):
    static = tmp_path / "static"
    plotly_bundle.copy_plotly_js(static)
    copied = static / plotly_bundle.STATIC_NAME
    assert copied.read_bytes() == plotly_bundle.PLOTLY_JS.read_bytes()
    assert [p.name for p in static.iterdir()] == [plotly_bundle.STATIC_NAME]  # no partial file left behind
    assert charts.plotly_js_url() == f"app/static/{plotly_bundle.STATIC_NAME}"
