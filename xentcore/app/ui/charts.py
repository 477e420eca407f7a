"""``chart``: the one way a page draws a plotly figure, with a text alternative and, on request, its data.

    chart(fig, key="race.figure", alt=model_alt, data=lambda: history_table(model))

A chart is drawn by a small component of our own (``chart.js`` beside this module) rather than
``st.plotly_chart``: Streamlit gives a chart whose figure changed a new element id, so the browser throws it
away and draws it again from nothing, where ``Plotly.react`` redraws in place what changed (the loss surfaces'
contour pair: the last chart change 346 → 229 ms after a key press). The component draws with the installed
plotly package's own ``plotly.min.js``, copied into the app's ``static/`` folder and served there
(``server.enableStaticServing``), fills Streamlit's plotly template from the theme as Streamlit does, and
puts ``alt`` on the chart as ``role="figure"`` with ``aria-label`` = the text: a screen reader announces
"<alt>, figure" before it. ``data`` (a DataFrame, or a function returning one) adds a "Show the data" toggle
under the chart; the table is built and sent only while it is on.

How to write an alt (WCAG 2.1, 1.1.1 "Non-text Content"):
- Say what the chart shows *now*, with its key numbers, not what kind of chart it is: "Cross-entropy
  against the predicted probability of the true class: 2.30 nats at 0.10, falling to 0.11 nats at 0.90;
  your point, 0.25, costs 1.39 nats." rather than "A line chart of the loss".
- Generate it from the page model, in the reader's language and unit, with ``t()`` and ``fmt()``, exactly
  like the sentences beside the chart: it must be true for every setting the page allows. A translation
  key per chart (``<page>.alt.<chart>``) with ``{fields}`` filled from the model keeps it in ``text.py``.
- Lead with the finding the chart is there for (which run wins, where the minimum is), then the numbers
  a reader would read off it; two or three sentences. Longer detail belongs in ``data``.
- An animated chart describes its final frame and says that it plays (and that Play starts it).

Speed. Turning a figure into JSON costs (40 ms for the race's figure), and a page's figure builders validate
every trace. Two caches make an unchanged figure cost nothing but its bytes on the wire:

- :func:`cached_figure` builds a figure once per value of its arguments (shared by every session; builders
  are pure functions of their arguments), so a rerun whose inputs did not move gets the same object back;
- :func:`figure_json` writes a figure's JSON once per figure object and keeps it, with a digest the browser
  compares so that the same figure sent again draws nothing. A figure given to ``chart`` is read-only from
  then on.

``STATS`` counts builds and JSON conversions, so a test can check what one move rebuilds without timing it.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from xentcore.app.figures import PlainFigure
from xentcore.app.ui.i18n import t
from xentcore.app.ui.plotly_bundle import STATIC_URL, copy_plotly_js

BAR_CONFIG = {"displayModeBar": False}  # the modebar's icons have no text names and are not needed here
COMPONENT = "xent_chart"
_SCRIPT = Path(__file__).with_name("chart.js").read_text()
_draw = st.components.v2.component(COMPONENT, js=_SCRIPT, isolate_styles=False)
# the same script given no figure: it only starts loading plotly.js; hidden by PRELOAD_CSS
_preload = st.components.v2.component("xent_plotly_preload", js=_SCRIPT, isolate_styles=False)
PRELOAD_KEY = "xent.plotly"
PRELOAD_CSS = f".st-key-{PRELOAD_KEY.replace('.', '-')} {{ display: none; }}"  # Streamlit's class for a keyed element


def preload_plotly() -> None:
    """Start loading plotly.js as a page's script runs, so that the page's first chart does not wait for it (4.8
    MB). A page opened from its URL has it started by its HTML already (``xentcore.app.serve``); this is for a
    page reached from another without a reload, and for the app served without ``app.py``."""
    _preload(data=_message({"src": plotly_js_url()}), key=PRELOAD_KEY)


def _message(head: dict[str, Any], figure: bytes = b"") -> bytes:
    """What ``chart.js`` reads: a line of JSON, then the figure's JSON (none: only load plotly.js)."""
    return json.dumps(head, ensure_ascii=False).encode() + b"\n" + figure


def plotly_js_url() -> str:
    """The URL, relative to the app's, of plotly.js as the installed plotly package ships it, copied into the
    ``static/`` folder beside the app's main script, which Streamlit serves at ``app/static/``."""
    ctx = get_script_run_ctx()
    copy_plotly_js((Path(ctx.main_script_path).parent if ctx else Path.cwd()) / "static")
    return STATIC_URL


def chart(
    fig: Any, *, key: str, alt: str, data: Any | Callable[[], Any] | None, config: dict[str, Any] | None = None
) -> None:
    """Draw ``fig`` (a plotly figure or figure dict) under the text alternative ``alt``.

    Parameters
    ----------
    fig : plotly figure or dict
    key : str
        The chart's element key (``<page>.fig.<name>``); the data toggle's key is ``<key>.data``.
    alt : str
        What the chart shows, with its key numbers, in the reader's language: see this module's notes.
    data : DataFrame, callable returning one, or None
        The numbers behind the chart (WCAG 1.1.1: a chart's data reachable as text), required so that no chart
        forgets them: a "Show the data" toggle under the chart shows them as a table. A callable is called
        only while the toggle is on. None (no toggle) is for charts whose numbers are all in the text beside.
    config : dict, optional
        Plotly config entries added to (or replacing) ``BAR_CONFIG``.

    Raises
    ------
    ValueError
        When ``alt`` is missing, empty or only whitespace.
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(f"chart {key!r} needs an alt text: what it shows now, with its key numbers")
    figure, rev = figure_json(fig)
    head = {"src": plotly_js_url(), "alt": alt.strip(), "config": {**BAR_CONFIG, **(config or {})}, "rev": rev,
            "failed": t("chart.failed")}  # fmt: skip
    _draw(data=_message(head, figure), key=key)
    if data is not None:
        data_toggle(key, data)


def data_toggle(key: str, data: Any | Callable[[], Any]) -> None:
    """The "Show the data" toggle (key ``<key>.data``) under a picture, and its table while it is on (a
    callable ``data`` is called only then)."""
    if st.toggle(t("chart.data"), key=f"{key}.data", help=t("chart.data.help")):
        st.dataframe(data() if callable(data) else data, hide_index=True)


# --- what is sent -------------------------------------------------------------------------------------------------

Built = TypeVar("Built")  # what a builder of cached_figure returns: a figure, or HTML

STATS: Counter[str] = Counter()  # "built": figures built by cached_figure; "converted": figure → JSON conversions
MAX_FIGURES = 96  # ~0.05–0.4 MB of JSON each; the race's big animated figure is cached by its page
_SENT = "_xent_sent"
_built: OrderedDict[Hashable, go.Figure] = OrderedDict()
_lock = threading.Lock()


def figure_json(fig: Any) -> tuple[bytes, str]:
    """``fig`` as plotly.py writes it (UTF-8 JSON) and a digest of it; a figure's (``go.Figure`` or
    :class:`PlainFigure`) is taken once per figure object and kept on it, so a figure given to ``chart`` is
    read-only from then on."""
    kept = isinstance(fig, go.Figure | PlainFigure)
    sent = fig.__dict__.get(_SENT) if kept else None
    if sent is None:
        text = pio.to_json(fig, validate=False).encode()
        sent = (text, hashlib.blake2b(text, digest_size=12).hexdigest())
        if kept:
            object.__setattr__(fig, _SENT, sent)
            STATS["converted"] += 1
    return sent


def cached_figure(build: Callable[..., Built], *args: Any, **kwargs: Any) -> Built:
    """``build(*args, **kwargs)``, built once per value of the arguments and shared by every session: a figure, or
    the data of a picture drawn as text (the language page's surprisal grid).

    The arguments are keyed by value (:func:`fingerprint`): plain values, tuples, lists, dicts, numpy arrays,
    enums and (frozen) dataclasses of these, so a model rebuilt on every rerun still finds its figure. ``build``
    must be a pure function of them (a figure builder of ``xentcore.app.<page>.figures``: no Streamlit, no
    session). The least recently used of :data:`MAX_FIGURES` figures is forgotten first.
    """
    key = (build.__module__, build.__qualname__, fingerprint(args), fingerprint(kwargs))
    with _lock:
        fig = _built.get(key)
        if fig is not None:
            _built.move_to_end(key)
            return fig
    fig = build(*args, **kwargs)
    STATS["built"] += 1
    with _lock:
        _built[key] = fig
        while len(_built) > MAX_FIGURES:
            _built.popitem(last=False)
    return fig


def fingerprint(value: Any) -> Hashable:
    """A hashable key equal for equal values: the type is part of it (``1``, ``1.0`` and ``True`` differ), an
    array by its dtype, shape and a BLAKE2 digest of its bytes, a dataclass by its type and fields.

    Raises
    ------
    TypeError
        For any other kind of object: a key by identity could outlive the object and name another one.
    """
    if value is None or isinstance(value, (str, bytes, bool, int, float, complex)):
        return (type(value).__name__, value)
    if isinstance(value, enum.Enum):
        return (type(value).__qualname__, value.value)
    if isinstance(value, (np.ndarray, np.generic)):
        array = np.ascontiguousarray(value)
        if array.dtype.hasobject:
            return ("object-array", array.shape, fingerprint(array.tolist()))
        return ("ndarray", array.dtype.str, array.shape, hashlib.blake2b(array.tobytes(), digest_size=16).digest())
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(fingerprint(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((fingerprint(k), fingerprint(v)) for k, v in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value).__qualname__, tuple(fingerprint(getattr(value, f.name)) for f in fields))
    raise TypeError(f"cannot key a figure on a {type(value).__qualname__}: pass plain values, arrays or dataclasses")
