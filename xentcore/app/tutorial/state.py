"""Tutorial page state: the reader's own inputs to the live checks.

``p``, ``q``: the pair of distributions of claims 1, 3 and 4 (three outcomes, the tutorial's weather
example by default). ``y``, ``yh``: the label and prediction where claim 5's gradient is checked. ``z``,
``c``: the logits and true class of claim 6. ``sc``: how much claim 8 magnifies the inputs; ``prog``: which
of the tutorial's programs claim 8 runs. ``ep``, ``init``: the epochs and the starting point of claim 9's
cross-entropy vs MSE comparison; ``mlr``: MSE's learning rate there, as a multiple of cross-entropy's.
"""

from __future__ import annotations

from xentcore.app.share import Choice, Distribution, Float, Floats, Int, Schema
from xentcore.app.tutorial.claims import CASE_INITS, MSE_LR_FACTORS, WEATHER_P, WEATHER_Q

N_OUTCOMES = 3
LOGIT_RANGE = 10.0
SCALES = (1.0, 10.0, 100.0, 1000.0)
PROGRAMS = ("binary", "softmax")
EPOCH_OPTIONS = (10.0, 30.0, 100.0, 300.0, 1000.0)

SCHEMA = Schema(
    "tutorial",
    (
        Distribution("p", WEATHER_P, min_len=N_OUTCOMES, max_len=N_OUTCOMES),
        Distribution("q", WEATHER_Q, min_len=N_OUTCOMES, max_len=N_OUTCOMES),
        Int("y", 1, lo=0, hi=1),
        Float("yh", 0.3, lo=0.01, hi=0.99, step=0.01),
        Floats("z", (2.0, 1.0, 0.1), min_len=N_OUTCOMES, max_len=N_OUTCOMES, lo=-LOGIT_RANGE, hi=LOGIT_RANGE),
        Int("c", 0, lo=0, hi=N_OUTCOMES - 1),
        Float("sc", 1000.0, options=SCALES),
        Choice("prog", "binary", options=PROGRAMS),
        Float("ep", 100.0, options=EPOCH_OPTIONS),
        Choice("init", "normal", options=CASE_INITS),
        Float("mlr", 1.0, options=MSE_LR_FACTORS),
    ),
)
