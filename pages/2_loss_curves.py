"""Loss curves & gradients: cross-entropy against MSE for one example, and the softmax cross-entropy probe."""

import inspect

import numpy as np
import pandas as pd
import streamlit as st

from xentcore import losses, probes
from xentcore.app.curves.figures import binary_figure, multiclass_figure, temperature_figure
from xentcore.app.curves.state import LOGIT_LIMIT, SCHEMA
from xentcore.app.ui import fmt, fragment, page_setup, t
from xentcore.distributions import rescale, resize

TEMPERATURES = np.geomspace(0.1, 20.0, 121)

ctx = page_setup("curves", SCHEMA)
st.title(t("nav.curves"))
st.markdown(t("curves.intro"))


@st.cache_data(max_entries=8)
def binary_curves(y: int, base: float) -> probes.BinaryCurves:
    return probes.binary_curves(y, base=base)


# --- 1. binary ------------------------------------------------------------------------------------------------

st.header(t("curves.binary.header"))
st.markdown(t("curves.binary.body"))
st.latex(
    r"\hat y=\sigma(z)=\frac{1}{1+e^{-z}},\quad "
    r"L_{\mathrm{CE}}=-\bigl[y\log\hat y+(1-y)\log(1-\hat y)\bigr],\quad L_{\mathrm{MSE}}=(y-\hat y)^2"
)
st.latex(
    r"\frac{\partial L_{\mathrm{CE}}}{\partial\hat y}=\frac{\hat y-y}{\hat y(1-\hat y)},\quad "
    r"\frac{\partial L_{\mathrm{CE}}}{\partial z}=\hat y-y,\quad "
    r"\frac{\partial L_{\mathrm{MSE}}}{\partial z}=2(\hat y-y)\,\hat y(1-\hat y)"
)
left, right = st.columns(2)
ctx.radio(
    "y",
    t("curves.y"),
    options=[1, 0],
    format_func=lambda v: t(f"curves.y.{v}"),
    horizontal=True,
    where=left,
)
ctx.toggle("log", t("curves.log"), where=right, help=t("curves.log.help"))


@fragment
def binary_probe() -> None:
    y = ctx["y"]
    ctx.slider("z", t("curves.probe"), help=t("curves.probe.help"))
    probe = probes.binary_probe(y, ctx["z"], base=ctx.base)
    wrong = probes.confidently_wrong(y)
    labels = {
        "ce": t("curves.ce"),
        "mse": t("curves.mse"),
        "loss_p": t("curves.fig.loss_p"),
        "loss_z": t("curves.fig.loss_z"),
        "grad_p": t("curves.fig.grad_p"),
        "grad_z": t("curves.fig.grad_z"),
        "p": t("curves.fig.p"),
        "z": t("curves.fig.z"),
        "loss": t("curves.fig.loss", unit=t(f"unit.short.{ctx.unit}")),
        "grad": t("curves.fig.abs_grad") if ctx["log"] else t("curves.fig.grad"),
        "wrong": t("curves.fig.wrong"),
        "probe": t("curves.fig.probe"),
    }
    fig = binary_figure(binary_curves(y, ctx.base), probe, wrong, labels, log=ctx["log"])
    st.plotly_chart(fig, key="curves.binary_fig", config={"displayModeBar": False})
    st.caption(t("curves.fig.caption"))
    cols = st.columns(3)
    cols[0].metric(t("curves.metric.y_hat"), fmt(probe.y_hat))
    cols[1].metric(t("curves.metric.ce"), fmt(probe.ce))
    cols[2].metric(t("curves.metric.ratio"), f"{probe.ratio:.1f}×")
    table = pd.DataFrame(
        {
            t("curves.col.value"): [fmt(probe.ce), fmt(probe.mse)],
            t("curves.col.dp"): [fmt(probe.dce_dp), fmt(probe.dmse_dp)],
            t("curves.col.dp_fd"): [fmt(probe.dce_dp_fd), fmt(probe.dmse_dp_fd)],
            t("curves.col.dz"): [fmt(probe.dce_dz), fmt(probe.dmse_dz)],
            t("curves.col.dz_fd"): [fmt(probe.dce_dz_fd), fmt(probe.dmse_dz_fd)],
        },
        index=[t("curves.ce"), t("curves.mse")],
    )
    st.table(table)
    if probe.confidently_wrong():
        callout = t(
            "curves.wrong.callout",
            p=fmt(probe.p_true),
            mse=fmt(probe.dmse_dz),
            ce=fmt(probe.dce_dz),
            r=f"{probe.ratio:.1f}",
        )
        st.info(callout, icon=":material/priority_high:")
    else:
        st.info(t("curves.right.callout", p=fmt(probe.p_true), r=f"{probe.ratio:.1f}"), icon=":material/info:")
    if ctx.unit != "nats":
        st.caption(t("curves.bits.note"))


binary_probe()

# --- 2. multi-class -----------------------------------------------------------------------------------------------

st.header(t("curves.multi.header"))
st.markdown(t("curves.multi.body"))
st.latex(
    r"\hat y=\mathrm{softmax}(z/T),\quad \tilde y=(1-\varepsilon)\,y+\varepsilon/K,\quad "
    r"L=-\sum_j\tilde y_j\log\hat y_j,\quad "
    r"\frac{\partial L}{\partial z_j}=\frac{\hat y_j-\tilde y_j}{T},\quad "
    r"\frac{\partial L}{\partial \hat y_j}=-\frac{\tilde y_j}{\hat y_j}"
)
st.error(t("curves.tutorial.callout"), icon=":material/fact_check:")


def class_name(i: int) -> str:
    return t("curves.class", k=i)


def set_k() -> None:
    k = st.session_state["curves.k"]
    ctx.update(
        zs=probes.resize_logits(ctx["zs"], k),
        ty=tuple(float(v) for v in resize(ctx["ty"], k)),
        c=min(ctx["c"], k - 1),
    )


def set_logit(i: int) -> None:
    zs = list(ctx["zs"])
    zs[i] = float(st.session_state[f"curves.z{i}"])
    ctx.set("zs", tuple(zs))


def set_target_weight(i: int) -> None:
    ctx.set("ty", tuple(float(v) for v in rescale(ctx["ty"], i, st.session_state[f"curves.ty{i}"])))


@fragment
def multiclass() -> None:
    zs = ctx["zs"]
    k = len(zs)
    st.session_state["curves.k"] = k
    st.slider(t("curves.k"), min_value=2, max_value=probes.MAX_CLASSES, key="curves.k", on_change=set_k)
    st.markdown(f"**{t('curves.logits')}**")
    cols = st.columns(k)
    for i in range(k):
        key = f"curves.z{i}"
        st.session_state[key] = float(zs[i])
        cols[i].slider(
            f"z{i}",
            min_value=-LOGIT_LIMIT,
            max_value=LOGIT_LIMIT,
            step=0.1,
            key=key,
            on_change=set_logit,
            args=(i,),
        )
    left, mid, right = st.columns(3)
    ctx.toggle("soft", t("curves.soft"), where=left, help=t("curves.soft.help"))
    ctx.slider("temp", t("curves.temp"), where=mid, help=t("curves.temp.help"))
    ctx.slider("ls", t("curves.ls"), where=right, help=t("curves.ls.help"))
    if ctx["soft"]:
        st.markdown(f"**{t('curves.soft.weights')}**")
        tcols = st.columns(k)
        for i in range(k):
            key = f"curves.ty{i}"
            st.session_state[key] = float(ctx["ty"][i])
            tcols[i].slider(
                class_name(i), min_value=0.0, max_value=1.0, step=0.01, key=key, on_change=set_target_weight, args=(i,)
            )
        target = ctx["ty"]
    else:
        ctx.selectbox("c", t("curves.c"), options=list(range(k)), format_func=class_name, where=left)
        target = ctx["c"]
    probe = probes.multiclass_probe(zs, target, temperature=ctx["temp"], smoothing=ctx["ls"], base=ctx.base)
    unit = t(f"unit.short.{ctx.unit}")
    m = st.columns(3)
    m[0].metric(t("curves.metric.mce"), f"{fmt(probe.ce)} {unit}")
    m[1].metric(t("curves.metric.min"), f"{fmt(probe.min_ce)} {unit}", help=t("curves.metric.min.help"))
    m[2].metric(
        t("curves.metric.uniform", k=k), f"{fmt(probe.uniform_ce)} {unit}", help=t("curves.metric.uniform.help")
    )
    names = [class_name(i) for i in range(k)]
    labels = {
        "probs": t("curves.mfig.probs"),
        "grad_z": t("curves.mfig.grad_z"),
        "grad_p": t("curves.mfig.grad_p"),
        "y_hat": t("curves.mfig.y_hat"),
        "target": t("curves.mfig.target"),
        "grad_z_bar": t("curves.mfig.grad_z_bar"),
        "grad_p_bar": t("curves.mfig.grad_p_bar"),
        "fd": t("curves.mfig.fd"),
    }
    st.plotly_chart(multiclass_figure(probe, names, labels), key="curves.multi_fig", config={"displayModeBar": False})
    table = pd.DataFrame(
        {
            "z": [fmt(v) for v in probe.z],
            "ŷ": [fmt(v) for v in probe.y_hat],
            "ỹ": [fmt(v) for v in probe.target],
            t("curves.col.gz"): [fmt(v) for v in probe.grad_z],
            t("curves.col.gz_fd"): [fmt(v) for v in probe.grad_z_fd],
            t("curves.col.gp"): [fmt(v) for v in probe.grad_p],
            t("curves.col.gp_fd"): [fmt(v) for v in probe.grad_p_fd],
        },
        index=names,
    )
    st.table(table)
    if ctx["ls"] > 0:
        st.caption(t("curves.ls.note", eps=fmt(ctx["ls"], 2), h=fmt(probe.min_ce), unit=unit))
    st.subheader(t("curves.temp.header"))
    st.markdown(t("curves.temp.body"))
    sweep = probes.temperature_sweep(zs, target, TEMPERATURES, smoothing=ctx["ls"], base=ctx.base)
    tlabels = {
        "ce": t("curves.metric.mce"),
        "t": t("curves.temp"),
        "loss": t("curves.fig.loss", unit=unit),
        "min": t("curves.tfig.min", h=fmt(probe.min_ce)),
        "uniform": t("curves.tfig.uniform", k=k, v=fmt(probe.uniform_ce)),
        "current": t("curves.tfig.current"),
    }
    fig = temperature_figure(
        TEMPERATURES,
        sweep,
        current=(probe.temperature, probe.ce),
        min_ce=probe.min_ce,
        uniform_ce=probe.uniform_ce,
        labels=tlabels,
    )
    st.plotly_chart(fig, key="curves.temp_fig", config={"displayModeBar": False})


multiclass()

with st.expander(t("curves.source")):
    st.code(inspect.getsource(losses.grad_categorical_cross_entropy), language="python")
    st.code(inspect.getsource(losses.grad_mse_with_logits), language="python")

st.caption(t("footer"))
