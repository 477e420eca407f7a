"""Training-race page state: the data, the shared training settings, the lanes' losses, the drawing plane and
the calibration section.

``mlr`` multiplies the learning rate of every MSE lane (1: every run at the same rate). ``minor`` thins the
smallest class to that share of the data (0.5: the data as it is; see :func:`xentcore.datasets.imbalance`).
``lane1``, ``lane2``, ``lane3`` choose each lane's loss (:data:`xentcore.training.LANE_LOSSES`; the defaults are
the original race), ``gamma`` and ``tau`` parameterise the focal and logit-adjusted losses. ``temp`` and ``fitT``
only rescale the finished runs' probabilities in the calibration section: they never retrain
(:data:`CALIBRATION_KEYS`). ``frames`` turns on the frame stepper (always on under reduced motion, ``still=1``),
a still picture of one epoch stepped by keyboard or buttons; ``at`` is the epoch it shows (snapped to the last
frame at or before it; the default, past every race's end, is the finish) (:data:`STEPPER_KEYS`).
``data=csv`` means an uploaded file: the file itself cannot live in a link, so a shared link carries the
settings only. ``f1``/``f2`` pick two features to draw when ``proj=features`` and the data has more than two.
"""

from __future__ import annotations

from xentcore.app.race.data import DATA
from xentcore.app.share import Bool, Choice, Float, Int, Issue, Note, Schema, State
from xentcore.training import DEFAULT_LANES, INITS, LANE_LOSSES

RACE_DATASETS = tuple(DATA)
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
EPOCHS = (10.0, 20.0, 50.0, 100.0, 200.0, 300.0, 500.0, 1000.0, 1500.0, 2000.0)
L2_VALUES = (0.0, 0.0001, 0.001, 0.01, 0.03, 0.1, 0.3, 1.0)
BATCHES = ("full", "128", "32", "8")
CLASS_WEIGHTS = ("none", "balanced")
PROJECTIONS = ("pca", "features")
MSE_LR_SCALES = (1.0, 2.0, 4.0, 8.0)
TEST_FRACTION = 0.25
MINORITY_SHARES = (0.05, 0.1, 0.2, 0.3, 0.5)
GAMMAS = (0.5, 1.0, 2.0, 3.0, 5.0)
TAUS = (0.5, 1.0, 1.5, 2.0)
TEMPERATURES = (0.25, 0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0)  # about √2 apart: a log scale
LANE_KEYS = ("lane1", "lane2", "lane3")
CALIBRATION_KEYS = ("temp", "fitT")  # read by the calibration section only: changing them retrains nothing
LAST_EPOCH = int(max(EPOCHS))  # ``at`` past a race's end shows its last frame: the default, the finish
STEPPER_KEYS = ("frames", "at")  # read by the frame stepper only: they retrain and redraw nothing else


def _features(state: State, from_url: set[str], issues: list[Issue]) -> State:
    d = DATA[state["data"]].d
    for key in ("f1", "f2"):
        if d is not None and state[key] >= d:
            if key in from_url:
                issues.append(Issue(key, "mismatch", Note.of("few_features", data=state["data"], d=d, last=d - 1)))
            state[key] = d - 1
    if state["f1"] == state["f2"]:
        if {"f1", "f2"} & from_url:
            issues.append(Issue("f2", "mismatch", Note("same_features")))
        state["f2"] = 1 if state["f1"] == 0 else 0
    return state


SCHEMA = Schema(
    "race",
    (
        Choice("data", "blobs", options=RACE_DATASETS),
        Int("n", 200, lo=20, hi=2000),
        Float("noise", 0.0, lo=0.0, hi=2.0, step=0.1),
        Int("seed", 0, lo=0, hi=9999),
        Float("lr", 0.03, options=LEARNING_RATES),
        Float("mlr", 1.0, options=MSE_LR_SCALES),
        Float("ep", 300.0, options=EPOCHS),
        Choice("init", "normal", options=INITS),
        Float("ls", 0.0, lo=0.0, hi=0.3, step=0.01),
        Choice("cw", "none", options=CLASS_WEIGHTS),
        Float("l2", 0.0, options=L2_VALUES),
        Float("mom", 0.0, lo=0.0, hi=0.95, step=0.05),
        Choice("bs", "full", options=BATCHES),
        Choice("proj", "pca", options=PROJECTIONS),
        Int("f1", 0, lo=0, hi=99),
        Int("f2", 1, lo=0, hi=99),
        Float("minor", 0.5, options=MINORITY_SHARES),
        *(Choice(key, lane, options=LANE_LOSSES) for key, lane in zip(LANE_KEYS, DEFAULT_LANES, strict=True)),
        Float("gamma", 2.0, options=GAMMAS),
        Float("tau", 1.0, options=TAUS),
        Float("temp", 1.0, options=TEMPERATURES),
        Bool("fitT", False),
        Bool("frames", False),
        Int("at", LAST_EPOCH, lo=0, hi=LAST_EPOCH),
    ),
    reconcile=_features,
)


# the controls drawn only in some views (for data with more than two features; the frame stepper), by their
# labels' translation keys: the lesson tools name them whether drawn or not (page_setup's ``labels``)
CONTROL_LABELS = {"proj": "race.proj", "f1": "race.f1", "f2": "race.f2", "at": "race.at"}
