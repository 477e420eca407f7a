"""Loss curves & gradients: cross-entropy against MSE for one example, and the softmax cross-entropy probe."""

import inspect

import pandas as pd
import streamlit as st

from xentcore.app.curves import notes
from xentcore.app.curves.figures import binary_figure, multiclass_figure, temperature_figure
from xentcore.app.curves.model import GRADIENT_SOURCES, build_binary, build_multiclass
from xentcore.app.curves.state import CONTROL_LABELS, LOGIT_LIMIT, SCHEMA, with_classes
from xentcore.app.curves.text import BINARY_FORMULAS, MULTICLASS_FORMULA
from xentcore.app.ui import fmt, fragment, page_end, page_setup, predict, t
from xentcore.app.ui.charts import cached_figure, chart
from xentcore.app.ui.widgets import source_expander, vector_sliders
from xentcore.probes import MAX_CLASSES

ctx = page_setup("curves", SCHEMA, labels=CONTROL_LABELS)
st.title(t("nav.curves"))
st.markdown(t("curves.intro"))

# --- 1. binary ------------------------------------------------------------------------------------------------

st.header(t("curves.binary.header"))
st.markdown(t("curves.binary.body"))
for formula in BINARY_FORMULAS:
    st.latex(formula)
left, right = st.columns(2)
ctx.radio("y", t("curves.y"), options=[1, 0], format_func=lambda v: t(f"curves.y.{v}"), horizontal=True, where=left)
ctx.toggle("log", t("curves.log"), where=right, help=t("curves.log.help"))


@fragment
def binary_probe() -> None:
    ctx.slider("z", t("curves.probe"), help=t("curves.probe.help"))
    m = build_binary(ctx.values, ctx.unit)
    if not predict(ctx, **notes.push_quiz(m)):
        return
    pr = m.probe
    fig = cached_figure(binary_figure, m, notes.binary_labels(m, ctx["log"]), log=ctx["log"])
    chart(fig, key="curves.binary_fig", alt=notes.binary_alt(m), data=lambda: notes.binary_data(m))
    st.caption(notes.gradient_caption(m))
    cols = st.columns(3)
    cols[0].metric(t("curves.metric.y_hat"), fmt(pr.y_hat))
    cols[1].metric(t("curves.metric.ce"), fmt(pr.ce))
    cols[2].metric(t("curves.metric.ratio"), f"{pr.ratio:.1f}×")
    table = pd.DataFrame(
        {
            t("curves.col.value"): [fmt(pr.ce), fmt(pr.mse)],
            t("curves.col.dp"): [fmt(pr.dce_dp), fmt(pr.dmse_dp)],
            t("curves.col.dp_fd"): [fmt(pr.dce_dp_fd), fmt(pr.dmse_dp_fd)],
            t("curves.col.dz"): [fmt(pr.dce_dz), fmt(pr.dmse_dz)],
            t("curves.col.dz_fd"): [fmt(pr.dce_dz_fd), fmt(pr.dmse_dz_fd)],
        },
        index=[t("curves.ce"), t("curves.mse")],
    )
    st.table(table.T)  # a row per quantity, a column per loss: three columns fit a phone
    icon = ":material/priority_high:" if m.regime == "wrong" else ":material/info:"
    st.info(notes.binary_callout(m), icon=icon)
    if ctx.unit != "nats":
        st.caption(t("curves.bits.note"))


binary_probe()

# --- 2. multi-class -----------------------------------------------------------------------------------------------

st.header(t("curves.multi.header"))
st.markdown(t("curves.multi.body"))
st.latex(MULTICLASS_FORMULA)
st.error(t("curves.tutorial.callout"), icon=":material/fact_check:")


def class_name(i: int) -> str:
    return t("curves.class", k=i)


def set_k() -> None:
    ctx.update(**with_classes(ctx.values, st.session_state["curves.k"]))


@fragment
def multiclass() -> None:
    k = len(ctx["zs"])
    st.session_state["curves.k"] = k
    st.slider(t("curves.k"), min_value=2, max_value=MAX_CLASSES, value=k, key="curves.k", on_change=set_k)
    st.markdown(f"**{t('curves.logits')}**")
    vector_sliders(
        ctx, "zs", [f"z{i}" for i in range(k)], where=st.columns(k), lo=-LOGIT_LIMIT, hi=LOGIT_LIMIT, step=0.1,
        distribution=False, name=t("curves.logits"),
    )  # fmt: skip
    left, mid, right = st.columns(3)
    ctx.toggle("soft", t("curves.soft"), where=left, help=t("curves.soft.help"))
    ctx.slider("temp", t("curves.temp"), where=mid, help=t("curves.temp.help"))
    ctx.slider("ls", t("curves.ls"), where=right, help=t("curves.ls.help"))
    if ctx["soft"]:
        st.markdown(f"**{t('curves.soft.weights')}**")
        vector_sliders(ctx, "ty", [class_name(i) for i in range(k)], where=st.columns(k), name=t("curves.soft.weights"))
    else:
        ctx.selectbox("c", t("curves.c"), options=list(range(k)), format_func=class_name, where=left)
    m = build_multiclass(ctx.values, ctx.unit)
    pr = m.probe
    unit = notes.unit_name(ctx.unit)
    cols = st.columns(3)
    cols[0].metric(t("curves.metric.mce"), f"{fmt(pr.ce)} {unit}")
    cols[1].metric(t("curves.metric.min"), f"{fmt(pr.min_ce)} {unit}", help=t("curves.metric.min.help"))
    cols[2].metric(notes.uniform_label(m), f"{fmt(pr.uniform_ce)} {unit}", help=t("curves.metric.uniform.help"))
    names = [class_name(i) for i in range(k)]
    fig = cached_figure(multiclass_figure, pr, names, notes.multiclass_labels(m))
    chart(fig, key="curves.multi_fig", alt=notes.multiclass_alt(m), data=lambda: notes.multiclass_data(m))
    if ctx.unit != "nats":
        st.caption(t("curves.bits.note.multi"))
    table = pd.DataFrame(
        {
            "z": [fmt(v) for v in pr.z],
            "ŷ": [fmt(v) for v in pr.y_hat],
            "ỹ": [fmt(v) for v in pr.target],
            t("curves.col.gz"): [fmt(v) for v in pr.grad_z],
            t("curves.col.gz_fd"): [fmt(v) for v in pr.grad_z_fd],
        },
        index=names,
    )
    st.table(table)  # split in two: seven columns do not fit a phone
    st.table(
        pd.DataFrame(
            {t("curves.col.gp"): [fmt(v) for v in pr.grad_p], t("curves.col.gp_fd"): [fmt(v) for v in pr.grad_p_fd]},
            index=names,
        )
    )
    if m.smoothing > 0:
        st.caption(t("curves.ls.note", eps=fmt(m.smoothing, 2), h=fmt(pr.min_ce), unit=unit))
    st.subheader(t("curves.temp.header"))
    if not predict(ctx, **notes.cold_quiz(m)):
        return
    st.markdown(notes.temperature_text(m))
    fig = cached_figure(temperature_figure, m, notes.temperature_labels(m))
    chart(fig, key="curves.temp_fig", alt=notes.temperature_alt(m), data=lambda: notes.temperature_data(m))


multiclass()

source_expander(t("curves.source"), "curves.source", lambda: [inspect.getsource(f) for f in GRADIENT_SOURCES])

page_end(ctx)
