"""Data sets: the tutorial's exact numbers, standardisation, determinism, the split, CSV validation."""

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from xentcore.datasets import (
    CSV_ERRORS,
    DATASETS,
    CsvError,
    Dataset,
    dataset_from_csv,
    display_name,
    imbalance,
    make_dataset,
    minority_class,
    parse_bundled_csv,
    read_csv,
    standardise,
    train_test_split,
)


def test_article_reproduces_the_tutorials_global_seed_draws():
    saved = np.random.get_state()  # noqa: NPY002 (the tutorial's legacy global generator, restored below)
    try:
        np.random.seed(0)  # noqa: NPY002
        X_ref = np.random.randn(100, 2)  # noqa: NPY002
        y_ref = np.random.randint(0, 2, 100)  # noqa: NPY002
    finally:
        np.random.set_state(saved)  # noqa: NPY002
    ds = make_dataset("article")
    np.testing.assert_array_equal(ds.X, X_ref)
    np.testing.assert_array_equal(ds.y, y_ref)
    assert ds.n_classes == 2


def test_article_does_not_touch_global_state():
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    make_dataset("article")
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # noqa: NPY002


def test_article_labels_carry_no_signal():
    ds = make_dataset("article")
    acc = cross_val_score(LogisticRegression(), ds.X, ds.y, cv=5).mean()
    assert abs(acc - 0.5) < 0.15
    # The separable set, by contrast, is learned perfectly by the same model.
    blobs = make_dataset("blobs", n=100)
    assert cross_val_score(LogisticRegression(), blobs.X, blobs.y, cv=5).mean() > 0.97


def test_xor_defeats_every_linear_model_but_not_a_product_feature():
    ds = make_dataset("xor", n=400)
    linear = LogisticRegression().fit(ds.X, ds.y).score(ds.X, ds.y)
    assert linear < 0.8
    with_product = np.column_stack([ds.X, ds.X[:, 0] * ds.X[:, 1]])
    assert LogisticRegression().fit(with_product, ds.y).score(with_product, ds.y) > 0.95


@pytest.mark.parametrize("name", [n for n in DATASETS if n != "article"])
def test_standardised_and_well_formed(name):
    ds = make_dataset(name, n=120, noise=0.3, seed=3)
    assert ds.X.dtype == np.float64 and ds.X.ndim == 2
    np.testing.assert_allclose(ds.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(ds.X.std(axis=0), 1.0, atol=1e-12)
    assert np.issubdtype(ds.y.dtype, np.integer)
    assert set(np.unique(ds.y)) == set(range(ds.n_classes))
    assert len(ds.feature_names) == ds.X.shape[1] and len(ds.class_names) == ds.n_classes


def test_real_sets_match_scikit_learn():
    from sklearn.datasets import load_breast_cancer, load_iris

    cancer, iris = make_dataset("cancer"), make_dataset("iris")
    assert cancer.X.shape == (569, 30) and cancer.n_classes == 2
    assert iris.X.shape == (150, 4) and iris.n_classes == 3
    raw = load_breast_cancer().data
    np.testing.assert_allclose(cancer.X, (raw - raw.mean(0)) / raw.std(0))
    for ds, bunch in ((cancer, load_breast_cancer()), (iris, load_iris())):  # every field, read without sklearn
        np.testing.assert_array_equal(ds.X, standardise(bunch.data))
        np.testing.assert_array_equal(ds.y, bunch.target)
        assert ds.feature_names == tuple(bunch.feature_names) and ds.class_names == tuple(bunch.target_names)


def test_the_real_sets_load_without_importing_scikit_learn():
    code = (
        "import sys; from xentcore.datasets import make_dataset; make_dataset('iris'); make_dataset('cancer');"
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_bundled_csv_is_read_as_scikit_learn_writes_it_and_a_short_one_is_refused():
    X, y, classes = parse_bundled_csv("3,2,a,b\n1,2,0\n3,4,1\n5,6,1\n")
    np.testing.assert_array_equal(X, [[1, 2], [3, 4], [5, 6]])
    assert y.tolist() == [0, 1, 1] and y.dtype == np.int64 and classes == ("a", "b")
    with pytest.raises(ValueError, match="3 rows of 2 features"):
        parse_bundled_csv("3,2,a,b\n1,2,0\n3,4,1\n")


@pytest.mark.parametrize("name", ["blobs", "overlap", "moons", "xor"])
def test_synthetic_sets_are_deterministic_per_seed(name):
    a, b, c = make_dataset(name, seed=5), make_dataset(name, seed=5), make_dataset(name, seed=6)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)
    assert make_dataset(name, n=77).n == 77


def test_noise_makes_blobs_harder():
    clean = make_dataset("overlap", n=400, noise=0.0)
    noisy = make_dataset("overlap", n=400, noise=2.0)
    acc = [LogisticRegression().fit(d.X, d.y).score(d.X, d.y) for d in (clean, noisy)]
    assert acc[1] < acc[0]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"name": "spiral"}, "unknown data set"),
        ({"name": "blobs", "n": 1}, "n must"),
        ({"name": "xor", "noise": -1}, "noise"),
    ],
)
def test_make_dataset_rejects_bad_arguments(kwargs, match):
    name = kwargs.pop("name")
    with pytest.raises(ValueError, match=match):
        make_dataset(name, **kwargs)


def test_standardise_keeps_constant_columns_finite():
    X = standardise(np.array([[1.0, 5.0], [3.0, 5.0]]))
    np.testing.assert_array_equal(X, [[-1.0, 0.0], [1.0, 0.0]])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.05, 0.6), st.sampled_from(["overlap", "iris", "cancer"]))
def test_split_is_stratified_disjoint_and_deterministic(seed, fraction, name):
    base = make_dataset(name, n=90)
    # Row ids as the only feature, so that membership is unambiguous (iris has duplicate rows).
    ds = Dataset(np.arange(base.n, dtype=float)[:, None], base.y, base.n_classes, ("id",), base.class_names, name)
    tr, te = train_test_split(ds, test_fraction=fraction, seed=seed)
    ids_tr, ids_te = tr.X[:, 0].astype(int), te.X[:, 0].astype(int)
    assert sorted([*ids_tr, *ids_te]) == list(range(ds.n))
    np.testing.assert_array_equal(tr.y, ds.y[ids_tr])
    np.testing.assert_array_equal(te.y, ds.y[ids_te])
    for c in range(ds.n_classes):
        n_c = int((ds.y == c).sum())
        assert int((te.y == c).sum()) == min(round(fraction * n_c), n_c - 1)
    _, te2 = train_test_split(ds, test_fraction=fraction, seed=seed)
    np.testing.assert_array_equal(te.X, te2.X)


def test_split_rejects_bad_fraction():
    with pytest.raises(ValueError, match="test_fraction"):
        train_test_split(make_dataset("blobs"), test_fraction=1.0)


def test_csv_reads_features_and_labels():
    data = b"height,weight,species\n1,10,b\n2,30,a\n3,20,b\n4,40,a\n"
    ds = dataset_from_csv(data)
    assert isinstance(ds, Dataset)
    assert ds.feature_names == ("height", "weight") and ds.class_names == ("a", "b")
    np.testing.assert_array_equal(ds.y, [1, 0, 1, 0])
    np.testing.assert_allclose(ds.X[:, 0], standardise(np.array([[1.0], [2.0], [3.0], [4.0]]))[:, 0])


def test_csv_label_column_can_be_chosen_and_numeric_labels_sort_numerically():
    data = b"y,a,b\n10,1,2\n2,2,1\n10,0,0\n2,1,1\n"
    ds = dataset_from_csv(data, label_column="y")
    assert ds.class_names == ("2", "10") and ds.feature_names == ("a", "b")
    np.testing.assert_array_equal(ds.y, [1, 0, 1, 0])


def test_csv_names_are_kept_as_written_for_display():
    # Every printable character stays (each sink escapes for its medium); unprintable ones go, long names are cut
    # and a class name with nothing printable is left empty for the caller to label.
    data = "a$,{b}_1,label\n1,2,<b>x</b>\n2,1,y\u200b\n3,3,\u200b\n".encode()
    ds = dataset_from_csv(data)
    assert ds.feature_names == ("a$", "{b}_1")
    assert ds.class_names == ("<b>x</b>", "y", "")
    long = "n" * 40
    ds = dataset_from_csv(f"{long}1,{long}2,label\n1,2,a\n2,1,b\n".encode())
    assert ds.feature_names == (display_name(long + "1"), display_name(long + "2") + " (2)")
    assert len(ds.feature_names[0]) == 32 and ds.feature_names[0].endswith("…")


def test_read_csv_is_the_loaders_header_parser():
    data = '\ufeff"len", "kind of thing" ,"x,y"\n1,a,2\n\n2,b,3\n'.encode()
    table = read_csv(data)
    assert table.columns == ("len", "kind of thing", "x,y")
    assert table.rows == (["1", "a", "2"], ["2", "b", "3"]) and table.lines == (2, 4)
    ds = dataset_from_csv(data, label_column="kind of thing")
    assert ds.feature_names == ("len", "x,y") and ds.class_names == ("a", "b")


def test_csv_names_are_kept_as_written_without_control_characters():
    ds = dataset_from_csv(b"a,b,label\n1,2,<b>x</b>\x07\n2,1,y\n")
    assert ds.class_names == ("<b>x</b>", "y")  # escaped where they are shown, not here


@pytest.mark.parametrize(
    ("data", "kwargs", "match"),
    [
        (b"", {}, "empty"),
        (b"\n\n ,\n", {}, "empty"),
        (b"a,b\n", {}, "no data rows"),
        (b"a\n1\n2\n", {}, "at least two columns"),
        (b"a,a\n1,0\n2,1\n", {}, "must be different"),
        (b"a,,c\n1,2,0\n", {}, "needs a name"),
        (b"a,b\n1,0\n2\n", {}, "row 3 has 1 fields"),
        (b"a,b\n1,0\nfoo,1\n", {}, "'foo' is not a number"),
        (b"a,b\n1,0\n,1\n", {}, "is not a number"),
        (b"a,b\n1,0\nnan,1\n", {}, "NaN"),
        (b"a,b\n1,0\ninf,1\n", {}, "infinite"),
        (b"a,b\n1,0\n2,0\n", {}, "only one class"),
        (b"a,b\n1,x\n2,\n", {}, "is empty"),
        (b"a,b\n1,0\n2,1\n", {"label_column": "c"}, "no column named 'c'"),
        (b"a,b\n" + b"1,0\n" * 20, {"max_rows": 10}, "too many rows"),
        (b"a,b\n" + b"1,0\n" * 20, {"max_bytes": 50}, "limit is 50"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", {}, "binary"),
        (b"a,b\n\xff\xfe,1\n", {}, "UTF-8"),
        (b"a,b\n" + b"".join(b"1,%d\n" % k for k in range(12)), {}, "12 classes"),
        (b",".join(b"c%d" % k for k in range(101)) + b"\n", {}, "too many columns"),
    ],
)
def test_csv_errors_are_clear(data, kwargs, match):
    with pytest.raises(CsvError, match=match) as caught:
        dataset_from_csv(data, **kwargs)
    err = caught.value
    assert isinstance(err, ValueError) and str(err) == CSV_ERRORS[err.kind].format(**err.values)


def test_csv_errors_have_a_kind_and_the_files_own_line_numbers():
    with pytest.raises(CsvError) as caught:
        dataset_from_csv(b"a,b\n1,0\n\n\nx,1\n")
    assert caught.value.kind == "not_number"
    assert caught.value.values == {"column": "a", "row": 5, "cell": "x"}
    with pytest.raises(CsvError) as caught:
        dataset_from_csv(b"a,b\n1,0\n2,0\n", label_column="b")
    assert caught.value.kind == "one_class" and caught.value.values == {"column": "b"}


def test_csv_with_bom_and_blank_lines():
    ds = dataset_from_csv("\ufeffa,b\n1,0\n\n2,1\n".encode())
    assert ds.n == 2 and ds.feature_names == ("a",)


# --- imbalance on demand -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["blobs", "moons", "xor", "article", "cancer", "iris"]),
    st.sampled_from([0.3, 0.2, 0.1, 0.05, 0.01]),
    st.integers(0, 50),
)
def test_imbalance_thins_the_minority_only(name, fraction, seed):
    ds = make_dataset(name, n=201, seed=seed)
    out = imbalance(ds, fraction, seed=seed)
    c = minority_class(ds.y, ds.n_classes)
    before, after = np.bincount(ds.y, minlength=ds.n_classes), np.bincount(out.y, minlength=ds.n_classes)
    others = np.arange(ds.n_classes) != c
    np.testing.assert_array_equal(after[others], before[others])  # every other class keeps every row
    n_rest = before[others].sum()
    if after[c] < before[c] and after[c] > 1:  # thinned: the most rows with which its share is at most the fraction
        assert after[c] / out.n <= fraction + 1e-12 < (after[c] + 1) / (out.n + 1)
    if after[c] == before[c] and before[c] > 1:  # left alone: it was that small already
        assert before[c] / ds.n <= fraction + 1e-12
    assert after[c] == max(1, min(before[c], int(np.floor(fraction * n_rest / (1 - fraction) + 1e-9))))
    # a subset of the rows, in their order, with nothing else changed
    tagged = Dataset(np.arange(ds.n, dtype=float)[:, None], ds.y, ds.n_classes, ("i",), ds.class_names, ds.name)
    index = imbalance(tagged, fraction, seed=seed).X[:, 0].astype(int)  # which rows: decided by y and the seed
    assert (np.diff(index) > 0).all()
    np.testing.assert_array_equal(ds.X[index], out.X)
    np.testing.assert_array_equal(ds.y[index], out.y)
    assert (out.feature_names, out.class_names, out.name) == (ds.feature_names, ds.class_names, ds.name)
    again = imbalance(ds, fraction, seed=seed)  # deterministic for the seed
    np.testing.assert_array_equal(again.X, out.X)


def test_imbalance_at_one_half_or_above_the_minority_changes_nothing():
    for name in ("blobs", "cancer", "iris"):
        ds = make_dataset(name, n=200)
        assert imbalance(ds, 0.5) is ds
    cancer = make_dataset("cancer")  # 212 malignant against 357 benign: already 37 %
    assert imbalance(cancer, 0.4) is cancer
    assert np.bincount(imbalance(cancer, 0.3).y).tolist() == [153, 357]  # 0.3 · 357 / 0.7 = 153 exactly


def test_the_minority_is_the_smallest_class_and_the_last_on_a_tie():
    assert minority_class(np.array([0, 1, 1, 2, 2]), 3) == 0
    assert minority_class(np.array([0, 0, 1, 1, 2, 2]), 3) == 2
    assert minority_class(make_dataset("blobs", n=201).y, 2) == 1  # 101 against 100
    assert minority_class(make_dataset("cancer").y, 2) == 0
    iris = imbalance(make_dataset("iris"), 0.1)
    assert np.bincount(iris.y).tolist() == [50, 50, 11]


def test_imbalance_differs_by_seed_and_refuses_bad_fractions():
    ds = make_dataset("overlap", n=300)
    a, b = imbalance(ds, 0.1, seed=0), imbalance(ds, 0.1, seed=1)
    assert a.n == b.n and not np.array_equal(a.X, b.X)
    for bad in (0.0, 1.0, -0.1, float("nan")):
        with pytest.raises(ValueError, match="fraction"):
            imbalance(ds, bad)
