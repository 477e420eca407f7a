"""Real-browser figures: a streamlit server on loopback and headless Chromium (Debian's, never downloaded).

``slider_latency`` times slider move -> updated number for one user; ``load`` drives several users at
once (``python -m benchmarks.load``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from benchmarks.report import Result, percentile_ms

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"
METRIC = "[data-testid='stMetricValue']"
# the distributions page at K = 12, the heaviest everyday view
DISTRIBUTIONS_K12 = (
    "/distributions?p=" + ",".join(["0.08"] * 11 + ["0.12"]) + "&q=" + ",".join(["0.0833"] * 11 + ["0.0837"])
)


@contextlib.contextmanager
def streamlit_server() -> Iterator[tuple[str, int]]:
    """``streamlit run app.py`` on a free loopback port; yields (base URL, server pid)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--browser.gatherUsageStats", "false"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/_stcore/health", timeout=1)
                break
            time.sleep(0.25)
        else:
            raise RuntimeError("streamlit did not start")
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)


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


async def _settled(page) -> None:
    await page.wait_for_timeout(50)
    await page.wait_for_selector(SETTLED, timeout=60_000)


async def _move_and_wait(page, slider, key: str) -> float:
    """Press ``key`` on ``slider``; seconds until the first metric shows a new value."""
    before = await page.locator(METRIC).first.inner_text()
    start = time.perf_counter()
    await slider.press(key)
    await page.wait_for_function(
        "([sel, old]) => document.querySelector(sel).innerText !== old", arg=[METRIC, before], timeout=60_000
    )
    elapsed = time.perf_counter() - start
    await page.wait_for_selector(SETTLED, timeout=60_000)
    return elapsed


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
                times.append(await _move_and_wait(page, slider, key))
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


def slider_latency(moves: int = 40, warmup: int = 5) -> list[Result]:
    """Slider move -> updated number on the distributions page, p50 and p95 over ``moves`` moves after
    ``warmup`` unmeasured ones: at the page as it opens (the weather example, where the 200 ms budget
    applies) and, for information, at its heaviest, K = 12."""
    if not os.path.exists(CHROMIUM):
        return [Result("browser slider -> number", float("nan"), "ms", None, "chromium not installed")]
    results = []
    with streamlit_server() as (base, _):
        for label, path, budget in (("as opened", "/distributions", 200.0), ("K = 12", DISTRIBUTIONS_K12, None)):
            times, errors = asyncio.run(_drive(base, path, 1, None, warmup + moves))
            times = times[warmup:]
            note = f"{len(times)} moves, {len(errors)} errors"
            name = f"browser: distributions ({label}) slider -> number"
            results.append(Result(f"{name}, p50", percentile_ms(times, 0.5), "ms", budget, note))
            results.append(Result(f"{name}, p95", percentile_ms(times, 0.95), "ms", None, note))
    return results


async def _playback(base: str, path: str, seconds: float) -> list[float]:
    """Press Play on the page's animation; the times (s) at which its frame label changed."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport={"width": 1400, "height": 1000})
        await page.goto(base + path)
        await _settled(page)
        await page.wait_for_selector(".updatemenu-button")
        await page.evaluate(
            """() => { window.__frames = [];
            const label = document.querySelector('.slider-group .slider-label, .sliders .slider-label');
            new MutationObserver(() => window.__frames.push(performance.now() / 1000))
                .observe(label, {childList: true, characterData: true, subtree: true}); }"""
        )
        await page.locator(".updatemenu-button", has_text="Play").first.click()
        await page.wait_for_timeout(int(seconds * 1000))
        frames = await page.evaluate("() => window.__frames")
        await browser.close()
    return frames


def race_playback(seconds: float = 4.0) -> list[Result]:
    """The training race played in the browser (no server round trip per frame): time per frame."""
    if not os.path.exists(CHROMIUM):
        return [Result("browser: race playback", float("nan"), "ms", None, "chromium not installed")]
    with streamlit_server() as (base, _):
        frames = asyncio.run(_playback(base, "/training_race?data=overlap&n=1000&lr=0.3", seconds))
    if len(frames) < 3:
        return [Result("browser: race playback, time per frame", float("nan"), "ms", 50.0, "did not play")]
    per_frame = 1000 * (frames[-1] - frames[0]) / (len(frames) - 1)
    note = f"{len(frames)} frames, {1000 / per_frame:.0f} frames per second"
    return [Result("browser: race playback, time per frame", per_frame, "ms", 50.0, note)]
