"""``PlainFigure`` writes the JSON ``go.Figure`` of the same dict writes (typed arrays, unset ``None``s, the
default template, frame traces typed), and ``chart`` converts it once per object like a plotly figure."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit  # noqa: F401  (sets plotly's default template to Streamlit's, as in the app)

from xentcore.app.figures import PlainFigure
from xentcore.app.ui import charts


def _spec() -> dict:
    xs = np.linspace(0.0, 1.0, 7)
    return {
        "data": [
            {"type": "scatter", "x": xs, "y": xs**2, "name": "p", "line": {"color": "#0072B2", "dash": None}},
            {"type": "bar", "x": ["a", "b"], "y": [1, None], "marker": {"color": ["#000", "#fff"]}},
            {"type": "scatter", "x": np.arange(3), "y": np.array([1.5, np.nan, 2.5], dtype=np.float32)},
        ],
        "layout": {"height": 300, "xaxis": {"range": [0, 1], "tickformat": None}, "title": {"text": "t"}},
        "frames": [
            {"name": str(i), "data": [{"x": xs[:i].tolist(), "y": (xs[:i] ** 2).tolist()}], "traces": [0]}
            for i in range(1, 4)
        ],
    }


@pytest.mark.parametrize("with_frames", [True, False])
def test_the_same_json_as_go_figure(with_frames):
    spec = _spec()
    if not with_frames:
        del spec["frames"]
    expected = json.loads(go.Figure(_spec() if with_frames else {k: v for k, v in _spec().items() if k != "frames"})
                          .to_json())  # fmt: skip
    plain = PlainFigure(spec)
    assert json.loads(plain.to_json()) == expected
    assert json.loads(charts.figure_json(plain)[0]) == expected
    assert plain["layout"]["template"] == pio.templates[pio.templates.default].to_plotly_json()
    assert plain["data"][0]["x"]["dtype"] == "f8" and "bdata" in plain["data"][0]["x"]  # typed, as plotly sends


def test_to_dict_is_a_copy_and_the_template_is_not_shared():
    a = PlainFigure(_spec())
    copy = a.to_dict()
    copy["layout"]["height"] = 999
    a["layout"]["template"]["layout"]["font"] = {"size": 99}
    assert a["layout"]["height"] == 300
    assert PlainFigure(_spec())["layout"]["template"] == pio.templates[pio.templates.default].to_plotly_json()


def test_chart_writes_a_plain_figure_once():
    fig = PlainFigure(_spec())
    before = charts.STATS["converted"]
    first = charts.figure_json(fig)
    assert charts.figure_json(fig) is first
    assert charts.STATS["converted"] == before + 1
