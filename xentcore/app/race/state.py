"""Training-race page state: the data, the shared training settings, and the drawing plane.

``mlr`` multiplies the MSE run's learning rate (1: every run at the same rate).
``data=csv`` means an uploaded file: the file itself cannot live in a link, so a shared link carries the
settings only. ``f1``/``f2`` pick two features to draw when ``proj=features`` and the data has more than two.
"""

from __future__ import annotations

from xentcore.app.race.data import DATA
from xentcore.app.share import Choice, Float, Int, Issue, Note, Schema, State
from xentcore.training import INITS

RACE_DATASETS = tuple(DATA)
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
EPOCHS = (10.0, 20.0, 50.0, 100.0, 200.0, 300.0, 500.0, 1000.0, 1500.0, 2000.0)
L2_VALUES = (0.0, 0.0001, 0.001, 0.01, 0.03, 0.1, 0.3, 1.0)
BATCHES = ("full", "128", "32", "8")
CLASS_WEIGHTS = ("none", "balanced")
PROJECTIONS = ("pca", "features")
MSE_LR_SCALES = (1.0, 2.0, 4.0, 8.0)
TEST_FRACTION = 0.25


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
    ),
    reconcile=_features,
)
