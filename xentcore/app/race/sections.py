"""Streamlit pieces of the race page: saying the model's phrases, the controls, the cached model and figure."""

from __future__ import annotations

import streamlit as st

from xentcore.app.format import md_escape
from xentcore.app.race.data import DataInfo
from xentcore.app.race.figures import LABEL_KEYS, race_figure
from xentcore.app.race.model import Phrase, RaceModel, Upload, UserText, build
from xentcore.app.ui import PageState, t


def say(phrase: Phrase, escape=md_escape) -> str:
    """``phrase`` in the reader's language; text from the reader's file passes through ``escape`` (for the
    markdown sinks by default; ``str`` for plain-text sinks such as table cells and widget options)."""

    def value(v):
        if isinstance(v, Phrase):
            return say(v, escape)
        if isinstance(v, tuple):
            return "".join(value(x) for x in v)
        return escape(v) if isinstance(v, UserText) else v

    return t(phrase.key, **{k: value(v) for k, v in phrase.values})


def controls(ctx: PageState, info: DataInfo) -> None:
    """The three columns of settings every race shares; N and noise only for data they change."""
    c_data, c_train, c_reg = st.columns(3)
    with c_data:
        st.subheader(t("race.controls.data"))
        ctx.selectbox("data", t("race.data"), format_func=lambda d: t(f"race.data.{d}"))
        ctx.slider("n", t("race.n"), step=10, disabled=info.fixed)
        ctx.slider("noise", t("race.noise"), disabled=info.fixed)
        ctx.number_input("seed", t("race.seed"), help=t("race.seed.help"))
        if info.fixed and not info.uploaded:
            st.caption(t("race.fixed"))
    with c_train:
        st.subheader(t("race.controls.training"))
        ctx.select_slider("lr", t("race.lr"), format_func=lambda v: f"{v:g}")
        ctx.select_slider("ep", t("race.ep"), format_func=lambda v: str(int(v)))
        ctx.selectbox("init", t("race.init"), format_func=lambda v: t(f"race.init.{v}"))
        ctx.select_slider(
            "mlr", t("race.mlr"), format_func=lambda v: t("race.mlr.option", m=f"{v:g}"), help=t("race.mlr.help")
        )
    with c_reg:
        st.subheader(t("race.controls.regularisation"))
        ctx.slider("ls", t("race.ls"))
        ctx.selectbox("cw", t("race.cw"), format_func=lambda v: t(f"race.cw.{v}"))
        ctx.select_slider("l2", t("race.l2"), format_func=lambda v: f"{v:g}", help=t("race.l2.help"))


@st.cache_resource(max_entries=16, show_spinner=False)
def model_for(state: tuple, unit: str, lang: str, upload: Upload | None) -> RaceModel:
    """The page model, built once per state, unit, language and upload; a cached resource, not data: the
    immutable model is handed back without a copy."""
    return build(dict(state), unit, upload, lang=lang)


@st.cache_resource(max_entries=8, show_spinner=False)
def figure_for(_model: RaceModel, key: tuple, titles: tuple, labels: tuple):
    """The race figure of the model that ``key`` (the arguments of :func:`model_for`) identifies, with its
    translated ``titles`` and ``labels`` (the underscored model is not hashed)."""
    picture = _model.picture
    return race_figure(
        picture.animation,
        picture.train_uv,
        _model.train_set.y,
        picture.test_uv,
        _model.test_set.y if _model.test_set.n else None,
        run_titles=dict(titles),
        class_names=_model.class_names,
        labels=dict(labels),
        loss_factors=_model.loss_factors,
        axis_names=_model.axis_names,
    )


def figure(model: RaceModel, key: tuple):
    titles = tuple((row.key, say(row.title)) for row in model.rows)
    return figure_for(model, key, titles, tuple((k, t(f"race.fig.{k}")) for k in LABEL_KEYS))
