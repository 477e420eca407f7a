"""The training-race page's model: ``build(state, unit, uploaded) -> RaceModel``, every number, table, picture
and sentence the page shows, computed once from the page's state and testable without Streamlit.

Sentences are :class:`Phrase` s, a translation key and its values, so that the model decides *what* is said
(generated from the numbers beside it) and the page only puts it into the reader's language. Text from an
uploaded file travels as :class:`UserText`, which every sink shows literally (escaped for its medium).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from xentcore.app.format import fmt, fmt_percent
from xentcore.app.race.data import CLASS_FALLBACK, DATA, PC_NAMES, DataInfo
from xentcore.app.race.export import race_script, script_csv_name
from xentcore.app.race.geometry import RacePicture, race_picture
from xentcore.app.race.state import CALIBRATION_KEYS, LANE_KEYS, STEPPER_KEYS, TEST_FRACTION
from xentcore.app.settings import LANGUAGES, UNIT_BASE
from xentcore.datasets import (
    MAX_CSV_CLASSES,
    CsvError,
    Dataset,
    dataset_from_csv,
    imbalance,
    make_dataset,
    minority_class,
    read_csv,
    train_test_split,
)
from xentcore.metrics import balanced_accuracy, confusion_matrix, recall_per_class
from xentcore.models import class_prior, class_weights
from xentcore.training import (
    DEFAULT_LANES,
    LANE_SMOOTHING,
    Race,
    TrainConfig,
    lane_setup,
    race,
    race_contenders,
)

CSV_MAX_BYTES = 1_000_000
CSV_MAX_ROWS = 5000
TARGET = 0.9  # the training accuracy whose first epoch the results table reports
TARGET_PERCENT = f"{100 * TARGET:g}"
THINNED_NOTES = ("article", "xor")  # data notes whose numbers hold for the data as generated only
GROWING = 10.0  # a final loss this many times the starting one: the run is heading the wrong way
USER_TEXT_KEYS = ("column", "cell", "columns")  # the values of a CsvError that come from the file


class UserText(str):
    """Text from the reader's file: shown literally, escaped by each sink for its medium."""


@dataclass(frozen=True)
class Phrase:
    """A sentence to say: the translation ``key`` and its values (plain strings, :class:`UserText`, or nested
    phrases, said in the same language)."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **values: Any) -> Phrase:
        return cls(key, tuple(values.items()))


CSV_HELP = Phrase.of("race.csv.help", rows=CSV_MAX_ROWS, kb=CSV_MAX_BYTES // 1000, classes=MAX_CSV_CLASSES)


@dataclass(frozen=True)
class Alert:
    """A message box: ``kind`` is ``"error"``, ``"warning"`` or ``"info"``."""

    kind: str
    phrase: Phrase


@dataclass(frozen=True)
class Upload:
    """An uploaded CSV file and the column the reader picked as the label."""

    name: str
    data: bytes
    label_column: str | None = None


@dataclass(frozen=True)
class RunRow:
    """One run as the results table and the messages show it; losses in the reader's unit."""

    key: str
    title: Phrase
    lr: float
    loss: float
    start_loss: float
    train_accuracy: float
    test_accuracy: float
    epochs_to_target: int | None
    diverged_at: int | None
    growing: bool
    confusion: np.ndarray  # rows: true class, columns: predicted, on the test set (the training set if empty)
    lane: str = "ce"  # the lane's loss, one of xentcore.training.LANE_LOSSES
    recall: tuple[float, ...] = ()  # per class, on the same set as the confusion matrix (NaN: no such points)
    balanced_accuracy: float = float("nan")


@dataclass(frozen=True)
class RaceModel:
    """Everything the race page shows (see :func:`build`)."""

    info: DataInfo
    dataset: Dataset
    train_set: Dataset
    test_set: Dataset
    config: TrainConfig
    mse_lr_scale: float
    result: Race
    picture: RacePicture
    loss_factors: dict[str, float]
    class_names: tuple[str, ...]
    feature_names: tuple[str, ...]
    axis_names: tuple[str, str]
    feature_pick: tuple[int, int]
    rows: tuple[RunRow, ...]
    data_note: Phrase
    imbalance_note: Phrase | None
    intro: Phrase
    lanes: tuple[str, ...]
    projection_note: Phrase | None
    figure_caption: Phrase
    loss_caption: Phrase
    metrics_caption: Phrase
    alerts: tuple[Alert, ...]
    why: tuple[Phrase, ...]  # paragraphs
    confusion_part: str
    script: str
    script_caption: Phrase
    script_csv: str | None  # the file name the script reads, for an upload
    epochs: int = 0  # the race's last epoch
    lang: str = "en"

    @property
    def first_to_target(self) -> RunRow | None:
        """The lane that reached the target training accuracy in the fewest epochs (on a tie, the first lane in
        page order); ``None`` when none reached it."""
        reached = [row for row in self.rows if row.epochs_to_target is not None]
        return min(reached, key=lambda row: row.epochs_to_target) if reached else None

    @property
    def figure_alt(self) -> Phrase:
        """The race figure's text alternative: who reaches the target first, then each lane's final numbers."""
        first = self.first_to_target
        if first is None:
            lead = Phrase.of("race.alt.none", target=TARGET_PERCENT)
        else:
            tied = sum(row.epochs_to_target == first.epochs_to_target for row in self.rows) > 1
            lead = Phrase.of(
                "race.alt.tie" if tied else "race.alt.first",
                run=first.title,
                epochs=first.epochs_to_target,
                target=TARGET_PERCENT,
            )
        lanes: list = []
        for row in self.rows:
            if lanes:
                lanes.append(Phrase("race.alt.sep"))
            if row.diverged_at is not None:
                lanes.append(Phrase.of("race.alt.lane.diverged", run=row.title, epoch=row.diverged_at))
            else:
                accuracy = fmt_percent(row.train_accuracy, lang=self.lang)
                lanes.append(Phrase.of("race.alt.lane", run=row.title, loss=fmt(row.loss), accuracy=accuracy))
        return Phrase.of("race.alt.figure", epochs=self.epochs, lead=lead, lanes=tuple(lanes))

    @property
    def multi(self) -> bool:
        return self.dataset.n_classes > 2

    @property
    def script_csv_note(self) -> Phrase:
        return Phrase.of("race.script.csv", name=UserText(self.script_csv or ""))

    @cached_property
    def history_csv(self) -> bytes:
        """The three histories as one CSV table (losses in nats, as recorded)."""
        return pd.DataFrame(self.result.history()).to_csv(index=False).encode()


def train_config(state: Mapping[str, Any]) -> TrainConfig:
    """The one mapping from the page's state to the training settings every run shares."""
    return TrainConfig(
        lr=float(state["lr"]),
        epochs=int(state["ep"]),
        seed=int(state["seed"]),
        init=state["init"],
        l2=float(state["l2"]),
        label_smoothing=float(state["ls"]),
        class_weight=None if state["cw"] == "none" else state["cw"],
        batch_size=None if state["bs"] == "full" else int(state["bs"]),
        momentum=float(state["mom"]),
        gamma=float(state["gamma"]),
        tau=float(state["tau"]),
    )


def lanes_of(state: Mapping[str, Any]) -> tuple[str, ...]:
    """The three lanes' losses the state asks for."""
    return tuple(state[key] for key in LANE_KEYS)


def race_key(state: Mapping[str, Any]) -> tuple:
    """The state as a hashable key of what the race trains and draws: every setting except those of the
    calibration section, which rescale the finished runs, and of the frame stepper, which shows one of their
    frames: neither must retrain them."""
    return tuple((k, v) for k, v in state.items() if k not in CALIBRATION_KEYS + STEPPER_KEYS)


def csv_columns(data: bytes) -> tuple[str, ...]:
    """The columns of an uploaded file, read by the loader's own header parser (raises :class:`CsvError`)."""
    return read_csv(data, max_bytes=CSV_MAX_BYTES).columns


def csv_problem(err: CsvError) -> Phrase:
    """What to tell the reader about a file that cannot be used, in their language."""
    values = {k: UserText(v) if k in USER_TEXT_KEYS else v for k, v in err.values.items()}
    return Phrase.of("race.csv.error", error=Phrase.of(f"race.csv.error.{err.kind}", **values))


def load(state: Mapping[str, Any], uploaded: Upload | None = None) -> Dataset:
    """The data the state asks for, before any imbalance: a built-in set, or the uploaded file (raises
    :class:`CsvError`)."""
    if DATA[state["data"]].uploaded:
        if uploaded is None:
            raise ValueError("data=csv needs an uploaded file")
        return dataset_from_csv(
            uploaded.data, label_column=uploaded.label_column, max_bytes=CSV_MAX_BYTES, max_rows=CSV_MAX_ROWS
        )
    return make_dataset(state["data"], n=int(state["n"]), noise=float(state["noise"]), seed=int(state["seed"]))


def imbalance_note(before: Dataset, after: Dataset, fraction: float, classes: tuple[str, ...], lang: str) -> Phrase:
    """What thinning the smallest class did: how many of its points stayed, and its share now."""
    c = minority_class(before.y, before.n_classes)
    total, kept = int(np.sum(before.y == c)), int(np.sum(after.y == c))
    values = {
        "name": UserText(classes[c]),
        "share": fmt_percent(kept / after.n, lang=lang),
        "target": fmt_percent(fraction, 0, lang=lang),
    }
    if kept == total:
        return Phrase.of(
            "race.minor.floor" if kept == 1 and kept > fraction * after.n else "race.minor.unchanged", **values
        )
    return Phrase.of("race.minor.note", **values, kept=kept, total=total, n=after.n)


def _names(pairs, fallback: tuple[str, ...], i: int) -> tuple[str, ...]:
    return tuple(p[i] for p in pairs) if pairs else fallback


def build(state: Mapping[str, Any], unit: str, uploaded: Upload | None = None, *, lang: str = "en") -> RaceModel:
    """The race page for ``state`` (the page's URL state), in ``unit`` (``"nats"`` or ``"bits"``) and ``lang``.

    Thins the smallest class to ``state["minor"]`` (:func:`~xentcore.datasets.imbalance`), splits the data,
    trains the three lanes with the settings of :func:`train_config` and the losses of :func:`lanes_of` (every
    MSE lane's rate times ``state["mlr"]``), draws them on the plane of
    :func:`~xentcore.app.race.geometry.race_picture`, and says what the numbers show. Every loss but MSE is a
    cross-entropy or a multiple of one, converted once, from nats to ``unit``; MSE has no unit.
    """
    info = DATA[state["data"]]
    i = LANGUAGES.index(lang)
    original = load(state, uploaded)
    ds = imbalance(original, float(state["minor"]), seed=int(state["seed"]))
    train_set, test_set = train_test_split(ds, test_fraction=TEST_FRACTION, seed=int(state["seed"]))
    config = train_config(state)
    scale = float(state["mlr"])
    lanes = lanes_of(state)
    result = race(train_set, test_set if test_set.n else None, config, mse_lr_scale=scale, lanes=lanes)

    pick = (int(state["f1"]), int(state["f2"]))
    if max(pick) >= ds.d or pick[0] == pick[1]:
        pick = (0, 1)  # an uploaded file can have fewer features than the link assumed
    drawn = pick if ds.d > 2 and state["proj"] == "features" else None
    picture = race_picture(result, train_set, test_set, drawn)

    sep = ("、", ", ")[i == 0]
    classes = tuple(n or CLASS_FALLBACK[i].format(k=k) for k, n in enumerate(_names(info.classes, ds.class_names, i)))
    features = _names(info.features, ds.feature_names, i)
    proj = picture.projection
    if proj.method == "pca":
        axes = (PC_NAMES[0][i], PC_NAMES[1][i])
        projection_note = Phrase.of("race.projection.pca", d=ds.d, share=fmt(100 * sum(proj.explained), 0))
    elif proj.method == "features":
        axes = (features[drawn[0]], features[drawn[1]])
        projection_note = Phrase.of("race.projection.features", d=ds.d, a=UserText(axes[0]), b=UserText(axes[1]))
    else:
        axes = (features[0], features[1])
        projection_note = None

    factor = 1.0 / math.log(UNIT_BASE[unit])
    loss_factors = {k: 1.0 if run.loss == "mse" else factor for k, run in result.runs.items()}
    evaluated = test_set if test_set.n else train_set
    titles = run_titles(ds.n_classes, scale, lanes, config)
    predicted = {key: run.predict(evaluated.X) for key, run in result.runs.items()}
    rows = tuple(
        RunRow(
            key=key,
            title=titles[key],
            lr=run.config.lr,
            loss=float(run.final["loss"]) * loss_factors[key],
            start_loss=float(run.history["loss"][0]) * loss_factors[key],
            train_accuracy=float(run.final["train_accuracy"]),
            test_accuracy=float(run.final["test_accuracy"]),
            epochs_to_target=run.epochs_to_accuracy(TARGET),
            diverged_at=run.diverged_at,
            growing=run.diverged_at is None and run.final_loss > GROWING * run.history["loss"][0],
            confusion=confusion_matrix(evaluated.y, predicted[key], ds.n_classes),
            lane=lane,
            recall=tuple(recall_per_class(evaluated.y, predicted[key], ds.n_classes).tolist()),
            balanced_accuracy=balanced_accuracy(evaluated.y, predicted[key], ds.n_classes),
        )
        for (key, run), lane in zip(result.runs.items(), lanes, strict=True)
    )
    script_csv = script_csv_name(uploaded.name) if info.uploaded and uploaded else None
    script = race_script(
        state["data"],
        n=int(state["n"]),
        noise=float(state["noise"]),
        data_seed=int(state["seed"]),
        test_fraction=TEST_FRACTION,
        csv_file=script_csv,
        label_column=uploaded.label_column if script_csv else None,
        config=config,
        mse_lr_scale=scale,
        lanes=lanes,
        minority=float(state["minor"]) if ds is not original else None,
    )
    if info.uploaded:
        data_note = Phrase.of("race.csv.loaded", n=original.n, d=ds.d, classes=UserText(sep.join(classes)))
    elif ds is not original and state["data"] in THINNED_NOTES:
        majority = 1.0 - np.bincount(ds.y).min() / ds.n
        data_note = Phrase.of(
            f"race.note.{state['data']}.thinned", n=original.n, d=ds.d, majority=fmt_percent(majority, lang=lang)
        )
    else:
        data_note = Phrase.of(f"race.note.{state['data']}", n=original.n, d=ds.d)
    confusion_part = "test" if test_set.n else "train"
    figure_caption = (
        Phrase("race.figure.caption.multi")
        if ds.n_classes > 2
        else Phrase.of("race.figure.caption", c1=UserText(classes[1]))
    )
    return RaceModel(
        info=info,
        dataset=ds,
        train_set=train_set,
        test_set=test_set,
        config=config,
        mse_lr_scale=scale,
        result=result,
        picture=picture,
        loss_factors=loss_factors,
        class_names=classes,
        feature_names=features,
        axis_names=axes,
        feature_pick=pick,
        rows=rows,
        data_note=data_note,
        imbalance_note=imbalance_note(original, ds, float(state["minor"]), classes, lang)
        if float(state["minor"]) < 0.5
        else None,
        intro=intro(scale, lanes, config),
        lanes=lanes,
        projection_note=projection_note,
        figure_caption=figure_caption,
        loss_caption=Phrase.of(
            "race.loss.caption" if lanes == DEFAULT_LANES else "race.loss.caption.lanes",
            unit=Phrase(f"unit.short.{unit}"),
            train=train_set.n,
            test=test_set.n,
        ),
        metrics_caption=Phrase.of("race.metrics.caption", part=Phrase(f"race.confusion.{confusion_part}")),
        alerts=alerts(rows, config),
        why=why(result, config, scale, train_set, classes, lang),
        confusion_part=confusion_part,
        script=script,
        script_caption=Phrase("race.script.caption" if unit == "nats" else "race.script.caption.bits"),
        script_csv=script_csv,
        epochs=int(picture.animation.frame_epochs[-1]),
        lang=lang,
    )


def _times(scale: float) -> str:
    return fmt(scale, 0)


OLD_TITLES = {  # the original race's names, kept word for word for the lanes it had
    ("logistic", False, "ce"): "race.run.logistic_ce",
    ("logistic", True, "ce"): "race.run.logistic_ce.multi",
    ("softmax", False, "ce"): "race.run.softmax_ce",
    ("softmax", True, "ce"): "race.run.softmax_ce",
    ("logistic", False, "mse"): "race.run.mse",
    ("softmax", False, "mse"): "race.run.mse.multi",
    ("softmax", True, "mse"): "race.run.mse.multi",
}


def loss_name(lane: str, config: TrainConfig) -> Phrase:
    """A lane's loss as a run's name shows it, with its parameter (γ, ε or τ)."""
    values = {
        "focal": {"gamma": fmt_rate(config.gamma)},
        "smooth": {"eps": fmt_rate(max(config.label_smoothing, LANE_SMOOTHING))},
        "adjusted": {"tau": fmt_rate(config.tau)},
    }.get(lane, {})
    return Phrase.of(f"race.loss.{lane}", **values)


def run_titles(
    n_classes: int, mse_lr_scale: float, lanes: tuple[str, ...] = DEFAULT_LANES, config: TrainConfig | None = None
) -> dict[str, Phrase]:
    """Each run's name: its model and loss; an MSE run also its learning rate when it differs."""
    config = config or TrainConfig()
    titles = {}
    for key, (model, lane) in race_contenders(n_classes, lanes).items():
        multi = n_classes > 2
        old = OLD_TITLES.get((model, multi, lane))
        if old:
            title = Phrase(old)
        else:
            name = "ovr" if model == "logistic" and multi else model
            title = Phrase.of("race.run.lane", model=Phrase(f"race.model.{name}"), loss=loss_name(lane, config))
        if lane == "mse" and mse_lr_scale != 1.0:
            title = Phrase.of("race.run.scaled", run=title, m=_times(mse_lr_scale))
        titles[key] = title
    return titles


def intro(mse_lr_scale: float, lanes: tuple[str, ...] = DEFAULT_LANES, config: TrainConfig | None = None) -> Phrase:
    """The page's first paragraph: which losses the lanes train with and which learning rates they share."""
    scaled = mse_lr_scale != 1.0 and "mse" in lanes
    if not scaled:
        rate = Phrase("race.intro.same_lr")
    elif lanes == DEFAULT_LANES:
        rate = Phrase.of("race.intro.scaled_lr", m=_times(mse_lr_scale))
    else:
        rate = Phrase.of("race.intro.scaled_lr.lanes", m=_times(mse_lr_scale))
    if lanes == DEFAULT_LANES:
        return Phrase.of("race.intro", rate=rate)
    config = config or TrainConfig()
    names = {f"loss{k + 1}": loss_name(lane, config) for k, lane in enumerate(lanes)}
    return Phrase.of("race.intro.lanes", rate=rate, **names)


def page_intro(state: Mapping[str, Any]) -> Phrase:
    """The first paragraph for ``state``, said before the model is built (the data may still be uploading)."""
    return intro(float(state["mlr"]), lanes_of(state), train_config(state))


def why(
    result: Race, config: TrainConfig, mse_lr_scale: float, train_set: Dataset, classes: tuple[str, ...], lang: str
) -> tuple[Phrase, ...]:
    """The "why do the runs differ?" paragraphs, each said only where this race makes it true: the MSE note
    when the third lane alone trains with MSE beside a cross-entropy lane on its model, the two-class softmax
    note when the first two lanes share a loss other than MSE, and a note per other loss in use."""
    k = result.n_classes
    lanes = result.lanes
    out = []
    partner = lanes[0] if k == 2 else lanes[1]  # the cross-entropy lane with the MSE lane's model
    if lanes[2] == "mse" and lanes.count("mse") == 1 and partner == "ce":
        out.append(mse_note(k, config, mse_lr_scale))
    if k == 2 and lanes[0] == lanes[1] != "mse":
        out.append(softmax_note(result.runs["logistic_ce"].config))
    for lane in ("focal", "smooth", "weighted", "adjusted"):
        if lane in lanes:
            out.append(lane_note(lane, config, train_set, classes, lang))
    return tuple(out)


def lane_note(lane: str, config: TrainConfig, train_set: Dataset, classes: tuple[str, ...], lang: str) -> Phrase:
    """What a lane's loss does, with this race's numbers."""
    sep = ("、", ", ")[lang == "en"]
    k = train_set.n_classes

    def per_class(values) -> tuple:
        """``name: value`` per class; the names are the data's own text (shown literally)."""
        colon = ": " if lang == "en" else "："
        parts: list = []
        for c, v in enumerate(values):
            parts += [sep] if c else []
            parts += [UserText(classes[c]), f"{colon}{fmt(v, 3)}"]
        return tuple(parts)

    if lane == "focal":
        eps = config.label_smoothing
        smoothing = Phrase.of("race.why.focal.ls", eps=fmt_rate(eps)) if eps else ""
        return Phrase.of(
            "race.why.focal",
            gamma=fmt_rate(config.gamma),
            keep90=percent_sig(0.1**config.gamma, lang),
            keep50=percent_sig(0.5**config.gamma, lang),
            ls=smoothing,
        )
    if lane == "smooth":
        eps = max(config.label_smoothing, LANE_SMOOTHING)
        return Phrase.of(
            "race.why.smooth",
            eps=fmt_rate(eps),
            top=fmt(1 - eps + eps / k, 3),
            sig=fmt(1 - eps / 2, 3),
            k=k,
        )
    if lane == "weighted":
        _, weighted = lane_setup("weighted", config)
        weights = class_weights(train_set.y, k, weighted.class_weight)
        return Phrase.of("race.why.weighted", weights=per_class(weights))
    prior = class_prior(train_set.y, k)
    return Phrase.of("race.why.adjusted", tau=fmt_rate(config.tau), prior=per_class(prior))


def penalty_unstable(lr: float, config: TrainConfig) -> bool:
    """Whether the L2 term alone makes heavy-ball steps grow: ``ηλ > 2 (1 + μ)``."""
    return lr * config.l2 > 2.0 * (1.0 + config.momentum)


def alerts(rows: tuple[RunRow, ...], config: TrainConfig) -> tuple[Alert, ...]:
    """A diverged run is an error, a run whose loss grew tenfold a warning; with L2, why."""
    out = []
    for row in rows:
        if row.diverged_at is not None:
            out.append(Alert("error", Phrase.of("race.diverged", run=row.title, epoch=row.diverged_at)))
        elif row.growing:
            key = "race.growing.overflow" if penalty_unstable(row.lr, config) else "race.growing"
            out.append(Alert("warning", Phrase.of(key, run=row.title, start=fmt(row.start_loss), end=fmt(row.loss))))
    unstable = [
        row for row in rows if (row.diverged_at is not None or row.growing) and penalty_unstable(row.lr, config)
    ]
    if unstable:
        momentum = (
            Phrase.of(
                "race.diverged.momentum", mu=fmt_rate(config.momentum), threshold=fmt_rate(2 * (1 + config.momentum))
            )
            if config.momentum
            else ""
        )
        factors = (
            Phrase.of(
                "race.diverged.factor",
                run=row.title,
                lr=fmt_rate(row.lr),
                l2=fmt_rate(config.l2),
                factor=fmt(1.0 - row.lr * config.l2, 3),
            )
            for row in unstable
        )
        out.append(Alert("info", sentences(Phrase.of("race.diverged.why", momentum=momentum), *factors)))
    return tuple(out)


def sentences(*phrases: Phrase) -> Phrase:
    """Phrases said one after the other (a space between sentences in English, none in Chinese)."""
    out = phrases[0]
    for phrase in phrases[1:]:
        out = Phrase.of("race.join", a=out, b=phrase)
    return out


def mse_note(n_classes: int, config: TrainConfig, mse_lr_scale: float) -> Phrase:
    """Why the MSE run lags: its push per point is at most half cross-entropy's (two classes) or never longer
    (more), and fades where the model is confidently wrong; then the learning rates of this race."""
    first = Phrase("race.mse.note.multi" if n_classes > 2 else "race.mse.note")
    if mse_lr_scale == 1.0:
        return sentences(first, Phrase.of("race.mse.same_lr", lr=fmt_rate(config.lr)))
    if n_classes > 2:
        key = "race.mse.scaled_lr.multi"
    else:
        key = "race.mse.matched_lr" if mse_lr_scale == 2.0 else "race.mse.scaled_lr"
    return sentences(
        first,
        Phrase.of(
            key,
            m=_times(mse_lr_scale),
            lr=fmt_rate(config.lr),
            mse_lr=fmt_rate(config.lr * mse_lr_scale),
            ratio=fmt_rate(mse_lr_scale / 2),
        ),
    )


def softmax_note(config: TrainConfig) -> Phrase:
    """Two classes: softmax at (η, λ) takes the steps of logistic regression at (2η, λ/2), with the same momentum
    and the same mini-batches; exactly, unless class weights and label smoothing are both on."""
    exact = not (config.class_weight is not None and config.label_smoothing > 0)
    extras = []
    if config.momentum:
        extras.append(Phrase.of("race.softmax.momentum", mu=fmt_rate(config.momentum)))
    if config.batch_size is not None:
        extras.append(Phrase("race.softmax.batches"))
    values = {
        "how": Phrase("race.softmax.exactly" if exact else "race.softmax.nearly"),
        "lr": fmt_rate(config.lr),
        "lr2": fmt_rate(2 * config.lr),
        "extras": tuple(extras),
    }
    if config.l2 > 0:
        second = Phrase.of("race.softmax.l2", **values, l2=fmt_rate(config.l2), l2half=fmt_rate(config.l2 / 2))
    else:
        second = Phrase.of("race.softmax.same", **values)
    last = Phrase("race.softmax.same_minimum") if config.l2 == 0 else None
    if not exact:
        last = Phrase("race.softmax.approx")
    return sentences(Phrase("race.softmax.note"), second, *([last] if last else []))


def percent_sig(x: float, lang: str, digits: int = 2) -> str:
    """A fraction in (0, 1] as a percentage with ``digits`` significant digits (``0.001 %``, never ``0.00 %``)."""
    decimals = max(0, digits - 1 - math.floor(math.log10(100 * x)))
    return fmt_percent(x, decimals, lang=lang)


def fmt_rate(x: float) -> str:
    """A learning rate, penalty or momentum as the controls write it, never in powers of ten (``0.00005``)."""
    return np.format_float_positional(round(float(x), 10), trim="-")
