"""Figures of the loss-surfaces page: contour pair, 3-D pair, the 1-D slice, the data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from xentcore.plots import CLASS_COLOURS, OUTLINE, PALETTE, base_layout
from xentcore.surface import Slice, Surface

CONCAVE_FILL = "rgba(230,159,0,0.18)"  # light orange: where the MSE slice fails the midpoint test
PATH_COLOURS = {"ce": PALETTE["ce"], "mse": PALETTE["mse"]}


def _f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def _path_trace(path, name: str, colour: str, *, show: bool) -> go.Scatter:
    return go.Scatter(
        x=_f32(path[:, 0]),
        y=_f32(path[:, 1]),
        mode="lines+markers",
        name=name,
        legendgroup=name,
        showlegend=show,
        line={"color": colour, "width": 2.5},
        marker={"size": 4, "color": colour, "line": {"color": OUTLINE, "width": 0.5}},
        hovertemplate="w₁ %{x:.3f}, w₂ %{y:.3f}<extra>" + name + "</extra>",
    )


def contour_pair(
    surface: Surface,
    paths: Mapping[str, np.ndarray],
    slice_ends: np.ndarray,
    labels: Mapping[str, str],
    *,
    height: int = 440,
) -> go.Figure:
    """Cross-entropy (left) and MSE (right) as filled contours over ``(w1, w2)``, both descent paths on each,
    the start point, each surface's grid minimum, and the slice line.

    ``paths`` maps ``"ce"`` and ``"mse"`` to arrays of shape (S, 2). ``labels`` needs: ``ce``, ``mse``
    (panel titles), ``path_ce``, ``path_mse``, ``start``, ``minimum``, ``slice``, ``w1``, ``w2``.
    """
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.12, subplot_titles=(labels["ce"], labels["mse"]))
    for col, key, bar_x in ((1, "ce", 0.44), (2, "mse", 1.0)):
        fig.add_trace(
            go.Contour(
                x=_f32(surface.w1),
                y=_f32(surface.w2),
                z=_f32(getattr(surface, key)),
                colorscale="Viridis",
                ncontours=24,
                contours={"coloring": "heatmap"},
                line={"width": 0.5, "color": "rgba(255,255,255,0.4)"},
                colorbar={"x": bar_x, "len": 0.9, "thickness": 12},
                name=labels[key],
                hovertemplate="w₁ %{x:.2f}, w₂ %{y:.2f}: %{z:.4f}<extra>" + labels[key] + "</extra>",
            ),
            row=1,
            col=col,
        )
        first = col == 1
        fig.add_trace(
            go.Scatter(
                x=_f32(slice_ends[:, 0]),
                y=_f32(slice_ends[:, 1]),
                mode="lines",
                name=labels["slice"],
                legendgroup="slice",
                showlegend=first,
                line={"color": "#FFFFFF", "dash": "dash", "width": 1.5},
                hoverinfo="skip",
            ),
            row=1,
            col=col,
        )
        for name in ("ce", "mse"):
            fig.add_trace(
                _path_trace(paths[name], labels[f"path_{name}"], PATH_COLOURS[name], show=first), row=1, col=col
            )
        start = paths["ce"][0]
        fig.add_trace(
            go.Scatter(
                x=[float(start[0])],
                y=[float(start[1])],
                mode="markers",
                name=labels["start"],
                legendgroup="start",
                showlegend=first,
                marker={"symbol": "circle-open", "size": 14, "color": "#FFFFFF", "line": {"width": 3}},
            ),
            row=1,
            col=col,
        )
        w_min = surface.argmin(key)
        fig.add_trace(
            go.Scatter(
                x=[w_min[0]],
                y=[w_min[1]],
                mode="markers",
                name=labels["minimum"],
                legendgroup="minimum",
                showlegend=first,
                marker={"symbol": "star", "size": 15, "color": "#FFFFFF", "line": {"color": "#000000", "width": 1}},
                hovertemplate="w₁ %{x:.2f}, w₂ %{y:.2f}<extra>" + labels["minimum"] + "</extra>",
            ),
            row=1,
            col=col,
        )
    fig.update_xaxes(range=[float(surface.w1[0]), float(surface.w1[-1])], title_text=labels["w1"])
    fig.update_yaxes(range=[float(surface.w2[0]), float(surface.w2[-1])], title_text=labels["w2"])
    fig.update_yaxes(scaleanchor="x", row=1, col=1)
    fig.update_yaxes(scaleanchor="x2", row=1, col=2)
    return _titled(base_layout(fig, height=height))


def surface_pair_3d(
    surface: Surface,
    paths: Mapping[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
    labels: Mapping[str, str],
    *,
    height: int = 460,
) -> go.Figure:
    """The two losses as 3-D surfaces side by side, each descent path drawn on both.

    ``paths`` maps ``"ce"`` and ``"mse"`` to ``(path (S, 2), ce along it, mse along it)``. ``labels`` needs:
    ``ce``, ``mse`` (titles and z-axis names), ``path_ce``, ``path_mse``, ``w1``, ``w2``.
    """
    fig = make_subplots(
        rows=1,
        cols=2,
        specs=[[{"type": "scene"}, {"type": "scene"}]],
        horizontal_spacing=0.02,
        subplot_titles=(labels["ce"], labels["mse"]),
    )
    for col, key in ((1, "ce"), (2, "mse")):
        fig.add_trace(
            go.Surface(
                x=_f32(surface.w1),
                y=_f32(surface.w2),
                z=_f32(getattr(surface, key)),
                colorscale="Viridis",
                showscale=False,
                opacity=0.92,
                name=labels[key],
                hovertemplate="w₁ %{x:.2f}, w₂ %{y:.2f}: %{z:.4f}<extra>" + labels[key] + "</extra>",
            ),
            row=1,
            col=col,
        )
        for name in ("ce", "mse"):
            path, ce, mse = paths[name]
            inside = _inside(path, surface)
            fig.add_trace(
                go.Scatter3d(
                    x=_f32(path[inside, 0]),
                    y=_f32(path[inside, 1]),
                    z=_f32((ce if key == "ce" else mse)[inside]),
                    mode="lines+markers",
                    name=labels[f"path_{name}"],
                    legendgroup=name,
                    showlegend=col == 1,
                    line={"color": PATH_COLOURS[name], "width": 6},
                    marker={"size": 2.5, "color": PATH_COLOURS[name]},
                ),
                row=1,
                col=col,
            )
    scene = {
        "xaxis": {"title": {"text": labels["w1"]}},
        "yaxis": {"title": {"text": labels["w2"]}},
        "camera": {"eye": {"x": -1.5, "y": -1.5, "z": 1.0}},
        "aspectmode": "cube",
    }
    fig.update_layout(
        scene={**scene, "zaxis": {"title": {"text": labels["ce"]}}},
        scene2={**scene, "zaxis": {"title": {"text": labels["mse"]}}},
    )
    return _titled(base_layout(fig, height=height))


def _titled(fig: go.Figure) -> go.Figure:
    """Room above the subplot titles for the legend."""
    fig.update_layout(margin={"t": 60}, legend={"y": 1.1})
    return fig


def _inside(path: np.ndarray, surface: Surface) -> np.ndarray:
    """Points of the path over the drawn grid: 3-D axes do not clip, so a path that leaves is cut there."""
    x_ok = (path[:, 0] >= surface.w1[0]) & (path[:, 0] <= surface.w1[-1])
    y_ok = (path[:, 1] >= surface.w2[0]) & (path[:, 1] <= surface.w2[-1])
    return x_ok & y_ok


def slice_figure(
    sl: Slice,
    concave: Mapping[str, Sequence[tuple[float, float]]],
    labels: Mapping[str, str],
    *,
    height: int = 300,
) -> go.Figure:
    """Cross-entropy (left) and MSE (right) along the slice, with each stretch where the midpoint test of
    convexity fails shaded. ``labels`` needs: ``ce``, ``mse``, ``t``, ``concave``."""
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.08, subplot_titles=(labels["ce"], labels["mse"]))
    for col, key in ((1, "ce"), (2, "mse")):
        fig.add_trace(
            go.Scatter(
                x=_f32(sl.t),
                y=_f32(getattr(sl, key)),
                mode="lines",
                name=labels[key],
                line={"color": PATH_COLOURS[key], "width": 2.5},
                hovertemplate="t %{x:.2f}: %{y:.4f}<extra>" + labels[key] + "</extra>",
            ),
            row=1,
            col=col,
        )
        for lo, hi in concave[key]:
            fig.add_vrect(x0=lo, x1=hi, fillcolor=CONCAVE_FILL, line_width=0, layer="below", row=1, col=col)
        if concave[key]:
            fig.add_annotation(
                x=float(np.mean(concave[key][0])),
                y=1.0,
                xref=f"x{col if col > 1 else ''}",
                yref=f"y{col if col > 1 else ''} domain",
                text=labels["concave"],
                showarrow=False,
                yanchor="top",
            )
    fig.update_xaxes(title_text=labels["t"], range=[float(sl.t[0]), float(sl.t[-1])])
    fig.update_layout(showlegend=False)
    return base_layout(fig, height=height)


def data_figure(X, y, class_names: Sequence[str], labels: Mapping[str, str], *, height: int = 300) -> go.Figure:
    """The two-feature data set, one colour per class. ``labels`` needs ``x1``, ``x2``."""
    fig = go.Figure()
    X = np.asarray(X)
    y = np.asarray(y)
    trace = go.Scattergl if X.shape[0] > 1000 else go.Scatter
    for c, name in enumerate(class_names):
        rows = y == c
        fig.add_trace(
            trace(
                x=_f32(X[rows, 0]),
                y=_f32(X[rows, 1]),
                mode="markers",
                name=name,
                marker={"color": CLASS_COLOURS[c], "size": 6, "line": {"color": OUTLINE, "width": 0.5}},
            )
        )
    fig.update_xaxes(title_text=labels["x1"])
    fig.update_yaxes(title_text=labels["x2"], scaleanchor="x")
    return base_layout(fig, height=height)
