"""The training-race figure: three synchronised panels of decision regions plus growing loss and accuracy
curves, animated by plotly frames in the browser (Play / Pause / a frame slider, no server round-trip).

The three region panels share one pair of axes, each panel shifted right by a box width plus a gap, so that
each colour layer is a single trace holding three polygons: a frame then updates about a dozen traces
instead of thirty. Plotly's per-trace cost, not the number count, is what dominates building a figure of a
hundred frames. The figure is built as one plain dict and kept so (:class:`~xentcore.app.figures.PlainFigure`):
plotly.py's objects for it cost 95 ms to build and 30 ms to write back out as JSON.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from xentcore.app.figures import CLASS_COLOURS, FONT_FAMILY, OUTLINE, PALETTE, PlainFigure, rgba, room
from xentcore.app.format import plotly_escape
from xentcore.app.motion import motion_settings
from xentcore.app.race.geometry import RaceAnimation

RUN_COLOURS = {"logistic_ce": PALETTE["ce"], "softmax_ce": PALETTE["softmax"], "mse": PALETTE["mse"]}
FRAME_MS = 20  # the pause between frames; plotly adds its drawing time (about 15–20 ms here): 25–30 frames per second
STRIP_ALPHA = (0.42, 0.26, 0.1, 0.1, 0.26, 0.42)  # p < 0.1, ..., p >= 0.9: the surer the model, the stronger
REGION_ALPHA = 0.22
GAP = 0.12  # between region panels, as a fraction of a panel's width
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"  # CJK scripts and full-width forms: a line may break between them
TITLE_WIDTH = 10  # a panel title's line, in columns (a CJK character is two): what a phone's third holds
LABEL_KEYS = ("loss", "accuracy", "epoch", "play", "pause", "restart", "status", "diverged", "train", "test")


def _significant(values: np.ndarray, digits: int = 4) -> list[float | None]:
    """Values rounded to ``digits`` significant digits, as a list (``None`` for NaN).

    Plain lists of short numbers cost plotly's validator far less than many small numpy arrays, and a line
    on screen needs no more precision.
    """
    return [float(f"{v:.{digits}g}") if v == v else None for v in np.asarray(values, dtype=float).tolist()]


@dataclass(frozen=True)
class Rows:
    """Where the figure's parts sit, top to bottom, as fractions of its plotting height: the panels' titles
    (their baseline), each panel's status strip (epoch, loss, accuracy), the region panels, the Play buttons
    and the frame slider (their tops), the curves. The same at every width: a figure cannot know the
    screen's, so every part is placed to fit a phone's third as well as a desktop's."""

    height: int
    title_y: float
    status: tuple[float, float]
    regions: tuple[float, float]
    buttons_y: float | None
    slider_y: float | None
    curves: tuple[float, float]


ANIMATED = Rows(800, 0.92, (0.825, 0.915), (0.5, 0.815), 0.455, 0.39, (0.0, 0.2))
STILL_FRAME = Rows(680, 0.88, (0.775, 0.87), (0.37, 0.765), None, None, (0.0, 0.24))


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int = TITLE_WIDTH) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a CJK character takes two), broken at spaces and
    between CJK characters; a word longer than a line keeps its line.

    >>> wrap("Logistic (one-vs-rest) + CE")
    ['Logistic', '(one-vs-rest)', '+ CE']
    >>> wrap("逻辑回归 + 交叉熵")
    ['逻辑回归 +', '交叉熵']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        # a word wider than a line (Chinese has no spaces) breaks between its CJK characters
        pieces = re.findall(f"[{CJK}]|[^{CJK}]+", word)
        if _columns(word) <= width or len(pieces) == 1:
            pieces = [word]
        for k, piece in enumerate(pieces):
            joined = f"{line} {piece}" if line and k == 0 else line + piece
            if line and _columns(joined) > width:
                lines.append(line)
                joined = piece
            line = joined
    if line:
        lines.append(line)
    return lines or [""]


def wrapped(text: str, width: int = TITLE_WIDTH) -> str:
    """``text`` wrapped (:func:`wrap`) and escaped for plotly's HTML-like labels, lines joined by ``<br>``."""
    return "<br>".join(plotly_escape(line) for line in wrap(text, width))


def _joined(polygons: Sequence[np.ndarray], offsets: Sequence[float]) -> dict:
    """Several polygons in one trace, shifted right by ``offsets`` and separated by gaps (``None``)."""
    xs: list = []
    ys: list = []
    for poly, dx in zip(polygons, offsets, strict=True):
        if poly.shape[0] == 0:
            continue
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(_significant(poly[:, 0] + dx))
        ys.extend(_significant(poly[:, 1]))
    return {"x": xs, "y": ys}


def _layer_styles(n_classes: int, n_layers: int) -> list[dict]:
    if n_classes == 2:
        half = n_layers // 2
        return [
            {"fillcolor": rgba(CLASS_COLOURS[0 if k < half else 1], STRIP_ALPHA[k]), "line": {"width": 0}}
            for k in range(n_layers)
        ]
    return [
        {"fillcolor": rgba(CLASS_COLOURS[c], REGION_ALPHA), "line": {"width": 1, "color": CLASS_COLOURS[c]}}
        for c in range(n_layers)
    ]


def status_text(labels: Mapping[str, str], anim: RaceAnimation, key: str, f: int, loss_factor: float = 1.0) -> str:
    """A panel's caption in frame ``f``: its epoch, loss and accuracy, or "diverged at epoch k" once the race
    has passed the run's divergence (and on the last frame)."""
    run = anim.runs[key]
    last_frame = f == len(anim.frame_epochs) - 1
    if run.diverged_at is not None and (anim.frame_epochs[f] >= run.diverged_at or last_frame):
        return labels["diverged"].format(epoch=run.diverged_at)
    return labels["status"].format(
        epoch=int(run.epoch[f]), loss=f"{run.loss[f] * loss_factor:.3g}", accuracy=f"{run.accuracy[f]:.0%}"
    )


def race_figure(
    anim: RaceAnimation,
    train_uv: np.ndarray,
    train_y: np.ndarray,
    test_uv: np.ndarray | None,
    test_y: np.ndarray | None,
    *,
    run_titles: Mapping[str, str],
    class_names: Sequence[str],
    labels: Mapping[str, str],
    loss_factors: Mapping[str, float] | None = None,
    axis_names: Sequence[str] | None = None,
    height: int | None = None,
    still: bool = False,
    frame: int | None = None,
) -> PlainFigure:
    """The animated race, or one of its frames.

    Parameters
    ----------
    anim : RaceAnimation
        From :func:`xentcore.app.race.geometry.race_animation`.
    train_uv, test_uv : arrays (n, 2)
        The points in the drawing plane; ``train_y``, ``test_y`` their classes. Training points are filled,
        test points hollow.
    run_titles : mapping
        Panel title per run key (translated). Wrapped to a phone's third of the width (:func:`wrap`).
    class_names : sequence of str
        Shown literally, whatever characters they hold (escaped here for plotly's HTML-like labels), as are
        ``run_titles`` and ``axis_names``.
    labels : mapping
        Translated texts for :data:`LABEL_KEYS`: axis titles, buttons, ``status`` (with ``{epoch}``,
        ``{loss}``, ``{accuracy}``), ``diverged`` (with ``{epoch}``), legend entries ``train``/``test``
        (with ``{name}``). ``status`` and ``diverged`` may break lines with ``<br>``.
    loss_factors : mapping, optional
        Multiplies each run's loss for display (e.g. ``1 / ln 2`` to show a cross-entropy in bits).
    axis_names : pair of str, optional
        Titles of the drawing plane's axes (default: the projection's own names).
    height : int, optional
        Pixels (default: the layout's own, :data:`ANIMATED` or :data:`STILL_FRAME`).
    still : bool
        The reader's reduced-motion setting (:func:`xentcore.app.motion.motion_settings`): no tweening, no
        autoplay; Play and the slider still work.
    frame : int, optional
        Draw this frame alone, without frames, buttons or slider: a still picture of one epoch.

    Returns
    -------
    PlainFigure
        Animated: frames named by epoch, the last one drawn until Play is pressed (the finish is the lesson);
        ``layout.updatemenus[0]`` holds Play / Pause / Restart buttons and ``layout.sliders[0]`` one step per
        frame.
    """
    missing = set(LABEL_KEYS) - set(labels)
    if missing:
        raise ValueError(f"labels missing: {', '.join(sorted(missing))}")
    rows = ANIMATED if frame is None else STILL_FRAME
    keys = list(anim.runs)
    titles = {k: plotly_escape(run_titles[k]) for k in keys}
    axes = [plotly_escape(a) for a in (axis_names or anim.projection.axis_names)]
    factors = {k: (loss_factors or {}).get(k, 1.0) for k in keys}
    x0, x1, y0, y1 = anim.box
    width = x1 - x0
    offsets = [i * width * (1.0 + GAP) - x0 for i in range(len(keys))]
    shown = list(range(len(anim.frame_epochs))) if frame is None else [frame]
    centres = [offsets[i] + (x0 + x1) / 2 for i in range(len(keys))]
    layout: dict = {
        "height": height or rows.height,
        "margin": {"t": 10, **room(42, 54, 24)},
        "font": {"family": FONT_FAMILY},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "font": {"size": 11}},
        "hovermode": "closest",
        "xaxis": {
            "domain": [0.0, 1.0],
            "range": [0.0, offsets[-1] + x1],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "title": {"text": axes[0], "standoff": 4},
            "anchor": "y",
        },
        "yaxis": {
            "domain": list(rows.regions),
            "range": [y0, y1],
            "showticklabels": False,  # standardised coordinates: their values tell nothing, the room is a phone's
            "zeroline": False,
            "showgrid": False,
            "title": {"text": axes[1], "standoff": 4},
            "anchor": "x",
        },
        # the status strip: a text trace on its own axis, so its lines sit between the title and the panel
        "yaxis4": {"domain": list(rows.status), "range": [0.0, 1.0], "visible": False, "anchor": "x"},
        "annotations": [
            {
                "text": f"<b>{wrapped(run_titles[key])}</b>",
                "xref": "x",
                "yref": "paper",
                "x": centres[i],
                "y": rows.title_y,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"color": RUN_COLOURS.get(key, OUTLINE), "size": 12},
            }
            for i, key in enumerate(keys)
        ],
        "shapes": [
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": offsets[i] + x0,
                "x1": offsets[i] + x1,
                "y0": y0,
                "y1": y1,
                "line": {"color": RUN_COLOURS.get(key, OUTLINE), "width": 2},
            }
            for i, key in enumerate(keys)
        ],
    }
    data: list[dict] = []
    animated: list[int] = []
    frames: list[list[dict]] = [[] for _ in shown]

    def add_animated(static: dict, per_frame: list[dict]) -> None:
        animated.append(len(data))
        # the last frame first: the finished race is the lesson, seen before anything plays (Play starts from
        # the first frame: plotly restarts an animation whose current frame is its last)
        data.append({**static, **per_frame[-1]})
        for f in range(len(shown)):
            frames[f].append(per_frame[f])

    first = anim.runs[keys[0]]
    for k, style in enumerate(_layer_styles(anim.n_classes, len(first.layers[0]))):
        add_animated(
            {"type": "scatter", "mode": "lines", "fill": "toself", "hoverinfo": "skip", "showlegend": False, **style},
            [_joined([anim.runs[key].layers[f][k] for key in keys], offsets) for f in shown],
        )
    _add_points(data, train_uv, train_y, test_uv, test_y, offsets, class_names, labels)
    add_animated(
        {
            "type": "scatter",
            "mode": "lines",
            "line": {"color": OUTLINE, "width": 2.5},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        [_joined([anim.runs[key].boundary[f] for key in keys], offsets) for f in shown],
    )
    add_animated(
        {
            "type": "scatter",
            "mode": "text",
            "textposition": "middle center",
            "textfont": {"size": 11},
            "hoverinfo": "skip",
            "showlegend": False,
            "cliponaxis": False,
            "yaxis": "y4",
        },
        # Frames repeat x and y: plotly.js misplaces text whose frame updates carry the text alone.
        [
            {"x": centres, "y": [0.5] * len(keys), "text": [status_text(labels, anim, k, f, factors[k]) for k in keys]}
            for f in shown
        ],
    )
    _add_curves(layout, add_animated, anim, keys, titles, labels, factors, rows, shown)
    if frame is not None:
        return PlainFigure({"data": data, "layout": layout})
    names = [str(int(e)) for e in anim.frame_epochs]
    motion = motion_settings(still, frame_ms=FRAME_MS)
    layout["transition"] = motion["transition"]
    layout["updatemenus"] = [_buttons(labels, motion, rows)]
    layout["sliders"] = [_slider(names, labels, motion, rows)]
    frame_dicts = [{"name": names[f], "data": frames[f], "traces": animated} for f in shown]
    return PlainFigure({"data": data, "layout": layout, "frames": frame_dicts})


def _add_points(data, train_uv, train_y, test_uv, test_y, offsets, class_names, labels) -> None:
    for c, raw in enumerate(class_names):
        name = plotly_escape(raw)
        colour = CLASS_COLOURS[c % len(CLASS_COLOURS)]
        for part, uv, yy in (("train", train_uv, train_y), ("test", test_uv, test_y)):
            if uv is None or not np.any(yy == c):
                continue
            pts = uv[yy == c]
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": np.concatenate([pts[:, 0] + dx for dx in offsets]).astype(np.float32),
                    "y": np.tile(pts[:, 1], len(offsets)).astype(np.float32),
                    "marker": {
                        "color": colour if part == "train" else "rgba(0,0,0,0)",
                        "symbol": "circle",
                        "size": 6 if part == "train" else 7,
                        "line": {"width": 0.5, "color": OUTLINE}
                        if part == "train"
                        else {"width": 1.5, "color": colour},
                    },
                    "name": labels[part].format(name=name),
                    "legendgroup": f"{part}{c}",
                    # the name goes in as meta, not into the template, where "%{...}" in it would be substituted
                    "meta": name,
                    "hovertemplate": "%{meta}<extra></extra>",
                }
            )


def _add_curves(layout, add_animated, anim: RaceAnimation, keys, run_titles, labels, factors, rows, shown) -> None:
    """Loss (left) and accuracy (right), each titled above its plot rather than beside its axis: a vertical title
    between the two plots would need a gap a phone cannot spare."""
    last_epoch = float(anim.frame_epochs[-1])
    starts = [anim.runs[k].curve_loss[0] * factors[k] for k in keys if anim.runs[k].curve_loss.size]
    peak = max((float(np.max(anim.runs[k].curve_loss * factors[k])) for k in keys), default=1.0)
    # A diverging loss would flatten every other curve: the axis stops at twice the largest starting loss.
    top = 1.05 * min(peak, 2.0 * max(starts, default=1.0)) or 1.0
    panels = (("loss", "curve_loss", [0.0, top], None), ("accuracy", "curve_accuracy", [0.0, 1.02], ".0%"))
    for j, (name, column, y_range, tick_format) in enumerate(panels):
        ax = str(j + 2)
        domain = [0.0, 0.43] if j == 0 else [0.57, 1.0]
        layout[f"xaxis{ax}"] = {
            "domain": domain,
            "range": [0.0, max(last_epoch, 1.0)],
            "title": {"text": labels["epoch"], "standoff": 4},
            "anchor": f"y{ax}",
            "nticks": 4,
        }
        layout[f"yaxis{ax}"] = {
            "domain": list(rows.curves),
            "range": y_range,
            "anchor": f"x{ax}",
            "tickformat": tick_format,
            "nticks": 5,
        }
        layout["annotations"].append(
            {
                "text": labels[name],
                "xref": "paper",
                "yref": "paper",
                "x": domain[0],
                "y": rows.curves[1],
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
        for key in keys:
            run = anim.runs[key]
            values = _significant(getattr(run, column) * (factors[key] if name == "loss" else 1.0))
            add_animated(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x0": 0,
                    "dx": anim.curve_step,
                    "line": {"color": RUN_COLOURS.get(key, OUTLINE), "width": 2},
                    "name": run_titles[key],
                    "legendgroup": key,
                    "showlegend": False,  # the panels' titles, in the runs' colours, are the key: a phone has no room
                    "meta": run_titles[key],
                    "hovertemplate": "%{meta}<br>%{x}: %{y:.4g}<extra></extra>",
                    "xaxis": f"x{ax}",
                    "yaxis": f"y{ax}",
                },
                [{"y": values[: run.curve_upto[f]]} for f in shown],
            )


def _buttons(labels: Mapping[str, str], motion: dict, rows: Rows) -> dict:
    return {
        "type": "buttons",
        "direction": "left",
        "showactive": False,
        "x": 0.0,
        "y": rows.buttons_y,
        "xanchor": "left",
        "yanchor": "top",
        "pad": {"r": 6, "t": 0, "b": 0},
        "buttons": [
            {"label": "▶ " + labels["play"], "method": "animate", "args": [None, motion["play"]]},
            {"label": "❚❚ " + labels["pause"], "method": "animate", "args": [[None], motion["pause"]]},
            {"label": "⟲ " + labels["restart"], "method": "animate", "args": [None, motion["restart"]]},
        ],
    }


def _slider(names: list[str], labels: Mapping[str, str], motion: dict, rows: Rows) -> dict:
    """The frame slider, under the buttons (a clear gap: its current-value label sits above its rail) and as
    wide as the figure (beside the buttons it overlaps them on a phone)."""
    return {
        "active": len(names) - 1,  # the figure opens on the finish
        "x": 0.0,
        "len": 1.0,
        "y": rows.slider_y,
        "yanchor": "top",
        "pad": {"t": 0, "b": 0},
        "currentvalue": {"prefix": labels["epoch"] + " ", "font": {"size": 12}},
        "transition": motion["transition"],
        "steps": [{"label": n, "method": "animate", "args": [[n], motion["step"]]} for n in names],
    }


CALIBRATION_LABEL_KEYS = ("confidence", "accuracy", "points", "before", "after", "diagonal")


def reliability_figure(
    panels: Sequence[Mapping],
    *,
    labels: Mapping[str, str],
    height: int = 420,
) -> go.Figure:
    """Reliability diagrams of the race's runs, one panel each, side by side.

    Parameters
    ----------
    panels : sequence of mappings
        Per run: ``key`` (its colour), ``title`` (shown literally, escaped here), ``before`` and, when rescaled,
        ``after`` (each a :class:`~xentcore.app.race.calibration_model.Reliability`, or ``None``).
    labels : mapping
        Translated texts for :data:`CALIBRATION_LABEL_KEYS`: axis titles, the hover's unit of points, and the
        legend entries of the curves and the diagonal.
    """
    n = len(panels)
    gap = 0.06
    width = (1.0 - gap * (n - 1)) / n
    data: list[dict] = []
    layout: dict = {
        "height": height,
        "margin": {"t": 70, **room(82, 10, 16)},
        "font": {"family": FONT_FAMILY},
        # under the x-axis titles: above, the panels' titles (wrapped to a phone's third of the width, up to four
        # lines) would meet it
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.38, "x": 0},
        "annotations": [],
        "showlegend": True,
    }
    biggest = max(
        (int(r.count.max()) for p in panels for r in (p["before"], p.get("after")) if r is not None and r.count.size),
        default=1,
    )
    for i, panel in enumerate(panels):
        ax = "" if i == 0 else str(i + 1)
        x0 = i * (width + gap)
        axis = {"range": [0, 1.02], "zeroline": False, "dtick": 0.25}
        layout[f"xaxis{ax}"] = {**axis, "domain": [x0, x0 + width], "anchor": f"y{ax}",
                                "title": {"text": labels["confidence"]}}  # fmt: skip
        layout[f"yaxis{ax}"] = {**axis, "anchor": f"x{ax}", "title": {"text": labels["accuracy"] if i == 0 else ""}}
        layout["annotations"].append(
            {
                "text": wrapped(panel["title"]),
                "x": x0 + width / 2,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 13},
            }
        )
        refs = {"xaxis": f"x{ax}", "yaxis": f"y{ax}"}
        data.append(
            {"type": "scatter", "x": [0, 1], "y": [0, 1], "mode": "lines", "name": labels["diagonal"],
             "line": {"color": PALETTE["neutral"], "dash": "dot", "width": 1}, "hoverinfo": "skip",
             "legendgroup": "diagonal", "showlegend": i == 0, **refs}
        )  # fmt: skip
        colour = RUN_COLOURS.get(panel["key"], PALETTE["neutral"])
        for which, curve in (("before", panel["before"]), ("after", panel.get("after"))):
            if curve is None:
                continue
            after = which == "after"
            data.append(
                {
                    "type": "scatter",
                    "x": _significant(curve.confidence),
                    "y": _significant(curve.accuracy),
                    "customdata": [int(c) for c in curve.count],
                    "mode": "lines+markers",
                    "name": labels[which],
                    "legendgroup": which,
                    "showlegend": i == 0,
                    "line": {"color": colour, "width": 1.5, "dash": "dash" if after else "solid"},
                    "marker": {
                        "color": "rgba(0,0,0,0)" if after else colour,
                        "line": {"color": colour, "width": 1.5},
                        "size": [6 + 12 * math.sqrt(c / biggest) for c in curve.count],
                        "symbol": "diamond" if after else "circle",
                    },
                    "hovertemplate": f"{labels['confidence']} %{{x:.2f}} · {labels['accuracy']} %{{y:.2f}}"
                    f" · %{{customdata}} {labels['points']}<extra></extra>",
                    **refs,
                }
            )
    return go.Figure({"data": data, "layout": layout})
