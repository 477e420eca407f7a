"""Figures of the loss-surfaces page: contour pair, 3-D pair, the 1-D slice, the data.

Each figure is one plain dict turned into a figure by a single ``go.Figure(dict)`` call (see
:mod:`xentcore.app.curves.figures`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from xentcore.app.figures import (
    CLASS_COLOURS,
    OUTLINE,
    PALETTE,
    axis_suffix,
    band,
    base_layout,
    f32,
    panel_title,
    panels,
    room,
    titled,
)
from xentcore.app.surfaces.model import Descent
from xentcore.surface import Slice, Surface

CONCAVE_FILL = "rgba(230,159,0,0.18)"  # light orange: where the MSE slice fails the midpoint test
PATH_COLOURS = {"ce": PALETTE["ce"], "mse": PALETTE["mse"]}
LOSSES = ("ce", "mse")
# The maps draw at most this many points a side of the computed grid: a panel is 250-450 px wide, so at 50 a cell
# is 5-9 px under plotly's smoothing and the eye sees no more; drawing grows with the points (the page's default
# grid of 80 drew in about 90 ms a move here, as many points as a 50 grid in about 40). The numbers, the stars on
# the lowest grid points and the hover values are the computed grid's own.
DRAWN_SIDE = 50


def _on(i: int, trace: dict) -> dict:
    s = axis_suffix(i)
    return {**trace, "xaxis": f"x{s}", "yaxis": f"y{s}"}


def _path(path: np.ndarray, name: str, colour: str, *, show: bool) -> dict:
    return {
        "type": "scatter",
        "x": f32(path[:, 0]),
        "y": f32(path[:, 1]),
        "mode": "lines+markers",
        "name": name,
        "legendgroup": name,
        "showlegend": show,
        "line": {"color": colour, "width": 2.5},
        "marker": {"size": 4, "color": colour, "line": {"color": OUTLINE, "width": 0.5}},
        "hovertemplate": "w₁ %{x:.3f}, w₂ %{y:.3f}<extra>" + name + "</extra>",
    }


def _point(x: float, y: float, name: str, marker: dict, *, show: bool) -> dict:
    return {
        "type": "scatter",
        "x": [x],
        "y": [y],
        "mode": "markers",
        "name": name,
        "legendgroup": name,
        "showlegend": show,
        "marker": marker,
        "cliponaxis": False,
        "hovertemplate": "w₁ %{x:.2f}, w₂ %{y:.2f}<extra>" + name + "</extra>",
    }


def contour_pair(
    surface: Surface,
    paths: Mapping[str, np.ndarray],
    slice_ends: np.ndarray,
    labels: Mapping[str, str],
    *,
    ce_minimum: tuple[float, float] | None = None,
    height: int = 440,
) -> go.Figure:
    """Cross-entropy (left) and MSE (right) as filled contours over ``(w1, w2)``, both descent paths on each,
    the start point, each surface's grid minimum, the slice line, and cross-entropy's true minimum
    ``ce_minimum`` (a diamond on the left panel) if given.

    ``paths`` maps ``"ce"`` and ``"mse"`` to arrays of shape (S, 2). ``labels`` needs: ``ce``, ``mse``
    (panel titles), ``path_ce``, ``path_mse``, ``start``, ``minimum``, ``slice``, ``w1``, ``w2``, and
    ``ce_minimum`` when it is given.
    """
    layout = panels(1, 2, (labels["ce"], labels["mse"]), hspace=0.14)
    data: list[dict] = []
    start = paths["ce"][0]
    drawn = surface.thinned(DRAWN_SIDE)
    for i, key in enumerate(LOSSES, start=1):
        first = i == 1
        bar_x = layout[f"xaxis{axis_suffix(i)}"]["domain"][1] + 0.005
        data.append(
            _on(
                i,
                {
                    "type": "contour",
                    "x": f32(drawn.w1),
                    "y": f32(drawn.w2),
                    "z": f32(getattr(drawn, key)),
                    "colorscale": "Viridis",
                    "ncontours": 24,
                    "contours": {"coloring": "heatmap"},
                    "line": {"width": 0.5, "color": "rgba(255,255,255,0.4)"},
                    "colorbar": {"x": bar_x, "xanchor": "left", "len": 0.9, "thickness": 12},
                    "name": labels[key],
                    "hovertemplate": "w₁ %{x:.2f}, w₂ %{y:.2f}: %{z:.4f}<extra>" + labels[key] + "</extra>",
                },
            )
        )
        data.append(
            _on(
                i,
                {
                    "type": "scatter",
                    "x": f32(slice_ends[:, 0]),
                    "y": f32(slice_ends[:, 1]),
                    "mode": "lines",
                    "name": labels["slice"],
                    "legendgroup": "slice",
                    "showlegend": first,
                    "line": {"color": "#BBBBBB", "dash": "dash", "width": 2},
                    "hoverinfo": "skip",
                },
            )
        )
        for name in LOSSES:
            data.append(_on(i, _path(paths[name], labels[f"path_{name}"], PATH_COLOURS[name], show=first)))
        ring = {"symbol": "circle", "size": 12, "color": "#FFFFFF", "line": {"color": "#000000", "width": 2}}
        data.append(_on(i, _point(float(start[0]), float(start[1]), labels["start"], ring, show=first)))
        star = {"symbol": "star", "size": 15, "color": "#FFFFFF", "line": {"color": "#000000", "width": 1}}
        data.append(_on(i, _point(*surface.argmin(key), labels["minimum"], star, show=first)))
        if key == "ce" and ce_minimum is not None:
            diamond = {
                "symbol": "diamond",
                "size": 13,
                "color": PALETTE["ce"],
                "line": {"color": "#FFFFFF", "width": 2},
            }
            data.append(_on(i, _point(*ce_minimum, labels["ce_minimum"], diamond, show=True)))
        s = axis_suffix(i)
        layout[f"xaxis{s}"].update(range=[float(surface.w1[0]), float(surface.w1[-1])], title={"text": labels["w1"]})
        layout[f"yaxis{s}"].update(
            range=[float(surface.w2[0]), float(surface.w2[-1])], title={"text": labels["w2"]}, scaleanchor=f"x{s}"
        )
    return titled(
        # legend_y: at a phone's width the legend wraps to five rows and plotly keeps it in the figure, pushing the
        # panels down; 1.16 keeps their titles clear of it (tests/e2e/test_nothing_cut.py)
        base_layout(go.Figure({"data": data, "layout": layout}), height=height, margin=room(80, 76)), legend_y=1.16
    )


def _inside(path: np.ndarray, surface: Surface) -> np.ndarray:
    """Points of the path over the drawn grid: 3-D axes do not clip, so a path that leaves is cut there."""
    x_ok = (path[:, 0] >= surface.w1[0]) & (path[:, 0] <= surface.w1[-1])
    y_ok = (path[:, 1] >= surface.w2[0]) & (path[:, 1] <= surface.w2[-1])
    return x_ok & y_ok


def surface_pair_3d(
    surface: Surface,
    paths: Mapping[str, Descent],
    labels: Mapping[str, str],
    *,
    height: int = 460,
) -> go.Figure:
    """The two losses as 3-D surfaces side by side, each descent path drawn on both.

    ``paths`` maps ``"ce"`` and ``"mse"`` to a :class:`~xentcore.app.surfaces.model.Descent` (its ``path``
    of shape (S, 2), and ``ce`` and ``mse`` along it). ``labels`` needs:
    ``ce``, ``mse`` (titles and z-axis names), ``path_ce``, ``path_mse``, ``w1``, ``w2``.
    """
    data: list[dict] = []
    layout: dict = {"annotations": []}
    drawn = surface.thinned(DRAWN_SIDE)
    for i, key in enumerate(LOSSES, start=1):
        scene = f"scene{axis_suffix(i)}"
        data.append(
            {
                "type": "surface",
                "scene": scene,
                "x": f32(drawn.w1),
                "y": f32(drawn.w2),
                "z": f32(getattr(drawn, key)),
                "colorscale": "Viridis",
                "showscale": False,
                "opacity": 0.92,
                "name": labels[key],
                "hovertemplate": "w₁ %{x:.2f}, w₂ %{y:.2f}: %{z:.4f}<extra>" + labels[key] + "</extra>",
            }
        )
        for name in LOSSES:
            path, ce, mse = paths[name].path, paths[name].ce, paths[name].mse
            inside = _inside(path, surface)
            data.append(
                {
                    "type": "scatter3d",
                    "scene": scene,
                    "x": f32(path[inside, 0]),
                    "y": f32(path[inside, 1]),
                    "z": f32((ce if key == "ce" else mse)[inside]),
                    "mode": "lines+markers",
                    "name": labels[f"path_{name}"],
                    "legendgroup": name,
                    "showlegend": i == 1,
                    "line": {"color": PATH_COLOURS[name], "width": 6},
                    "marker": {"size": 2.5, "color": PATH_COLOURS[name]},
                }
            )
        x0, x1 = (0.0, 0.49) if i == 1 else (0.51, 1.0)
        layout[scene] = {
            "domain": {"x": [x0, x1], "y": [0.0, 0.94]},
            "xaxis": {"title": {"text": labels["w1"]}},
            "yaxis": {"title": {"text": labels["w2"]}},
            "zaxis": {"title": {"text": labels[key]}},
            "camera": {"eye": {"x": 1.6, "y": -1.6, "z": 0.9}},
            "aspectmode": "cube",
        }
        layout["annotations"].append(panel_title(labels[key], (x0 + x1) / 2, 1.0))
    return titled(base_layout(go.Figure({"data": data, "layout": layout}), height=height), legend_y=1.1)


def slice_figure(
    sl: Slice,
    concave: Mapping[str, Sequence[tuple[float, float]]],
    labels: Mapping[str, str],
    *,
    height: int = 300,
) -> go.Figure:
    """Cross-entropy (left) and MSE (right) along the slice, with each stretch where the midpoint test of
    convexity fails shaded. ``labels`` needs: ``ce``, ``mse``, ``t``, ``concave``."""
    layout = panels(1, 2, (labels["ce"], labels["mse"]))
    data: list[dict] = []
    shapes: list[dict] = []
    for i, key in enumerate(LOSSES, start=1):
        s = axis_suffix(i)
        data.append(
            _on(
                i,
                {
                    "type": "scatter",
                    "x": f32(sl.t),
                    "y": f32(getattr(sl, key)),
                    "mode": "lines",
                    "name": labels[key],
                    "line": {"color": PATH_COLOURS[key], "width": 2.5},
                    "hovertemplate": "t %{x:.2f}: %{y:.4f}<extra>" + labels[key] + "</extra>",
                },
            )
        )
        shapes += [band(i, lo, hi, CONCAVE_FILL) for lo, hi in concave[key]]
        if concave[key]:
            layout["annotations"].append(
                {
                    "text": labels["concave"],
                    "x": float(np.mean(concave[key][0])),
                    "y": 1.0,
                    "xref": f"x{s}",
                    "yref": f"y{s} domain",
                    "yanchor": "top",
                    "showarrow": False,
                }
            )
        layout[f"xaxis{s}"].update(range=[float(sl.t[0]), float(sl.t[-1])], title={"text": labels["t"]})
    layout["shapes"] = shapes
    layout["showlegend"] = False
    return titled(base_layout(go.Figure({"data": data, "layout": layout}), height=height, margin=room(34, 70)))


def data_figure(X, y, class_names: Sequence[str], labels: Mapping[str, str], *, height: int = 300) -> go.Figure:
    """The two-feature data set, one colour per class. ``labels`` needs ``x1``, ``x2``."""
    X = np.asarray(X)
    y = np.asarray(y)
    kind = "scattergl" if X.shape[0] > 1000 else "scatter"
    data = [
        {
            "type": kind,
            "x": f32(X[y == c, 0]),
            "y": f32(X[y == c, 1]),
            "mode": "markers",
            "name": name,
            "marker": {"color": CLASS_COLOURS[c], "size": 6, "line": {"color": OUTLINE, "width": 0.5}},
        }
        for c, name in enumerate(class_names)
    ]
    layout = {
        "xaxis": {"title": {"text": labels["x1"]}},
        "yaxis": {"title": {"text": labels["x2"]}, "scaleanchor": "x"},
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=height, margin=room(72, 70))
