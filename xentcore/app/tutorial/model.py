"""The model of the "tutorial, checked" page: every number, table, curve and code listing it shows.

``build(state, unit)`` is pure (no Streamlit): the page caches it by its arguments and draws it; the tests
check it without a browser. Each card has its own part, built from only the settings it depends on and
memoised by them (immutable results, hashable arguments), so a new state rebuilds only the part it changes:
a slider in one card costs that card's computation, not the page's. The training runs behind claims 8 and 9
are cached by their parameters in :mod:`xentcore.app.tutorial.claims`.

Units: every cross-entropy value is in the reader's unit, converted once from nats by :func:`in_unit`
(claim 2 shows the tutorial's own example in nats and bits side by side); squared error has no unit.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from xentcore import article
from xentcore.app.settings import UNIT_BASE
from xentcore.app.tutorial import claims

CONFIDENTLY_WRONG_Z = -6.0  # claim 7's example: a positive example scored far on the wrong side
GRADIENT_GRID = (-8.0, 8.0, 161)  # claim 7's chart of the logit gradients (z = 0 is on it)
LARGE_LOGIT = 800.0  # claim 8: beyond e^709, where exp overflows
SEARCH_SIZE = 5000  # claim 3: random Q's
NLL_ROWS = 5  # claim 8: examples shown one by one


def in_unit(nats, unit: str):
    """Nats in the reader's unit: divide by ``ln(base)`` (the one conversion on this page)."""
    return np.asarray(nats, dtype=float) / math.log(UNIT_BASE[unit])  # ln e = 1.0 exactly: nats stay as they are


def _float(x) -> float:
    return float(np.asarray(x))


def _floats(x) -> tuple[float, ...]:
    return tuple(float(v) for v in np.ravel(x))


# --- claims 1-4: the reader's P and Q ---------------------------------------------------------------------


@dataclass(frozen=True)
class Definitions:
    """Claim 1: the definitions on ``(P, Q)``, and the corrections to the tutorial's words.

    ``asymmetry`` and ``triangle`` use the reader's ``P`` and ``Q`` when they show the point (``own_*``), the
    tutorial's weather pair otherwise (``P = Q``, both KL infinite, or too close to see at four decimals).
    """

    p: tuple[float, ...]
    q: tuple[float, ...]
    info_p: tuple[float, ...]
    info_q: tuple[float, ...]
    h_p: float
    ce_pq: float
    kl_pq: float
    asymmetry: claims.Asymmetry
    own_asymmetry: bool
    triangle: claims.Triangle
    own_triangle: bool

    @property
    def finite(self) -> bool:
        return math.isfinite(self.ce_pq)


@dataclass(frozen=True)
class Weather:
    """Claim 2: the tutorial's weather example, term by term, in nats (and its total in bits)."""

    p: tuple[float, ...]
    q: tuple[float, ...]
    terms: tuple[float, ...]
    nats: float
    bits: float


@dataclass(frozen=True)
class Floor:
    """Claim 3: cross-entropy at ``Q = P`` is ``H(P)``, its floor; a line of Q's through P; a random search."""

    ce_pp: float
    h_p: float
    kl_pp: float
    search_min: float
    search_n: int
    path: claims.LinePath
    towards: str  # "uniform", or "corner" when P is uniform (the line then heads half-way to a corner)

    @property
    def one_hot(self) -> bool:
        return self.h_p == 0


@dataclass(frozen=True)
class Decomposition:
    """Claim 4: both orders of the cross-entropy and the KL divergence, and ``H(P) + KL(P‖Q)``."""

    ce_pq: float
    ce_qp: float
    kl_pq: float
    kl_qp: float
    h_p: float
    h_plus_kl: float
    equal: bool  # P = Q: nothing to swap
    swapped_infinite: bool  # H(Q, P) infinite while H(P, Q) is not


@lru_cache(maxsize=32)
def definitions(p: tuple[float, ...], q: tuple[float, ...], unit: str) -> Definitions:
    base = UNIT_BASE[unit]
    m = claims.measures(p, q, base=base)
    own = claims.asymmetry(p, q, base=base)
    asym = own if own.visible else claims.asymmetry(claims.WEATHER_P, claims.WEATHER_Q, base=base)
    tri = claims.triangle_counterexample(p, q, base=base)
    own_tri = tri is not None
    if tri is None:
        tri = claims.triangle_counterexample(claims.WEATHER_P, claims.WEATHER_Q, base=base)
    return Definitions(
        p=_floats(p),
        q=_floats(q),
        info_p=_floats(m.info_p),
        info_q=_floats(m.info_q),
        h_p=_float(m.h_p),
        ce_pq=_float(m.ce_pq),
        kl_pq=_float(m.kl_pq),
        asymmetry=asym,
        own_asymmetry=own.visible,
        triangle=tri,
        own_triangle=own_tri,
    )


@lru_cache(maxsize=32)
def weather() -> Weather:
    terms = claims.cross_entropy_terms(claims.WEATHER_P, claims.WEATHER_Q)
    bits = claims.cross_entropy_terms(claims.WEATHER_P, claims.WEATHER_Q, base=2).sum()
    return Weather(claims.WEATHER_P, claims.WEATHER_Q, _floats(terms), float(terms.sum()), float(bits))


@lru_cache(maxsize=32)
def floor(p: tuple[float, ...], unit: str) -> Floor:
    base = UNIT_BASE[unit]
    same = claims.measures(p, p, base=base)
    uniform = np.allclose(np.asarray(p, dtype=float), 1.0 / len(p))
    return Floor(
        ce_pp=_float(same.ce_pq),
        h_p=_float(same.h_p),
        kl_pp=_float(same.kl_pq),
        search_min=claims.random_search_minimum(p, base=base, n=SEARCH_SIZE),
        search_n=SEARCH_SIZE,
        path=claims.cross_entropy_along_line(p, base=base),
        towards="corner" if uniform else "uniform",
    )


@lru_cache(maxsize=32)
def decomposition(p: tuple[float, ...], q: tuple[float, ...], unit: str) -> Decomposition:
    m = claims.measures(p, q, base=UNIT_BASE[unit])
    return Decomposition(
        ce_pq=_float(m.ce_pq),
        ce_qp=_float(m.ce_qp),
        kl_pq=_float(m.kl_pq),
        kl_qp=_float(m.kl_qp),
        h_p=_float(m.h_p),
        h_plus_kl=_float(m.h_plus_kl),
        equal=tuple(p) == tuple(q),
        swapped_infinite=math.isinf(m.ce_qp) and math.isfinite(m.ce_pq),
    )


# --- claims 5-7: the gradients ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BinaryGradient:
    """Claim 5: ``∂L/∂ŷ`` at the reader's ``(y, ŷ)`` by the formula and by finite differences; the loss curve."""

    y: int
    y_hat: float
    z: float  # the logit of ŷ, for the link to the curves page
    loss: float
    formula: float
    numeric: float
    gap: float
    grid: np.ndarray
    curve: np.ndarray


@dataclass(frozen=True)
class SoftmaxGradient:
    """Claim 6: the tutorial's ``ŷ - y`` against ``∂L/∂z`` and ``∂L/∂ŷ`` (finite differences), per class."""

    z: tuple[float, ...]
    c: int
    y_hat: np.ndarray
    y: np.ndarray
    claimed: np.ndarray
    d_logits_fd: np.ndarray
    d_probs: np.ndarray
    d_probs_fd: np.ndarray
    gap_logits: float
    gap_probs: float


@dataclass(frozen=True)
class MseGradient:
    """Claim 7: ``∂L/∂z`` of one sigmoid output (y = 1) under cross-entropy and MSE = (y − ŷ)².

    ``ce_over_mse = 1 / (2 σ'(z))``: at least 2 everywhere (at z = 0, where ``σ'`` is largest), so at the
    same learning rate MSE moves each example's logit at most half as far as cross-entropy does.
    """

    z0: float
    ce: float
    mse: float
    mse_over_ce: float
    ce_over_mse: float
    z: np.ndarray
    ce_curve: np.ndarray
    mse_curve: np.ndarray
    max_slope: float
    min_ratio: float  # smallest ∂CE/∂z ÷ ∂MSE/∂z on the chart
    z_min_ratio: float  # where it is reached


@lru_cache(maxsize=32)
def binary_gradient(y: int, y_hat: float) -> BinaryGradient:
    check = claims.binary_gradient_check(y, y_hat)
    grid, curve = claims.binary_loss_curve(y)
    return BinaryGradient(
        y=int(y),
        y_hat=float(y_hat),
        z=claims.logit(y_hat),
        loss=_float(check.loss),
        formula=check.formula,
        numeric=check.numeric,
        gap=check.gap,
        grid=grid,
        curve=curve,
    )


@lru_cache(maxsize=32)
def softmax_gradient(z: tuple[float, ...], c: int) -> SoftmaxGradient:
    df = claims.softmax_gradient_check(z, c)
    to_logits, to_probs = claims.gradient_gaps(df)
    return SoftmaxGradient(
        z=_floats(z),
        c=int(c),
        y_hat=df["y_hat"].to_numpy(),
        y=df["y"].to_numpy(),
        claimed=df["claimed"].to_numpy(),
        d_logits_fd=df["d_logits_fd"].to_numpy(),
        d_probs=df["d_probs"].to_numpy(),
        d_probs_fd=df["d_probs_fd"].to_numpy(),
        gap_logits=to_logits,
        gap_probs=to_probs,
    )


@lru_cache(maxsize=32)
def mse_gradient() -> MseGradient:
    at = claims.logit_gradients(CONFIDENTLY_WRONG_Z, y=1).iloc[0]
    curve = claims.logit_gradients(np.linspace(*GRADIENT_GRID), y=1)
    ratio = 1.0 / (2.0 * curve["slope"].to_numpy())
    i = int(np.argmin(ratio))
    return MseGradient(
        z0=CONFIDENTLY_WRONG_Z,
        ce=float(at["ce"]),
        mse=float(at["mse"]),
        mse_over_ce=float(at["ratio"]),
        ce_over_mse=float(at["ce"] / at["mse"]),
        z=curve["z"].to_numpy(),
        ce_curve=curve["ce"].to_numpy(),
        mse_curve=curve["mse"].to_numpy(),
        max_slope=float(curve["slope"].max()),
        min_ratio=float(ratio[i]),
        z_min_ratio=float(curve["z"].iloc[i]),
    )


# --- claim 8: the programs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Moves:
    """How far the corrected (mean) loss of the article's run goes, against where it could go (reader's unit).

    ``chance`` is ``log K``: the loss of giving each of the K classes 1/K, the best any model can do on new
    labels drawn at random; ``floor`` is the lowest training loss on these N examples (fitting the noise).
    """

    epochs: int
    lr: float
    start: float
    end: float  # after the last update
    chance: float
    floor: float
    k: int

    @property
    def change(self) -> float:
        """Relative change of the loss, ``(end - start) / start``."""
        return (self.end - self.start) / self.start

    @property
    def fraction(self) -> float:
        """The share of the way from the start to ``floor`` covered: ``(start - end) / (start - floor)``."""
        return (self.start - self.end) / (self.start - self.floor)


@dataclass(frozen=True)
class Likelihood:
    """The mean cross-entropy of the trained model on its N examples as a likelihood.

    ``mean = -(1/N) Σ log q(y_i)`` (reader's unit); the model gives the N labels together probability
    ``base^(-N · mean) = mantissa × 10^exponent``. ``label``, ``q_label`` and ``surprise`` are the first
    :data:`NLL_ROWS` examples.
    """

    n: int
    base_symbol: str  # "e" (nats) or "2" (bits): the probability is base_symbol^(-total)
    mean: float
    total: float  # N · mean
    log10: float  # log10 of the probability of all N labels
    mantissa: float
    exponent: int
    label: tuple[int, ...]
    q_label: tuple[float, ...]
    surprise: tuple[float, ...]


@dataclass(frozen=True)
class Scaled:
    """The programs with inputs times ``scale``: losses at the printed epochs (reader's unit), and how the
    corrected run and the same run on standardised inputs behave over all epochs."""

    scale: float
    epochs: np.ndarray
    article: np.ndarray
    corrected: np.ndarray
    standardised: np.ndarray
    bad: int  # printed article losses that are not finite
    good: int  # printed corrected losses that are finite
    total: int
    steps: int  # epoch-to-epoch changes of the loss
    rises: int  # of which the corrected loss went up
    start: float
    end: float
    peak: float
    std_start: float
    std_end: float
    std_rises: int

    @property
    def stable(self) -> bool:
        return self.rises == 0


@dataclass(frozen=True)
class Learnability:
    """Random labels against learnable data: accuracies of each method (rows in the order of ``data``)."""

    data: tuple[str, ...]  # "random" | "learnable"
    method: tuple[str, ...]  # "article" | "corrected"
    train: tuple[float, ...]
    held_out: tuple[float, ...]
    chance: tuple[float, ...]
    learnable_data: str  # "blobs" | "iris"
    article_lr: float
    corrected_lr: float
    epochs: int

    def _rows(self, data: str) -> list[int]:
        return [i for i, d in enumerate(self.data) if d == data]

    @property
    def random_beats_chance(self) -> bool:
        """Some method beats the most-frequent-label rate on fresh random labels."""
        return any(self.held_out[i] > self.chance[i] for i in self._rows("random"))

    @property
    def learnable_learned(self) -> bool:
        """Both methods beat the most-frequent-label rate on the learnable data."""
        return all(self.held_out[i] > self.chance[i] for i in self._rows("learnable"))


@dataclass(frozen=True)
class Programs:
    """Claim 8 for one program (``kind``): the same-start run, its loss movement and likelihood, large inputs,
    single large logits, learnability, and the source of both methods."""

    kind: str
    n: int
    lr: float
    printed_epochs: np.ndarray
    printed_sum: np.ndarray  # the article's printed loss, reader's unit
    printed_mean: np.ndarray  # the corrected one
    ratio: np.ndarray
    moves: Moves
    likelihood: Likelihood
    scaled: Scaled
    large_logit: float
    single_logits: tuple[tuple[float, ...], ...]  # the logit (binary) or the row of logits (softmax) of each example
    single_label: tuple[int, ...]
    single_article: tuple[float, ...]
    single_stable: tuple[float, ...]
    learn: Learnability
    article_code: str
    corrected_code: str


def _sources(kind: str) -> tuple[str, str]:
    if kind == "binary":
        programs = (article.ARTICLE_BINARY_PROGRAM, article.CORRECTED_BINARY_PROGRAM)
    else:
        programs = (article.ARTICLE_SOFTMAX_PROGRAM, article.CORRECTED_SOFTMAX_PROGRAM)
    article_code, corrected_code = ("\n\n".join(inspect.getsource(fn) for fn in program) for program in programs)
    return article_code, corrected_code


def _likelihood(kind: str, runs: claims.SameStart, unit: str) -> Likelihood:
    setup = claims._article_problem(kind, article.ARTICLE_SEED)
    fit = runs.corrected
    q_label, nats = claims.label_surprisals(kind, setup.X, setup.y, fit.weights, fit.bias)
    n = len(setup.y)
    total_nats = float(nats.sum())
    log10 = -total_nats / math.log(10)
    exponent = math.floor(log10)
    surprise = in_unit(nats, unit)
    return Likelihood(
        n=n,
        base_symbol="e" if unit == "nats" else f"{UNIT_BASE[unit]:g}",
        mean=float(surprise.mean()),
        total=float(surprise.sum()),
        log10=log10,
        mantissa=10 ** (log10 - exponent),
        exponent=exponent,
        label=tuple(int(v) for v in setup.y[:NLL_ROWS]),
        q_label=_floats(q_label[:NLL_ROWS]),
        surprise=_floats(surprise[:NLL_ROWS]),
    )


def _scaled(kind: str, scale: float, unit: str) -> Scaled:
    runs = claims.same_start_runs(kind, float(scale))
    corrected = in_unit(runs.corrected.loss, unit)
    std = in_unit(runs.standardised.loss, unit)
    printed = runs.article.printed_loss
    return Scaled(
        scale=float(scale),
        epochs=runs.article.printed_epochs,
        article=in_unit(printed, unit),
        corrected=in_unit(runs.corrected.printed_loss, unit),
        standardised=in_unit(runs.standardised.printed_loss, unit),
        bad=int(np.count_nonzero(~np.isfinite(printed))),
        good=int(np.count_nonzero(np.isfinite(runs.corrected.printed_loss))),
        total=int(printed.size),
        steps=int(corrected.size - 1),
        rises=int(np.count_nonzero(np.diff(corrected) > 0)),
        start=float(corrected[0]),
        end=float(corrected[-1]),
        peak=float(np.max(corrected)),
        std_start=float(std[0]),
        std_end=float(std[-1]),
        std_rises=int(np.count_nonzero(np.diff(std) > 0)),
    )


def _learnability(kind: str) -> Learnability:
    df = claims.learnability(kind)
    return Learnability(
        data=tuple(df["data"]),
        method=tuple(df["method"]),
        train=_floats(df["train"]),
        held_out=_floats(df["held_out"]),
        chance=_floats(df["chance"]),
        learnable_data=claims.LEARNABLE[kind],
        article_lr=article.ARTICLE_LR,
        corrected_lr=claims.CORRECTED_LR,
        epochs=article.ARTICLE_EPOCHS,
    )


@lru_cache(maxsize=32)
def programs(kind: str, scale: float, unit: str) -> Programs:
    runs = claims.same_start_runs(kind, 1.0)
    likelihood = _likelihood(kind, runs, unit)
    k = 2 if kind == "binary" else article.ARTICLE_CLASSES
    moves = Moves(
        epochs=int(runs.corrected.loss.size),
        lr=article.ARTICLE_LR,
        start=float(in_unit(runs.corrected.loss[0], unit)),
        end=likelihood.mean,
        chance=float(in_unit(math.log(k), unit)),
        floor=float(in_unit(claims.training_minimum(kind), unit)),
        k=k,
    )
    if kind == "binary":
        single = claims.large_logit_losses(LARGE_LOGIT)
        single_logits = tuple((float(v),) for v in single["z"])
        labels = tuple(int(v) for v in single["y"])
    else:
        single = claims.large_logit_softmax_losses(LARGE_LOGIT)
        single_logits = ((LARGE_LOGIT, 0.0, -LARGE_LOGIT),) * len(single)
        labels = tuple(int(v) for v in single["target"])
    article_code, corrected_code = _sources(kind)
    return Programs(
        kind=kind,
        n=runs.n,
        lr=article.ARTICLE_LR,
        printed_epochs=runs.article.printed_epochs,
        printed_sum=in_unit(runs.article.printed_loss, unit),
        printed_mean=in_unit(runs.corrected.printed_loss, unit),
        ratio=runs.printed_ratio,
        moves=moves,
        likelihood=likelihood,
        scaled=_scaled(kind, scale, unit),
        large_logit=LARGE_LOGIT,
        single_logits=single_logits,
        single_label=labels,
        single_article=_floats(in_unit(single["article"], unit)),
        single_stable=_floats(in_unit(single["stable"], unit)),
        learn=_learnability(kind),
        article_code=article_code,
        corrected_code=corrected_code,
    )


# --- claim 9: a comparison that can be measured -----------------------------------------------------------


@dataclass(frozen=True)
class CaseStudy:
    """Claim 9: cross-entropy against MSE on the breast-cancer data. Losses: cross-entropy in the reader's
    unit, MSE (no unit). ``start_*``: the training patients at the common start."""

    n: int
    d: int
    epochs: int
    init: str
    lr: float
    mse_lr: float
    mse_lr_factor: float
    losses: tuple[str, ...]  # "ce", "mse"
    rates: tuple[float, ...]
    train_accuracy: tuple[float, ...]
    test_accuracy: tuple[float, ...]
    final_loss: tuple[float, ...]
    curve_epochs: np.ndarray
    curves: tuple[np.ndarray, ...]  # held-out accuracy per epoch, one per loss
    n_train: int
    start_wrong: float  # share of the training patients on the wrong side at the start
    start_confident: float  # share confidently wrong (|z| > confident_z)
    confident_z: float
    confident_ratio: float  # ∂CE/∂z ÷ ∂MSE/∂z at |z| = confident_z
    start_median_ratio: float  # median over the patients of ∂CE/∂z ÷ ∂MSE/∂z

    @property
    def ce_accuracy(self) -> float:
        return self.test_accuracy[self.losses.index("ce")]

    @property
    def mse_accuracy(self) -> float:
        return self.test_accuracy[self.losses.index("mse")]

    @property
    def gap_points(self) -> float:
        """Cross-entropy's held-out accuracy minus MSE's, in percentage points."""
        return 100.0 * (self.ce_accuracy - self.mse_accuracy)

    @property
    def gap_case(self) -> str:
        """Which sentence reads the gap: ``"lag"`` (MSE behind at the same rate), ``"lag_more"`` (behind with a
        larger rate), ``"even"`` or ``"ahead"``."""
        if self.ce_accuracy > self.mse_accuracy:
            return "lag" if self.mse_lr == self.lr else "lag_more"
        return "even" if self.ce_accuracy == self.mse_accuracy else "ahead"


@lru_cache(maxsize=32)
def case_study(epochs: int, init: str, mse_lr_factor: float, unit: str) -> CaseStudy:
    study = claims.cancer_ce_vs_mse(int(epochs), init=init, mse_lr_factor=float(mse_lr_factor))
    losses = tuple(study.runs)
    finals = [study.runs[loss].final for loss in losses]
    final_loss = tuple(
        float(in_unit(r["loss"], unit)) if loss == "ce" else float(r["loss"])
        for loss, r in zip(losses, finals, strict=True)
    )
    first = study.runs[losses[0]]
    return CaseStudy(
        n=study.n,
        d=study.d,
        epochs=int(epochs),
        init=init,
        lr=study.lr,
        mse_lr=study.mse_lr,
        mse_lr_factor=float(mse_lr_factor),
        losses=losses,
        rates=tuple(study.runs[loss].config.lr for loss in losses),
        train_accuracy=tuple(float(r["train_accuracy"]) for r in finals),
        test_accuracy=tuple(float(r["test_accuracy"]) for r in finals),
        final_loss=final_loss,
        curve_epochs=first.history["epoch"],
        curves=tuple(study.runs[loss].history["test_accuracy"] for loss in losses),
        n_train=int(study.y_train.size),
        start_wrong=float(np.mean(study.wrong_at_start)),
        start_confident=float(np.mean(study.confidently_wrong_at_start)),
        confident_z=claims.CONFIDENT_Z,
        confident_ratio=float(1.0 / (2.0 * claims.sigmoid_slope(claims.CONFIDENT_Z))),
        start_median_ratio=float(np.median(study.start_push_ratio)),
    )


# --- the page -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TutorialModel:
    """Everything the page shows, one part per card (claims 1-9), in the reader's unit."""

    unit: str
    definitions: Definitions
    weather: Weather
    floor: Floor
    decomposition: Decomposition
    binary_gradient: BinaryGradient
    softmax_gradient: SoftmaxGradient
    mse_gradient: MseGradient
    programs: Programs
    case_study: CaseStudy


def build(state: Mapping[str, Any], unit: str) -> TutorialModel:
    """The page's model for the page ``state`` (the schema's keys) in ``unit`` ("nats" or "bits")."""
    p, q = tuple(state["p"]), tuple(state["q"])
    return TutorialModel(
        unit=unit,
        definitions=definitions(p, q, unit),
        weather=weather(),
        floor=floor(p, unit),
        decomposition=decomposition(p, q, unit),
        binary_gradient=binary_gradient(int(state["y"]), float(state["yh"])),
        softmax_gradient=softmax_gradient(tuple(state["z"]), int(state["c"])),
        mse_gradient=mse_gradient(),
        programs=programs(state["prog"], float(state["sc"]), unit),
        case_study=case_study(int(state["ep"]), state["init"], float(state["mlr"]), unit),
    )
