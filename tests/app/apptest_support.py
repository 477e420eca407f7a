"""Helpers for the page tests: open a page of the app through AppTest, read its figures."""

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from xentcore.app.ui.charts import COMPONENT
from xentcore.app.ui.lesson import LESSON_OPEN
from xentcore.app.ui.link_box import links_in

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # generous: the machine is shared; speed is measured by benchmarks/, not here


def open_app(path: str = "home.py", **params: str | list[str]) -> AppTest:
    """Run the page at ``path`` (relative to the project root) opened with ``params`` in the URL.

    The app is loaded from its entry point and switched to the page, as a browser opening
    ``/<page>?...`` does: page links resolve against the main script, ``home.py``.
    """
    at = AppTest.from_file(str(ROOT / "home.py"), default_timeout=TIMEOUT)
    if path != "home.py":
        at.switch_page(path)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@dataclass(frozen=True)
class Chart:
    """A chart as the browser receives it (``xentcore.app.ui.charts.chart``): its key, text alternative, plotly
    config, and the figure's JSON (``spec``)."""

    key: str
    alt: str
    config: dict
    spec: str

    @property
    def figure(self) -> dict:
        return json.loads(self.spec)


def drawn_charts(at: AppTest) -> list[Chart]:
    """The page's charts in the order drawn."""
    found = []
    for element in at.get("bidi_component"):
        if element.proto.component_name != COMPONENT:
            continue
        head, spec = element.proto.bytes.decode().split("\n", 1)
        meta = json.loads(head)
        found.append(Chart(element.proto.id.split("-", 2)[-1], meta["alt"], meta["config"], spec))
    return found


def figure(at: AppTest, i: int) -> dict:
    """The ``i``-th plotly figure on the page, as the JSON the browser receives."""
    return drawn_charts(at)[i].figure


def chart_key(chart: Chart) -> str:
    """The ``key`` a chart was drawn with."""
    return chart.key


def array(value) -> np.ndarray:
    """A figure's data array: plotly sends numpy arrays as ``{"dtype", "bdata"}`` (base64)."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value, dtype=float)


# --- what a reader sees, as text (for the no-English-in-Chinese check) -----------------------------------------

# Latin words a Chinese page may show: names of things, units and the maths' own symbols. Anything else that is a
# run of two or more Latin letters on a page in Chinese is English left untranslated.
LATIN_ALLOWED = frozenset(
    [
        "KL",
        "JS",
        "CE",
        "MSE",
        "BCE",
        "NLL",
        "ECE",
        "PCA",
        "PC",
        "softmax",
        "sigmoid",
        "logit",
        "logits",
        "log",
        "ln",
        "exp",
        "max",
        "min",
        "argmax",
        "lr",
        "tanh",
        "sin",
        "cos",
        "NaN",
        "PyTorch",
        "NumPy",
        "numpy",
        "SciPy",
        "scikit",
        "learn",
        "sklearn",
        "Streamlit",
        "Chromium",
        "TensorFlow",
        "Playground",
        "Python",
        "CIFAR",
        "Okabe",
        "Ito",
        "Brier",  # Glenn Brier's score; Lin and Menon: first authors of focal loss and of logit adjustment
        "Lin",
        "Menon",
        "xent",
        "xentcore",
        "CSV",
        "UTF",
        "zlib",
        "bz2",
        "bz",  # bz2: a run of letters stops at the digit
        "lzma",
        "URL",
        "LaTeX",
        "iid",
        "English",
        "nats",
        "nat",
        "bits",
        "bit",
    ]
)
_LATIN_RUN = re.compile(r"[A-Za-z]{2,}")
_NOT_PROSE = re.compile(
    r"\$[^$]*\$|`[^`]*`|https?://\S+|\\[a-zA-Z]+|<style.*?</style>|<[^>]*>|%\{[^}]*\}|&[a-z]+;"  # maths, code, markup
    r"|\]\([^)]*\)"  # a markdown link's target
    r"|:[a-z]+(?:-badge|-background)?\[|:material/[a-z_]+:",  # Streamlit's colour directives and icons
    re.S,
)


def _figure_texts(spec: dict) -> list[str]:
    out: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("bdata", "dtype", "shape", "colorscale", "color", "font", "fillcolor", "line", "marker"):
                    continue
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("text", "title", "name", "hovertemplate", "ticktext", "label"):
            out.append(node)

    walk(spec.get("data", []))
    walk(spec.get("layout", {}))
    for frame in spec.get("frames", [])[:1]:
        walk(frame)
    return out


def sidebar_links(at: AppTest) -> list[str]:
    """The addresses in the sidebar's link boxes: the share link first, then the lesson link if drawn."""
    return links_in([h.proto.body for h in at.sidebar.get("html")])


def open_lesson_box(at: AppTest) -> AppTest:
    """Open the sidebar's lesson-link box, as a click on it does (a closed box holds nothing)."""
    at.session_state[LESSON_OPEN] = True
    return at.run()


def share_link(at: AppTest) -> str:
    return sidebar_links(at)[0]


def visible_texts(at: AppTest) -> list[str]:
    """Every string the page shows: prose, labels, options, table cells, metric labels and values, chart text
    (titles, axis titles, trace names, annotations, hover templates). Formulas (``st.latex``) and code are left
    out: their symbols are the same in every language."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts += [e.value for e in at.get(kind)]
    for m in at.get("metric"):
        texts += [m.label, str(m.value)]
    for kind in (
        "slider",
        "select_slider",
        "selectbox",
        "radio",
        "toggle",
        "checkbox",
        "number_input",
        "text_input",
        "text_area",
        "multiselect",
        "button",
        "download_button",
        "segmented_control",
        "pills",
        "expander",
        "tab",
    ):
        for w in at.get(kind):
            proto = getattr(w, "proto", None)
            texts.append(getattr(w, "label", "") or getattr(proto, "label", "") or "")
            # a segmented control's options are messages: their text is the ``content`` field
            texts += [str(getattr(o, "content", o)) for o in (getattr(proto, "options", None) or [])]
            texts.append(getattr(proto, "help", "") or "")
    for kind in ("table", "dataframe"):
        for el in at.get(kind):
            try:
                df = el.value
            except Exception:
                continue
            texts += [str(c) for c in df.columns] + [str(i) for i in df.index]
            texts += [str(v) for v in df.to_numpy().ravel()]
    for chart in drawn_charts(at):
        texts += _figure_texts(chart.figure)
    return [s for s in texts if s]


def english_left(texts: list[str], allowed: frozenset[str] = LATIN_ALLOWED) -> list[tuple[str, str]]:
    """``(word, text)`` for each run of Latin letters not in ``allowed`` (formulas, code and links skipped)."""
    found = []
    lower = frozenset(w.lower() for w in allowed)
    for text in texts:
        prose = _NOT_PROSE.sub(" ", text)
        found += [(w, text[:120]) for w in _LATIN_RUN.findall(prose) if w not in allowed and w.lower() not in lower]
    return found
