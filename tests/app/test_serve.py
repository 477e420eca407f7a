"""What ``app.py`` adds to the page Streamlit serves (``xentcore.app.serve``): the modules, the base URL, plotly.js;
and the middleware that adds it to navigations only, whole and uncompressed."""

from __future__ import annotations

import asyncio
import gzip
import re
from pathlib import Path

import pytest

from xentcore.app import serve
from xentcore.app.pages import PAGES
from xentcore.app.ui.plotly_bundle import STATIC_NAME

ROOT = Path(__file__).resolve().parents[2]
INDEX = serve.INDEX_HTML.read_bytes()


@pytest.mark.parametrize("name", serve.ELEMENT_MODULES)
def test_every_element_module_is_one_file_of_streamlit(name):
    found = serve.module_file(name)
    assert found.startswith(name + ".") and (serve.STREAMLIT_JS / found).is_file()


def test_an_unknown_module_is_an_error_not_a_silent_gap():
    with pytest.raises(LookupError, match="NoSuchElement"):
        serve.module_file("NoSuchElement")


def test_the_closure_holds_every_static_import_and_nothing_streamlit_loads_already():
    closure = set(serve.module_closure(serve.ELEMENT_MODULES))
    have = serve.preloaded_by_index()
    assert "index.DormvYxC.js" in have or any(f.startswith("index.") for f in have)
    assert not closure & have
    for name in closure:
        imports = set(re.findall(r'(?:from|import)\s*"\./([^"/]+\.js)"', (serve.STREAMLIT_JS / name).read_text()))
        assert imports <= closure | have, name
    assert {serve.module_file(n) for n in serve.ELEMENT_MODULES} <= closure


def test_dynamic_imports_are_not_followed(tmp_path):
    (tmp_path / "A.aaaa.js").write_text('import{x}from"./B.bbbb.js";const l=()=>import("./C.cccc.js");')
    (tmp_path / "B.bbbb.js").write_text('import"./D.dddd.js";')
    (tmp_path / "D.dddd.js").write_text("")
    (tmp_path / "C.cccc.js").write_text("")
    index = tmp_path / "index.html"
    index.write_text('<link rel="modulepreload" href="./static/js/D.dddd.js">')
    assert serve.module_closure(["A"], js=tmp_path, index_html=index) == ["A.aaaa.js", "B.bbbb.js"]


def test_a_page_with_charts_gets_the_base_url_the_modules_and_plotly_after_streamlits_entry():
    html = serve.add_head(INDEX, "/distributions")
    head = html.split(b"</head>")[0]
    assert head.startswith(INDEX.split(b"<head>")[0] + b"<head><script>")
    assert b"BACKEND_BASE_URL" in head
    links = re.findall(rb'rel="modulepreload" crossorigin href="\./static/js/([^"]+)"', head)
    assert {x.decode() for x in links} >= set(serve.module_closure(serve.ELEMENT_MODULES))
    entry = re.search(rb'<script type="module" crossorigin src="\./static/js/index\.[\w-]+\.js"></script>', head)
    plotly = head.index(b'<script defer id="xent-plotly" src="./app/static/' + STATIC_NAME.encode())
    assert entry and plotly == entry.end()  # deferred scripts run in order: Streamlit's first
    base, links, plotly = serve.head_html()
    assert html.replace(base + links, b"").replace(plotly, b"") == INDEX


@pytest.mark.parametrize("path", ["/", "", "/~/+/", "/no_such_page"])
def test_a_page_without_charts_gets_the_base_url_alone(path):
    assert serve.add_head(INDEX, path) == INDEX.replace(b"<head>", b"<head>" + serve.head_html()[0])


@pytest.mark.parametrize("page", [p for p in PAGES if p.charts], ids=lambda p: p.id)
def test_every_page_with_charts_loads_plotly_under_any_prefix(page):
    for path in (f"/{page.url_path}", f"/~/+/{page.url_path}", f"/{page.url_path}/"):
        assert b"xent-plotly" in serve.add_head(INDEX, path), path


def test_html_that_is_not_streamlits_page_is_left_alone():
    for html in (b"<html><head></head><body>hi</body></html>", b"not html", INDEX.replace(b"<head>", b"<head >")):
        assert serve.add_head(html, "/distributions") == html


def test_the_base_url_script_names_every_page_but_home():
    script = serve.base_url_script(p.url_path for p in PAGES)
    names = re.search(r"const pages = (\[[^\]]*\])", script).group(1)
    assert names == str(sorted(p.url_path for p in PAGES if p.url_path)).replace("'", '"')


# --- the middleware, driven as an ASGI server drives it ------------------------------------------------------------


def _inner(body: bytes, content_type: bytes = b"text/html; charset=utf-8", chunks: int = 2):
    """A stand-in for Streamlit's static files: gzips when asked, answers a matching If-None-Match with 304."""
    seen: list[dict] = []

    async def app(scope, receive, send):
        seen.append(scope)
        headers = dict(scope["headers"])
        if headers.get(b"if-none-match") == b'"v1"':
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", b'"v1"')]})
            await send({"type": "http.response.body", "body": b""})
            return
        data, extra = body, []
        if b"gzip" in headers.get(b"accept-encoding", b""):
            data, extra = gzip.compress(body), [(b"content-encoding", b"gzip")]
        start = [(b"content-type", content_type), (b"content-length", str(len(data)).encode()), (b"etag", b'"v1"')]
        await send({"type": "http.response.start", "status": 200, "headers": start + extra})
        step = -(-len(data) // chunks)
        for i in range(0, len(data), step):
            await send({"type": "http.response.body", "body": data[i : i + step], "more_body": i + step < len(data)})

    return app, seen


def _call(app, path: str, headers: dict[bytes, bytes], method: str = "GET") -> tuple[dict, bytes]:
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": method, "path": path, "headers": list(headers.items())}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


NAVIGATION = {b"accept": b"text/html,application/xhtml+xml", b"accept-encoding": b"gzip, br", b"if-none-match": b'"v1"'}


def test_a_navigation_gets_the_page_whole_uncompressed_and_never_a_304(tmp_path):
    inner, seen = _inner(INDEX)
    start, body = _call(serve.FirstPaint(inner, static=tmp_path), "/distributions", NAVIGATION)
    assert start["status"] == 200 and body == serve.add_head(INDEX, "/distributions")
    headers = dict(start["headers"])
    assert headers[b"content-length"] == str(len(body)).encode()
    assert b"etag" not in headers and b"content-encoding" not in headers
    assert not {b"accept-encoding", b"if-none-match"} & dict(seen[0]["headers"]).keys()
    assert (tmp_path / STATIC_NAME).is_file()  # the deferred script's file is in place before the first page


@pytest.mark.parametrize(
    "path, headers, method",
    [
        ("/static/js/index.js", {b"accept": b"*/*", b"accept-encoding": b"gzip"}, "GET"),  # not a navigation
        ("/distributions", NAVIGATION, "HEAD"),
    ],
)
def test_everything_else_passes_through_untouched(tmp_path, path, headers, method):
    inner, seen = _inner(INDEX)
    assert _call(serve.FirstPaint(inner, static=tmp_path), path, headers, method) == _call(inner, path, headers, method)
    assert dict(seen[0]["headers"]) == headers  # the inner app saw the request as it was sent


def test_a_navigation_answered_with_something_else_than_html_is_passed_on_whole(tmp_path):
    inner, _ = _inner(b'{"a": 1}', content_type=b"application/json")
    start, body = _call(serve.FirstPaint(inner, static=tmp_path), "/x", {b"accept": b"text/html"})
    assert body == b'{"a": 1}' and dict(start["headers"])[b"content-length"] == b"8"


def test_app_py_is_the_asgi_entry_streamlit_run_finds():
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"
    source = (ROOT / "app.py").read_text()
    assert 'st.App("home.py"' in source and "FirstPaint" in source
