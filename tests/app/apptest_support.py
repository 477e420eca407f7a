"""Helpers for the page tests: open a page of the app through AppTest, read its figures."""

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # generous: the machine is shared; speed is measured by benchmarks/, not here


def open_app(path: str = "app.py", **params: str | list[str]) -> AppTest:
    """Run the page at ``path`` (relative to the project root) opened with ``params`` in the URL.

    The app is loaded from its entry point and switched to the page, as a browser opening
    ``/<page>?...`` does: page links resolve against ``app.py``.
    """
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if path != "app.py":
        at.switch_page(path)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def figure(at: AppTest, i: int) -> dict:
    """The ``i``-th plotly figure on the page, as the JSON the browser receives."""
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def array(value) -> np.ndarray:
    """A figure's data array: plotly sends numpy arrays as ``{"dtype", "bdata"}`` (base64)."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value, dtype=float)
