"""How the app is served: ``app.py`` is an ASGI app (``st.App``) that serves ``home.py`` and ``pages/`` as
``streamlit run`` does, with :class:`FirstPaint` adding to the page's HTML what its first paint waits for.

Opening ``/distributions`` in headless Chromium, the page was drawn 1.1 s after navigation, of which:

- **100 ms finding the server.** Opened at ``/<page>``, Streamlit's frontend first asks
  ``/<page>/_stcore/health`` (the app could be served under that path), and asks ``/_stcore/health`` only 100 ms
  after that fails. Every page but home paid it. A line of script gives the frontend the app's base URL: the
  page's URL without the page's name (``BACKEND_BASE_URL``, read by Streamlit's frontend from
  ``window.__streamlit``), so it asks once, at the right place, under any proxy's path prefix.
- **Streamlit's element code, element by element.** The frontend loads the module that draws an element (the
  slider's, the metric's, the markdown's maths) when the first such element arrives, in waves as the script
  sends them, and shows placeholders meanwhile. ``<link rel="modulepreload">`` for the modules the pages draw
  with, and everything they import, lets the browser fetch and compile them while the server runs the script.
- **plotly.js (4.8 MB), which every chart waits for**, was asked for only once the first chart was on the page.
  A deferred script loads it as the page opens, after Streamlit's own code has started (so that it does not hold
  the connection back).

The modules and plotly.js go to the pages that draw charts, all but home. Opening each page, three rounds of three
opens alternating with Streamlit's page as it was: distributions 966 → 833 ms, curves 1118 → 957, surfaces
1172 → 1010, race 1293 → 1087, tutorial 1363 → 1122, language 874 → 738 (median of the rounds' medians).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import streamlit

from xentcore.app.pages import PAGES
from xentcore.app.ui.plotly_bundle import STATIC_NAME, copy_plotly_js

STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
INDEX_HTML = STREAMLIT_JS.parents[1] / "index.html"
# Streamlit's modules for the elements the pages draw (each loaded by the frontend when the first such element
# arrives); their imports are found from the files. A browser test checks that opening each page loads no module
# of Streamlit's that is not preloaded (tests/e2e/test_first_paint.py).
ELEMENT_MODULES = (
    "BidiComponent", "Button", "ButtonGroup", "Checkbox", "DownloadButton", "Html", "Metric", "Multiselect",
    "NumberInput", "PageLink", "Radio", "Selectbox", "Slider", "Table", "TextField", "rehype-katex",
)  # fmt: skip
PLOTLY_ID = "xent-plotly"  # the script element chart.js waits for, instead of loading plotly.js again
_STATIC_IMPORT = re.compile(r'(?:from|import)\s*"\./([^"/]+\.js)"')  # not import("./x.js"): those load on demand


def module_file(name: str, js: Path = STREAMLIT_JS) -> str:
    """The file of Streamlit's module ``name`` (``Slider`` → ``Slider.WU6er_Bo.js``: names carry a hash)."""
    found = [p.name for p in js.glob(f"{name}.*.js") if re.fullmatch(rf"{re.escape(name)}\.[\w-]+\.js", p.name)]
    if len(found) != 1:
        raise LookupError(f"Streamlit's {name} module: {found or 'no file'} in {js}")
    return found[0]


def preloaded_by_index(index_html: Path = INDEX_HTML) -> set[str]:
    """The modules Streamlit's own page loads at once: its entry and its ``modulepreload`` links."""
    return set(re.findall(r'(?:src|href)="\./static/js/([^"]+\.js)"', index_html.read_text()))


def module_closure(names: Iterable[str], js: Path = STREAMLIT_JS, index_html: Path = INDEX_HTML) -> list[str]:
    """The files of modules ``names`` and of every module they import, static imports followed to the end, less
    what Streamlit's page loads already; sorted."""
    have = preloaded_by_index(index_html)
    todo = [module_file(n, js) for n in names]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name in have:
            continue
        seen.add(name)
        todo += _STATIC_IMPORT.findall((js / name).read_text())
    return sorted(seen)


def base_url_script(page_paths: Iterable[str]) -> str:
    """Script setting Streamlit's ``BACKEND_BASE_URL`` to the page's URL without a page name at its end."""
    pages = json.dumps(sorted(set(page_paths) - {""}))
    return (
        "<script>(() => { const pages = " + pages + ";"
        ' const path = location.pathname.replace(/\\/+$/, ""), last = path.slice(path.lastIndexOf("/") + 1);'
        " window.__streamlit = { ...window.__streamlit, BACKEND_BASE_URL: location.origin"
        ' + (pages.includes(last) ? path.slice(0, -last.length) : path + "/") }; })();</script>'
    )


@cache
def head_html() -> tuple[bytes, bytes, bytes]:
    """What :class:`FirstPaint` adds: the base URL's script and the modules' links (right after ``<head>``), and
    plotly.js's script (after Streamlit's entry script)."""
    base = base_url_script(p.url_path for p in PAGES)
    files = module_closure(ELEMENT_MODULES)
    links = "".join(f'<link rel="modulepreload" crossorigin href="./static/js/{f}">' for f in files)
    src = f"./app/static/{STATIC_NAME}"
    plotly = f'<script defer id="{PLOTLY_ID}" src="{src}" onerror="this.dataset.failed = 1"></script>'
    return base.encode(), links.encode(), plotly.encode()


# the pages that get the modules and plotly.js: home draws no chart and few elements, and opened 8 % slower with
# the modules of every page asked for (452 against 485 ms, four rounds of five opens alternating)
CHART_PAGES = frozenset(p.url_path for p in PAGES if p.charts)
_ENTRY_SCRIPT = re.compile(rb'<script type="module" crossorigin src="\./static/js/index\.[\w-]+\.js"></script>')


def add_head(html: bytes, path: str) -> bytes:
    """Streamlit's page ``html`` served at URL ``path``, with :func:`head_html` in it (the base URL alone on a
    page without charts); unchanged if it is not Streamlit's page (no ``<head>`` or no entry script)."""
    entry = _ENTRY_SCRIPT.search(html)
    if b"<head>" not in html or entry is None:
        return html
    base, links, plotly = head_html()
    if path.rstrip("/").rsplit("/", 1)[-1] not in CHART_PAGES:
        return html.replace(b"<head>", b"<head>" + base, 1)
    html = html[: entry.end()] + plotly + html[entry.end() :]
    return html.replace(b"<head>", b"<head>" + base + links, 1)


_REWRITTEN = {b"content-length", b"etag", b"last-modified"}


class FirstPaint:
    """ASGI middleware: Streamlit's page, asked for by a browser's navigation (``Accept: text/html``), goes out
    with :func:`add_head`. It is asked for whole (no compression, no conditional request: 8 kB, 14 with what is added,
    and not cached anyway), so the rewritten page is never a 304 against an older one."""

    def __init__(self, app: Any, static: Path) -> None:
        self.app = app
        copy_plotly_js(static)  # the deferred script's file is there before the first page asks for it

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        headers = dict(scope.get("headers") or ())
        if scope["type"] != "http" or scope["method"] != "GET" or b"text/html" not in headers.get(b"accept", b""):
            await self.app(scope, receive, send)
            return
        dropped = {b"accept-encoding", b"if-none-match", b"if-modified-since"}
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k not in dropped]}
        start: dict[str, Any] = {}
        body: list[bytes] = []

        async def rewrite(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            html = b"".join(body)
            if dict(start["headers"]).get(b"content-type", b"").startswith(b"text/html"):
                html = add_head(html, scope["path"])
            kept = [(k, v) for k, v in start["headers"] if k.lower() not in _REWRITTEN]
            await send({**start, "headers": [*kept, (b"content-length", str(len(html)).encode())]})
            await send({"type": "http.response.body", "body": html})

        await self.app(scope, receive, rewrite)
