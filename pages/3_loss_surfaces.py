"""Loss surfaces: cross-entropy against MSE over the two weights of a logistic regression."""

import numpy as np
import streamlit as st

from xentcore import surface as sf
from xentcore.app.surfaces.figures import contour_pair, data_figure, slice_figure, surface_pair_3d
from xentcore.app.surfaces.state import SCHEMA
from xentcore.app.ui import fmt, page_setup, t
from xentcore.datasets import Dataset, make_dataset

ctx = page_setup("surfaces", SCHEMA)
st.title(t("nav.surfaces"))
st.markdown(t("surfaces.intro"))
st.latex(
    r"\hat y_i=\sigma(w_1x_{i1}+w_2x_{i2}+b),\quad "
    r"\mathrm{CE}(w)=-\frac1N\sum_i\bigl[y_i\log\hat y_i+(1-y_i)\log(1-\hat y_i)\bigr],\quad "
    r"\mathrm{MSE}(w)=\frac1N\sum_i(y_i-\hat y_i)^2"
)

# The article's data set is fixed: n, noise and seed do not change it, so they must not split the cache.
DataKey = tuple[str, int, float, int]


def data_key() -> DataKey:
    if ctx["data"] == "article":
        return ("article", 100, 0.0, 0)
    return (ctx["data"], ctx["n"], ctx["noise"], ctx["seed"])


@st.cache_data(max_entries=16)
def dataset(key: DataKey) -> Dataset:
    name, n, noise, seed = key
    return make_dataset(name, n=n, noise=noise, seed=seed)


@st.cache_data(max_entries=16)
def surface(key: DataKey, grid: int, r: float, b: float, base: float) -> sf.Surface:
    ds = dataset(key)
    w1, w2 = sf.weight_grid(r, grid)
    return sf.loss_surface(ds.X, ds.y, w1, w2, b, base=base)


@st.cache_data(max_entries=32)
def descent(key: DataKey, b: float, start: tuple[float, float], lr: float, steps: int, base: float):
    ds = dataset(key)
    out = {}
    for loss in ("ce", "mse"):
        path = sf.gradient_descent(ds.X, ds.y, start, b, loss=loss, lr=lr, steps=steps)
        out[loss] = (path, *sf.path_losses(ds.X, ds.y, path, b, base=base))
    return out


@st.cache_data(max_entries=32)
def loss_slice(key: DataKey, b: float, angle: float, r: float, base: float) -> sf.Slice:
    ds = dataset(key)
    return sf.loss_slice(ds.X, ds.y, b, angle=angle, half_length=r, base=base)


# --- controls ---------------------------------------------------------------------------------------------

c_data, c_surface, c_descent = st.columns(3)
with c_data:
    st.subheader(t("surfaces.controls.data"))
    ctx.selectbox("data", t("surfaces.data"), format_func=lambda d: t(f"surfaces.data.{d}"))
    fixed = ctx["data"] == "article"
    ctx.slider("n", t("surfaces.n"), disabled=fixed)
    ctx.slider("noise", t("surfaces.noise"), disabled=fixed)
    ctx.number_input("seed", t("surfaces.seed"), disabled=fixed)
    if fixed:
        st.caption(t("surfaces.article.note"))
with c_surface:
    st.subheader(t("surfaces.controls.surface"))
    ctx.slider("grid", t("surfaces.grid"), help=t("surfaces.grid.help"))
    ctx.slider("r", t("surfaces.r"))
    ctx.slider("b", t("surfaces.b"), help=t("surfaces.b.help"))
    ctx.slider("ang", t("surfaces.ang"), help=t("surfaces.ang.help"))
with c_descent:
    st.subheader(t("surfaces.controls.descent"))
    ctx.slider("w1", t("surfaces.w1"))
    ctx.slider("w2", t("surfaces.w2"))
    ctx.select_slider("lr", t("surfaces.lr"))
    ctx.slider("steps", t("surfaces.steps"))

key = data_key()
ds = dataset(key)
surf = surface(key, ctx["grid"], ctx["r"], ctx["b"], ctx.base)
paths = descent(key, ctx["b"], (ctx["w1"], ctx["w2"]), ctx["lr"], ctx["steps"], ctx.base)
sl = loss_slice(key, ctx["b"], ctx["ang"], ctx["r"], ctx.base)
unit = t(f"unit.short.{ctx.unit}")
names = {"ce": t("surfaces.ce", unit=unit), "mse": t("surfaces.mse")}

# --- summary ------------------------------------------------------------------------------------------------

left, right = st.columns([2, 3])
with left:
    classes = [t("surfaces.class", k=c) for c in range(ds.n_classes)]
    fig = data_figure(ds.X, ds.y, classes, {"x1": "x₁", "x2": "x₂"}, height=280)
    st.plotly_chart(fig, key="surfaces.data_fig", config={"displayModeBar": False})
    st.caption(t("surfaces.data.caption", n=ds.n, name=t(f"surfaces.data.{ctx['data']}")))
with right:
    st.markdown(t("surfaces.descent.body", steps=ctx["steps"], lr=fmt(ctx["lr"], 2), b=fmt(ctx["b"], 1)))
    rows = st.columns(2)
    for col, loss in zip(rows, ("ce", "mse"), strict=True):
        path, ce, mse = paths[loss]
        value = ce if loss == "ce" else mse
        moved = float(np.linalg.norm(path[-1] - path[0]))
        col.metric(t(f"surfaces.metric.{loss}"), fmt(value[-1]), help=t("surfaces.metric.help"))
        col.caption(
            t(
                "surfaces.metric.moved",
                start=fmt(value[0]),
                d=fmt(moved, 2),
                w1=fmt(path[-1][0], 2),
                w2=fmt(path[-1][1], 2),
            )
        )

# --- surfaces -------------------------------------------------------------------------------------------------

st.subheader(t("surfaces.contour.header"))
labels = {
    **names,
    "path_ce": t("surfaces.path_ce"),
    "path_mse": t("surfaces.path_mse"),
    "start": t("surfaces.start"),
    "minimum": t("surfaces.minimum"),
    "slice": t("surfaces.slice"),
    "w1": "w₁",
    "w2": "w₂",
}
fig = contour_pair(surf, {k: v[0] for k, v in paths.items()}, sl.points[[0, -1]], labels)
st.plotly_chart(fig, key="surfaces.contour_fig", config={"displayModeBar": False})
st.caption(t("surfaces.contour.caption"))

ctx.toggle("d3", t("surfaces.d3"))
if ctx["d3"]:
    st.plotly_chart(surface_pair_3d(surf, paths, labels), key="surfaces.3d_fig")

# --- slice -------------------------------------------------------------------------------------------------------

st.subheader(t("surfaces.slice.header"))
st.markdown(t("surfaces.slice.body", ang=fmt(ctx["ang"], 0)))
concave = {"ce": sf.concave_intervals(sl.t, sl.ce), "mse": sf.concave_intervals(sl.t, sl.mse)}
slabels = {**names, "t": t("surfaces.slice.t"), "concave": t("surfaces.slice.concave")}
st.plotly_chart(slice_figure(sl, concave, slabels), key="surfaces.slice_fig", config={"displayModeBar": False})
if concave["mse"]:
    spans = ", ".join(f"[{fmt(lo, 2)}, {fmt(hi, 2)}]" for lo, hi in concave["mse"])
    st.info(t("surfaces.slice.nonconvex", spans=spans), icon=":material/landscape:")
else:
    st.info(t("surfaces.slice.convex"), icon=":material/info:")
if concave["ce"]:  # cannot happen for a convex function; say so loudly if rounding ever claims otherwise
    st.error(t("surfaces.slice.ce_concave"))

st.caption(t("footer"))
