"""Loss-surfaces page state: the data, the grid, the bias, the descent and the slice.

The weight grid is ``(w1, w2) ∈ [-r, r]²`` with ``grid`` points a side (at most ``MAX_GRID``); the bias
``b`` is fixed for the surfaces and the descent alike.
"""

from __future__ import annotations

from xentcore.app.share import Bool, Choice, Float, Int, Schema
from xentcore.surface import MAX_GRID

SURFACE_DATASETS = ("blobs", "overlap", "article", "moons", "xor")
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
WEIGHT_LIMIT = 12.0

SCHEMA = Schema(
    "surfaces",
    (
        Choice("data", "blobs", options=SURFACE_DATASETS),
        Int("n", 200, lo=20, hi=1000),
        Float("noise", 0.0, lo=0.0, hi=2.0, step=0.1),
        Int("seed", 0, lo=0, hi=9999),
        Int("grid", 80, lo=11, hi=MAX_GRID),
        Float("r", 6.0, lo=1.0, hi=WEIGHT_LIMIT, step=0.5),
        Float("b", 0.0, lo=-4.0, hi=4.0, step=0.1),
        Float("w1", -5.0, lo=-WEIGHT_LIMIT, hi=WEIGHT_LIMIT, step=0.1),
        Float("w2", -2.0, lo=-WEIGHT_LIMIT, hi=WEIGHT_LIMIT, step=0.1),
        Float("lr", 1.0, options=LEARNING_RATES),
        Int("steps", 100, lo=1, hi=500),
        Float("ang", 45.0, lo=-180.0, hi=180.0, step=5.0),
        Bool("d3", False),
    ),
)
