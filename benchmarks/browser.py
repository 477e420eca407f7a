"""Real-browser figures: the app and the bare reference page each on its own ``streamlit run`` server on
loopback (the same flags), driven by headless Chromium (Debian's, never downloaded).

- ``slider_latency``: a key press on a slider -> the script finished and a changed number shown, every page
  and the reference page, p50 over >= 15 moves; budgets 2x the reference where the move hits the page's
  caches, 4x where it recomputes a race or a surface. Beside it, without a budget: the key press -> the last
  change inside a chart (a chart may finish drawing after the number shows).
- ``page_open``: navigation -> the page drawn (its elements and charts there, no skeleton, nothing stale),
  every page and the reference page; budget 1.5x the reference.
- ``race_playback``: the race animation played in the browser against a bare plotly animation with the same
  frames and the same play settings, from the installed plotly package's own ``plotly.min.js`` served on
  loopback; budgets 0.8x the bare animation's frame rate and 20 frames per second.

Times are taken in the page's own clock (``performance.now()``): from the keydown event, or from the start of
navigation, to the animation frame where the condition first holds. ``load`` (``python -m benchmarks.load``)
drives several users at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from benchmarks.report import Result, percentile_ms, progress
from xentcore.app.pages import PAGES
from xentcore.app.settings import schema_for

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_SCRIPT = "benchmarks/reference_app.py"
REFERENCE = "bare page"
# the bare page as the page /bare of a multipage app, opened beside the root's, no budget (reference_pages.py)
SUBPATH_SCRIPT, SUBPATH = "benchmarks/reference_pages.py", "/bare"
REFERENCE_SLIDER = "ref.x"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"
# a chart: Streamlit's own (the reference page) or xent's (xentcore/app/ui/chart.js), which carries
# data-drawing while it draws
CHART = "[data-testid=stPlotlyChart], .xent-chart"
BUSY = "[data-testid=stSkeleton], [data-stale=true], [data-drawing]"
# the distributions page at K = 12, the heaviest everyday view
DISTRIBUTIONS_K12 = (
    "/distributions?p=" + ",".join(["0.08"] * 11 + ["0.12"]) + "&q=" + ",".join(["0.0833"] * 11 + ["0.0837"])
)
# the slider (a share-link key of the page's state) whose moves recompute a race or a surface: moved up
# from the page's default, past the values the cached test visited, so every measured value is new
RECOMPUTE = {"race": "n", "surfaces": "n"}
# the bare page with this many more elements (paragraphs that change on every move, nothing computed): what a
# page's size alone costs a move in the browser, measured beside the pages (no budget)
SIZED = (40, 80)
REFERENCE_BLOCK = 8  # the reference page's moves between two rows of the slider suite
RATIO_CACHED, RATIO_RECOMPUTE, RATIO_OPEN, RATIO_PLAYBACK = 2.0, 4.0, 1.5, 0.8
MIN_FRAME_RATE = 20.0
TIMEOUT_MS = 60_000
MOVE_TIMEOUT_MS = 20_000  # a move not shown by then counts as an error


@contextlib.contextmanager
def streamlit_server(script: str = "app.py") -> Iterator[tuple[str, int]]:
    """``streamlit run <script>`` from the project root on a free loopback port; yields (base URL, pid).
    The app and the reference page are both served through here, so with the same flags and config."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port),
           "--browser.gatherUsageStats", "false"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/_stcore/health", timeout=1)
                break
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit run {script} exited with {proc.returncode}")
            time.sleep(0.25)
        else:
            raise RuntimeError(f"streamlit run {script} did not start")
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@contextlib.contextmanager
def app_and_reference() -> Iterator[tuple[str, str]]:
    """Both servers at once: (app base URL, reference base URL)."""
    with streamlit_server() as (app, _), streamlit_server(REFERENCE_SCRIPT) as (ref, _):
        yield app, ref


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def css_key(widget_key: str) -> str:
    """The class Streamlit gives a keyed element's container (``st-key-`` + the key, other characters -> -)."""
    return "st-key-" + "".join(c if c.isalnum() or c in "_-" else "-" for c in widget_key.strip())


# The text a reader reads on the page, sliders and labels excepted (a slider's own value and its ticks are
# drawn as markdown, and the value changes at the key press, before any rerun). ``textContent``, not
# ``innerText``: the latter lays the page out to know what is visible, a cost of the harness (8 ms a move on
# the tutorial's page, under 1 ms on the bare page) that the page itself does not have.
_TEXT = """() => Array.from(document.querySelectorAll(
    "[data-testid=stMain] [data-testid=stMetricValue], [data-testid=stMain] [data-testid=stMarkdownContainer],"
    + "[data-testid=stMain] [data-testid=stTable], [data-testid=stMain] [data-testid=stCode]"))
  .filter(e => !e.closest("[data-testid=stSlider], [data-testid=stWidgetLabel], [data-testid=stTooltipContent]"))
  .map(e => e.textContent).join("\\u241e")"""

_SELECTORS = "const CHART = " + json.dumps(CHART) + ", BUSY = " + json.dumps(BUSY) + ";"
DRAW_WINDOW_MS = 400  # how long after the number is shown a chart's redraw is still waited for

# Resolves with two page-clock times (ms). First, the first animation frame where the script is not running,
# nothing is stale, a skeleton or a chart mid-draw, and the page shows something new: its text differs from
# ``before``, or a plotly chart was redrawn (the race page's numbers are in its chart and tables). Something
# new means the rerun's elements arrived: Streamlit sends "running" before them, and a quick rerun's "running"
# and "not running" may be drawn in one render, so the state alone cannot tell a finished rerun from one not
# started. Second, the last change inside any chart up to ``DRAW_WINDOW_MS`` after that (or the first time, if
# none): when the pictures, too, have followed the move (a chart may draw after the number shows). NaN on
# timeout.
_AFTER_RERUN = (
    """([before, timeout, window]) => { """
    + _SELECTORS
    + """ return new Promise(resolve => {
  const text = """
    + _TEXT
    + """;
  const app = document.querySelector("[data-testid=stApp]");
  // the text is read again only after something in the page changed: reading it makes the browser lay the
  // page out, which a page of many paragraphs would otherwise pay in every frame of the wait
  let redrawn = false, changed = 0, shown = null, dirty = true;
  const charts = new MutationObserver(records => {
    dirty = true;
    if (records.some(r => r.target.closest && r.target.closest(CHART))) {
      redrawn = true; changed = performance.now(); } });
  charts.observe(document.querySelector("[data-testid=stMain]"),
                 {subtree: true, childList: true, attributes: true, characterData: true});
  const news = () => { if (!dirty) return false; dirty = false; return text() !== before; };
  const t0 = performance.now();
  const finish = value => { charts.disconnect(); resolve(value); };
  const check = () => {
    const now = performance.now();
    if (now - t0 > timeout) { finish([NaN, NaN]); return; }
    if (shown === null && app.getAttribute("data-test-script-state") === "notRunning"
        && !document.querySelector(BUSY) && (redrawn || news())) shown = now;
    if (shown !== null && now - shown >= window && !document.querySelector(BUSY)) {
      finish([shown, Math.max(shown, changed)]); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}); }"""
)

# Resolves with the page-clock time (ms since navigation started) at which the page is drawn: the script ran
# and finished, no skeleton, stale element or chart mid-draw, at least ``elements`` element containers, and
# ``charts`` plotly charts drawn; NaN on timeout.
_DRAWN = (
    """([elements, charts, timeout]) => { """
    + _SELECTORS
    + """ return new Promise(resolve => {
  const drawn = () => {
    const app = document.querySelector("[data-testid=stApp]");
    if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
    if (document.querySelector(BUSY)) return false;
    const main = document.querySelector("[data-testid=stMain]");
    if (!main || main.querySelectorAll("[data-testid=stElementContainer]").length < elements) return false;
    return main.querySelectorAll(":is(" + CHART + ") .main-svg").length >= charts;
  };
  const check = () => {
    const now = performance.now();
    if (drawn()) { resolve(now); return; }
    if (now > timeout) { resolve(NaN); return; }
    requestAnimationFrame(check);
  };
  check();
}); }"""
)

_COUNTS = (
    """() => { """
    + _SELECTORS
    + """ const main = document.querySelector("[data-testid=stMain]");
  return [main.querySelectorAll("[data-testid=stElementContainer]").length,
          new Set(Array.from(main.querySelectorAll(":is(" + CHART + ") .main-svg"))
                  .map(e => e.closest(CHART))).size]; }"""
)


async def _settled(page) -> None:
    await page.wait_for_timeout(50)
    await page.wait_for_selector(SETTLED, timeout=TIMEOUT_MS)
    await page.wait_for_function(f"() => !document.querySelector({json.dumps(BUSY)})", timeout=TIMEOUT_MS)


async def _press(page, slider, key: str, window_ms: int = DRAW_WINDOW_MS) -> tuple[float, float]:
    """Press ``key`` on ``slider``; seconds from the keydown to the rerun finished and a changed text shown, and
    to the charts redrawn, watched for ``window_ms`` after that (see ``_AFTER_RERUN``)."""
    before = await page.evaluate(_TEXT)
    await page.evaluate(
        "(args) => { window.__down = null; document.addEventListener('keydown', "
        "() => { window.__down = performance.now(); }, {once: true, capture: true}); "
        f"window.__done = ({_AFTER_RERUN})(args); }}",
        [before, MOVE_TIMEOUT_MS, window_ms],
    )
    await slider.press(key)
    shown, drawn = await page.evaluate("() => window.__done")
    down = await page.evaluate("() => window.__down")
    if down is None or shown is None:
        return float("nan"), float("nan")
    return (shown - down) / 1000, (drawn - down) / 1000


async def _move_and_wait(page, slider, key: str) -> float:
    """Kept for ``benchmarks.load``: one move, seconds until it is shown (the next move follows at once)."""
    return (await _press(page, slider, key, window_ms=0))[0]


def _slider_locator(page, widget_key: str | None):
    if widget_key is None:
        return page.locator("[data-testid=stMain] [data-testid='stSlider'] input[type=range]").first
    return page.locator(f"[data-testid=stMain] .{css_key(widget_key)} input[type=range]").first


async def _first_state_slider(page, page_id: str) -> tuple[str | None, str | None]:
    """The page's first slider in reading order bound to its share-link state: (state key, widget key)."""
    schema = schema_for(page_id)
    keys = await page.evaluate(
        """() => Array.from(document.querySelectorAll("[data-testid=stMain] [data-testid=stElementContainer]"))
           .filter(e => e.querySelector("[data-testid=stSlider] input[type=range]"))
           .flatMap(e => Array.from(e.classList).filter(c => c.startsWith("st-key-")))"""
    )
    for cls in keys:
        for key in schema.keys:
            for widget_key in (f"{schema.name}.{key}", f"{schema.name}.{key}.0"):
                if cls == css_key(widget_key):
                    return key, widget_key
    return None, None


async def _moves(page, slider, n: int, pattern: str) -> tuple[list[float], list[float], list[str]]:
    """``n`` moves: seconds until each was shown, until its charts were redrawn, and the errors."""
    times, drawn, errors = [], [], []
    for i in range(n):
        # "cycle": three steps right, three back, so after one cycle every value is cached; "oneway": right
        # only, every value new once past the cycle's three steps
        key = "ArrowLeft" if pattern == "cycle" and (i // 3) % 2 == 1 else "ArrowRight"
        try:
            elapsed, pictured = await _press(page, slider, key)
        except Exception as err:
            errors.append(f"{type(err).__name__}: {str(err)[:120]}")
            continue
        if elapsed != elapsed:  # NaN: timed out
            errors.append("nothing new shown")
        else:
            times.append(elapsed)
            drawn.append(pictured)
        await _settled(page)
    return times, drawn, errors


async def _latency(browser, url: str, widget_key: str | None, warmup: int, moves: int, pattern: str):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    try:
        await page.goto(url)
        await _settled(page)
        slider = _slider_locator(page, widget_key)
        await slider.focus()
        await _moves(page, slider, warmup, pattern)
        times, drawn, errors = await _moves(page, slider, moves, pattern)
        if await page.locator("[data-testid='stException']").count():
            errors.append("the page shows an exception")
        return times, drawn, errors
    finally:
        await context.close()


async def _slider_suite(app: str, ref: str, warmup: int, moves: int) -> list[Result]:
    from playwright.async_api import async_playwright

    # (label, times, drawn, errors, budget ratio, index of the reference block before it)
    rows: list[tuple[str, list[float], list[float], list[str], float | None, int]] = []
    blocks: list[tuple[list[float], list[float], list[str]]] = []  # the reference's moves, block by block
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def reference_block() -> int:
            """The reference page's moves just before (and after) a row's: the row's ratio is to the two blocks
            around it, so a change in the machine's load during the run hits the row and its reference alike."""
            blocks.append(await _latency(browser, ref + "/", REFERENCE_SLIDER, warmup, REFERENCE_BLOCK, "cycle"))
            progress(f"browser: {REFERENCE}: p50 {percentile_ms(blocks[-1][0], 0.5):.0f} ms")
            return len(blocks) - 1

        async def measure(label: str, url: str, widget_key: str, pattern: str, ratio: float | None, n_warm: int):
            block = await reference_block()
            times, drawn, errors = await _latency(browser, url, widget_key, n_warm, moves, pattern)
            rows.append((label, times, drawn, errors, ratio, block))
            progress(f"browser: {label}: p50 {percentile_ms(times, 0.5):.0f} ms")

        for page_info in PAGES:
            url = f"{app}/{page_info.url_path}"
            probe = await browser.new_page(viewport={"width": 1400, "height": 1000})
            await probe.goto(url)
            await _settled(probe)
            key, widget_key = await _first_state_slider(probe, page_info.id)
            await probe.close()
            if widget_key is None:
                rows.append((f"{page_info.id}: no slider", [], [], ["no slider bound to the page state"],
                             RATIO_CACHED, len(blocks)))  # fmt: skip
                continue
            await measure(f"{page_info.id} · {key} (cached)", url, widget_key, "cycle", RATIO_CACHED, warmup)
            if page_info.id in RECOMPUTE:
                key = RECOMPUTE[page_info.id]
                widget_key = f"{schema_for(page_info.id).name}.{key}"
                await measure(f"{page_info.id} · {key} (recomputes)", url, widget_key, "oneway", RATIO_RECOMPUTE, 3)
        for extra in SIZED:
            await measure(f"{REFERENCE} + {extra} paragraphs", f"{ref}/?extra={extra}", REFERENCE_SLIDER, "cycle",
                          None, warmup)  # fmt: skip
        await reference_block()
        await browser.close()
    ref_times = [x for times, _, _ in blocks for x in times]
    ref_drawn = [x for _, drawn, _ in blocks for x in drawn]
    ref_errors = [x for _, _, errors in blocks for x in errors]
    ref_ms, ref_drawn_ms = percentile_ms(ref_times, 0.5), percentile_ms(ref_drawn, 0.5)
    results = [
        Result(
            f"browser: {REFERENCE} slider -> number, p50",
            ref_ms,
            "ms",
            note=f"{len(ref_times)} moves in {len(blocks)} blocks, {len(ref_errors)} errors; p95 "
            f"{percentile_ms(ref_times, 0.95):.0f} ms; each row below is to the two blocks around it"
            + (f"; {sorted(set(ref_errors))[0]}" if ref_errors else ""),
        ),
        Result(f"browser: {REFERENCE} slider -> charts redrawn, p50", ref_drawn_ms, "ms"),
    ]
    for label, times, drawn, errors, ratio, block in rows:
        around = blocks[block : block + 2]
        row_ref = percentile_ms([x for b in around for x in b[0]], 0.5)
        row_ref_drawn = percentile_ms([x for b in around for x in b[1]], 0.5)
        note = f"{len(times)} moves, {len(errors)} errors; p95 {percentile_ms(times, 0.95):.0f} ms"
        if errors:
            note += f"; {sorted(set(errors))[0]}"
        complete = len(times) >= min(15, moves) and not errors
        value = percentile_ms(times, 0.5) if complete else float("nan")
        results.append(Result(f"browser: {label} slider -> number, p50", value, "ms", row_ref, ratio,
                              reference_name=REFERENCE, note=note))  # fmt: skip
        # not a budget of the issue's, shown beside it: when the pictures too have followed the hand
        value = percentile_ms(drawn, 0.5) if complete else float("nan")
        results.append(Result(f"browser: {label} slider -> charts redrawn, p50", value, "ms", row_ref_drawn,
                              reference_name=REFERENCE))  # fmt: skip
    return results


def slider_latency(quick: bool = False) -> list[Result]:
    """Key press on a slider -> the script finished and the changed number shown, every page (its first
    slider bound to its state, moved three steps each way so the caches hit; and, where a table says which,
    a slider moved one way so that every move recomputes), against the reference page."""
    if not os.path.exists(CHROMIUM):
        return [Result("browser slider -> number", float("nan"), "ms", note="chromium not installed")]
    moves = 15 if quick else 30
    with app_and_reference() as (app, ref):
        return asyncio.run(_slider_suite(app, ref, 6, moves))


async def _open_times(browser, url: str, repeat: int) -> tuple[list[float], str]:
    """One untimed open (warms the server's caches, and counts the elements and charts of the page drawn),
    then ``repeat`` timed opens of the same URL in the same tab (the static files cached, as for a reader who
    has visited before)."""
    page = await browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        await page.goto(url)
        await _settled(page)
        await page.wait_for_timeout(1000)  # charts draw after the script ends
        elements, charts = await page.evaluate(_COUNTS)
        times = []
        for _ in range(repeat):
            await page.goto("about:blank")
            await page.goto(url, wait_until="commit")
            drawn = await page.evaluate(_DRAWN, [elements, charts, TIMEOUT_MS])
            if drawn == drawn:
                times.append(drawn / 1000)
        return times, f"{elements} elements, {charts} charts"
    finally:
        await page.close()


async def _open_suite(app: str, ref: str, sub: str, repeat: int) -> list[Result]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # the bare page at /bare half before the pages and half after; the bare page itself just before each page
        # and once after the last, and each page's ratio is to the two blocks around it, so a change in the
        # machine's load during the run hits the page and its reference alike
        sub_times, _ = await _open_times(browser, sub + SUBPATH, repeat)
        blocks, rows = [], []
        for page_info in PAGES:
            times, ref_what = await _open_times(browser, ref + "/", repeat)
            blocks.append(times)
            times, what = await _open_times(browser, f"{app}/{page_info.url_path}", repeat)
            progress(f"open: {page_info.id}: median {percentile_ms(times, 0.5):.0f} ms")
            rows.append((page_info.id, times, what))
        times, _ = await _open_times(browser, ref + "/", repeat)
        blocks.append(times)
        more, _ = await _open_times(browser, sub + SUBPATH, repeat)
        sub_times += more
        await browser.close()
    ref_times = [x for block in blocks for x in block]
    ref_ms, sub_ms = percentile_ms(ref_times, 0.5), percentile_ms(sub_times, 0.5)
    results = [
        Result(f"browser: open the {REFERENCE} until drawn, median", ref_ms, "ms",
               note=f"{len(ref_times)} opens in {len(blocks)} blocks; {ref_what}; each page below is to the two "
               "blocks around it"),
        Result(f"browser: open the {REFERENCE} at {SUBPATH} (a page of a multipage app) until drawn, median",
               sub_ms, "ms", ref_ms, reference_name=REFERENCE,
               note=f"{len(sub_times)} opens; Streamlit's frontend first asks /<page>/_stcore/health, then /, "
               "100 ms later; xent's pages do not (xentcore/app/serve.py)"),
    ]  # fmt: skip
    for i, (page_id, times, what) in enumerate(rows):
        value = percentile_ms(times, 0.5) if len(times) == repeat else float("nan")
        row_ref = percentile_ms(blocks[i] + blocks[i + 1], 0.5)
        results.append(
            Result(
                f"browser: open {page_id} until drawn, median",
                value,
                "ms",
                row_ref,
                RATIO_OPEN,
                reference_name=REFERENCE,
                note=f"{len(times)} of {repeat} opens; {what}; {value / sub_ms:.2f}× the {REFERENCE} at {SUBPATH}",
            )
        )
    return results


def page_open(quick: bool = False) -> list[Result]:
    """Opening each page until it is drawn, against opening the reference page (and, without a budget, the
    reference page served at a path other than the root, as every page but home is)."""
    if not os.path.exists(CHROMIUM):
        return [Result("browser: open", float("nan"), "ms", note="chromium not installed")]
    with app_and_reference() as (app, ref), streamlit_server(SUBPATH_SCRIPT) as (sub, _):
        return asyncio.run(_open_suite(app, ref, sub, 3 if quick else 5))


# --- race playback against a bare plotly animation --------------------------------------------------------

REFERENCE_HTML = Path(__file__).with_name("plotly_reference.html")

# the frame label's changes, timed in the page clock, from the Play click on
_WATCH_FRAMES = """() => { window.__frames = [];
  const label = document.querySelector('.slider-group .slider-label, .sliders .slider-label');
  new MutationObserver(() => window.__frames.push(performance.now() / 1000))
      .observe(label, {childList: true, characterData: true, subtree: true}); }"""

# how the race's figure animates: its frame names, its Play button and its slider, to play the same way
_ANIMATION = """() => { const gd = document.querySelector('.xent-chart.js-plotly-plot');
  return {names: gd._transitionData._frames.map(f => f.name), updatemenus: gd.layout.updatemenus,
          sliders: gd.layout.sliders, width: gd._fullLayout.width, height: gd._fullLayout.height}; }"""


def plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@contextlib.contextmanager
def plotly_reference_server() -> Iterator[str]:
    """The bare animation page and plotly.min.js from disk, on a loopback port (nothing fetched from outside)."""
    files = {"/": (REFERENCE_HTML, "text/html"), "/plotly.min.js": (plotly_js(), "application/javascript")}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path, kind = files.get(self.path.split("?", 1)[0], (None, None))
            if path is None:
                self.send_error(404)
                return
            body = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def _play(page, seconds: float) -> list[float]:
    await page.evaluate(_WATCH_FRAMES)
    await page.locator(".updatemenu-button", has_text="Play").first.click()
    await page.wait_for_timeout(int(seconds * 1000))
    return await page.evaluate("() => window.__frames")


async def _playback(app: str, reference: str, seconds: float) -> tuple[list[float], list[float], int]:
    """Play the race, then the bare animation built with the race's frame names, Play button and slider."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport={"width": 1400, "height": 1000})
        await page.goto(app + "/training_race?data=overlap&n=1000&lr=0.3")
        await _settled(page)
        await page.wait_for_selector(".updatemenu-button", timeout=TIMEOUT_MS)
        animation = await page.evaluate(_ANIMATION)
        race_frames = await _play(page, seconds)
        await page.close()
        page = await browser.new_page(viewport={"width": 1400, "height": 1000})
        await page.goto(reference + "/")
        await page.evaluate("(spec) => window.buildAnimation(spec)", animation)
        await page.wait_for_selector(".updatemenu-button", timeout=TIMEOUT_MS)
        bare_frames = await _play(page, seconds)
        await browser.close()
    return race_frames, bare_frames, len(animation["names"])


def _frame_rate(frames: list[float]) -> float:
    return (len(frames) - 1) / (frames[-1] - frames[0]) if len(frames) >= 3 else float("nan")


def race_playback(quick: bool = False) -> list[Result]:
    """The training race played in the browser (no server round trip per frame), frames per second, against a
    bare plotly animation with the same frames played the same way."""
    if not os.path.exists(CHROMIUM):
        return [Result("browser: race playback", float("nan"), "frames/s", note="chromium not installed")]
    seconds = 3.0 if quick else 5.0
    with streamlit_server() as (app, _), plotly_reference_server() as reference:
        race_frames, bare_frames, n = asyncio.run(_playback(app, reference, seconds))
    race_fps, bare_fps = _frame_rate(race_frames), _frame_rate(bare_frames)
    return [
        Result(
            "browser: bare plotly animation, frame rate",
            bare_fps,
            "frames/s",
            note=f"{len(bare_frames)} frames shown in {seconds:g} s, {n} in the animation",
        ),
        Result(
            "browser: race playback, frame rate",
            race_fps,
            "frames/s",
            bare_fps,
            RATIO_PLAYBACK,
            MIN_FRAME_RATE,
            higher_is_better=True,
            reference_name="bare animation",
            note=f"{len(race_frames)} frames shown in {seconds:g} s",
        ),
    ]


# --- several users at once (benchmarks.load) ---------------------------------------------------------------


async def _user(browser, url: str, until: float | None, moves: int | None, times: list[float], errors: list[str]):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    try:
        await page.goto(url)
        await _settled(page)
        slider = page.locator("[data-testid='stSlider'] input[type=range]").first
        await slider.focus()
        i = 0
        while (moves is None or i < moves) and (until is None or time.monotonic() < until):
            key = "ArrowRight" if (i // 3) % 2 == 0 else "ArrowLeft"
            try:
                elapsed = await _move_and_wait(page, slider, key)
                if elapsed == elapsed:
                    times.append(elapsed)
                else:
                    errors.append("nothing new shown")
                await _settled(page)
            except Exception as err:  # a load test counts failures instead of stopping at the first
                errors.append(f"{type(err).__name__}: {str(err)[:120]}")
            i += 1
        if await page.locator("[data-testid='stException']").count():
            errors.append("the page shows an exception")
    finally:
        await context.close()


async def _drive(base: str, path: str, users: int, seconds: float | None, moves: int | None):
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        until = None if seconds is None else time.monotonic() + seconds
        await asyncio.gather(*(_user(browser, base + path, until, moves, times, errors) for _ in range(users)))
        await browser.close()
    return times, errors
