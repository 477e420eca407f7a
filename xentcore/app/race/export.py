"""Python source that reproduces a training race with ``xentcore``: the page's "export as a script"."""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any

from xentcore.app.share import clean_name
from xentcore.datasets import DATASETS
from xentcore.training import DEFAULT_LANES, TrainConfig, check_lanes, config_kwargs


def _literal(value: Any) -> str:
    """A Python literal for a setting: only plain numbers, strings, None and tuples of numbers get here."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("settings must be finite")
    if isinstance(value, bool | int | float | str) or value is None:
        return repr(value)
    if isinstance(value, tuple) and all(isinstance(v, int | float) for v in value):
        return repr(tuple(float(v) for v in value))
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return repr(value)
    raise ValueError(f"cannot write {type(value).__name__} into a script")


def script_csv_name(csv_file: str | None) -> str:
    """The file name the exported script reads for an uploaded ``csv_file``: what the page tells the reader."""
    return clean_name(csv_file or "data.csv", max_chars=80).replace("/", "_") or "data.csv"


def race_script(
    dataset: str,
    *,
    n: int = 200,
    noise: float = 0.0,
    data_seed: int = 0,
    test_fraction: float = 0.25,
    csv_file: str | None = None,
    label_column: str | None = None,
    config: TrainConfig | None = None,
    mse_lr_scale: float = 1.0,
    lanes: tuple[str, ...] = DEFAULT_LANES,
    minority: float | None = None,
    **settings: Any,
) -> str:
    """Source text of a script that rebuilds the data, splits it and runs :func:`xentcore.training.race`.

    ``dataset`` is one of :data:`~xentcore.datasets.DATASETS`, or ``"csv"`` with ``csv_file`` naming the file
    the script reads (it must sit beside the script, under :func:`script_csv_name`). The training settings are a
    :class:`~xentcore.training.TrainConfig` or its fields as keyword arguments, and ``mse_lr_scale`` the MSE
    run's learning-rate multiplier, ``lanes`` the lanes' losses and ``minority`` the share the smallest class is
    thinned to (:func:`~xentcore.datasets.imbalance`, seeded with ``data_seed``; ``None``: the data as it is); they
    are validated here, and every value, user text included, is written
    as a ``repr`` literal, so the script never holds anything but plain literals. Run as a program, the script
    prints the summary and writes the history to ``xent_race_history.csv``; exec'd or imported, it leaves
    ``result`` (a :class:`~xentcore.training.Race`) behind.
    """
    if config is not None and settings:
        raise ValueError("give the settings as a TrainConfig or as keyword arguments, not both")
    known = {f.name for f in fields(TrainConfig)}
    unknown = set(settings) - known
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    if config is None:
        config = TrainConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()})
    lanes = check_lanes(lanes)
    defaults = {"snapshot_every": None, "gamma": TrainConfig.gamma, "tau": TrainConfig.tau}
    values = {k: v for k, v in config_kwargs(config).items() if not (k in defaults and v == defaults[k])}
    if float(mse_lr_scale) != 1.0:
        values["mse_lr_scale"] = float(mse_lr_scale)
    if lanes != DEFAULT_LANES:
        values["lanes"] = lanes
    args = ", ".join(f"{k}={_literal(v)}" for k, v in values.items())
    thin = ""
    if minority is not None:
        fraction = float(minority)
        if not (0.0 < fraction < 1.0):
            raise ValueError(f"minority must be in (0, 1), got {minority}")
        thin = f"\ndata = imbalance(data, {_literal(fraction)}, seed={int(data_seed)})"
    if dataset == "csv":
        load = (
            "data = dataset_from_csv(Path(__file__).with_name("
            f"{script_csv_name(csv_file)!r}).read_bytes(), label_column={_literal(label_column)})"
        )
        names = "dataset_from_csv, imbalance, train_test_split" if thin else "dataset_from_csv, train_test_split"
        imports = f"from pathlib import Path\n\nfrom xentcore.datasets import {names}\n"
    elif dataset in DATASETS:
        load = f"data = make_dataset({dataset!r}, n={int(n)}, noise={_literal(float(noise))}, seed={int(data_seed)})"
        names = "imbalance, make_dataset, train_test_split" if thin else "make_dataset, train_test_split"
        imports = f"from xentcore.datasets import {names}\n"
    else:
        raise ValueError(f"unknown data set {dataset!r}")
    load += thin
    return f'''"""Reproduce a training race from xent: three linear classifiers, each with its loss, on the same data.

Needs the xentcore package (from the xent repository: pip install -e .).
"""

{imports}from xentcore.training import race

{load}
train_set, test_set = train_test_split(data, test_fraction={_literal(float(test_fraction))}, seed={int(data_seed)})
result = race(train_set, test_set, {args})

if __name__ == "__main__":
    import pandas as pd

    print(pd.DataFrame(result.summary()).to_string(index=False))
    pd.DataFrame(result.history()).to_csv("xent_race_history.csv", index=False)
'''
