"""The race page's calibration section: ``calibration(model, temperature, fit, unit, lang) -> CalibrationModel``.

It reads the finished runs of a :class:`~xentcore.app.race.model.RaceModel` and never retrains: the temperature
(``temp``) and the fit (``fitT``) only rescale the runs' probabilities, so the section can rerun alone. Every
run's log-probabilities (:meth:`xentcore.training.Run.log_proba`) serve as its logits: ``softmax(log p / T)`` is
the usual temperature scaling ``softmax(z / T)`` for softmax regression and ``σ(z / T)`` for binary logistic
regression, and rescales the normalised sigmoids of a one-vs-rest model the same way.

Reliability is top-label, as ECE is: each point's confidence is its largest probability, and it is right when
that class is its label. Scores are taken on the test set (the training set when the test set is empty); the
temperature is fitted on the training set, which the page also uses for the likelihood of the labels seen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from xentcore.app.format import fmt
from xentcore.app.race.model import Phrase, RaceModel, UserText, fmt_rate, sentences
from xentcore.app.settings import UNIT_BASE
from xentcore.calibration import (
    apply_temperature,
    brier_score,
    expected_calibration_error,
    fit_temperature,
    reliability_curve,
)
from xentcore.losses import categorical_cross_entropy
from xentcore.training import Run

N_BINS = 10
POWER_BASE = {"bits": 2, "nats": 10}  # the probability of the training labels is shown as a power of this


@dataclass(frozen=True)
class Reliability:
    """One reliability curve: per non-empty confidence bin, the mean confidence, the accuracy and the points."""

    confidence: np.ndarray
    accuracy: np.ndarray
    count: np.ndarray


@dataclass(frozen=True)
class Scores:
    """A run's calibration at one temperature, on the evaluated set; the log loss in the reader's unit."""

    ece: float
    brier: float
    log_loss: float
    reliability: Reliability


@dataclass(frozen=True)
class LaneCalibration:
    """One run: its scores at T = 1 (``before``) and at its temperature ``T`` (``after``), and the likelihood of
    its training labels."""

    key: str
    title: Phrase
    lane: str
    T: float
    fit_problem: str | None  # why no temperature could be fitted: "separable", "uniform" or "limit"
    before: Scores
    after: Scores
    train_log_loss: float  # reader's unit
    log_likelihood: float  # log, in POWER_BASE[unit], of the probability the run gave its training labels
    likelihood: str  # that probability as text, e.g. "2^−45.3"
    loss_is_log_loss: bool  # the run's final training loss is exactly its training log loss
    brier_is_loss: bool  # the run's final training loss is exactly the Brier score of its training predictions
    final_loss: float  # the results table's final loss, in the reader's unit (MSE: no unit)
    noise: float  # the expected ECE of a perfectly calibrated model with the same bin counts, at most


@dataclass(frozen=True)
class Notes:
    """The section's paragraphs; ``brier`` and ``comparison`` only where this race makes them true."""

    intro: Phrase
    noise: Phrase
    proper: Phrase
    likelihood: Phrase
    brier: Phrase | None
    temperature: Phrase
    comparison: Phrase | None


@dataclass(frozen=True)
class CalibrationModel:
    """Everything the calibration section shows."""

    lanes: tuple[LaneCalibration, ...]
    part: str  # "test" or "train": the set the diagram and the scores use
    n_eval: int
    n_train: int
    n_bins: int
    temperature: float  # the slider's
    fit: bool
    unit: str
    notes: Notes

    @property
    def paragraphs(self) -> tuple[Phrase, ...]:
        """What the section says, in order."""
        n = self.notes
        return tuple(p for p in (n.intro, n.noise, n.proper, n.likelihood, n.brier, n.temperature, n.comparison) if p)

    @property
    def alt(self) -> Phrase:
        """The reliability diagrams' text alternative: each lane's calibration error at its temperature."""
        lanes: list = []
        for lane in self.lanes:
            if lanes:
                lanes.append(Phrase("race.alt.sep"))
            ece = lane.after.ece if lane.T != 1.0 else lane.before.ece
            lanes.append(Phrase.of("race.alt.cal.lane", run=lane.title, ece=fmt(ece, 3), T=fmt(lane.T, 3)))
        return Phrase.of("race.alt.calibration", part=Phrase(f"race.confusion.{self.part}"), lanes=tuple(lanes))

    @property
    def scaled(self) -> bool:
        """Whether any run's probabilities were rescaled (T ≠ 1)."""
        return any(lane.T != 1.0 for lane in self.lanes)


def bin_counts(confidence: np.ndarray, n_bins: int) -> np.ndarray:
    """Points per non-empty bin, with the bins of :mod:`xentcore.calibration` (equal width, right-closed)."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], confidence), minlength=n_bins)
    return counts[counts > 0]


def scores(y: np.ndarray, log_p: np.ndarray, T: float, factor: float, n_bins: int = N_BINS) -> Scores:
    """ECE, Brier score (of P(class 1) for two classes, summed over the classes for more), log loss and the
    reliability curve of the probabilities ``softmax(log_p / T)``."""
    P = apply_temperature(log_p, T)
    confidence = P.max(axis=1)
    correct = (P.argmax(axis=1) == y).astype(float)
    accuracy, mean_confidence = reliability_curve(correct, confidence, n_bins)
    return Scores(
        ece=expected_calibration_error(y, P, n_bins),
        brier=brier_score(y, P[:, 1]) if P.shape[1] == 2 else brier_score(y, P),
        log_loss=categorical_cross_entropy(y, log_p / T) * factor,  # from log-probabilities: finite and exact
        reliability=Reliability(mean_confidence, accuracy, bin_counts(confidence, n_bins)),
    )


def fitted(log_p: np.ndarray, y: np.ndarray) -> tuple[float, str | None]:
    """The temperature that minimises the training log loss, or 1 and why none does."""
    try:
        return fit_temperature(log_p, y), None
    except ValueError:
        rows = np.arange(len(y))
        if np.all(log_p.max(axis=1) == log_p[rows, y]):
            return 1.0, "separable"
        if np.mean(log_p.mean(axis=1) - log_p[rows, y]) >= 0:
            return 1.0, "uniform"
        return 1.0, "limit"


def _plain_ce(run: Run) -> bool:
    """The run's loss is the mean negative log-likelihood of its probabilities (and nothing else)."""
    c = run.config
    plain = c.label_smoothing == 0 and c.class_weight is None and c.l2 == 0
    return plain and run.loss == "ce" and (run.model == "softmax" or run.n_classes == 2)


def _plain_mse(run: Run) -> bool:
    """The run's loss is the Brier score of its probabilities, in the form :func:`scores` reports."""
    c = run.config
    plain = c.label_smoothing == 0 and c.class_weight is None and c.l2 == 0
    form = (run.model == "logistic") == (run.n_classes == 2)  # the vector form for two classes, else the sum
    return plain and run.loss == "mse" and form


def calibration(model: RaceModel, temperature: float = 1.0, fit: bool = False, unit: str = "nats") -> CalibrationModel:
    """The calibration of the race's three runs at the slider's ``temperature``, or, with ``fit``, at the
    temperature fitted per run on its training set (1 where none can be)."""
    factor = 1.0 / math.log(UNIT_BASE[unit])
    evaluated = model.test_set if model.test_set.n else model.train_set
    part = "test" if model.test_set.n else "train"
    train = model.train_set
    lanes = []
    for row, lane in zip(model.rows, model.lanes, strict=True):
        run = model.result.runs[row.key]
        log_p = run.log_proba(evaluated.X)
        log_p_train = run.log_proba(train.X)
        T, problem = fitted(log_p_train, train.y) if fit else (float(temperature), None)
        before = scores(evaluated.y, log_p, 1.0, factor)
        after = before if T == 1.0 else scores(evaluated.y, log_p, T, factor)
        nats = categorical_cross_entropy(train.y, log_p_train)
        exponent = -train.n * nats / math.log(POWER_BASE[unit])
        lanes.append(
            LaneCalibration(
                key=row.key,
                title=row.title,
                lane=lane,
                T=T,
                fit_problem=problem,
                before=before,
                after=after,
                train_log_loss=nats * factor,
                log_likelihood=exponent,
                likelihood=f"{POWER_BASE[unit]}^{fmt(exponent, 1)}",
                loss_is_log_loss=_plain_ce(run),
                brier_is_loss=_plain_mse(run),
                final_loss=row.loss,
                noise=float(np.sqrt(before.reliability.count).sum() / (2 * evaluated.n)),
            )
        )
    lanes = tuple(lanes)
    return CalibrationModel(
        lanes=lanes,
        part=part,
        n_eval=evaluated.n,
        n_train=train.n,
        n_bins=N_BINS,
        temperature=float(temperature),
        fit=fit,
        unit=unit,
        notes=notes(model, lanes, part, evaluated, unit, fit, float(temperature)),
    )


def _score_values(unit: str, **numbers: float) -> dict:
    return {k: fmt(v, 3) for k, v in numbers.items()} | {"unit": Phrase(f"unit.short.{unit}")}


def notes(model, lanes, part, evaluated, unit, fit, temperature) -> Notes:
    """What the section says, each sentence generated from the numbers beside it."""
    where = Phrase(f"race.confusion.{part}")
    k = model.dataset.n_classes

    # a predictor that says the class frequencies for every point: ECE 0 on this set, and useless
    freq = np.bincount(evaluated.y, minlength=k) / evaluated.n
    constant = np.tile(freq, (evaluated.n, 1))
    ece0 = expected_calibration_error(evaluated.y, constant, N_BINS)
    present = freq > 0
    ll0 = -float(freq[present] @ np.log(freq[present])) / math.log(UNIT_BASE[unit])
    brier_how = (
        Phrase.of("race.cal.brier.binary", c1=UserText(model.class_names[1]))
        if k == 2
        else Phrase("race.cal.brier.multi")
    )
    proper = Phrase.of(
        "race.cal.proper", how=brier_how, part=where, ece0=fmt(ece0, 3), ll0=fmt(ll0, 3),
        unit=Phrase(f"unit.short.{unit}"),
    )  # fmt: skip

    exact = [
        Phrase.of("race.cal.likelihood.exact", run=lane.title, loss=fmt(lane.final_loss))
        for lane in lanes
        if lane.loss_is_log_loss
    ]
    first = Phrase.of(f"race.cal.likelihood.{unit}", n=model.train_set.n)
    brier = [
        Phrase.of("race.cal.brier_mse", run=lane.title, loss=fmt(lane.final_loss))
        for lane in lanes
        if lane.brier_is_loss
    ]

    temp = [Phrase("race.cal.temperature")]
    if fit:
        temp.append(Phrase("race.cal.fit"))
        for lane in lanes:
            if lane.fit_problem:
                temp.append(Phrase.of(f"race.cal.fit.{lane.fit_problem}", run=lane.title))
                continue
            values = _score_values(
                unit, a=lane.before.ece, b=lane.after.ece, c=lane.before.log_loss, d=lane.after.log_loss
            )
            temp.append(
                Phrase.of(
                    "race.cal.fit.lane",
                    run=lane.title,
                    T=fmt(lane.T, 3),
                    how=Phrase("race.cal.softer" if lane.T > 1 else "race.cal.sharper"),
                    part=where,
                    **values,
                )
            )
    elif temperature != 1.0:
        changes = tuple(
            Phrase.of(
                "race.cal.change" if i == 0 else "race.cal.change.next",
                run=lane.title,
                **_score_values(
                    unit, a=lane.before.ece, b=lane.after.ece, c=lane.before.log_loss, d=lane.after.log_loss
                ),
            )
            for i, lane in enumerate(lanes)
        )
        temp.append(Phrase.of("race.cal.at", T=fmt_rate(temperature), part=where, changes=changes))
    else:
        temp.append(Phrase("race.cal.move"))
    return Notes(
        intro=Phrase.of("race.cal.intro", n=evaluated.n, part=where, bins=N_BINS),
        noise=Phrase.of("race.cal.noise", n=evaluated.n, bound=fmt(max(lane.noise for lane in lanes), 3)),
        proper=proper,
        likelihood=sentences(first, *exact),
        brier=sentences(*brier) if brier else None,
        temperature=sentences(*temp),
        comparison=comparison(lanes, model, where, unit),
    )


def comparison(lanes, model, where, unit) -> Phrase | None:
    """Each lane whose loss is not plain cross-entropy against a cross-entropy lane, at T = 1: numbers only."""
    ce = [lane for lane in lanes if lane.lane == "ce"]
    if not ce:
        return None
    runs = model.result.runs
    said = []
    for lane in lanes:
        if lane.lane == "ce":
            continue
        same_model = [c for c in ce if runs[c.key].model == runs[lane.key].model]
        ref = (same_model or ce)[0]
        values = _score_values(
            unit,
            a=lane.before.ece,
            b=ref.before.ece,
            c=lane.before.log_loss,
            d=ref.before.log_loss,
            e=lane.before.brier,
            f=ref.before.brier,
        )
        said.append(Phrase.of("race.cal.compare", run=lane.title, ref=ref.title, part=where, **values))
    return sentences(Phrase("race.cal.compare.intro"), *said) if said else None
