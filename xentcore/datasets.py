"""Small classification data sets, standardised, with a deterministic stratified train/test split.

Synthetic sets are drawn from ``np.random.default_rng(seed)`` (never the global generator); the two real sets
come from scikit-learn's bundled copies (no download). ``"article"`` is the source tutorial's exact data:
100 standard-normal points with labels drawn at random, so there is nothing to learn.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATASETS = ("article", "blobs", "overlap", "moons", "xor", "cancer", "iris")
ARTICLE_N = 100
MAX_CSV_COLUMNS = 100
MAX_CSV_CLASSES = 10


@dataclass(frozen=True)
class Dataset:
    """A classification data set: features ``X`` of shape (n, d), class indices ``y`` in 0..K-1."""

    X: np.ndarray
    y: np.ndarray
    n_classes: int
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]
    name: str

    @property
    def n(self) -> int:
        return int(self.X.shape[0])

    @property
    def d(self) -> int:
        return int(self.X.shape[1])

    def subset(self, index: np.ndarray) -> Dataset:
        """The rows ``index``, with everything else unchanged."""
        return Dataset(self.X[index], self.y[index], self.n_classes, self.feature_names, self.class_names, self.name)


def standardise(X: np.ndarray) -> np.ndarray:
    """``(X - mean) / std`` per column; a constant column becomes 0 rather than NaN."""
    X = np.asarray(X, dtype=float)
    std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)


def _article() -> Dataset:
    # The tutorial seeds NumPy's global generator with 0 and draws X, then y; a local RandomState(0) gives
    # the same legacy stream without touching global state.
    rs = np.random.RandomState(0)
    X = rs.randn(ARTICLE_N, 2)
    y = rs.randint(0, 2, ARTICLE_N)
    return Dataset(X, y.astype(np.int64), 2, ("x1", "x2"), ("0", "1"), "article")


def _two_blobs(rng: np.random.Generator, n: int, centre: float, spread: float) -> tuple[np.ndarray, np.ndarray]:
    y = np.arange(n) % 2
    rng.shuffle(y)
    centres = np.array([[-centre, -centre], [centre, centre]])
    return centres[y] + spread * rng.standard_normal((n, 2)), y


def _moons(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    y = np.arange(n) % 2
    rng.shuffle(y)
    angle = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(angle), np.sin(angle)])
    lower = np.column_stack([1.0 - np.cos(angle), 0.5 - np.sin(angle)])
    X = np.where(y[:, None] == 0, upper, lower)
    return X + (0.1 + noise) * rng.standard_normal((n, 2)), y


def _xor(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-1.0, 1.0, (n, 2))
    # Keep points off the axes so the four quadrants are clean before noise is added.
    X += 0.1 * np.sign(X)
    y = ((X[:, 0] > 0) ^ (X[:, 1] > 0)).astype(np.int64)
    return X + noise * 0.5 * rng.standard_normal((n, 2)), y


# The real sets' feature names, as scikit-learn's loaders give them (its CSV files carry none); a test compares
# every field with ``sklearn.datasets.load_iris`` and ``load_breast_cancer``.
_IRIS_FEATURES = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")
_CANCER_MEASURES = ("radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                    "concave points", "symmetry", "fractal dimension")  # fmt: skip
_CANCER_FEATURES = (
    *(f"mean {m}" for m in _CANCER_MEASURES),
    *(f"{m} error" for m in _CANCER_MEASURES),
    *(f"worst {m}" for m in _CANCER_MEASURES),
)
_REAL = {"iris": ("iris.csv", _IRIS_FEATURES), "cancer": ("breast_cancer.csv", _CANCER_FEATURES)}


def _bundled_csv(file: str) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """``(data, target, class names)`` from scikit-learn's bundled copy of a data set, without importing
    scikit-learn: that is 900 modules, 0.6 s and 69 MB more in the server for two small files, and Streamlit's
    file watcher walks every imported module's path for each new session."""
    spec = importlib.util.find_spec("sklearn")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("scikit-learn is needed for its bundled data sets: pip install scikit-learn")
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / file
    return parse_bundled_csv(path.read_text(encoding="utf-8"))


def parse_bundled_csv(text: str) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """A data set in scikit-learn's bundled CSV form, read as its own loader reads it: the first line is the
    number of samples, of features, then the class names; then a row per sample, its class index last."""
    head, *rows = list(csv.reader(io.StringIO(text)))
    n_samples, n_features, classes = int(head[0]), int(head[1]), tuple(head[2:])
    table = np.array(rows[:n_samples], dtype=np.float64)
    if table.shape != (n_samples, n_features + 1):
        raise ValueError(f"expected {n_samples} rows of {n_features} features and a class, got {table.shape}")
    return table[:, :n_features], table[:, n_features].astype(np.int64), classes


def _bundled(name: str) -> Dataset:
    file, features = _REAL[name]
    X, y, classes = _bundled_csv(file)
    return Dataset(standardise(X), y, len(classes), features, classes, name)


def make_dataset(name: str, *, n: int = 200, noise: float = 0.0, seed: int = 0) -> Dataset:
    """Build one of :data:`DATASETS`, standardised to zero mean and unit variance per feature.

    Parameters
    ----------
    name : str
        ``"article"``: the tutorial's exact data (legacy seed 0, X = 100 × 2 standard normal, y = 100 labels
        drawn at random in {0, 1}, independent of X); ``n``, ``noise`` and ``seed`` are ignored and X is
        kept exactly as drawn (already standard normal). ``"blobs"``: two well separated Gaussian blobs.
        ``"overlap"``: two overlapping blobs. ``"moons"``: two interleaved half circles. ``"xor"``: the four
        quadrants, opposite ones sharing a class (no linear model can separate it). ``"cancer"``:
        scikit-learn's Wisconsin breast cancer (569 × 30, binary; ``n``/``noise``/``seed`` ignored).
        ``"iris"``: 150 × 4, three classes (``n``/``noise``/``seed`` ignored).
    n : int
        Number of points of a synthetic set (2 to 100 000).
    noise : float
        Extra spread (>= 0) of a synthetic set, in units of its natural scale.
    seed : int
        Seed of ``np.random.default_rng`` for a synthetic set.

    Examples
    --------
    >>> ds = make_dataset("blobs", n=50, seed=1)
    >>> ds.X.shape, ds.n_classes, bool(np.allclose(ds.X.mean(axis=0), 0))
    ((50, 2), 2, True)
    """
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; choose one of {', '.join(DATASETS)}")
    if name == "article":
        return _article()
    if name in ("cancer", "iris"):
        return _bundled(name)
    if not (2 <= int(n) <= 100_000):
        raise ValueError(f"n must be between 2 and 100000, got {n}")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise}")
    n = int(n)
    rng = np.random.default_rng(seed)
    if name == "blobs":
        X, y = _two_blobs(rng, n, 2.0, 0.5 + noise)
    elif name == "overlap":
        X, y = _two_blobs(rng, n, 0.6, 1.0 + noise)
    elif name == "moons":
        X, y = _moons(rng, n, noise)
    else:
        X, y = _xor(rng, n, noise)
    return Dataset(standardise(X), y.astype(np.int64), 2, ("x1", "x2"), ("0", "1"), name)


def train_test_split(ds: Dataset, *, test_fraction: float = 0.25, seed: int = 0) -> tuple[Dataset, Dataset]:
    """Split ``ds`` into (train, test), stratified: each class puts ``round(test_fraction · n_c)`` rows in the
    test set, keeping at least one row of every class in the training set. Deterministic for ``seed``;
    rows keep their original order within each part.

    >>> tr, te = train_test_split(make_dataset("iris"), test_fraction=0.2)
    >>> tr.n, te.n, np.bincount(te.y).tolist()
    (120, 30, [10, 10, 10])
    """
    if not (0.0 <= test_fraction < 1.0):
        raise ValueError(f"test_fraction must be in [0, 1), got {test_fraction}")
    rng = np.random.default_rng(seed)
    test = np.zeros(ds.n, dtype=bool)
    for c in range(ds.n_classes):
        rows = np.flatnonzero(ds.y == c)
        k = min(round(test_fraction * rows.size), max(rows.size - 1, 0))
        test[rng.permutation(rows)[:k]] = True
    return ds.subset(~test), ds.subset(test)


def minority_class(y: np.ndarray, n_classes: int) -> int:
    """The class with the fewest rows; among equally small classes, the last (so a balanced two-class set's
    minority is class 1).

    >>> minority_class(np.array([0, 0, 1, 1, 2]), 3), minority_class(np.array([0, 1]), 2)
    (2, 1)
    """
    counts = np.bincount(np.asarray(y, dtype=np.int64), minlength=n_classes)
    return int(n_classes - 1 - np.argmin(counts[::-1]))


def imbalance(ds: Dataset, fraction: float, seed: int = 0) -> Dataset:
    """``ds`` with its minority class thinned to at most ``fraction`` of the rows: class imbalance on demand.

    The minority is :func:`minority_class` (the smallest class, the last on a tie). It keeps
    ``m = max(1, ⌊f · n_rest / (1 - f)⌋)`` of its rows, chosen at random with ``np.random.default_rng(seed)``,
    where ``n_rest`` counts the rows of every other class: the most rows with which it makes up at most ``f`` of
    the result, ``m / (m + n_rest) <= f`` (and more than ``f`` with one row more). Every other row stays, and rows
    keep their order. A class already that small is left alone, and then ``ds`` itself is returned:
    ``fraction = 0.5`` never changes a data set, since the smallest of K >= 2 classes holds at most half the rows.
    For two classes ``f`` is the share of the minority class; for more, the share of the one shrunk class (the
    others keep their sizes). One row of the class always stays, so every class can still be learnt and given a
    prior; that row alone may exceed ``f``.

    Parameters
    ----------
    ds : Dataset
    fraction : float
        ``f`` in (0, 1).
    seed : int
        Which rows of the minority stay.

    Examples
    --------
    >>> ds = make_dataset("blobs", n=200)
    >>> small = imbalance(ds, 0.1)
    >>> np.bincount(small.y).tolist(), imbalance(ds, 0.5) is ds
    ([100, 11], True)
    """
    f = float(fraction)
    if not (0.0 < f < 1.0):
        raise ValueError(f"fraction must be in (0, 1), got {fraction}")
    c = minority_class(ds.y, ds.n_classes)
    rows = np.flatnonzero(ds.y == c)
    n_rest = ds.n - rows.size
    keep = max(1, min(rows.size, math.floor(f * n_rest / (1.0 - f) + 1e-9)))  # + 1e-9: 153.0 is not 152.99...
    if keep >= rows.size:
        return ds
    kept = np.random.default_rng(seed).choice(rows, size=keep, replace=False)
    mask = ds.y != c
    mask[kept] = True
    return ds.subset(np.flatnonzero(mask))


CSV_ERRORS = {
    "too_big": "the file is {size:,} bytes; the limit is {limit:,}",
    "binary": "this does not look like a text CSV file (it contains binary data)",
    "not_utf8": "the file is not UTF-8 text",
    "not_csv": "the file is not valid CSV",
    "empty": "the file is empty",
    "few_columns": "need at least two columns: one or more numeric features and a label column",
    "many_columns": "too many columns ({count}); the limit is {limit}",
    "unnamed_column": "every column needs a name in the first row",
    "duplicate_columns": "column names in the first row must be different",
    "no_rows": "the file has a header row but no data rows",
    "many_rows": "too many rows ({count:,}); the limit is {limit:,}",
    "ragged": "row {row} has {fields} fields; the header has {columns}",
    "no_column": "no column named {column!r}; the columns are {columns}",
    "not_number": "column {column!r} row {row}: {cell!r} is not a number",
    "not_finite": "column {column!r} row {row}: missing, NaN or infinite values are not allowed",
    "empty_label": "label column {column!r} row {row} is empty",
    "one_class": "label column {column!r} has only one class; need at least two",
    "many_classes": "label column {column!r} has {count} classes; the limit is {limit}",
}
"""What :class:`CsvError` says for each ``kind``, filled from its ``values``."""


class CsvError(ValueError):
    """A CSV file that cannot become a :class:`Dataset`.

    ``kind`` is a key of :data:`CSV_ERRORS` and ``values`` fills its message, so an application can say the
    same thing in another language: row numbers count the file's lines from 1 (the header), ``column`` and
    ``cell`` are the file's own text, ``columns`` the header's names joined by ", ".
    """

    def __init__(self, kind: str, **values: object) -> None:
        self.kind = kind
        self.values = values
        super().__init__(CSV_ERRORS[kind].format(**values))


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read as text: the header's column names (stripped), the data rows (blank lines dropped) and
    the file line on which each data row starts."""

    columns: tuple[str, ...]
    rows: tuple[list[str], ...]
    lines: tuple[int, ...]


def read_csv(data: bytes, *, max_bytes: int = 1_000_000) -> CsvTable:
    """Read CSV bytes into a :class:`CsvTable`: the one header parser, used by :func:`dataset_from_csv` and by
    anything that offers the file's columns to choose from.

    UTF-8 with or without a byte-order mark; quoted fields as :mod:`csv` reads them, also after a space.
    Raises :class:`CsvError` for a file that is too big, binary, not UTF-8, not CSV or empty, and for a header
    with fewer than two, more than :data:`MAX_CSV_COLUMNS`, unnamed or repeated column names.

    >>> read_csv('\\ufeff"len","kind"\\n1,a\\n'.encode()).columns
    ('len', 'kind')
    """
    if len(data) > max_bytes:
        raise CsvError("too_big", size=len(data), limit=max_bytes)
    if b"\x00" in data:
        raise CsvError("binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError("not_utf8") from None
    reader = csv.reader(io.StringIO(text), skipinitialspace=True)  # `a, "b c"`: b c is quoted
    rows, lines = [], []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                lines.append(reader.line_num)
    except csv.Error:
        raise CsvError("not_csv") from None
    if not rows:
        raise CsvError("empty")
    header = tuple(cell.strip() for cell in rows[0])
    if len(header) < 2:
        raise CsvError("few_columns")
    if len(header) > MAX_CSV_COLUMNS:
        raise CsvError("many_columns", count=len(header), limit=MAX_CSV_COLUMNS)
    if any(not h for h in header):
        raise CsvError("unnamed_column")
    if len(set(header)) != len(header):
        raise CsvError("duplicate_columns")
    return CsvTable(header, tuple(rows[1:]), tuple(lines[1:]))


def _feature_matrix(columns: list[list[str]], names: list[str], lines: tuple[int, ...]) -> np.ndarray:
    X = np.empty((len(columns[0]), len(columns)))
    for j, (col, name) in enumerate(zip(columns, names, strict=True)):
        for i, cell in enumerate(col):
            try:
                X[i, j] = float(cell)
            except ValueError:
                raise CsvError("not_number", column=name, row=lines[i], cell=cell[:20]) from None
    if not np.isfinite(X).all():
        i, j = np.argwhere(~np.isfinite(X))[0]
        raise CsvError("not_finite", column=names[j], row=lines[i])
    return X


def dataset_from_csv(
    data: bytes, *, label_column: str | None = None, max_bytes: int = 1_000_000, max_rows: int = 5000
) -> Dataset:
    """Read a CSV file (a header row, then one row per sample) into a standardised :class:`Dataset`.

    Every column except the label column must be numeric; the label column (default: the last) may hold any
    text or numbers, and its distinct values, sorted, become classes 0..K-1 (2 <= K <= 10). Raises
    :class:`CsvError` (a ``ValueError``) with a message a person can act on for anything else: too big, empty,
    not UTF-8, ragged rows, non-numeric or missing feature values, a single class. The header is read by
    :func:`read_csv`.

    Names are kept as written, for display (:func:`display_name`): a class name with nothing printable in it
    is left empty, for the caller to label; such a feature name becomes ``x1``, ``x2``, ...

    >>> ds = dataset_from_csv(b"a,b,label\\n1,2,cat\\n2,1,dog\\n3,3,cat\\n0,1,dog\\n")
    >>> ds.X.shape, ds.class_names, ds.y.tolist()
    ((4, 2), ('cat', 'dog'), [0, 1, 0, 1])
    """
    table = read_csv(data, max_bytes=max_bytes)
    header, body, lines = table.columns, table.rows, table.lines
    if not body:
        raise CsvError("no_rows")
    if len(body) > max_rows:
        raise CsvError("many_rows", count=len(body), limit=max_rows)
    for i, row in enumerate(body):
        if len(row) != len(header):
            raise CsvError("ragged", row=lines[i], fields=len(row), columns=len(header))
    label = header[-1] if label_column is None else label_column
    if label not in header:
        raise CsvError("no_column", column=label, columns=", ".join(header))
    j_label = header.index(label)
    feature_names = [h for j, h in enumerate(header) if j != j_label]
    columns = [[row[j].strip() for row in body] for j in range(len(header)) if j != j_label]
    X = _feature_matrix(columns, feature_names, lines)
    labels = [row[j_label].strip() for row in body]
    if any(not v for v in labels):
        i = next(i for i, v in enumerate(labels) if not v)
        raise CsvError("empty_label", column=label, row=lines[i])
    classes = sorted(set(labels), key=_label_sort_key)
    if len(classes) < 2:
        raise CsvError("one_class", column=label)
    if len(classes) > MAX_CSV_CLASSES:
        raise CsvError("many_classes", column=label, count=len(classes), limit=MAX_CSV_CLASSES)
    index = {c: k for k, c in enumerate(classes)}
    y = np.array([index[v] for v in labels], dtype=np.int64)
    shown = _unique([display_name(c) for c in classes])
    features = _unique([display_name(f) or f"x{j + 1}" for j, f in enumerate(feature_names)])
    return Dataset(standardise(X), y, len(classes), features, shown, "csv")


def _label_sort_key(value: str) -> tuple[int, float, str]:
    try:
        x = float(value)
    except ValueError:
        return (1, 0.0, value)
    return (0, x, value) if np.isfinite(x) else (1, 0.0, value)


def display_name(raw: str, max_chars: int = 32) -> str:
    """A name from a file, for display: NFC-normalised, without control or other unprintable characters,
    trimmed, at most ``max_chars`` characters (cut with "…"). Every printable character stays, ``<``, ``$``
    and ``*`` included: whoever shows the name escapes it for the medium (markdown, HTML, a plot label).

    >>> display_name("  <b>x</b>\\u200b\\t "), display_name("a" * 40, 8)
    ('<b>x</b>', 'aaaaaaa…')
    """
    text = "".join(ch for ch in unicodedata.normalize("NFC", raw) if ch.isprintable()).strip()
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def _unique(names: list[str]) -> tuple[str, ...]:
    """Names made distinct (a cut can make two equal) by appending " (2)", " (3)", ... to repeats."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        out.append(name if count == 1 or not name else f"{name} ({count})")
    return tuple(out)


def clean_name(raw: str, max_chars: int = 24) -> str:
    r"""A class name as typed, as far as it can be kept: NFC-normalised, any space character made a plain space,
    other control and format characters and commas (names travel comma-separated in links) removed, trimmed
    and cut to ``max_chars``. Characters that mean something where the name is shown (LaTeX, markdown, HTML)
    stay: each place that shows a name escapes it.

    >>> clean_name(" <b>50% _x_</b>,\x00 ")
    '<b>50% _x_</b>'
    """
    text = unicodedata.normalize("NFC", raw)
    text = "".join(ch if ch.isprintable() else " " if ch.isspace() else "" for ch in text)
    return text.replace(",", "").strip()[:max_chars].strip()
