"""The training-race page through AppTest: renders in both languages and shows its model's numbers and sentences,
reacts to widgets, opens from share links, warns on bad ones, handles CSV uploads (a BOM, quoted headers, hostile
names, errors in both languages), and reports divergence. What the page shows is compared with the model built
from the page's own state (``xentcore.app.race.model.build``), never with a re-derivation of its settings."""

import ast
import math
import re

import numpy as np
import pytest
from apptest_support import drawn_charts, english_left, figure, open_app, visible_texts

from xentcore.app.format import fmt, fmt_percent, md_escape, plotly_escape
from xentcore.app.race.calibration_model import calibration
from xentcore.app.race.data import DATA
from xentcore.app.race.model import (
    TARGET_PERCENT,
    Phrase,
    Upload,
    UserText,
    build,
    csv_columns,
    intro,
    train_config,
)
from xentcore.app.race.sections import SCRIPT_OPEN
from xentcore.app.race.state import SCHEMA
from xentcore.app.settings import LANGUAGES
from xentcore.app.ui.session import STORE
from xentcore.app.ui.text import TABLE
from xentcore.datasets import DATASETS, dataset_from_csv, make_dataset
from xentcore.training import DEFAULT_LANES, TrainConfig

PAGE = "pages/4_training_race.py"
DEFAULTS = SCHEMA.defaults()


def run(**params):
    return open_app(PAGE, **params)


def said(phrase: Phrase, lang: str = "en", escape=md_escape) -> str:
    """What the page says for ``phrase`` (the page's ``say``, without a Streamlit session)."""

    def value(v):
        if isinstance(v, Phrase):
            return said(v, lang, escape)
        if isinstance(v, tuple):
            return "".join(value(x) for x in v)
        return escape(v) if isinstance(v, UserText) else v

    text = TABLE[phrase.key][LANGUAGES.index(lang)]
    return text.format(**{k: value(v) for k, v in phrase.values}) if phrase.values else text  # as t() does


def page_model(at, upload=None):
    """The model of what the page holds: its state, unit and language as stored in the session."""
    store = at.session_state[STORE]
    settings = store["settings"]
    return build(store["race"], settings["unit"], upload, lang=settings["lang"])


def page_calibration(at, model):
    """The calibration section's model for what the page holds."""
    store = at.session_state[STORE]
    state = store["race"]
    return calibration(model, state["temp"], state["fitT"], store["settings"]["unit"])


def by_run(table, lang: str = "en") -> list[dict]:
    """A table with a row per quantity and a column per run as one dict per run, its column title under "Run"
    (a title two lanes share carries its lane's number, " (2)")."""
    run = TABLE["race.col.run"][LANGUAGES.index(lang)]
    return [{run: title, **table[title].to_dict()} for title in table.columns]


def results(at, lang: str = "en"):
    """The results table (the first table) as a list of dicts, one per run."""
    return by_run(at.table[0].value, lang)


def same_title(shown: str, title: str, lane: int) -> bool:
    return shown in (title, f"{title} ({lane})")


def check_page(at, model, lang="en"):
    """The results table, the confusion matrices, the captions and the messages are the model's."""
    i = LANGUAGES.index(lang)
    rows = results(at, lang)
    assert len(rows) == len(model.rows) == 3
    col = {k: TABLE[f"race.col.{k}"][i] for k in ("run", "loss", "train", "test", "status")}
    col["epochs"] = TABLE["race.col.epochs90"][i].format(target=TARGET_PERCENT)
    for lane, (shown, row) in enumerate(zip(rows, model.rows, strict=True), 1):
        assert same_title(shown[col["run"]], said(row.title, lang), lane)
        assert shown[col["loss"]] == fmt(row.loss)
        assert shown[col["train"]] == fmt_percent(row.train_accuracy, lang=("en", "zh")[i])
        assert shown[col["test"]] == fmt_percent(row.test_accuracy, lang=("en", "zh")[i])
        never = TABLE["race.never"][i]
        assert shown[col["epochs"]] == (never if row.epochs_to_target is None else str(row.epochs_to_target))
        percent = ("en", "zh")[i]
        assert shown[TABLE["race.col.balanced"][i]] == fmt_percent(row.balanced_accuracy, lang=percent)
        for name, recall in zip(model.class_names, row.recall, strict=True):
            assert shown[TABLE["race.col.recall"][i].format(name=md_escape(name))] == fmt_percent(recall, lang=percent)
    for table, row in zip(at.table[1:4], model.rows, strict=True):  # after the results, static tables
        np.testing.assert_array_equal(table.value.to_numpy(dtype=int), row.confusion)
        assert list(table.value.index) == [md_escape(name) for name in model.class_names]
    captions = [c.value for c in at.caption]
    assert said(model.loss_caption, lang) in captions
    assert said(model.metrics_caption, lang) in captions
    if model.imbalance_note:
        assert said(model.imbalance_note, lang) in captions
    assert said(model.figure_caption, lang) in captions
    if model.projection_note:
        assert said(model.projection_note, lang) in captions
    boxes = [e.value for e in at.error] + [w.value for w in at.warning] + [n.value for n in at.info]
    for alert in model.alerts:
        assert said(alert.phrase, lang) in boxes
    markdown = [m.value for m in at.markdown]
    if model.why:
        assert "\n\n".join(said(paragraph, lang) for paragraph in model.why) in markdown  # one element
    assert said(model.intro, lang) in markdown
    if model.lanes == DEFAULT_LANES:
        assert said(intro(model.mse_lr_scale), lang) in markdown
    assert not at.code  # the script is drawn once its box opens: test_script_export_matches_the_page
    check_calibration(at, model, lang)


def check_calibration(at, model, lang="en"):
    """The calibration section shows its model's numbers and sentences, and one reliability panel per run."""
    cal = page_calibration(at, model)
    i = LANGUAGES.index(lang)
    table = by_run(at.table[-1].value, lang)
    unit = TABLE[f"unit.short.{cal.unit}"][i]
    for n, (shown, lane, row) in enumerate(zip(table, cal.lanes, model.rows, strict=True), 1):
        assert same_title(shown[TABLE["race.col.run"][i]], said(row.title, lang), n)
        assert shown[TABLE["race.cal.col.ece"][i]] == fmt(lane.before.ece, 3)
        assert shown[TABLE["race.cal.col.brier"][i]] == fmt(lane.before.brier, 3)
        assert shown[TABLE["race.cal.col.loss"][i].format(unit=unit)] == fmt(lane.before.log_loss, 3)
        assert shown[TABLE["race.cal.col.likelihood"][i]] == lane.likelihood
        assert (TABLE["race.cal.col.ece.after"][i] in shown) == cal.scaled
        if cal.scaled:
            assert shown[TABLE["race.cal.col.T"][i]] == fmt(lane.T, 3)
            assert shown[TABLE["race.cal.col.ece.after"][i]] == fmt(lane.after.ece, 3)
            assert shown[TABLE["race.cal.col.loss.after"][i].format(unit=unit)] == fmt(lane.after.log_loss, 3)
    markdown = [m.value for m in at.markdown]
    assert "\n\n".join(said(paragraph, lang) for paragraph in cal.paragraphs) in markdown  # one element
    fig = figure(at, 1)
    curves = [tr for tr in fig["data"] if tr.get("legendgroup") in ("before", "after")]
    assert len([tr for tr in curves if tr["legendgroup"] == "before"]) == len(cal.lanes)
    assert len([tr for tr in curves if tr["legendgroup"] == "after"]) == sum(lane.T != 1.0 for lane in cal.lanes)
    for tr, lane in zip([tr for tr in curves if tr["legendgroup"] == "before"], cal.lanes, strict=True):
        np.testing.assert_allclose(tr["y"], lane.before.reliability.accuracy, rtol=1e-3)
        assert tr["customdata"] == lane.before.reliability.count.tolist()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_in_both_languages(lang):
    at = run(lang=lang)
    assert not at.exception
    assert not at.warning
    i = LANGUAGES.index(lang)
    assert at.title[0].value == TABLE["nav.race"][i]
    model = page_model(at)
    assert model.config == train_config(DEFAULTS) and model.mse_lr_scale == 1.0
    check_page(at, model, lang)
    fig = figure(at, 0)
    assert len(fig["frames"]) == 101
    assert fig["layout"]["updatemenus"][0]["buttons"][0]["label"].endswith(TABLE["race.fig.play"][i])
    assert len(fig["layout"]["sliders"][0]["steps"]) == 101
    # Confusion matrices: one per run, rows summing to the test set's class counts.
    for row in model.rows:
        np.testing.assert_array_equal(row.confusion.sum(axis=1), np.bincount(model.test_set.y))
    assert said(model.data_note, lang) in [info.value for info in at.info]


def test_changing_widgets_changes_the_numbers():
    at = run()
    at.select_slider(key="race.lr").set_value(0.3).run()
    at.select_slider(key="race.ep").set_value(100.0).run()
    at.selectbox(key="race.data").set_value("overlap").run()
    assert not at.exception
    model = page_model(at)
    assert (model.config.lr, model.config.epochs, model.dataset.name) == (0.3, 100, "overlap")
    check_page(at, model)
    assert at.session_state[STORE]["race"]["data"] == "overlap"
    assert at.query_params["data"] == "overlap"
    assert at.query_params["lr"] == "0.3"
    at.selectbox(key="race.init").set_value("zeros").run()
    at.slider(key="race.ls").set_value(0.1).run()
    model = page_model(at)
    assert (model.config.init, model.config.label_smoothing) == ("zeros", 0.1)
    check_page(at, model)


def test_unit_bits_converts_only_the_cross_entropy_runs():
    at = run(unit="bits", data="overlap", ep="100")
    assert not at.exception
    model = page_model(at)
    check_page(at, model)
    nats = build(at.session_state[STORE]["race"], "nats")
    for row, row_nats, run_ in zip(model.rows, nats.rows, model.result.runs.values(), strict=True):
        factor = 1 / math.log(2) if run_.loss == "ce" else 1.0
        assert row.loss == pytest.approx(row_nats.loss * factor, rel=1e-12)
        assert row_nats.loss == float(run_.final["loss"])
    assert TABLE["unit.short.bits"][0] in said(model.loss_caption)
    at.session_state[SCRIPT_OPEN] = True  # the script's box, opened
    assert said(model.script_caption) in [c.value for c in at.run().caption]
    assert said(model.script_caption) in [c.value for c in at.caption] and "ln 2" in said(model.script_caption)


def test_share_link_opens_the_view():
    at = run(data="iris", lr="0.1", ep="200", init="small", seed="3", l2="0.001", proj="features", f1="2", f2="3")
    assert not at.exception
    assert not at.warning
    model = page_model(at)
    assert model.config == TrainConfig(lr=0.1, epochs=200, seed=3, init="small", l2=0.001)
    check_page(at, model)
    fig = figure(at, 0)
    names = make_dataset("iris").feature_names
    assert (fig["layout"]["xaxis"]["title"]["text"], fig["layout"]["yaxis"]["title"]["text"]) == names[2:4]
    assert model.axis_names == names[2:4]
    assert at.radio(key="race.proj").value == "features"
    # Three classes: the captions say one-vs-rest and softmax + MSE; no two-class softmax note.
    assert results(at)[0][TABLE["race.col.run"][0]] == TABLE["race.run.logistic_ce.multi"][0]
    assert results(at)[2][TABLE["race.col.run"][0]] == TABLE["race.run.mse.multi"][0]
    assert len(model.why) == 1


def test_pca_is_announced_for_many_features():
    at = run(data="cancer", ep="50")
    assert not at.exception
    model = page_model(at)
    check_page(at, model)
    captions = " ".join(c.value for c in at.caption)
    assert "30 features" in captions and "principal components" in captions
    assert figure(at, 0)["layout"]["xaxis"]["title"]["text"] == "PC1"


def test_chinese_names_for_the_real_data_sets():
    at = run(data="cancer", ep="50", lang="zh", proj="features", f1="0", f2="20")
    assert not at.exception
    model = page_model(at)
    assert model.class_names == ("恶性", "良性") and model.axis_names == ("半径均值", "半径最差值")
    fig = figure(at, 0)
    legend = {tr.get("name") for tr in fig["data"]}
    assert TABLE["race.fig.train"][1].format(name="恶性") in legend
    assert fig["layout"]["xaxis"]["title"]["text"] == "半径均值"
    at = run(data="iris", ep="50", lang="zh")
    assert figure(at, 0)["layout"]["xaxis"]["title"]["text"] == "主成分 1"
    assert not english_left(visible_texts(at))


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"lr": "banana"}, "lr"),
        ({"ep": "-5"}, "ep"),
        ({"data": "spiral"}, "data"),
        ({"n": "1e9"}, "n"),
        ({"ls": "nan"}, "ls"),
        ({"data": "iris", "f1": "40"}, "f1"),
        ({"mlr": "3"}, "mlr"),
        ({"zzz": "1"}, "zzz"),
    ],
)
def test_bad_links_warn_and_fall_back(params, key):
    at = run(**params)
    assert not at.exception
    assert at.warning and key in at.warning[0].value
    assert len(drawn_charts(at)) == 2  # the race and the reliability diagrams


def test_article_says_there_is_nothing_to_learn():
    at = run(data="article", ep="100")
    assert not at.exception
    model = page_model(at)
    check_page(at, model)
    assert said(model.data_note) in [info.value for info in at.info]
    assert "100 standard-normal points" in said(model.data_note)
    for row in model.rows:
        assert abs(row.test_accuracy - 0.5) <= 0.25
    assert at.slider(key="race.n").disabled


def test_xor_says_it_is_not_linearly_separable():
    at = run(data="xor", ep="100")
    assert any("XOR is not linearly separable" in info.value for info in at.info)


def test_divergence_is_reported_per_run_while_the_others_go_on():
    at = run(data="overlap", lr="10", l2="0.3", ep="1000")
    assert not at.exception
    model = page_model(at)
    check_page(at, model)
    diverged = [row for row in model.rows if row.diverged_at is not None]
    assert diverged
    assert len(at.error) == len(diverged)
    for row in diverged:
        assert any(f"diverged at epoch {row.diverged_at}" in e.value for e in at.error)
    status = [row[TABLE["race.col.status"][0]] for row in results(at)]
    assert sum(s.startswith("diverged at epoch") for s in status) == len(diverged)
    assert any("(1 − ηλ) = 1 − 10 × 0.3 = " + fmt(1 - 3.0, 3) in i.value for i in at.info)


def test_the_mse_learning_rate_multiplier():
    at = run(data="overlap", ep="100")
    assert "mlr" not in at.query_params  # the default stays out of links
    base = page_model(at)
    assert {run_.config.lr for run_ in base.result.runs.values()} == {0.03}
    at.select_slider(key="race.mlr").set_value(2.0).run()
    assert not at.exception
    assert at.query_params["mlr"] == "2"
    model = page_model(at)
    check_page(at, model)
    assert model.result.runs["mse"].config.lr == pytest.approx(0.06)
    assert model.result.runs["logistic_ce"].config.lr == 0.03
    for key in ("logistic_ce", "softmax_ce"):  # only the MSE run changes
        np.testing.assert_array_equal(model.result.runs[key].history["loss"], base.result.runs[key].history["loss"])
    assert "η × 2" in results(at)[2][TABLE["race.col.run"][0]]
    mse_note = said(model.why[0])
    assert "η × 2 = 0.06 against 0.03" in mse_note and "makes up exactly that factor 2" in mse_note
    assert "except the MSE run at η × 2" in at.markdown[0].value
    at.select_slider(key="race.mlr").set_value(8.0).run()
    assert "is at most 4 × that on the logistic" in said(page_model(at).why[0])
    assert run(mlr="8").session_state[STORE]["race"]["mlr"] == 8.0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["at learning rate η = 0.03 takes exactly", "2η = 0.06:"]),
        ({"l2": "0.1"}, ["(η, λ) = (0.03, 0.1)", "(2η, λ/2) = (0.06, 0.05), not at (2η, λ) = (0.06, 0.1)"]),
        ({"mom": "0.5", "bs": "32"}, ["same momentum μ = 0.5", "same mini-batches"]),
        ({"cw": "balanced", "ls": "0.1"}, ["takes nearly the steps", "Only nearly, here"]),
    ],
)
def test_the_softmax_note_says_what_this_setting_makes_true(params, expected):
    at = run(data="overlap", ep="50", **params)
    assert not at.exception
    model = page_model(at)
    check_page(at, model)
    note = said(model.why[1])
    for text in expected:
        assert text in note
    assert ("λ/2" in note) == ("l2" in params)


def test_csv_choice_waits_for_an_upload():
    at = run(data="csv")
    assert not at.exception
    assert any(TABLE["race.csv.waiting"][0] == info.value for info in at.info)
    assert not drawn_charts(at)


def upload(at, name: str, content: bytes):
    at.file_uploader(key="race.csv").set_value((name, content, "text/csv")).run()
    return at


def test_csv_with_a_byte_order_mark_and_quoted_headers():
    rows = "\n".join(f'{i / 7:.3f},{(i * 5 % 11) / 3:.3f},"{"a" if i % 3 else "b"}"' for i in range(40))
    content = ('\ufeff"len","width","kind"\n' + rows + "\n").encode()
    at = upload(run(data="csv"), "flowers.csv", content)
    assert not at.exception
    picker = at.selectbox(key="race.csv_label")
    assert list(picker.options) == ["len", "width", "kind"] == list(csv_columns(content))
    assert picker.value == "kind"
    model = page_model(at, Upload("flowers.csv", content, "kind"))
    loaded = dataset_from_csv(content, label_column="kind")
    assert model.dataset.feature_names == loaded.feature_names == ("len", "width")
    np.testing.assert_array_equal(model.dataset.X, loaded.X)
    np.testing.assert_array_equal(model.dataset.y, loaded.y)
    check_page(at, model)
    picker.set_value("len").run()
    assert not at.exception
    assert at.error and "“kind”" in at.error[0].value  # with len as the label, kind must be a number: it is not
    picker = at.selectbox(key="race.csv_label")
    assert picker.value == "len"


def test_hostile_names_show_literally_in_every_sink(tmp_path):
    rng = np.random.default_rng(0)
    classes = ("<b>yes</b> $1$ _u_ ^c ~s~", "{no} & *no* %{y} #h [l](u)")  # markdown, LaTeX, HTML, plotly
    lines = [f"{a:.4f},{b:.4f},{classes[int(a + b > 0)]}" for a, b in rng.normal(size=(40, 2))]
    header = '"<i>f_1</i> $x$","[f2](http://x) :red[z] #3","label \' """ \\ import os"'
    content = (header + "\n" + "\n".join(lines) + "\n").encode()
    name = "evil'); import os #.csv"
    at = upload(run(data="csv"), name, content)
    assert not at.exception
    label = at.selectbox(key="race.csv_label").value
    model = page_model(at, Upload(name, content, label))
    check_page(at, model)
    assert set(model.class_names) == set(classes)
    assert label == csv_columns(content)[-1] and "import os" in label
    # markdown: the loaded caption and the figure caption carry the names escaped (the script's box opened)
    at.session_state[SCRIPT_OPEN] = True
    captions = [c.value for c in at.run().caption]
    assert said(model.data_note) in captions and md_escape(model.class_names[0]) in said(model.data_note)
    assert "\\<b\\>yes\\<\\/b\\> \\$1\\$ \\_u\\_ \\^c \\~s\\~" in " ".join(captions)
    assert "\\{no\\} \\& \\*no\\* \\%\\{y\\} \\#h \\[l\\]\\(u\\)" in said(model.figure_caption)
    # plotly: legend names, hover text and axis titles escaped; nothing in a hover template but our own
    fig = figure(at, 0)
    legend = [tr["name"] for tr in fig["data"] if tr.get("legendgroup", "").startswith("train")]
    assert legend == [TABLE["race.fig.train"][0].format(name=plotly_escape(c)) for c in model.class_names]
    assert all("<b>" not in tr.get("meta", "") for tr in fig["data"] if isinstance(tr.get("meta"), str))
    for tr in fig["data"]:
        if "hovertemplate" in tr:
            assert not set(re.findall(r"%\{(\w+)", tr["hovertemplate"])) - {"meta", "x", "y"}
    assert fig["layout"]["xaxis"]["title"]["text"] == "&lt;i&gt;f_1&lt;/i&gt; &#36;x&#36;"
    # the exported script: only literals, and it reproduces the page's race from the file beside it
    script = model.script
    tree = ast.parse(script)
    assert {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} <= {
        "Path", "__file__", "dataset_from_csv", "train_test_split", "race", "data", "train_set", "test_set",
        "result", "__name__", "pd", "print",
    }  # fmt: skip
    assert md_escape(model.script_csv) in " ".join(captions)
    (tmp_path / model.script_csv).write_bytes(content)
    scope = {"__name__": "exported", "__file__": str(tmp_path / "xent_race.py")}
    exec(compile(script, "xent_race.py", "exec"), scope)
    assert scope["result"].runs["mse"].final_loss == model.result.runs["mse"].final_loss


def test_unprintable_class_names_get_a_translated_placeholder():
    content = "a,b,label\n1,2,\u200b\n2,1,y\n3,1,\u200b\n0,2,y\n".encode()
    at = upload(run(data="csv", lang="zh"), "z.csv", content)
    assert not at.exception
    model = page_model(at, Upload("z.csv", content, "label"))
    assert model.class_names == ("y", "类别 1")  # "y" sorts before the zero-width space


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x00\x01\x02 not a table \xff", "binary"),
        (b"", "empty"),
        (b"a,b,label\nx,y,1\nz,w,0\n", "not_number"),
        (b"a\n1\n", "few_columns"),
        (b"a,b\n1,0\n\n2\n", "ragged"),
    ],
)
def test_csv_errors_are_said_in_the_readers_language(lang, content, kind):
    at = upload(run(data="csv", lang=lang), "bad.csv", content)
    assert not at.exception
    assert len(at.error) == 1
    i = LANGUAGES.index(lang)
    assert at.error[0].value.startswith(TABLE["race.csv.error"][i].split("{")[0])
    if lang == "zh":
        assert not english_left([at.error[0].value])
    if kind == "ragged":
        assert "4" in at.error[0].value  # the file's own line number, blank lines counted
    if kind == "not_number":
        assert "“x”" in at.error[0].value


def test_script_export_matches_the_page():
    at = run(ep="50")
    assert not at.exception
    model = page_model(at)
    at.session_state[SCRIPT_OPEN] = True  # the reader opens the box
    at.run()
    shown = [c.value for c in at.code if "from xentcore.training import race" in c.value]
    assert shown == [model.script.rstrip("\n")]  # st.code drops the final newline
    assert said(model.script_caption) in [c.value for c in at.caption]
    assert "mse_lr_scale" not in model.script
    scope = {"__name__": "exported"}
    exec(compile(shown[0], "exported.py", "exec"), scope)
    loss = results(at)[0][TABLE["race.col.loss"][0]]
    assert fmt(scope["result"].runs["logistic_ce"].final_loss) == loss


def test_reset_returns_to_the_defaults():
    at = run(data="moons", lr="1")
    at.button[0].click().run()
    assert at.session_state[STORE]["race"] == DEFAULTS


# --- the model, without Streamlit ----------------------------------------------------------------------------------


def test_each_data_set_is_described_once_and_matches_the_library():
    assert tuple(DATA) == (*DATASETS, "csv")
    for key in DATASETS:
        ds = make_dataset(key)
        info = DATA[key]
        assert info.d == ds.d
        assert tuple(en for en, _ in info.features) == ds.feature_names
        assert tuple(en for en, _ in info.classes) == ds.class_names
        assert all(zh for _, zh in info.features + info.classes)
    assert TABLE["race.data.cancer"] == DATA["cancer"].title


def test_the_model_builds_the_config_in_one_place():
    state = {**DEFAULTS, "cw": "balanced", "bs": "32", "mom": 0.5, "ls": 0.1, "l2": 0.01, "mlr": 4.0}
    model = build(state, "nats")
    assert model.config == TrainConfig(
        lr=0.03, epochs=300, seed=0, init="normal", l2=0.01, label_smoothing=0.1, class_weight="balanced",
        batch_size=32, momentum=0.5,
    )  # fmt: skip
    assert model.result.runs["mse"].config.lr == pytest.approx(0.12)
    assert "mse_lr_scale=4.0" in model.script and "batch_size=32" in model.script


def test_a_feature_pick_the_data_cannot_have_falls_back():
    content = b"a,b,c,label\n" + b"".join(b"%d,%d,%d,%d\n" % (i, i * i % 7, i % 3, i % 2) for i in range(30))
    state = {**DEFAULTS, "data": "csv", "proj": "features", "f1": 5, "f2": 9}
    model = build(state, "nats", Upload("x.csv", content, "label"))
    assert model.feature_pick == (0, 1) and model.axis_names == ("a", "b")


def test_a_rising_loss_is_blamed_on_what_caused_it():
    # ηλ = 3 < 2(1 + μ) = 3.8: the penalty alone is stable, the data step overshoots; no overflow is promised.
    model = build({**DEFAULTS, "data": "overlap", "lr": 10.0, "mom": 0.9, "l2": 0.3}, "nats")
    growing = [a.phrase for a in model.alerts if a.kind == "warning"]
    assert growing and {p.key for p in growing} == {"race.growing"}
    assert not [a for a in model.alerts if a.kind == "info"]
    # The MSE run at η × 8 = 24 with λ = 0.1: its penalty factor 1 − 2.4 < −1 blows it up; the others are fine.
    model = build({**DEFAULTS, "data": "overlap", "lr": 3.0, "mlr": 8.0, "l2": 0.1}, "nats")
    assert [(a.kind, a.phrase.key) for a in model.alerts] == [
        ("warning", "race.growing.overflow"),
        ("info", "race.join"),
    ]
    why = said(model.alerts[1].phrase)
    assert "For Logistic + MSE (η × 8): (1 − ηλ) = 1 − 24 × 0.1 = −1.400." in why
    assert "Logistic + CE" not in why


# --- lanes, imbalance and calibration (issue 13) -------------------------------------------------------------------

LANES_LINK = {"lane1": "focal", "lane2": "adjusted", "lane3": "smooth", "minor": "0.1", "gamma": "1", "tau": "2"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lanes_and_imbalance_from_a_link(lang):
    at = run(lang=lang, data="overlap", ep="100", **LANES_LINK)
    assert not at.exception and not at.warning
    model = page_model(at)
    check_page(at, model, lang)
    assert model.lanes == ("focal", "adjusted", "smooth")
    assert [(r.model, r.loss) for r in model.result.runs.values()] == [
        ("logistic", "focal"), ("softmax", "adjusted"), ("logistic", "ce")
    ]  # fmt: skip
    assert model.result.runs["softmax_ce"].config.tau == 2.0 and model.result.runs["logistic_ce"].config.gamma == 1.0
    assert model.result.runs["mse"].config.label_smoothing == 0.1
    assert [said(row.title) for row in model.rows] == [
        "Logistic + focal (γ = 1)", "Softmax + logit-adjusted CE (τ = 2)", "Logistic + smoothed CE (ε = 0.1)"
    ]  # fmt: skip
    # the MSE and softmax notes need lanes this race does not have; each loss in use gets its own note
    assert [p.key for p in model.why] == ["race.why.focal", "race.why.smooth", "race.why.adjusted"]
    assert model.loss_caption.key == "race.loss.caption.lanes"
    counts = np.bincount(model.dataset.y)
    assert counts.tolist() == [100, 11]
    assert "keeps 11 of its 100 points" in said(model.imbalance_note)
    if lang == "zh":
        assert not english_left(visible_texts(at))


def test_default_links_train_the_original_race():
    model = build(DEFAULTS, "nats")
    assert model.lanes == DEFAULT_LANES and model.imbalance_note is None
    assert model.dataset is not None and model.dataset.n == DEFAULTS["n"]
    assert "lanes" not in model.script and "imbalance" not in model.script and "gamma" not in model.script
    assert model.loss_caption.key == "race.loss.caption" and model.intro == intro(1.0)
    assert [p.key for p in model.why] == ["race.join", "race.join"]  # the MSE note and the softmax note, as before


def test_changing_a_lane_and_the_imbalance_on_the_page():
    at = run(data="overlap", ep="50")
    assert at.select_slider(key="race.gamma").disabled and at.select_slider(key="race.tau").disabled
    at.selectbox(key="race.lane3").set_value("weighted").run()
    at.select_slider(key="race.minor").set_value(0.2).run()
    assert not at.exception
    assert at.query_params["lane3"] == "weighted" and at.query_params["minor"] == "0.2"
    model = page_model(at)
    check_page(at, model)
    assert model.result.runs["mse"].config.class_weight == "balanced"
    assert model.result.runs["mse"].loss == "ce"
    weights = said(next(p for p in model.why if p.key == "race.why.weighted"))
    counts = np.bincount(model.train_set.y)
    expected = model.train_set.n / (2 * counts)
    assert f"0: {fmt(expected[0], 3)}, 1: {fmt(expected[1], 3)}" in weights
    at.selectbox(key="race.lane1").set_value("focal").run()
    assert not at.select_slider(key="race.gamma").disabled


def test_the_mse_multiplier_scales_every_mse_lane_and_no_other():
    model = build({**DEFAULTS, "data": "overlap", "ep": 20.0, "mlr": 4.0, "lane1": "mse", "lane3": "focal"}, "nats")
    assert model.result.runs["logistic_ce"].config.lr == pytest.approx(0.12)
    assert model.result.runs["mse"].config.lr == 0.03
    assert said(model.rows[0].title) == "Logistic + MSE (η × 4)"
    assert said(model.intro).count("except the MSE lanes at η × 4") == 1
    assert not [p for p in model.why if "mse" in p.key]  # lane 3 is not MSE: the MSE note's comparison is off
    plain = build({**DEFAULTS, "data": "overlap", "ep": 20.0, "mlr": 4.0, "lane3": "focal"}, "nats")
    assert "same learning rate" in said(plain.intro) and "×" not in said(plain.intro)


@pytest.mark.parametrize("lane", ["focal", "smooth", "weighted", "adjusted"])
def test_the_softmax_note_for_two_lanes_with_the_same_loss(lane):
    model = build({**DEFAULTS, "data": "overlap", "ep": 20.0, "lane1": lane, "lane2": lane, "cw": "balanced"}, "nats")
    note = said(next(p for p in model.why if p.key == "race.join" and "Softmax and logistic" in said(p)))
    assert ("takes nearly" in note) == (lane == "smooth")  # smoothing and class weights together: only nearly
    mixed = build({**DEFAULTS, "data": "overlap", "ep": 20.0, "lane1": lane}, "nats")
    assert not any("Softmax and logistic" in said(p) for p in mixed.why)


def test_the_race_key_leaves_out_the_calibration_controls():
    from xentcore.app.race.model import race_key

    assert race_key({**DEFAULTS, "temp": 2.0, "fitT": True}) == race_key(DEFAULTS)
    assert race_key({**DEFAULTS, "lane1": "mse"}) != race_key(DEFAULTS)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_temperature_rescales_without_retraining(lang):
    at = run(lang=lang, data="overlap", ep="100")
    model = page_model(at)
    check_page(at, model, lang)
    loss_before = results(at)
    at.select_slider(key="race.temp").set_value(2.0).run()
    assert not at.exception and at.query_params["temp"] == "2"
    assert results(at) == loss_before  # the race is the same
    cal = page_calibration(at, page_model(at))
    assert cal.scaled and all(lane.T == 2.0 for lane in cal.lanes)
    check_calibration(at, page_model(at), lang)
    if lang == "en":
        lane = cal.lanes[0]
        change = f"ECE {fmt(lane.before.ece, 3)} → {fmt(lane.after.ece, 3)}"
        assert f"At T = 2, on the test set: Logistic + CE: {change}" in said(cal.notes.temperature)
    at.toggle(key="race.fitT").set_value(True).run()
    assert not at.exception and at.query_params["fitT"] == "1"
    assert at.select_slider(key="race.temp").disabled
    model = page_model(at)
    check_calibration(at, model, lang)
    if lang == "zh":
        assert not english_left(visible_texts(at))


def test_fitted_temperatures_and_what_they_say():
    from xentcore.calibration import fit_temperature

    model = build({**DEFAULTS, "data": "overlap", "ep": 100.0}, "nats")
    cal = calibration(model, 1.0, True, "nats")
    text = said(cal.notes.temperature)
    for lane in cal.lanes:
        run_ = model.result.runs[lane.key]
        assert fit_temperature(run_.log_proba(model.train_set.X), model.train_set.y) == lane.T
        how = "softer: it was overconfident" if lane.T > 1 else "sharper: it was underconfident"
        assert f"T = {fmt(lane.T, 3)}, {how}" in text
    # separable training data: no finite temperature, said per run, and T stays 1
    separable = calibration(build({**DEFAULTS, "ep": 300.0}, "nats"), 1.0, True, "nats")
    assert all(lane.fit_problem == "separable" and lane.T == 1.0 for lane in separable.lanes)
    assert said(separable.notes.temperature).count("no finite T fits: it classifies every training point") == 3
    assert not separable.scaled


@pytest.mark.parametrize(
    "state",
    [
        {"data": "overlap"},
        {"data": "iris", "lr": 0.3},
        {"data": "overlap", "lane1": "smooth", "lane2": "focal", "lane3": "ce", "minor": 0.1},
        {"data": "cancer", "ep": 100.0, "lane2": "weighted", "lane3": "adjusted", "minor": 0.2},
        {"data": "iris", "lane1": "mse", "lane2": "mse", "ls": 0.1},
        {"data": "moons", "l2": 0.01, "cw": "balanced"},
    ],
)
@pytest.mark.parametrize("unit", ["nats", "bits"])
def test_calibration_numbers_are_the_librarys(state, unit):
    from xentcore.calibration import apply_temperature, brier_score, expected_calibration_error, log_loss
    from xentcore.losses import categorical_cross_entropy

    model = build({**DEFAULTS, "ep": 150.0, **state}, unit)
    base = math.log(2) if unit == "bits" else 1.0
    for T, fit in ((1.0, False), (0.5, False), (1.0, True)):
        cal = calibration(model, T, fit, unit)
        for lane, row in zip(cal.lanes, model.rows, strict=True):
            run_ = model.result.runs[lane.key]
            X, y = model.test_set.X, model.test_set.y
            P = run_.predict_proba(X)
            # at T = 1 the scores are the model's own probabilities
            assert lane.before.ece == pytest.approx(expected_calibration_error(y, P, 10), abs=1e-12)
            brier = brier_score(y, P[:, 1]) if P.shape[1] == 2 else brier_score(y, P)
            assert lane.before.brier == pytest.approx(brier, rel=1e-9)
            if P.min() > 1e-300:
                assert lane.before.log_loss == pytest.approx(log_loss(y, P) / base, rel=1e-9)
            Pt = apply_temperature(run_.log_proba(X), lane.T)
            assert lane.after.ece == pytest.approx(expected_calibration_error(y, Pt, 10), abs=1e-12)
            # ECE is the diagram's gaps, weighted by the bins' points
            rel = lane.after.reliability
            gaps = rel.count @ np.abs(rel.accuracy - rel.confidence) / len(y)
            assert lane.after.ece == pytest.approx(gaps, abs=1e-12)
            assert rel.count.sum() == len(y)
            # the likelihood of the training labels: e^(−N·loss), as a power of 2 (bits) or 10 (nats)
            nll = categorical_cross_entropy(model.train_set.y, run_.log_proba(model.train_set.X), reduction="sum")
            power = 2 if unit == "bits" else 10
            assert lane.log_likelihood == pytest.approx(-nll / math.log(power), rel=1e-9)
            assert lane.likelihood == f"{power}^{fmt(lane.log_likelihood, 1)}"
            if lane.loss_is_log_loss:  # the results table's loss is this log loss, exactly
                assert lane.train_log_loss == pytest.approx(row.loss, rel=1e-9)
            if lane.brier_is_loss:
                Ptr = run_.predict_proba(model.train_set.X)
                brier = brier_score(model.train_set.y, Ptr[:, 1] if Ptr.shape[1] == 2 else Ptr)
                assert row.loss == pytest.approx(brier, rel=1e-9)
            bound = np.sqrt(lane.before.reliability.count).sum() / (2 * len(y))
            assert lane.noise == pytest.approx(bound)
        # which runs the exact sentences name
        plain = [lane for lane in cal.lanes if lane.loss_is_log_loss]
        text = said(cal.notes.likelihood)
        assert text.count("trained with plain cross-entropy") == len(plain)
        expected_plain = [
            r.loss == "ce" and r.config.label_smoothing == 0 and r.config.class_weight is None and r.config.l2 == 0
            and (r.model == "softmax" or r.n_classes == 2)
            for r in model.result.runs.values()
        ]  # fmt: skip
        assert [lane.loss_is_log_loss for lane in cal.lanes] == expected_plain


def test_the_comparisons_state_only_the_numbers():
    model = build({**DEFAULTS, "data": "overlap", "ep": 150.0, "lane1": "focal", "lane3": "smooth"}, "nats")
    cal = calibration(model, 1.0, False, "nats")
    text = said(cal.notes.comparison)
    ce = cal.lanes[1]  # the one cross-entropy lane
    for lane in (cal.lanes[0], cal.lanes[2]):
        expected = (
            f"{said(lane.title)}'s ECE on the test set is {fmt(lane.before.ece, 3)} against {fmt(ce.before.ece, 3)} "
            f"for Softmax + CE; its log loss {fmt(lane.before.log_loss, 3)} against {fmt(ce.before.log_loss, 3)} nats"
        )
        assert expected in text
    none = calibration(build({**DEFAULTS, "ep": 20.0, "lane1": "mse", "lane2": "focal"}, "nats"), 1.0, False, "nats")
    assert none.notes.comparison is None


def test_a_constant_predictor_of_the_class_frequencies_has_ece_zero():
    model = build({**DEFAULTS, "data": "cancer", "ep": 50.0}, "bits")
    cal = calibration(model, 1.0, False, "bits")
    proper = said(cal.notes.proper)
    freq = np.bincount(model.test_set.y) / model.test_set.n
    entropy = -(freq @ np.log2(freq))
    assert "scores an ECE of 0.000 on it" in proper and f"(log loss {fmt(entropy, 3)} bits)" in proper


def test_the_exported_script_reproduces_lanes_and_imbalance():
    state = {**DEFAULTS, "data": "moons", "ep": 40.0, "minor": 0.2, "lane1": "adjusted", "lane2": "focal",
             "lane3": "mse", "gamma": 3.0, "tau": 0.5, "mlr": 2.0}  # fmt: skip
    model = build(state, "nats")
    assert "imbalance(data, 0.2, seed=0)" in model.script and "lanes=('adjusted', 'focal', 'mse')" in model.script
    scope = {"__name__": "exported"}
    exec(compile(model.script, "exported.py", "exec"), scope)
    for key, run_ in model.result.runs.items():
        np.testing.assert_array_equal(scope["result"].runs[key].history["loss"], run_.history["loss"])
    assert [row["lane"] for row in scope["result"].summary()] == ["adjusted", "focal", "mse"]


def test_lanes_without_a_note_leave_out_the_why_box():
    at = run(data="overlap", ep="20", lane1="mse", lane2="mse")
    assert not at.exception
    model = page_model(at)
    assert model.why == ()
    assert not [e for e in at.expander if e.label == TABLE["race.why"][0]]
    check_page(at, model)


@pytest.mark.parametrize("data", ["article", "xor"])
def test_notes_whose_numbers_need_balanced_classes_change_when_thinned(data):
    model = build({**DEFAULTS, "data": data, "ep": 20.0, "minor": 0.1}, "nats")
    assert model.data_note.key == f"race.note.{data}.thinned"
    majority = np.bincount(model.dataset.y).max() / model.dataset.n
    assert fmt_percent(majority) in said(model.data_note)
    assert "50 %" not in said(model.data_note) and "quarter" not in said(model.data_note)
    assert build({**DEFAULTS, "data": data, "ep": 20.0}, "nats").data_note.key == f"race.note.{data}"


def test_the_imbalance_note_says_what_happened():
    thinned = build({**DEFAULTS, "data": "cancer", "ep": 10.0, "minor": 0.3}, "nats")
    assert said(thinned.imbalance_note).startswith("**Imbalanced:** class malignant keeps 153 of its 212 points")
    assert "(asked: at most 30 %)" in said(thinned.imbalance_note)
    # a class already small enough is left alone; a class of one point keeps it, whatever the share
    rows = b"".join(b"%d,%d,%s\n" % (i, i * i % 7, b"x" if i < 2 else b"y") for i in range(40))
    small = build({**DEFAULTS, "data": "csv", "ep": 10.0, "minor": 0.05}, "nats", Upload("f.csv", b"a,b,c\n" + rows))
    assert small.imbalance_note.key == "race.minor.unchanged" and "5.0 % of the points" in said(small.imbalance_note)
    rows = b"".join(b"%d,%d,%s\n" % (i, i * i % 7, b"x" if i < 1 else b"y") for i in range(10))
    one = build({**DEFAULTS, "data": "csv", "ep": 10.0, "minor": 0.05}, "nats", Upload("f.csv", b"a,b,c\n" + rows))
    assert one.imbalance_note.key == "race.minor.floor" and "10.0 % of the points" in said(one.imbalance_note)
    assert build(DEFAULTS, "nats").imbalance_note is None


# --- text alternatives (issue 15): every chart's alt is the model's, in the reader's language ----------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("params", [{}, {"data": "iris", "unit": "bits", "fitT": "1"}], ids=["default", "iris"])
def test_every_chart_has_the_models_alt_text(lang, params):
    at = run(lang=lang, **params)
    assert not at.exception, [e.message for e in at.exception]
    model = page_model(at)
    cal = page_calibration(at, model)
    race_chart, cal_chart = drawn_charts(at)
    assert race_chart.alt == said(model.figure_alt, lang, str).strip()
    assert cal_chart.alt == said(cal.alt, lang, str).strip()
    for chart in (race_chart, cal_chart):
        assert chart.alt.strip()
    first = model.first_to_target
    assert (said(first.title, lang, str) if first else TARGET_PERCENT) in race_chart.alt
    assert not at.toggle(key="race.figure.data").value  # the data tables are off until asked for


def test_the_race_data_table_holds_every_epoch():
    at = run()
    at.toggle(key="race.figure.data").set_value(True).run()
    model = page_model(at)
    tables = [d.value for d in at.dataframe if "epoch" in d.value.columns]
    assert tables and len(tables[0]) == len(model.result.runs[model.rows[0].key].history)


def test_still_makes_the_race_figure_instant():
    at = run(still="1")
    spec = figure(at, 0)
    menu, slider = spec["layout"]["updatemenus"][0], spec["layout"]["sliders"][0]
    assert all(b["args"][1]["transition"]["duration"] == 0 for b in menu["buttons"])
    assert slider["transition"]["duration"] == 0
