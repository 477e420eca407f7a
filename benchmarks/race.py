"""Training-race budgets: three runs x 300 epochs on N = 1000 with every animation frame, and the figure."""

from __future__ import annotations

import json

from benchmarks.browser import REFERENCE
from benchmarks.pages import reference_rerun_ms
from benchmarks.report import Result, median_ms, timed
from xentcore.app.race.figures import LABEL_KEYS, race_figure
from xentcore.app.race.geometry import race_picture
from xentcore.app.race.state import TEST_FRACTION
from xentcore.datasets import make_dataset, train_test_split
from xentcore.training import race


def race_budgets(quick: bool = False) -> list[Result]:
    repeat = 3 if quick else 10
    ref_ms = reference_rerun_ms(quick)
    ds = make_dataset("overlap", n=1000, seed=0)
    train_set, test_set = train_test_split(ds, test_fraction=TEST_FRACTION, seed=0)

    def compute():  # what the page caches: the three runs and their animation geometry
        result = race(train_set, test_set, lr=0.5, epochs=300, seed=0)
        return result, race_picture(result, train_set, test_set)

    compute_ms = median_ms(timed(compute, repeat))
    result, picture = compute()
    runs = {k: k for k in result.runs}
    labels = {k: k for k in LABEL_KEYS}

    def build():
        return race_figure(
            picture.animation,
            picture.train_uv,
            train_set.y,
            picture.test_uv,
            test_set.y,
            run_titles=runs,
            class_names=train_set.class_names,
            labels=labels,
            loss_factors={k: 1.0 for k in runs},
        )

    build_ms = median_ms(timed(build, max(2, repeat // 2)))
    fig = build()
    spec = fig.to_json()
    frames = len(json.loads(spec).get("frames", []))
    return [
        Result(
            "race: 3 runs x 300 epochs, N=1000, with frames",
            compute_ms,
            "ms",
            ref_ms,
            reference_name=f"{REFERENCE} rerun",
            note="a cache miss on the race page; its budget is the browser's (recompute, 4x the bare page)",
        ),
        Result(
            "race: building its figure",
            build_ms,
            "ms",
            ref_ms,
            reference_name=f"{REFERENCE} rerun",
            note="cached per race and language",
        ),
        Result("race: figure JSON", len(spec) / 1e6, "MB", budget=2.0, note=f"{frames} frames"),
    ]
