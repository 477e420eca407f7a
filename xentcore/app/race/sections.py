"""Streamlit pieces of the race page: saying the model's phrases, the controls, the cached model and figure, the
results table and the calibration section (a fragment: its temperature never retrains)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from xentcore.app.format import md_escape
from xentcore.app.race.calibration_model import CalibrationModel, calibration
from xentcore.app.race.data import DataInfo
from xentcore.app.race.figures import CALIBRATION_LABEL_KEYS, LABEL_KEYS, race_figure, reliability_figure
from xentcore.app.race.model import TARGET_PERCENT, Phrase, RaceModel, Upload, UserText, build, lanes_of
from xentcore.app.race.state import LANE_KEYS
from xentcore.app.ui import PageState, fmt, fmt_percent, fragment, t
from xentcore.app.ui.charts import cached_figure, chart
from xentcore.app.ui.layout import prose

SCRIPT_OPEN = "race.script"  # the open state of the box with the race as a script


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
        ctx.select_slider(
            "minor",
            t("race.minor"),
            format_func=lambda v: t("race.minor.none") if v == 0.5 else t("race.minor.option", share=fmt_percent(v, 0)),
            help=t("race.minor.help"),
        )
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
    st.markdown(f"**{t('race.controls.lanes')}**")
    *lane_columns, c_gamma, c_tau = st.columns([3, 3, 3, 2, 2])
    for where, key in zip(lane_columns, LANE_KEYS, strict=True):
        ctx.selectbox(key, t(f"race.{key}"), where=where, format_func=lambda v: t(f"race.lane.{v}"))
    lanes = lanes_of(ctx.values)
    number = {"format_func": lambda v: f"{v:g}"}
    ctx.select_slider("gamma", t("race.gamma"), where=c_gamma, disabled="focal" not in lanes, **number)
    ctx.select_slider("tau", t("race.tau"), where=c_tau, disabled="adjusted" not in lanes, **number)
    st.caption(t("race.lanes.caption"))


@st.cache_resource(max_entries=16, show_spinner=False)
def model_for(state: tuple, unit: str, lang: str, upload: Upload | None) -> RaceModel:
    """The page model, built once per state, unit, language and upload; a cached resource, not data: the
    immutable model is handed back without a copy."""
    return build(dict(state), unit, upload, lang=lang)


@st.cache_resource(max_entries=64, show_spinner=False)
def figure_for(
    _model: RaceModel, key: tuple, titles: tuple, labels: tuple, still: bool = False, frame: int | None = None
):
    """The race figure of the model that ``key`` (the arguments of :func:`model_for`) identifies, with its
    translated ``titles`` and ``labels`` (the underscored model is not hashed); with ``frame``, that frame alone
    as a still picture (small: a page keeps several)."""
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
        still=still,
        frame=frame,
    )


def figure(model: RaceModel, key: tuple, still: bool = False, frame: int | None = None):
    """The animated race (or, with ``frame``, one frame of it) in the reader's language."""
    titles = tuple((row.key, say(row.title, str)) for row in model.rows)
    labels = tuple((k, t(f"race.fig.{k}")) for k in LABEL_KEYS)
    return figure_for(model, key, titles, labels, bool(still), frame)


def history_table(model: RaceModel) -> pd.DataFrame:
    """The race figure's curves as numbers: per epoch, each lane's loss (reader's unit; MSE none) and training
    accuracy."""
    table: dict = {}
    for row in model.rows:
        history = model.result.runs[row.key].history
        if not table:
            table[t("race.fig.epoch")] = history["epoch"].astype(int)
        title = say(row.title, str)
        table[f"{title}: {t('race.fig.loss')}"] = (history["loss"] * model.loss_factors[row.key]).round(4)
        table[f"{title}: {t('race.fig.accuracy')}"] = history["train_accuracy"].round(3)
    return pd.DataFrame(table)


def run_columns(titles: list[str]) -> list[str]:
    """The runs' titles as table columns: a title two lanes share gets its lane's number, ``(2)``, so every
    column has its own name."""
    return [f"{title} ({i + 1})" if titles.count(title) > 1 else title for i, title in enumerate(titles)]


def by_quantity(rows: list[dict[str, str]], titles: list[str]) -> pd.DataFrame:
    """Per-run rows of ``{quantity: shown value}`` turned into a table with a row per quantity and a column per
    run: few columns, so it fits a phone's width (a column per quantity does not)."""
    return pd.DataFrame({title: row for title, row in zip(run_columns(titles), rows, strict=True)})


def results_table(model: RaceModel) -> pd.DataFrame:
    """The results, a column per run (headed by its title) and a row per quantity: final loss, accuracies,
    balanced accuracy and per-class recall, epochs to the target accuracy, and whether it finished. For
    ``st.table``, whose cells are markdown: class names are escaped."""
    rows = []
    for row in model.rows:
        shown = {
            t("race.col.loss"): fmt(row.loss),
            t("race.col.train"): fmt_percent(row.train_accuracy),
            t("race.col.test"): fmt_percent(row.test_accuracy),
            t("race.col.balanced"): fmt_percent(row.balanced_accuracy),
        }
        for name, recall in zip(model.class_names, row.recall, strict=True):
            shown[t("race.col.recall", name=md_escape(name))] = fmt_percent(recall)
        shown[t("race.col.epochs90", target=TARGET_PERCENT)] = (
            t("race.never") if row.epochs_to_target is None else str(row.epochs_to_target)
        )
        shown[t("race.col.status")] = (
            t("race.status.done") if row.diverged_at is None else t("race.status.diverged", epoch=row.diverged_at)
        )
        rows.append(shown)
    return by_quantity(rows, [say(row.title) for row in model.rows])


@st.cache_resource(max_entries=32, show_spinner=False)
def calibration_for(_model: RaceModel, key: tuple, temperature: float, fit: bool, unit: str) -> CalibrationModel:
    """The calibration of the model that ``key`` (the arguments of :func:`model_for`) identifies."""
    return calibration(_model, temperature, fit, unit)


def calibration_table(cal: CalibrationModel) -> pd.DataFrame:
    """A column per run and a row per score: ECE, Brier score and log loss at T = 1 and, when rescaled, its T
    and the scores at T; the probability it gave its training labels."""
    unit = t(f"unit.short.{cal.unit}")
    rows = []
    for lane in cal.lanes:
        shown = {}
        if cal.scaled:
            shown[t("race.cal.col.T")] = fmt(lane.T, 3)
        pairs = (("ece", "ece"), ("brier", "brier"), ("loss", "log_loss"))
        for col, score in pairs:
            shown[t(f"race.cal.col.{col}", unit=unit)] = fmt(getattr(lane.before, score), 3)
            if cal.scaled:
                shown[t(f"race.cal.col.{col}.after", unit=unit)] = fmt(getattr(lane.after, score), 3)
        shown[t("race.cal.col.likelihood")] = lane.likelihood
        rows.append(shown)
    return by_quantity(rows, [say(lane.title) for lane in cal.lanes])


def calibration_data(cal: CalibrationModel) -> pd.DataFrame:
    """The reliability diagrams as numbers: per lane and bin, confidence, accuracy and count (at T = 1 and, when
    rescaled, at the lane's T)."""
    rows = []
    for lane in cal.lanes:
        shown = [("1", lane.before.reliability)]
        if lane.T != 1.0:
            shown.append((fmt(lane.T, 3), lane.after.reliability))
        for T, rel in shown:
            for conf, acc, count in zip(rel.confidence, rel.accuracy, rel.count, strict=True):
                rows.append(
                    {
                        t("race.col.run"): say(lane.title, str),
                        "T": T,
                        t("race.cal.fig.confidence"): round(float(conf), 3),
                        t("race.cal.fig.accuracy"): round(float(acc), 3),
                        t("race.cal.fig.points"): int(count),
                    }
                )
    return pd.DataFrame(rows)


@fragment
def calibration_section(ctx: PageState, model: RaceModel, key: tuple) -> None:
    """Reliability diagrams, scores and what they say, at the temperature the reader picks or fits."""
    st.subheader(t("race.cal.title"))
    c_temp, c_fit = st.columns(2)
    ctx.select_slider(
        "temp",
        t("race.cal.temp"),
        where=c_temp,
        format_func=lambda v: f"{v:g}",
        help=t("race.cal.temp.help"),
        disabled=bool(ctx["fitT"]),
    )
    ctx.toggle("fitT", t("race.cal.fitT"), where=c_fit)
    cal = calibration_for(model, key, float(ctx["temp"]), bool(ctx["fitT"]), ctx.unit)
    panels = [
        {
            "key": lane.key,
            "title": t("race.cal.fig.title", run=say(lane.title, str), T=fmt(lane.T, 3)),
            "before": lane.before.reliability,
            "after": lane.after.reliability if lane.T != 1.0 else None,
        }
        for lane in cal.lanes
    ]
    labels = {k: t(f"race.cal.fig.{k}") for k in CALIBRATION_LABEL_KEYS}
    figure = cached_figure(reliability_figure, panels, labels=labels)
    chart(figure, key="race.calibration.figure", alt=say(cal.alt, str), data=lambda: calibration_data(cal))
    st.table(calibration_table(cal))
    st.caption(t("race.cal.caption", part=t(f"race.confusion.{cal.part}")))
    prose(*map(say, cal.paragraphs))
