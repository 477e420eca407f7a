"""Loss surfaces: cross-entropy against MSE over the two weights of a logistic regression."""

import streamlit as st

from xentcore.app.surfaces import notes
from xentcore.app.surfaces.figures import contour_pair, data_figure, slice_figure, surface_pair_3d
from xentcore.app.surfaces.model import build
from xentcore.app.surfaces.state import SCHEMA
from xentcore.app.surfaces.text import FORMULA
from xentcore.app.ui import fmt, fragment, page_end, page_setup, predict, t
from xentcore.app.ui.charts import cached_figure, chart

ctx = page_setup("surfaces", SCHEMA)
st.title(t("nav.surfaces"))


@fragment
def explore() -> None:
    """The controls and everything they shape: a move of one of them reruns this part alone."""
    intro = st.empty()  # filled once the model is built: it describes this view's landscape
    # the two landscapes right under it, filled once the model is built: the page's lesson in its first screen
    landscapes = st.container()
    st.latex(FORMULA)

    # --- controls -------------------------------------------------------------------------------------------------

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
        ctx.slider("grid", t("surfaces.grid"), help=notes.grid_help(ctx["grid"]))
        ctx.slider("r", t("surfaces.r"))
        ctx.slider("b", t("surfaces.b"), help=t("surfaces.b.help"))
        ctx.slider("ang", t("surfaces.ang"), help=t("surfaces.ang.help"))
    with c_descent:
        st.subheader(t("surfaces.controls.descent"))
        ctx.slider("w1", t("surfaces.w1"))
        ctx.slider("w2", t("surfaces.w2"))
        ctx.select_slider("lr", t("surfaces.lr"))
        ctx.slider("steps", t("surfaces.steps"))

    m = build(ctx.values, ctx.unit)
    unit = notes.unit_name(m)
    labels = notes.figure_labels(m)

    # --- summary --------------------------------------------------------------------------------------------------

    left, right = st.columns([2, 3])
    with left:
        classes = [t("surfaces.class", k=c) for c in range(m.data.n_classes)]
        fig = cached_figure(data_figure, m.data.X, m.data.y, classes, {"x1": "x₁", "x2": "x₂"}, height=280)
        chart(fig, key="surfaces.data_fig", alt=notes.data_alt(m), data=lambda: notes.data_table(m))
        caption = "surfaces.data.caption.article" if m.data_name == "article" else "surfaces.data.caption"
        st.caption(t(caption, n=m.data.n, name=t(f"surfaces.data.{m.data_name}")))
    with right:  # in quiz mode the reader first predicts, from the data beside, what the descents and contours show
        if revealed := predict(ctx, **notes.minimum_quiz(m)):
            st.markdown(t("surfaces.descent.body", steps=m.steps, lr=fmt(m.lr, 2), b=fmt(m.b, 1)))
            cols = st.columns(2)
            for col, loss, suffix in zip(cols, ("ce", "mse"), (f" {unit}", ""), strict=True):
                value = fmt(m.paths[loss].values[-1]) + suffix
                col.metric(t(f"surfaces.metric.{loss}"), value, help=t("surfaces.metric.help"))
                col.caption(notes.descent(m, loss))
    intro.markdown(notes.intro(m, reveal=revealed))

    # --- surfaces -------------------------------------------------------------------------------------------------

    with landscapes:
        if revealed:
            st.subheader(t("surfaces.contour.header"))
            ends = m.slice.line.points[[0, -1]]
            low = tuple(m.minimum.w) if m.minimum_inside else None
            paths = {k: d.path for k, d in m.paths.items()}
            fig = cached_figure(contour_pair, m.surface, paths, ends, labels, ce_minimum=low)
            chart(fig, key="surfaces.contour_fig", alt=notes.contour_alt(m), data=lambda: notes.paths_table(m))
            st.caption(notes.contour_caption(m))
        ctx.toggle("d3", t("surfaces.d3"))
        if ctx["d3"] and revealed:
            fig = cached_figure(surface_pair_3d, m.surface, m.paths, labels)
            chart(fig, key="surfaces.3d_fig", alt=notes.surface_alt(m), data=lambda: notes.paths_table(m))

    # --- slice ----------------------------------------------------------------------------------------------------

    st.subheader(t("surfaces.slice.header"))
    st.markdown(t("surfaces.slice.body", ang=fmt(ctx["ang"], 0), r=fmt(m.r, 1)))
    chart(
        cached_figure(slice_figure, m.slice.line, m.slice.concave, labels),
        key="surfaces.slice_fig",
        alt=notes.slice_alt(m),
        data=lambda: notes.slice_table(m),
    )
    mse_note, ce_note = notes.slice_notes(m)
    st.info(mse_note, icon=":material/landscape:" if m.slice.concave["mse"] else ":material/info:")
    st.info(ce_note, icon=":material/info:")
    if m.slice.concave["ce"]:  # cannot happen for a convex function; say so loudly if rounding ever claims otherwise
        st.error(t("surfaces.slice.ce_concave"))


explore()

page_end(ctx)
