"""Training race: three linear classifiers, each with its loss (by default logistic + CE, softmax + CE and MSE), on
the same data, animated in the browser; then how well their probabilities are calibrated."""

import pandas as pd
import streamlit as st

from xentcore.app.format import md_escape
from xentcore.app.race.data import DATA
from xentcore.app.race.model import CSV_HELP, Upload, csv_columns, csv_problem, page_intro, race_key
from xentcore.app.race.questions import first_quiz
from xentcore.app.race.sections import (
    SCRIPT_OPEN,
    calibration_section,
    controls,
    figure,
    history_table,
    model_for,
    results_table,
    say,
)
from xentcore.app.race.state import CONTROL_LABELS, SCHEMA
from xentcore.app.race.stepper import frame_stepper
from xentcore.app.ui import fragment, page_end, page_setup, predict, t
from xentcore.app.ui.charts import chart
from xentcore.app.ui.layout import prose
from xentcore.app.ui.widgets import source_expander
from xentcore.datasets import CsvError

ICONS = {"error": ":material/warning:", "warning": ":material/trending_up:", "info": ":material/info:"}

ctx = page_setup("race", SCHEMA, labels=CONTROL_LABELS)
st.title(t("nav.race"))


@fragment
def explore() -> None:
    """The race, its set-up and its results: a move of one of its controls reruns this part alone."""
    st.markdown(say(page_intro(ctx.values)))
    info = DATA[ctx["data"]]
    # The race comes first, its set-up after: the lesson is in the first screen. Its place is kept here and filled
    # once the controls below have been drawn and the model built.
    race = st.container()
    st.subheader(t("race.controls.title"))
    controls(ctx, info)

    # --- data and model -------------------------------------------------------------------------------------------

    upload = None
    if info.uploaded:
        file = st.file_uploader(t("race.csv.upload"), type=["csv"], key="race.csv", help=say(CSV_HELP))
        if file is None:
            st.info(t("race.csv.waiting"), icon=":material/upload_file:")
            st.stop()
    try:
        if info.uploaded:
            columns = csv_columns(file.getvalue())
            label = st.selectbox(t("race.csv.label"), columns, index=len(columns) - 1, key="race.csv_label")
            upload = Upload(file.name, file.getvalue(), label)
        key = (race_key(ctx.values), ctx.unit, ctx.lang, upload)
        model = model_for(*key)
    except CsvError as err:
        st.error(say(csv_problem(err)), icon=":material/error:")
        st.stop()

    if info.uploaded:
        st.caption(say(model.data_note))
    else:
        st.info(say(model.data_note), icon=":material/info:")
    if model.imbalance_note:
        st.caption(say(model.imbalance_note))

    with st.expander(t("race.controls.more")):
        m1, m2 = st.columns(2)
        ctx.slider("mom", t("race.mom"), where=m1)
        ctx.widget(
            "segmented_control",
            "bs",
            t("race.bs"),
            where=m2,
            format_func=lambda v: t("race.bs.full") if v == "full" else v,
        )
        if model.dataset.d > 2:
            if model.feature_pick != (ctx["f1"], ctx["f2"]):
                ctx.update(f1=model.feature_pick[0], f2=model.feature_pick[1])
            ctx.radio("proj", t("race.proj"), format_func=lambda v: t(f"race.proj.{v}"), horizontal=True)
            if ctx["proj"] == "features":
                p1, p2 = st.columns(2)
                names = dict(enumerate(model.feature_names))
                ctx.selectbox("f1", t("race.f1"), where=p1, options=list(names), format_func=names.__getitem__)
                ctx.selectbox("f2", t("race.f2"), where=p2, options=list(names), format_func=names.__getitem__)

    # --- the race (drawn above the set-up) ------------------------------------------------------------------------

    with race:
        if model.projection_note:
            st.caption(say(model.projection_note))
        chart(
            figure(model, key, ctx.settings["still"]),
            key="race.figure",
            alt=say(model.figure_alt, str),
            data=lambda: history_table(model),
        )
        st.caption(say(model.figure_caption))
        frame_stepper(ctx, model, key)

    # --- results --------------------------------------------------------------------------------------------------

    st.subheader(t("race.results"))
    if predict(ctx, **first_quiz(model, ctx.values)):
        st.table(results_table(model))
        st.caption(say(model.loss_caption))
        st.caption(say(model.metrics_caption))
        for alert in model.alerts:
            getattr(st, alert.kind)(say(alert.phrase), icon=ICONS[alert.kind])
        if model.why:
            with st.expander(t("race.why")):
                prose(*map(say, model.why))

    st.markdown(f"**{t('race.confusion', part=t(f'race.confusion.{model.confusion_part}'))}**")
    for col, row in zip(st.columns(len(model.rows)), model.rows, strict=True):
        col.markdown(say(row.title))
        names = [md_escape(name) for name in model.class_names]  # st.table's cells are markdown
        col.table(pd.DataFrame(row.confusion, index=names, columns=names))
    st.caption(t("race.confusion.caption"))

    # --- calibration ----------------------------------------------------------------------------------------------

    calibration_section(ctx, model, key)

    # --- downloads ------------------------------------------------------------------------------------------------

    d1, d2 = st.columns(2)
    d1.download_button(
        t("race.download.history"),
        model.history_csv,
        file_name="xent_race_history.csv",
        mime="text/csv",
        icon=":material/download:",
        help=t("race.download.history.help"),
        key="race.download_history",
    )
    d2.download_button(
        t("race.download.script"),
        model.script.encode(),
        file_name="xent_race.py",
        mime="text/x-python",
        icon=":material/code:",
        key="race.download_script",
    )
    source_expander(
        t("race.script"),
        SCRIPT_OPEN,
        lambda: [model.script],
        intro=[say(model.script_caption), *([say(model.script_csv_note)] if model.script_csv else [])],
    )


explore()

page_end(ctx)
