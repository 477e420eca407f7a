"""Python source that reproduces a training race with ``xentcore``: the page's "export as a script"."""

from __future__ import annotations

import math
from typing import Any

from xentcore.app.share import clean_name
from xentcore.datasets import DATASETS
from xentcore.training import TrainConfig

SETTING_NAMES = ("lr", "epochs", "seed", "init", "l2", "label_smoothing", "class_weight", "batch_size", "momentum")


def _literal(value: Any) -> str:
    """A Python literal for a setting: only plain numbers, strings, None and tuples of numbers get here."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("settings must be finite")
    if isinstance(value, bool | int | float | str) or value is None:
        return repr(value)
    if isinstance(value, tuple) and all(isinstance(v, int | float) for v in value):
        return repr(tuple(float(v) for v in value))
    raise ValueError(f"cannot write {type(value).__name__} into a script")


def race_script(
    dataset: str,
    *,
    n: int = 200,
    noise: float = 0.0,
    data_seed: int = 0,
    test_fraction: float = 0.25,
    csv_file: str | None = None,
    label_column: str | None = None,
    **settings: Any,
) -> str:
    """Source text of a script that rebuilds the data, splits it and runs :func:`xentcore.training.race`.

    ``dataset`` is one of :data:`~xentcore.datasets.DATASETS`, or ``"csv"`` with ``csv_file`` naming the file
    the script reads (it must sit beside the script). ``settings`` are :func:`~xentcore.training.train`'s
    keyword arguments; they are validated here, so the script never holds anything but plain literals. Run
    as a program, the script prints the summary and writes the history to ``xent_race_history.csv``; exec'd
    or imported, it leaves ``result`` (a :class:`~xentcore.training.Race`) behind.
    """
    unknown = set(settings) - set(SETTING_NAMES)
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    TrainConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()})
    args = ", ".join(f"{k}={_literal(settings[k])}" for k in SETTING_NAMES if k in settings)
    if dataset == "csv":
        name = clean_name(csv_file or "data.csv", max_chars=80).replace("/", "_") or "data.csv"
        load = (
            "data = dataset_from_csv(Path(__file__).with_name("
            f"{name!r}).read_bytes(), label_column={_literal(label_column)})"
        )
        imports = "from pathlib import Path\n\nfrom xentcore.datasets import dataset_from_csv, train_test_split\n"
    elif dataset in DATASETS:
        load = f"data = make_dataset({dataset!r}, n={int(n)}, noise={_literal(float(noise))}, seed={int(data_seed)})"
        imports = "from xentcore.datasets import make_dataset, train_test_split\n"
    else:
        raise ValueError(f"unknown data set {dataset!r}")
    return f'''"""Reproduce a training race from xent: logistic + CE, softmax + CE and MSE on the same data.

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
