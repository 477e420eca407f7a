"""Where a page's rerun spends its time: a sampling profiler on the thread that runs the page script.

AppTest runs the script on a thread of its own (``ScriptRunner.scriptThread``) while the test's main thread
only waits, so a profiler on the main thread sees nothing. This one wakes every ``interval`` seconds, takes
that thread's stack (``sys._current_frames``) and files the sample under the innermost frame of the project
(pages, ``xentcore``) and the Streamlit call it made, if any:

- ``compute``: the library (``xentcore/*.py``) and the page models (``xentcore/app/*/model.py``);
- ``figures``: building figures (``xentcore/app/**/figures.py``);
- ``page``: the rest of the page's own code (page scripts, ``xentcore/app/ui``, sections);
- ``emit``: Streamlit elements and widgets (``streamlit/elements``, ``streamlit/components``, the delta
  generator);
- ``cache``: Streamlit's caches (``st.cache_data`` unpickles a copy of the value on every hit);
- ``streamlit``: the rest of Streamlit: the script runner, session state, query parameters.

Samples, not a tracer: low overhead and no bias against Python-heavy code. The interpreter's switch interval
is lowered while sampling so the sampler gets the GIL on time.
"""

from __future__ import annotations

import collections
import sys
import threading
from pathlib import Path

import streamlit

ROOT = str(Path(__file__).resolve().parents[1]) + "/"
STREAMLIT = str(Path(streamlit.__file__).resolve().parent) + "/"
SCRIPT_THREAD = "ScriptRunner.scriptThread"
# decorators around every st.* call: look through them to the call itself
WRAPPERS = ("runtime/metrics_util.py",)
CATEGORIES = ("compute", "figures", "page", "emit", "cache", "streamlit")


def _project_category(path: str) -> str:
    rel = path[len(ROOT) :]
    if rel.startswith("xentcore/app/"):
        if rel.endswith("/figures.py"):
            return "figures"
        if rel.endswith("/model.py"):
            return "compute"
        return "page"
    if rel.startswith("xentcore/"):
        return "compute"
    return "page"


def _streamlit_category(path: str) -> str:
    rel = path[len(STREAMLIT) :]
    if rel.startswith(("elements/", "components/", "delta_generator")):
        return "emit"
    if rel.startswith("runtime/caching/"):
        return "cache"
    return "streamlit"


def classify(frame) -> str:
    """The category of one sample, from the innermost frame outwards."""
    outermost_streamlit = None  # the Streamlit call the project made, nearest the project frame
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith(ROOT):
            if outermost_streamlit is not None:
                return _streamlit_category(outermost_streamlit)
            return _project_category(path)
        if path.startswith(STREAMLIT) and not path.endswith(WRAPPERS):
            outermost_streamlit = path
        frame = frame.f_back
    return "streamlit"  # the runner before and after the script


class ScriptSampler:
    """``with ScriptSampler() as s: at.run()``; then ``s.shares()``: the fraction of samples per category."""

    def __init__(self, interval: float = 0.0005):
        self.interval = interval
        self.counts: collections.Counter[str] = collections.Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="benchmarks.sampler", daemon=True)

    def __enter__(self) -> ScriptSampler:
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(self.interval)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        sys.setswitchinterval(self._switch)

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            ids = [t.ident for t in threading.enumerate() if t.name == SCRIPT_THREAD]
            if not ids:
                continue
            frames = sys._current_frames()
            for ident in ids:
                frame = frames.get(ident)
                if frame is not None:
                    self.counts[classify(frame)] += 1

    def shares(self) -> dict[str, float]:
        total = sum(self.counts.values())
        return {c: self.counts[c] / total for c in CATEGORIES} if total else {}

    @property
    def samples(self) -> int:
        return sum(self.counts.values())


def describe(shares: dict[str, float], total_ms: float) -> str:
    """``compute 12 ms · figures 3 ms · ...`` from the shares of a rerun of ``total_ms``."""
    if not shares:
        return "no samples"
    return " · ".join(f"{c} {shares[c] * total_ms:.0f}" for c in CATEGORIES if shares[c] >= 0.005) + " ms"
