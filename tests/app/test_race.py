"""The training-race page through AppTest: renders in both languages, shows xentcore's numbers, reacts to widgets,
opens from share links, warns on bad ones, handles CSV uploads' absence, and reports divergence."""

import math

import numpy as np
import pytest
from apptest_support import figure, open_app

from xentcore.app.race.export import race_script
from xentcore.app.race.state import SCHEMA, TEST_FRACTION
from xentcore.app.ui.format import fmt, fmt_percent
from xentcore.app.ui.session import STORE
from xentcore.app.ui.text import TABLE
from xentcore.datasets import make_dataset, train_test_split
from xentcore.training import race

PAGE = "pages/4_training_race.py"
DEFAULTS = SCHEMA.defaults()


def run(**params):
    return open_app(PAGE, **params)


def expected(data="blobs", n=200, noise=0.0, seed=0, lr=0.03, ep=300, init="normal", ls=0.0, l2=0.0, cw=None):
    ds = make_dataset(data, n=n, noise=noise, seed=seed)
    tr, te = train_test_split(ds, test_fraction=TEST_FRACTION, seed=seed)
    return race(tr, te, lr=lr, epochs=int(ep), seed=seed, init=init, l2=l2, label_smoothing=ls, class_weight=cw)


def results(at):
    """The results table (the first dataframe) as a list of row dicts."""
    return at.dataframe[0].value.to_dict("records")


def check_numbers(at, result, lang=0, base=math.e):
    rows = results(at)
    assert len(rows) == 3
    col = {k: TABLE[f"race.col.{k}"][lang] for k in ("loss", "train", "test", "epochs90", "status")}
    for row, run in zip(rows, result.runs.values(), strict=True):
        factor = 1 / math.log(base) if run.loss == "ce" else 1.0
        assert row[col["loss"]] == fmt(run.final_loss * factor)
        assert row[col["train"]] == fmt_percent(run.final["train_accuracy"], lang=("en", "zh")[lang])
        assert row[col["test"]] == fmt_percent(run.final["test_accuracy"], lang=("en", "zh")[lang])
        reached = run.epochs_to_accuracy(0.9)
        assert row[col["epochs90"]] == (TABLE["race.never"][lang] if reached is None else str(reached))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_defaults_render_in_both_languages(lang):
    at = run(lang=lang)
    assert not at.exception
    assert not at.warning
    i = ("en", "zh").index(lang)
    assert at.title[0].value == TABLE["nav.race"][i]
    check_numbers(at, expected(), lang=i)
    fig = figure(at, 0)
    assert len(fig["frames"]) == 101
    assert fig["layout"]["updatemenus"][0]["buttons"][0]["label"].endswith(TABLE["race.fig.play"][i])
    assert len(fig["layout"]["sliders"][0]["steps"]) == 101
    # Confusion matrices: one per run, rows summing to the test set's class counts.
    ds = make_dataset("blobs")
    _, te = train_test_split(ds, test_fraction=TEST_FRACTION)
    for table in at.dataframe[1:4]:
        np.testing.assert_array_equal(table.value.to_numpy().sum(axis=1), np.bincount(te.y))
    assert any(TABLE["race.note.blobs"][i] == info.value for info in at.info)


def test_changing_widgets_changes_the_numbers():
    at = run()
    at.select_slider(key="race.lr").set_value(0.3).run()
    at.select_slider(key="race.ep").set_value(100.0).run()
    at.selectbox(key="race.data").set_value("overlap").run()
    assert not at.exception
    check_numbers(at, expected(data="overlap", lr=0.3, ep=100))
    assert at.session_state[STORE]["race"]["data"] == "overlap"
    assert at.query_params["data"] == "overlap"
    assert at.query_params["lr"] == "0.3"
    at.selectbox(key="race.init").set_value("zeros").run()
    at.slider(key="race.ls").set_value(0.1).run()
    check_numbers(at, expected(data="overlap", lr=0.3, ep=100, init="zeros", ls=0.1))


def test_unit_bits_converts_only_the_cross_entropy_runs():
    at = run(unit="bits", data="overlap", ep="100")
    assert not at.exception
    check_numbers(at, expected(data="overlap", ep=100), base=2.0)


def test_share_link_opens_the_view():
    at = run(data="iris", lr="0.1", ep="200", init="small", seed="3", l2="0.001", proj="features", f1="2", f2="3")
    assert not at.exception
    assert not at.warning
    check_numbers(at, expected(data="iris", lr=0.1, ep=200, init="small", seed=3, l2=0.001))
    fig = figure(at, 0)
    assert fig["layout"]["xaxis"]["title"]["text"] == make_dataset("iris").feature_names[2]
    assert fig["layout"]["yaxis"]["title"]["text"] == make_dataset("iris").feature_names[3]
    assert at.radio(key="race.proj").value == "features"
    # Three classes: the captions say one-vs-rest and the regions are class polygons.
    assert results(at)[0][TABLE["race.col.run"][0]] == TABLE["race.run.logistic_ce.multi"][0]


def test_pca_is_announced_for_many_features():
    at = run(data="cancer", ep="50")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "30 features" in captions and "principal components" in captions
    assert figure(at, 0)["layout"]["xaxis"]["title"]["text"] == "PC1"


@pytest.mark.parametrize(
    ("params", "key"),
    [
        ({"lr": "banana"}, "lr"),
        ({"ep": "-5"}, "ep"),
        ({"data": "spiral"}, "data"),
        ({"n": "1e9"}, "n"),
        ({"ls": "nan"}, "ls"),
        ({"data": "iris", "f1": "40"}, "f1"),
        ({"zzz": "1"}, "zzz"),
    ],
)
def test_bad_links_warn_and_fall_back(params, key):
    at = run(**params)
    assert not at.exception
    assert at.warning and key in at.warning[0].value
    assert len(at.get("plotly_chart")) == 1


def test_article_says_there_is_nothing_to_learn():
    at = run(data="article", ep="100")
    assert not at.exception
    assert any(TABLE["race.note.article"][0] == info.value for info in at.info)
    for row in results(at):
        test_acc = float(row[TABLE["race.col.test"][0]].rstrip(" %")) / 100
        assert abs(test_acc - 0.5) <= 0.25
    assert at.slider(key="race.n").disabled


def test_xor_says_no_line_can_separate_it():
    at = run(data="xor", ep="100")
    assert any("No linear model can separate XOR" in info.value for info in at.info)


def test_divergence_is_reported_per_run_while_the_others_go_on():
    at = run(data="overlap", lr="10", l2="0.3", ep="1000")
    assert not at.exception
    result = expected(data="overlap", lr=10.0, l2=0.3, ep=1000)
    diverged = {k: r.diverged_at for k, r in result.runs.items() if r.diverged_at is not None}
    assert diverged
    errors = [e.value for e in at.error]
    assert len(errors) == len(diverged)
    for k in diverged.values():
        assert any(f"diverged at epoch {k}" in e for e in errors)
    status = [row[TABLE["race.col.status"][0]] for row in results(at)]
    assert sum(s.startswith("diverged at epoch") for s in status) == len(diverged)
    assert any("(1 − ηλ) = " + fmt(1 - 3.0, 3) in i.value for i in at.info)


def test_csv_choice_waits_for_an_upload():
    at = run(data="csv")
    assert not at.exception
    assert any(TABLE["race.csv.waiting"][0] == info.value for info in at.info)
    assert not at.get("plotly_chart")


def test_script_export_matches_the_page():
    at = run(ep="50")
    assert not at.exception
    shown = [c.value for c in at.code if "from xentcore.training import race" in c.value]
    assert len(shown) == 1
    settings = {
        "lr": 0.03,
        "epochs": 50,
        "seed": 0,
        "init": "normal",
        "l2": 0.0,
        "label_smoothing": 0.0,
        "class_weight": None,
        "batch_size": None,
        "momentum": 0.0,
    }
    assert (
        shown[0].strip()
        == race_script("blobs", n=200, noise=0.0, data_seed=0, test_fraction=TEST_FRACTION, **settings).strip()
    )
    scope = {"__name__": "exported"}
    exec(compile(shown[0], "exported.py", "exec"), scope)
    loss = results(at)[0][TABLE["race.col.loss"][0]]
    assert fmt(scope["result"].runs["logistic_ce"].final_loss) == loss


def test_reset_returns_to_the_defaults():
    at = run(data="moons", lr="1")
    at.button[0].click().run()
    assert at.session_state[STORE]["race"] == DEFAULTS
