"""Training race: logistic + CE, softmax + CE and MSE on the same data, animated in the browser."""

import hashlib
import math

import pandas as pd
import streamlit as st

from xentcore.app.race.export import race_script
from xentcore.app.race.figures import LABEL_KEYS, race_figure
from xentcore.app.race.geometry import RacePicture, race_picture
from xentcore.app.race.state import SCHEMA, TEST_FRACTION
from xentcore.app.ui import fmt, fmt_percent, page_setup, t
from xentcore.datasets import Dataset, dataset_from_csv, make_dataset, train_test_split
from xentcore.training import confusion_matrix, race

CSV_MAX_BYTES = 1_000_000
CSV_MAX_ROWS = 5000
TARGET = 0.9
GROWING = 10.0  # a final loss this many times the starting one: the run is heading for an overflow


ctx = page_setup("race", SCHEMA)
st.title(t("nav.race"))
st.markdown(t("race.intro"))


@st.cache_data(max_entries=16)
def builtin(name: str, n: int, noise: float, seed: int) -> Dataset:
    return make_dataset(name, n=n, noise=noise, seed=seed)


@st.cache_data(max_entries=4)
def from_csv(data: bytes, label_column: str | None) -> Dataset:
    return dataset_from_csv(data, label_column=label_column, max_bytes=CSV_MAX_BYTES, max_rows=CSV_MAX_ROWS)


@st.cache_data(max_entries=16, show_spinner=False)
def compute(ds: Dataset, seed: int, settings: tuple, features: tuple[int, int] | None):
    """The split, the race and its animation: pure, cached by every argument (the data set hashes by value)."""
    train_set, test_set = train_test_split(ds, test_fraction=TEST_FRACTION, seed=seed)
    result = race(train_set, test_set, **dict(settings))
    return train_set, test_set, result, race_picture(result, train_set, test_set, features)


# --- controls -----------------------------------------------------------------------------------------------------

c_data, c_train, c_reg = st.columns(3)
with c_data:
    st.subheader(t("race.controls.data"))
    ctx.selectbox("data", t("race.data"), format_func=lambda d: t(f"race.data.{d}"))
    fixed = ctx["data"] in ("article", "cancer", "iris", "csv")
    ctx.slider("n", t("race.n"), step=10, disabled=fixed)
    ctx.slider("noise", t("race.noise"), disabled=fixed)
    ctx.number_input("seed", t("race.seed"), help=t("race.seed.help"))
    if ctx["data"] in ("article", "cancer", "iris"):
        st.caption(t("race.fixed"))
with c_train:
    st.subheader(t("race.controls.training"))
    ctx.select_slider("lr", t("race.lr"), format_func=lambda v: f"{v:g}")
    ctx.select_slider("ep", t("race.ep"), format_func=lambda v: str(int(v)))
    ctx.selectbox("init", t("race.init"), format_func=lambda v: t(f"race.init.{v}"))
with c_reg:
    st.subheader(t("race.controls.regularisation"))
    ctx.slider("ls", t("race.ls"))
    ctx.selectbox("cw", t("race.cw"), format_func=lambda v: t(f"race.cw.{v}"))
    ctx.select_slider("l2", t("race.l2"), format_func=lambda v: f"{v:g}", help=t("race.l2.help"))

# --- data ---------------------------------------------------------------------------------------------------------

csv_name = None
label_column = None
if ctx["data"] == "csv":
    upload = st.file_uploader(
        t("race.csv.upload"),
        type=["csv"],
        key="race.csv",
        help=t("race.csv.help", rows=CSV_MAX_ROWS, kb=CSV_MAX_BYTES // 1000),
    )
    if upload is None:
        st.info(t("race.csv.waiting"), icon=":material/upload_file:")
        st.stop()
    raw = upload.getvalue()
    header = raw[:4096].decode("utf-8", errors="replace").splitlines()[:1]
    columns = [c.strip() for c in header[0].split(",")] if header else []
    if len(columns) >= 2:
        label_column = st.selectbox(t("race.csv.label"), columns, index=len(columns) - 1, key="race.csv_label")
    try:
        ds = from_csv(raw, label_column)
    except ValueError as err:
        st.error(t("race.csv.error", error=str(err)), icon=":material/error:")
        st.stop()
    csv_name = upload.name
    st.caption(t("race.csv.loaded", n=ds.n, d=ds.d, classes=", ".join(ds.class_names)))
else:
    ds = builtin(ctx["data"], ctx["n"], ctx["noise"], ctx["seed"])
    st.info(t(f"race.note.{ctx['data']}"), icon=":material/info:")

features = None
with st.expander(t("race.controls.more")):
    m1, m2 = st.columns(2)
    ctx.slider("mom", t("race.mom"), where=m1)
    ctx.widget(
        "segmented_control", "bs", t("race.bs"), where=m2, format_func=lambda v: t("race.bs.full") if v == "full" else v
    )
    if ds.d > 2:
        if max(ctx["f1"], ctx["f2"]) >= ds.d or ctx["f1"] == ctx["f2"]:
            ctx.update(f1=0, f2=1)  # an uploaded file can have fewer features than the link assumed
        ctx.radio("proj", t("race.proj"), format_func=lambda v: t(f"race.proj.{v}"), horizontal=True)
        if ctx["proj"] == "features":
            p1, p2 = st.columns(2)
            names = dict(enumerate(ds.feature_names))
            ctx.selectbox("f1", t("race.f1"), where=p1, options=list(names), format_func=names.__getitem__)
            ctx.selectbox("f2", t("race.f2"), where=p2, options=list(names), format_func=names.__getitem__)
            if ctx["f1"] != ctx["f2"]:
                features = (ctx["f1"], ctx["f2"])

settings = (
    ("lr", float(ctx["lr"])),
    ("epochs", int(ctx["ep"])),
    ("seed", int(ctx["seed"])),
    ("init", ctx["init"]),
    ("l2", float(ctx["l2"])),
    ("label_smoothing", float(ctx["ls"])),
    ("class_weight", None if ctx["cw"] == "none" else ctx["cw"]),
    ("batch_size", None if ctx["bs"] == "full" else int(ctx["bs"])),
    ("momentum", float(ctx["mom"])),
)
train_set, test_set, result, picture = compute(ds, int(ctx["seed"]), settings, features)

# --- the race -----------------------------------------------------------------------------------------------------

multi = ds.n_classes > 2
titles = {
    "logistic_ce": t("race.run.logistic_ce.multi" if multi else "race.run.logistic_ce"),
    "softmax_ce": t("race.run.softmax_ce"),
    "mse": t("race.run.mse"),
}
ce_factor = 1.0 / math.log(ctx.base)
loss_factors = {k: (ce_factor if run.loss == "ce" else 1.0) for k, run in result.runs.items()}
proj = picture.projection
if proj.method == "pca":
    st.caption(t("race.projection.pca", d=ds.d, share=fmt_percent(sum(proj.explained), 0)))
elif proj.method == "features":
    st.caption(t("race.projection.features", d=ds.d, a=proj.axis_names[0], b=proj.axis_names[1]))


@st.cache_resource(max_entries=8, show_spinner=False)
def figure(_picture: RacePicture, _train: Dataset, _test: Dataset, key: tuple, labels: tuple, factors: tuple):
    """The figure for one race and one language/unit (``key`` identifies the race; underscored arguments are
    not hashed). A cached resource, not data: the same immutable figure object is reused without copying."""
    return race_figure(
        _picture.animation,
        _picture.train_uv,
        _train.y,
        _picture.test_uv,
        _test.y if _test.n else None,
        run_titles=dict(labels[0]),
        class_names=_train.class_names,
        labels=dict(labels[1]),
        loss_factors=dict(factors),
    )


fig_labels = {k: t(f"race.fig.{k}") for k in LABEL_KEYS}
data_id = hashlib.sha256(ds.X.tobytes() + ds.y.tobytes()).hexdigest()
fig = figure(
    picture,
    train_set,
    test_set,
    (data_id, settings, features),
    (tuple(titles.items()), tuple(fig_labels.items())),
    tuple(loss_factors.items()),
)
st.plotly_chart(fig, key="race.figure", config={"displayModeBar": False})
st.caption(
    t("race.figure.caption.multi")
    if multi
    else t("race.figure.caption", c1=ds.class_names[1] if len(ds.class_names) > 1 else "1")
)

# --- results ------------------------------------------------------------------------------------------------------

st.subheader(t("race.results"))
rows = []
for key, run in result.runs.items():
    reached = run.epochs_to_accuracy(TARGET)
    last = run.final
    rows.append(
        {
            t("race.col.run"): titles[key],
            t("race.col.loss"): fmt(last["loss"] * loss_factors[key]),
            t("race.col.train"): fmt_percent(last["train_accuracy"]),
            t("race.col.test"): fmt_percent(last["test_accuracy"]),
            t("race.col.epochs90"): t("race.never") if reached is None else str(reached),
            t("race.col.status"): t("race.status.done")
            if run.diverged_at is None
            else t("race.status.diverged", epoch=run.diverged_at),
        }
    )
st.dataframe(pd.DataFrame(rows), hide_index=True, key="race.results")
st.caption(t("race.loss.caption", unit=t(f"unit.short.{ctx.unit}"), train=train_set.n, test=test_set.n))
growing = []
for key, run in result.runs.items():
    if run.diverged_at is not None:
        st.error(t("race.diverged", run=titles[key], epoch=run.diverged_at), icon=":material/warning:")
    elif run.final_loss > GROWING * run.history["loss"][0]:
        growing.append(key)
        st.warning(
            t(
                "race.growing",
                run=titles[key],
                start=fmt(run.history["loss"][0] * loss_factors[key]),
                end=fmt(run.final_loss * loss_factors[key]),
            ),
            icon=":material/trending_up:",
        )
if ctx["l2"] > 0 and (growing or any(run.diverged_at is not None for run in result.runs.values())):
    mu = float(ctx["mom"])
    st.info(
        t(
            "race.diverged.why",
            factor=fmt(1.0 - float(ctx["lr"]) * float(ctx["l2"]), 3),
            momentum=t("race.diverged.momentum") if mu else "",
        ),
        icon=":material/info:",
    )
with st.expander(t("race.why")):
    st.markdown(t("race.mse.note"))
    if not multi:
        st.markdown(t("race.softmax.note"))

part = "test" if test_set.n else "train"
evaluated = test_set if test_set.n else train_set
st.markdown(f"**{t('race.confusion', part=t(f'race.confusion.{part}'))}**")
cols = st.columns(len(result.runs))
for col, (key, run) in zip(cols, result.runs.items(), strict=True):
    matrix = confusion_matrix(evaluated.y, run.predict(evaluated.X), ds.n_classes)
    col.markdown(titles[key])
    col.dataframe(
        pd.DataFrame(matrix, index=list(ds.class_names), columns=list(ds.class_names)), key=f"race.confusion.{key}"
    )
st.caption(t("race.confusion.caption"))

# --- downloads ----------------------------------------------------------------------------------------------------

script = race_script(
    ctx["data"],
    n=int(ctx["n"]),
    noise=float(ctx["noise"]),
    data_seed=int(ctx["seed"]),
    test_fraction=TEST_FRACTION,
    csv_file=csv_name,
    label_column=label_column,
    **dict(settings),
)
d1, d2 = st.columns(2)
d1.download_button(
    t("race.download.history"),
    pd.DataFrame(result.history()).to_csv(index=False).encode(),
    file_name="xent_race_history.csv",
    mime="text/csv",
    icon=":material/download:",
    key="race.download_history",
)
d2.download_button(
    t("race.download.script"),
    script.encode(),
    file_name="xent_race.py",
    mime="text/x-python",
    icon=":material/code:",
    key="race.download_script",
)
with st.expander(t("race.script")):
    st.caption(t("race.script.caption"))
    if csv_name:
        st.caption(t("race.script.csv", name=csv_name))
    st.code(script, language="python")

st.caption(t("footer"))
