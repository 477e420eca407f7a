"""The loss-surfaces page's generated sentences, chosen from the model so each is true for the view it
describes. Each function takes the model and ``t`` (the app's translation function by default; a test
passes a lookup in one language)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from xentcore.app.surfaces.figures import DRAWN_SIDE
from xentcore.app.surfaces.model import Descent, SurfacesModel
from xentcore.app.ui import fmt, sentences
from xentcore.app.ui import t as app_t

Say = Callable[..., str]


def unit_name(m: SurfacesModel, t: Say = app_t) -> str:
    return t(f"unit.short.{m.unit}")


def grid_help(grid: int, t: Say = app_t) -> str:
    """The grid slider's help: the lattice computed, and how much of it the maps draw (``DRAWN_SIDE``)."""
    computed = t("surfaces.grid.help", g=grid)
    return computed if grid <= DRAWN_SIDE else f"{computed} {t('surfaces.grid.drawn', d=DRAWN_SIDE)}"


def _point(w) -> dict[str, str]:
    return {"w1": fmt(w[0], 2), "w2": fmt(w[1], 2)}


def intro(m: SurfacesModel, t: Say = app_t, *, reveal: bool = True) -> str:
    """The landscape the view shows: whether cross-entropy has a minimum on these data, and where (unless
    ``reveal`` is off: the reader is asked to predict it first); why MSE cannot be convex, and what the midpoint
    test finds in this view."""
    parts = [t("surfaces.intro", b=fmt(m.b, 1))]
    sep, low = m.separation, m.minimum
    if reveal and sep is not None:
        d = {"d1": fmt(sep.direction[0], 2), "d2": fmt(sep.direction[1], 2)}
        key = "surfaces.intro.ce.strict" if sep.strict else "surfaces.intro.ce.weak"
        parts.append(t(key, **d, cls=t("surfaces.class", k=1)))
    elif reveal:
        where = t("surfaces.intro.inside" if m.minimum_inside else "surfaces.intro.outside", r=fmt(m.r, 1))
        parts.append(t("surfaces.intro.ce.min", **_point(low.w), v=fmt(low.ce), unit=unit_name(m, t), where=where))
    if m.mse_violations:
        view = t("surfaces.intro.mse.view", n=m.mse_violations, checks=m.checks)
    else:
        view = t("surfaces.intro.mse.view_passes", checks=m.checks)
    parts.append(sentences([t("surfaces.intro.mse"), view], t))
    return "\n\n".join(parts)  # one paragraph each: the set-up, cross-entropy, MSE


def descent(m: SurfacesModel, loss: str, t: Say = app_t) -> str:
    """What one descent did: how its loss changed, whether it overshot, where it ended."""
    p: Descent = m.paths[loss]
    u = f" {unit_name(m, t)}" if loss == "ce" else ""
    v = p.values
    parts = [t(f"surfaces.path.{p.trend}", a=fmt(v[0]), b=fmt(v[-1]), u=u, s=fmt(p.max_step))]
    if p.rises and p.trend != "rose":
        parts.append(t("surfaces.path.rises", n=p.rises, s=m.steps))
    end = _point(p.path[-1])
    if loss == "ce" and m.separation is not None:
        parts.append(t("surfaces.path.unbounded", **end))
    elif p.at_minimum:
        parts.append(t("surfaces.path.at_min", **end))
    elif loss == "ce" and p.to_minimum is not None:
        low = _point(m.minimum.w)
        parts.append(t("surfaces.path.to_min", **end, d=fmt(p.to_minimum, 3), m1=low["w1"], m2=low["w2"]))
    else:
        parts.append(t("surfaces.path.end", **end, g=fmt(p.end_grad)))
    if not p.inside:
        parts.append(t("surfaces.path.outside"))
    return sentences(parts, t)


def contour_caption(m: SurfacesModel, t: Say = app_t) -> str:
    parts = [t("surfaces.contour.caption")]
    if m.separation is not None and m.argmin_on_edge:
        parts.append(t("surfaces.contour.edge"))
    elif m.minimum is not None and m.minimum_inside:
        parts.append(t("surfaces.contour.marked"))
    return sentences(parts, t)


def slice_notes(m: SurfacesModel, t: Say = app_t) -> tuple[str, str]:
    """(MSE on the slice, cross-entropy on the slice)."""
    sl = m.slice
    if sl.concave["mse"]:
        spans = ", ".join(f"[{fmt(lo, 2)}, {fmt(hi, 2)}]" for lo, hi in sl.concave["mse"])
        mse = t("surfaces.slice.nonconvex", spans=spans)
    else:
        mse = t("surfaces.slice.convex")
    key = "surfaces.slice.ce_end" if sl.ce_min_at_end else "surfaces.slice.ce_inside"
    ce = t(key, t=fmt(sl.ce_min_t, 2), v=fmt(sl.ce_min), unit=unit_name(m, t))
    return mse, ce


def figure_labels(m: SurfacesModel, t: Say = app_t) -> dict[str, str]:
    keys = ("path_ce", "path_mse", "start", "minimum", "ce_minimum", "slice")
    return {
        **{k: t(f"surfaces.{k}") for k in keys},
        "ce": t("surfaces.ce", unit=unit_name(m, t)),
        "mse": t("surfaces.mse"),
        "w1": "w₁",
        "w2": "w₂",
        "t": t("surfaces.slice.t"),
        "concave": t("surfaces.slice.concave"),
    }


def minimum_quiz(m: SurfacesModel, t: Say = app_t) -> dict:
    """Predict, then reveal: does cross-entropy have a minimum, and is it inside this view? The answer is the
    model's (no minimum when the data are separated through the origin); asked again when the data, the bias or
    the view's range change."""
    sep, low = m.separation, m.minimum
    if sep is not None:
        answer = "none"
        key = "surfaces.quiz.why.strict" if sep.strict else "surfaces.quiz.why.weak"
        why = t(key, d1=fmt(sep.direction[0], 2), d2=fmt(sep.direction[1], 2))
    else:
        answer = "inside" if m.minimum_inside else "outside"
        where = t(f"surfaces.intro.{answer}", r=fmt(m.r, 1))
        why = t("surfaces.quiz.why.min", **_point(low.w), v=fmt(low.ce), unit=unit_name(m, t), where=where)
    return {
        "qid": "minimum",
        "question": t("surfaces.quiz", b=fmt(m.b, 1), r=fmt(m.r, 1)),
        "options": {k: t(f"surfaces.quiz.{k}") for k in ("inside", "outside", "none")},
        "answer": answer,
        "why": why,
        "about": (m.data_key, m.b, m.r),
    }


# --- chart text alternatives and data tables ---------------------------------------------------------------------


def data_alt(m: SurfacesModel, t: Say = app_t) -> str:
    y = m.data.y
    return t("surfaces.alt.data", n=m.data.n, n0=int((y == 0).sum()), n1=int((y == 1).sum()))


def _minima(m: SurfacesModel, t: Say) -> dict[str, str]:
    s = m.surface
    out = {}
    for loss, a, b, v in (("ce", "c1", "c2", "cv"), ("mse", "m1", "m2", "mv")):
        w = s.argmin(loss)
        j, i = int(np.argmin(np.abs(s.w1 - w[0]))), int(np.argmin(np.abs(s.w2 - w[1])))
        out |= {a: fmt(w[0], 2), b: fmt(w[1], 2), v: fmt(getattr(s, loss)[i, j])}
    return {**out, "unit": unit_name(m, t)}


def contour_alt(m: SurfacesModel, t: Say = app_t) -> str:
    ce, mse = m.paths["ce"].path, m.paths["mse"].path
    ends = {"s1": fmt(ce[0][0], 2), "s2": fmt(ce[0][1], 2), "e1": fmt(ce[-1][0], 2), "e2": fmt(ce[-1][1], 2)}
    ends |= {"f1": fmt(mse[-1][0], 2), "f2": fmt(mse[-1][1], 2)}
    return t("surfaces.alt.contour", r=fmt(m.r, 1), b=fmt(m.b, 1), **_minima(m, t), **ends)


def surface_alt(m: SurfacesModel, t: Say = app_t) -> str:
    return t("surfaces.alt.3d", **_minima(m, t))


def slice_alt(m: SurfacesModel, t: Say = app_t) -> str:
    line = m.slice.line
    lead = t("surfaces.alt.slice", t0=fmt(line.t[0], 1), t1=fmt(line.t[-1], 1))
    mse, ce = slice_notes(m, t)
    return sentences([lead, ce, mse], t)


def data_table(m: SurfacesModel, t: Say = app_t) -> pd.DataFrame:
    return pd.DataFrame({"x₁": m.data.X[:, 0], "x₂": m.data.X[:, 1], "y": m.data.y})


def paths_table(m: SurfacesModel, t: Say = app_t) -> pd.DataFrame:
    ce, mse = m.paths["ce"], m.paths["mse"]
    return pd.DataFrame(
        {
            "CE w₁": ce.path[:, 0], "CE w₂": ce.path[:, 1], t("surfaces.ce", unit=unit_name(m, t)): ce.values,
            "MSE w₁": mse.path[:, 0], "MSE w₂": mse.path[:, 1], t("surfaces.mse"): mse.values,
        }
    )  # fmt: skip


def slice_table(m: SurfacesModel, t: Say = app_t) -> pd.DataFrame:
    line = m.slice.line
    return pd.DataFrame({"t": line.t, t("surfaces.ce", unit=unit_name(m, t)): line.ce, t("surfaces.mse"): line.mse})
