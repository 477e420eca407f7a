"""Gradient-descent training of the linear classifiers in :mod:`xentcore.models`, and the three-way race.

:func:`train` runs one model with one loss and returns a :class:`Run`: a per-epoch history (a numpy
structured array, ``run.history["loss"]``; ``pandas.DataFrame(run.history)`` makes it a table), up to about
100 parameter snapshots for an animation, and the epoch at which it diverged, if it did. :func:`race` trains
the three contenders of the training-race page on the same data, from the same initial function, with the
same settings. Everything is deterministic for a seed (``np.random.default_rng``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from typing import NamedTuple

import numpy as np

from xentcore.datasets import Dataset
from xentcore.metrics import confusion_matrix  # noqa: F401  (re-exported: its old home)
from xentcore.models import (
    LossName,
    ModelName,
    check_model,
    class_prior,
    class_weights,
    data_term,
    init_params,
    log_proba,
    predict,
    predict_proba,
)

INITS = ("zeros", "small", "normal")
MAX_EPOCHS = 5000
MAX_SNAPSHOTS = 100
RACE_RUNS = ("logistic_ce", "softmax_ce", "mse")  # the three lanes, named after their default contenders
LANE_LOSSES = ("ce", "mse", "focal", "smooth", "weighted", "adjusted")
DEFAULT_LANES = ("ce", "ce", "mse")
LANE_SMOOTHING = 0.1  # the "smooth" lane's ε, unless the race's own label smoothing is larger
HISTORY_COLUMNS = ("epoch", "loss", "train_accuracy", "test_accuracy", "grad_norm")
HISTORY_DTYPE = np.dtype([("epoch", np.int64), *((name, np.float64) for name in HISTORY_COLUMNS[1:])])


class Snapshot(NamedTuple):
    """The parameters after ``epoch`` epochs."""

    epoch: int
    W: np.ndarray
    b: np.ndarray


@dataclass(frozen=True)
class TrainConfig:
    """Settings of one training run (the same for every run of a race)."""

    lr: float = 0.1
    epochs: int = 300
    seed: int = 0
    init: str | tuple[np.ndarray, np.ndarray] = "small"
    l2: float = 0.0
    label_smoothing: float = 0.0
    class_weight: str | tuple[float, ...] | None = None
    batch_size: int | None = None
    momentum: float = 0.0
    snapshot_every: int | None = None
    gamma: float = 2.0
    tau: float = 1.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"lr must be a positive finite number, got {self.lr}")
        if not (1 <= self.epochs <= MAX_EPOCHS):
            raise ValueError(f"epochs must be between 1 and {MAX_EPOCHS}, got {self.epochs}")
        if isinstance(self.init, str) and self.init not in INITS:
            raise ValueError(f"init must be one of {INITS} or a pair (W, b), got {self.init!r}")
        if not (math.isfinite(self.l2) and self.l2 >= 0):
            raise ValueError(f"l2 must be a finite number >= 0, got {self.l2}")
        if not (0.0 <= self.label_smoothing <= 1.0):
            raise ValueError(f"label_smoothing must be in [0, 1], got {self.label_smoothing}")
        if self.batch_size is not None and self.batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {self.batch_size}")
        if not (0.0 <= self.momentum < 1.0):
            raise ValueError(f"momentum must be in [0, 1), got {self.momentum}")
        if self.snapshot_every is not None and self.snapshot_every < 1:
            raise ValueError(f"snapshot_every must be >= 1, got {self.snapshot_every}")
        if not (math.isfinite(self.gamma) and self.gamma >= 0):
            raise ValueError(f"gamma must be a finite number >= 0, got {self.gamma}")
        if not (math.isfinite(self.tau) and self.tau >= 0):
            raise ValueError(f"tau must be a finite number >= 0, got {self.tau}")

    @property
    def every(self) -> int:
        """Epochs between snapshots: at most about :data:`MAX_SNAPSHOTS` snapshots by default."""
        return self.snapshot_every or max(1, math.ceil(self.epochs / MAX_SNAPSHOTS))


@dataclass(frozen=True)
class Run:
    """One training run.

    ``history`` has one row per epoch 0..E (epoch 0 is the initial model): ``loss`` is the training
    objective (data term plus L2 penalty), ``train_accuracy`` and ``test_accuracy`` (NaN without a test
    set) are fractions, ``grad_norm`` is the Euclidean norm of the full-batch gradient of the objective.
    A diverged run stops: its history ends at the last finite epoch and ``diverged_at`` is the first epoch
    whose parameters, loss or gradient were NaN or infinite.
    """

    model: ModelName
    loss: LossName
    n_classes: int
    config: TrainConfig
    history: np.ndarray  # structured, HISTORY_DTYPE: one record per epoch
    snapshots: tuple[Snapshot, ...]
    diverged_at: int | None
    W: np.ndarray = field(repr=False)
    b: np.ndarray = field(repr=False)

    @property
    def final_loss(self) -> float:
        return float(self.history["loss"][-1])

    @property
    def final(self) -> np.void:
        """The last history record (the last finite one for a diverged run): ``run.final["loss"]``."""
        return self.history[-1]

    def predict(self, X) -> np.ndarray:
        """Class predictions of the final (last finite) model."""
        return predict(np.asarray(X, dtype=float), self.W, self.b)

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities of the final model, shape (N, K) (see :func:`xentcore.models.predict_proba`)."""
        return predict_proba(self.model, np.asarray(X, dtype=float), self.W, self.b)

    def log_proba(self, X) -> np.ndarray:
        """Their logarithms, finite however confident the model (see :func:`xentcore.models.log_proba`)."""
        return log_proba(self.model, np.asarray(X, dtype=float), self.W, self.b)

    def epochs_to_accuracy(self, target: float = 0.9) -> int | None:
        """The first epoch whose training accuracy is at least ``target``, or ``None``."""
        hit = np.flatnonzero(self.history["train_accuracy"] >= target)
        return int(self.history["epoch"][hit[0]]) if hit.size else None


def _accuracy(Z: np.ndarray, y: np.ndarray) -> float:
    pred = (Z[:, 0] > 0) if Z.shape[1] == 1 else np.argmax(Z, axis=1)
    return np.count_nonzero(pred == y) / y.shape[0]


def _check_data(X, y, n_classes: int, name: str) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],) or X.shape[0] == 0:
        raise ValueError(f"{name}: X must be (N, d) with N >= 1 and y (N,), got {X.shape} and {y.shape}")
    if not np.isfinite(X).all():
        raise ValueError(f"{name}: X must be finite")
    if not np.issubdtype(y.dtype, np.integer) or ((y < 0) | (y >= n_classes)).any():
        raise ValueError(f"{name}: y must hold class indices 0..{n_classes - 1}")
    return X, y.astype(np.int64)


def train(
    model: ModelName,
    loss: LossName,
    X,
    y,
    n_classes: int,
    *,
    lr: float = 0.1,
    epochs: int = 300,
    seed: int = 0,
    init: str | tuple[np.ndarray, np.ndarray] = "small",
    l2: float = 0.0,
    label_smoothing: float = 0.0,
    class_weight: str | tuple[float, ...] | None = None,
    batch_size: int | None = None,
    momentum: float = 0.0,
    X_test=None,
    y_test=None,
    snapshot_every: int | None = None,
    gamma: float = 2.0,
    tau: float = 1.0,
) -> Run:
    """Train one linear classifier by gradient descent.

    Minimises ``J(W, b) = L(X W + b, y) + (λ/2) ‖W‖²`` (see :func:`xentcore.models.objective`) with the
    heavy-ball update ``v ← μ v + ∇J``, ``θ ← θ - η v`` (PyTorch's SGD; ``μ = 0`` is plain gradient descent),
    full-batch by default or over shuffled mini-batches of ``batch_size``.

    Parameters
    ----------
    model, loss : {"logistic", "softmax"}, {"ce", "mse", "focal", "adjusted"}
        Logistic regression is one-vs-rest when K > 2. MSE is the squared error of the model's probabilities;
        focal and logit-adjusted cross-entropy are as in :func:`xentcore.models.data_loss_and_grad_logits`.
    X, y : arrays (N, d) and (N,)
        Features and class indices 0..K-1.
    n_classes : int
        K.
    lr : float
        Learning rate ``η``.
    epochs : int
        Passes over the data (at most :data:`MAX_EPOCHS`).
    seed : int
        Seeds ``np.random.default_rng`` for the initialisation and the mini-batch order.
    init : {"zeros", "small", "normal"} or (W, b)
        See :func:`xentcore.models.init_params`; a pair gives the initial logistic-regression parameters
        (W of shape (d, 1) for K = 2, else (d, K)) and every model starts from that same function.
    l2 : float
        ``λ``, the L2 penalty on the weights (not the bias).
    label_smoothing : float
        ``ε`` in [0, 1].
    class_weight : None, "balanced" or K weights
        Weighted mean over samples (``w_{y_i} / Σ w_{y_j}``).
    batch_size : int, optional
        Mini-batch size; ``None`` (or >= N) for full batch.
    momentum : float
        ``μ`` in [0, 1).
    X_test, y_test : arrays, optional
        Held-out data for ``test_accuracy``.
    snapshot_every : int, optional
        Epochs between parameter snapshots (default: about 100 snapshots in all; the last epoch is always
        included).
    gamma : float
        Focal loss's focusing exponent ``γ >= 0`` (used by ``loss="focal"`` only).
    tau : float
        Logit adjustment's ``τ >= 0`` (used by ``loss="adjusted"`` only); the prior is the class frequencies of
        the whole training set ``y``, also for mini-batches.

    Returns
    -------
    Run
        History, snapshots, final parameters and ``diverged_at``.

    Examples
    --------
    >>> from xentcore.datasets import make_dataset
    >>> ds = make_dataset("blobs", n=100)
    >>> run = train("logistic", "ce", ds.X, ds.y, 2, lr=0.5, epochs=50)
    >>> run.history.shape, run.history.dtype.names[:2], run.diverged_at, float(run.final["train_accuracy"])
    ((51,), ('epoch', 'loss'), None, 1.0)
    """
    check_model(model, loss)
    config = TrainConfig(
        lr=float(lr),
        epochs=int(epochs),
        seed=int(seed),
        init=init,
        l2=float(l2),
        label_smoothing=float(label_smoothing),
        class_weight=class_weight if class_weight is None or isinstance(class_weight, str) else tuple(class_weight),
        batch_size=batch_size,
        momentum=float(momentum),
        snapshot_every=snapshot_every,
        gamma=float(gamma),
        tau=float(tau),
    )
    X, y = _check_data(X, y, n_classes, "training data")
    has_test = X_test is not None
    if has_test:
        X_test, y_test = _check_data(X_test, y_test, n_classes, "test data")
        if X_test.shape[1] != X.shape[1]:
            raise ValueError("test data must have as many features as the training data")
    return _fit(model, loss, X, y, n_classes, config, X_test if has_test else None, y_test if has_test else None)


def _fit(model, loss, X, y, n_classes, config: TrainConfig, X_test, y_test) -> Run:
    rng = np.random.default_rng(config.seed)
    W, b = init_params(model, X.shape[1], n_classes, config.init, rng)
    weight = class_weights(y, n_classes, config.class_weight)
    kw = {"label_smoothing": config.label_smoothing, "weight": weight, "gamma": config.gamma, "tau": config.tau}
    if loss == "adjusted":
        kw["prior"] = class_prior(y, n_classes)
    n = X.shape[0]
    n_batches = 1 if config.batch_size is None else math.ceil(n / min(config.batch_size, n))
    E, lr, mu, l2, every = config.epochs, config.lr, config.momentum, config.l2, config.every
    hist = np.full((E + 1, len(HISTORY_COLUMNS)), np.nan)
    hist[:, 0] = np.arange(E + 1)
    snapshots: list[Snapshot] = []
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    prev = (W, b)
    full_term = data_term(model, loss, y, n_classes, **kw)
    diverged_at = None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(E + 1):
            Z = X @ W + b
            step = _objective_step(full_term, X, Z, W, l2)
            if step is None:
                diverged_at = epoch
                break
            value, gW, gb, gnorm = step
            row = hist[epoch]
            row[1], row[2], row[4] = value, _accuracy(Z, y), gnorm
            if X_test is not None:
                row[3] = _accuracy(X_test @ W + b, y_test)
            if epoch % every == 0 or epoch == E:
                snapshots.append(Snapshot(epoch, W, b))
            if epoch == E:
                break
            prev = (W, b)
            if n_batches == 1:
                W, b, vW, vb = _update(W, b, gW, gb, vW, vb, lr, mu)
                continue
            for idx in np.array_split(rng.permutation(n), n_batches):
                Xb = X[idx]
                term = data_term(model, loss, y[idx], n_classes, **kw)
                batch_step = _objective_step(term, Xb, Xb @ W + b, W, l2)
                if batch_step is None:
                    break
                W, b, vW, vb = _update(W, b, batch_step[1], batch_step[2], vW, vb, lr, mu)
    last = E if diverged_at is None else diverged_at - 1
    if diverged_at is not None and last >= 0 and snapshots[-1].epoch != last:
        snapshots.append(Snapshot(last, *prev))
    history = np.empty(last + 1, dtype=HISTORY_DTYPE)
    for j, name in enumerate(HISTORY_COLUMNS):
        history[name] = hist[: last + 1, j]
    W_final, b_final = (snapshots[-1].W, snapshots[-1].b) if snapshots else (W, b)
    return Run(model, loss, n_classes, config, history, tuple(snapshots), diverged_at, W_final, b_final)


def _objective_step(term, X, Z, W, l2: float):
    """``(J, ∂J/∂W, ∂J/∂b, ‖∇J‖)`` at logits ``Z``, or ``None`` if anything is NaN or infinite."""
    if not np.isfinite(Z).all():
        return None
    value, G = term(Z)
    if l2:
        value += 0.5 * l2 * float(W.ravel() @ W.ravel())
    gW, gb = X.T @ G + l2 * W, G.sum(axis=0)
    gnorm = math.sqrt(float(gW.ravel() @ gW.ravel()) + float(gb @ gb))
    if not (math.isfinite(value) and math.isfinite(gnorm)):
        return None
    return value, gW, gb, gnorm


def _update(W, b, gW, gb, vW, vb, lr: float, mu: float):
    """One heavy-ball step; always returns new arrays, so snapshots may hold references."""
    if mu:
        vW, vb = mu * vW + gW, mu * vb + gb
        return W - lr * vW, b - lr * vb, vW, vb
    return W - lr * gW, b - lr * gb, vW, vb


@dataclass(frozen=True)
class Race:
    """Three runs on the same data from the same initial function with the same settings.

    ``runs`` maps the lanes :data:`RACE_RUNS` to :class:`Run` s, named after their default contenders:
    ``"logistic_ce"`` (logistic regression, one-vs-rest when K > 2), ``"softmax_ce"`` (softmax regression) and
    ``"mse"`` (logistic when K = 2, softmax when K > 2); ``lanes`` holds each lane's loss (:data:`LANE_LOSSES`),
    by default cross-entropy, cross-entropy and squared error.
    """

    runs: dict[str, Run]
    n_classes: int
    lanes: tuple[str, ...] = DEFAULT_LANES

    def summary(self, target: float = 0.9) -> list[dict]:
        """One row per run: final loss, train and test accuracy, epochs to ``target`` training accuracy,
        the epoch it diverged at (or missing)."""
        rows = []
        for (key, run), lane in zip(self.runs.items(), self.lanes, strict=True):
            last = run.final
            rows.append(
                {
                    "run": key,
                    "lane": lane,
                    "model": run.model,
                    "loss_function": run.loss,
                    "final_loss": float(last["loss"]),
                    "train_accuracy": float(last["train_accuracy"]),
                    "test_accuracy": float(last["test_accuracy"]),
                    "epochs_to_target": run.epochs_to_accuracy(target),
                    "diverged_at": run.diverged_at,
                }
            )
        return rows

    def history(self) -> np.ndarray:
        """All three histories in one long structured array, with a ``run`` field first."""
        key_len = max(len(k) for k in self.runs)
        dtype = np.dtype([("run", f"U{key_len}"), *HISTORY_DTYPE.descr])
        parts = []
        for key, run in self.runs.items():
            part = np.empty(run.history.size, dtype=dtype)
            part["run"] = key
            for name in HISTORY_COLUMNS:
                part[name] = run.history[name]
            parts.append(part)
        return np.concatenate(parts)


def race_contenders(n_classes: int, lanes: tuple[str, ...] = DEFAULT_LANES) -> dict[str, tuple[ModelName, str]]:
    """The (model, lane loss) of each race lane: logistic regression, softmax regression, and in the third lane
    logistic regression for K = 2 (the first lane's model) and softmax regression for K > 2. With the default
    ``lanes`` these are logistic + CE, softmax + CE and the same model + MSE."""
    lanes = check_lanes(lanes)
    models = ("logistic", "softmax", "logistic" if n_classes == 2 else "softmax")
    return {key: (model, lane) for key, model, lane in zip(RACE_RUNS, models, lanes, strict=True)}


def check_lanes(lanes) -> tuple[str, ...]:
    """``lanes`` as a tuple of three of :data:`LANE_LOSSES`, or ``ValueError``."""
    lanes = tuple(lanes)
    if len(lanes) != len(RACE_RUNS) or any(lane not in LANE_LOSSES for lane in lanes):
        raise ValueError(f"lanes must be {len(RACE_RUNS)} of {LANE_LOSSES}, got {lanes!r}")
    return lanes


def lane_setup(lane: str, config: TrainConfig, mse_lr_scale: float = 1.0) -> tuple[LossName, TrainConfig]:
    """The loss of :mod:`xentcore.models` and the settings that race lane ``lane`` trains with.

    ``"ce"``, ``"focal"`` (focusing ``config.gamma``) and ``"adjusted"`` (logit adjustment with ``config.tau``)
    are those losses with the race's settings, except that focal loss takes no label smoothing (it is set to 0).
    ``"mse"`` is the squared error at the learning rate times ``mse_lr_scale``. ``"smooth"`` is cross-entropy
    with label smoothing ``max(ε, LANE_SMOOTHING)``: the race's ``ε`` when that is larger, else 0.1.
    ``"weighted"`` is cross-entropy with the race's class weights if it has any, else ``"balanced"``. Every other
    setting (class weights, label smoothing, the L2 penalty, momentum, ...) is the race's, for every lane.
    """
    if lane not in LANE_LOSSES:
        raise ValueError(f"lane must be one of {LANE_LOSSES}, got {lane!r}")
    if lane == "mse":
        return "mse", replace(config, lr=config.lr * mse_lr_scale)
    if lane == "focal":
        return "focal", replace(config, label_smoothing=0.0)
    if lane == "smooth":
        return "ce", replace(config, label_smoothing=max(config.label_smoothing, LANE_SMOOTHING))
    if lane == "weighted":
        return "ce", replace(config, class_weight=config.class_weight or "balanced")
    return lane, config


def race(
    train_set: Dataset,
    test_set: Dataset | None = None,
    config: TrainConfig | None = None,
    *,
    mse_lr_scale: float = 1.0,
    lanes: tuple[str, ...] = DEFAULT_LANES,
    **settings,
) -> Race:
    """Train the three :data:`RACE_RUNS` on ``train_set`` with the same settings, each evaluated on ``test_set``.

    The settings are a :class:`TrainConfig` or its fields as keyword arguments (those of :func:`train`:
    ``lr``, ``epochs``, ``seed``, ``init``, ``l2``, ``label_smoothing``, ``class_weight``, ``batch_size``,
    ``momentum``, ``snapshot_every``, ``gamma``, ``tau``), not both. ``lanes`` chooses each lane's loss from
    :data:`LANE_LOSSES` (see :func:`lane_setup`); by default logistic + CE, softmax + CE and the same model as
    the first lane (softmax for K > 2) + MSE. ``mse_lr_scale`` multiplies the learning rate of every MSE lane
    (1 by default: every run at the same rate); each run's ``config`` records the settings it used.

    >>> from xentcore.datasets import make_dataset, train_test_split
    >>> tr, te = train_test_split(make_dataset("blobs", n=80))
    >>> result = race(tr, te, lr=0.5, epochs=40, mse_lr_scale=2)
    >>> [row["run"] for row in result.summary()], result.runs["mse"].config.lr
    (['logistic_ce', 'softmax_ce', 'mse'], 1.0)
    >>> focal = race(tr, te, lr=0.5, epochs=40, lanes=("focal", "smooth", "adjusted"))
    >>> [(run.model, run.loss, run.config.label_smoothing) for run in focal.runs.values()]
    [('logistic', 'focal', 0.0), ('softmax', 'ce', 0.1), ('logistic', 'adjusted', 0.0)]
    """
    if config is not None and settings:
        raise ValueError("give the settings as a TrainConfig or as keyword arguments, not both")
    if not (math.isfinite(mse_lr_scale) and mse_lr_scale > 0):
        raise ValueError(f"mse_lr_scale must be a positive finite number, got {mse_lr_scale}")
    config = TrainConfig(**settings) if config is None else config
    lanes = check_lanes(lanes)
    runs = {}
    for key, (model, lane) in race_contenders(train_set.n_classes, lanes).items():
        loss, run_config = lane_setup(lane, config, mse_lr_scale)
        runs[key] = train(
            model,
            loss,
            train_set.X,
            train_set.y,
            train_set.n_classes,
            X_test=None if test_set is None else test_set.X,
            y_test=None if test_set is None else test_set.y,
            **config_kwargs(run_config),
        )
    return Race(runs, train_set.n_classes, lanes)


def config_kwargs(config: TrainConfig) -> dict:
    """The fields of ``config`` as keyword arguments of :func:`train` and :func:`race`."""
    return {f.name: getattr(config, f.name) for f in fields(config)}
