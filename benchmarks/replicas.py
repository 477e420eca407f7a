"""Two replicas behind nginx, driven by several browser sessions from one address: sticky, error-free, and a
view that survives the loss of its replica by reopening its share link.

    python -m benchmarks.replicas [--sessions 3]

Starts 2 ``streamlit run app.py`` replicas and nginx on loopback (``deploy/run_replicas.py``, config rendered
from ``deploy/nginx.conf`` into a temporary directory), then in headless Chromium (one browser context per
student, so separate cookies, all from 127.0.0.1 where ``ip_hash`` could not tell them apart), each session:
moves a slider on the distributions page, reads the sidebar's share link and uploads a CSV on the race page
(data = csv); the first session also reopens its share link in a new tab. Checks, each printed with its verdict;
the exit code is 0 only when all pass:

- no Streamlit exception on any page, no failed request, no HTTP error, no WebSocket error, no page error;
- sticky: in nginx's access log (``$upstream_addr`` per request, with a tag cookie ``xent_client`` that each
  browser context carries) every session's requests, its WebSocket ``/_stcore/stream`` and its upload
  ``/_stcore/upload_file/...`` included, went to one replica; and both replicas served sessions;
- stateless where it can be: the replica of one session is killed (SIGKILL); the session's share link, reopened
  through nginx with the same cookies, comes back from the other replica with the same slider values and the
  same metric, and the affinity cookie now names that replica; the killed replica is started again and the
  session stays where it is (its next load is served by the same replica, same view);
- bounded: everything within ``LIMIT_S``; every process started is stopped, even on failure.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, SETTLED, rss_mb
from deploy.run_replicas import NGINX, Cluster, cluster

LIMIT_S = 115  # the whole run, start-up included
COOKIE = "xent_affinity"
METRIC = "[data-testid='stMetricValue']"
SLIDER = "[data-testid='stSlider'] input[type=range]"
SHARE = "[data-testid='stSidebar'] .xent-link a"  # the share link's box (xentcore/app/ui/link_box.py)
EXCEPTION = "[data-testid='stException']"
CSV = ("x,y,label\n" + "\n".join(f"{i / 10:.2f},{(i * 7 % 13) / 5:.2f},{int(i > 0)}" for i in range(-20, 20))).encode()


@dataclass
class Session:
    """One student: a browser context (its own cookies) and what it saw."""

    n: int
    context: object = None
    errors: list[str] = field(default_factory=list)
    live: bool = True  # events after we start closing things are not errors
    cookie: str = ""
    link: str = ""
    view: tuple = ()

    def lap(self, what: str, since: float) -> float:
        """Print how long a step took (a loaded machine shows where the time went); the time now."""
        now = time.monotonic()
        print(f"      session {self.n}: {what}, {now - since:.0f} s", flush=True)
        return now

    @property
    def tag(self) -> str:
        return f"s{self.n}"

    def watch(self, page) -> None:
        def error(what: str) -> None:
            if self.live:
                self.errors.append(f"session {self.n}: {what}")

        page.on("requestfailed", lambda r: error(f"request failed {r.method} {r.url} {r.failure}"))
        page.on("response", lambda r: bad(r) and error(f"HTTP {r.status} {r.request.method} {r.url}"))
        page.on("pageerror", lambda e: error(f"page error {e}"))
        page.on("websocket", lambda ws: ws.on("socketerror", lambda e: error(f"WebSocket error {e}")))


def bad(response) -> bool:
    """An HTTP error, except in Streamlit's own base-path discovery: on ``/<page>`` its frontend first asks
    ``/<page>/_stcore/health`` and ``/<page>/_stcore/host-config`` (in case the app is served under that path),
    gets 404, then asks ``/_stcore/...``. It does so without a proxy too; those 404s are expected."""
    path = urlsplit(response.url).path
    probe = path.count("/") > 2 and path.endswith(("/_stcore/health", "/_stcore/host-config"))
    return response.status >= 400 and not (response.status == 404 and probe)


async def settled(page) -> None:
    await page.wait_for_timeout(150)
    await page.wait_for_selector(SETTLED, timeout=60_000)
    await page.wait_for_function("!document.querySelector(\"[data-testid='stSkeleton']\")", timeout=60_000)


async def no_exception(s: Session, page, where: str) -> None:
    if await page.locator(EXCEPTION).count():
        s.errors.append(f"session {s.n}: a Streamlit exception on {where}")


async def view(page) -> tuple:
    """What the distributions page shows: every slider's value and the first metric."""
    sliders = await page.locator(SLIDER).evaluate_all("els => els.map(e => e.value)")
    return tuple(sliders), await page.locator(METRIC).first.inner_text()


async def open_link(s: Session, base: str) -> tuple:
    """Open the session's share link in a new tab of its context; the view it shows."""
    page = await s.context.new_page()
    s.watch(page)
    await page.goto(s.link)
    await settled(page)
    await no_exception(s, page, "the share link")
    shown = await view(page)
    await page.close()
    return shown


async def new_context(browser, base: str, s: Session):
    """A browser context (its own cookies) tagged for nginx's access log with the cookie ``xent_client``."""
    s.context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    await s.context.add_cookies([{"name": "xent_client", "value": s.tag, "url": base}])


async def affinity(s: Session) -> str:
    return next((c["value"] for c in await s.context.cookies() if c["name"] == COOKIE), "")


async def student(browser, base: str, s: Session) -> None:
    lap = time.monotonic()
    await new_context(browser, base, s)
    page = await s.context.new_page()
    page.set_default_timeout(60_000)
    s.watch(page)
    # 1. the distributions page: move the first slider (a different number of steps per session)
    await page.goto(base + "/distributions")
    await settled(page)
    before = await page.locator(METRIC).first.inner_text()
    slider = page.locator(SLIDER).first
    await slider.focus()
    for _ in range(1 + s.n % 2):
        await slider.press("ArrowRight")
        await settled(page)
    s.view = await view(page)
    if s.view[1] == before:
        s.errors.append(f"session {s.n}: the metric did not change when the slider moved")
    await no_exception(s, page, "distributions")
    await page.wait_for_function(f"document.querySelector(\"{SHARE}\")?.innerText.includes('?')")
    s.link = (await page.locator(SHARE).first.inner_text()).strip()
    if not s.link.startswith(base):
        s.errors.append(f"session {s.n}: the share link {s.link!r} is not on nginx's address {base}")
    lap = s.lap("distributions, slider moved, link read", lap)
    # 2. the race page on an uploaded CSV (the upload is an HTTP PUT to the replica that holds the session)
    await page.goto(base + "/training_race?data=csv")
    await settled(page)
    await page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
        {"name": "line.csv", "mimeType": "text/csv", "buffer": CSV}
    )
    await page.wait_for_selector(".updatemenu-button")
    await settled(page)
    await no_exception(s, page, "the race on a CSV")
    if await page.locator("[data-testid='stAlertContentError']").count():
        s.errors.append(f"session {s.n}: the race page shows an error for a good CSV")
    await page.close()
    lap = s.lap("race on an uploaded CSV", lap)
    s.cookie = await affinity(s)
    if not s.cookie:
        s.errors.append(f"session {s.n}: nginx set no {COOKIE} cookie")
    if s.n != 0:
        return  # session 0 reopens its link, here and after its replica dies: enough browser work for 2 cores
    # 3. the share link brings the same view back
    shown = await open_link(s, base)
    s.lap("share link reopened", lap)
    if shown != s.view:
        s.errors.append(f"session {s.n}: the share link shows {shown}, the session showed {s.view}")


async def extra_student(browser, base: str, s: Session) -> None:
    """A lighter session (open a page, move a slider), added only until both replicas have served one."""
    await new_context(browser, base, s)
    page = await s.context.new_page()
    s.watch(page)
    await page.goto(base + "/distributions")
    await settled(page)
    await page.locator(SLIDER).first.press("ArrowRight")
    await settled(page)
    await no_exception(s, page, "distributions")
    s.cookie = await affinity(s)


def routes(log: Path) -> dict[str, list[tuple[str, str, str, str, str]]]:
    """nginx's access log: client tag -> [(replica that answered, replicas tried, status, method, uri)]."""
    by_tag: dict[str, list] = defaultdict(list)
    for line in log.read_text().splitlines():
        # $msec $cookie_xent_client $cookie_xent_affinity $upstream_addr $status $request_method $uri, where
        # $upstream_addr lists every replica tried ("a, b") after a fall-over; the last one answered
        parts = line.split(" ")
        tag, tried, (status, method, uri) = parts[1], " ".join(parts[3:-3]), parts[-3:]
        by_tag[tag].append((tried.split(", ")[-1], tried, status, method, uri))
    return by_tag


class Report:
    def __init__(self) -> None:
        self.failed = 0

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        self.failed += not ok
        print(f"{'pass' if ok else 'FAIL'}  {what}{': ' + detail if detail else ''}", flush=True)
        return ok


async def run(c: Cluster, n_sessions: int, report: Report) -> None:
    from playwright.async_api import async_playwright

    sessions = [Session(i) for i in range(n_sessions)]
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            start = time.monotonic()
            results = await asyncio.gather(*(student(browser, c.url, s) for s in sessions), return_exceptions=True)
            for s, r in zip(sessions, results, strict=True):
                if isinstance(r, BaseException):
                    s.errors.append(f"session {s.n}: {type(r).__name__}: {str(r).splitlines()[0][:200]}")
            print(f"      {n_sessions} sessions in {time.monotonic() - start:.0f} s", flush=True)
            # both replicas must serve sessions: new sessions go round robin, but other requests share the turn;
            # add light sessions until both have served one (bounded)
            extra: list[Session] = []
            while len({r for s in sessions + extra for r in replicas_of(c, s)}) < 2 and len(extra) < 12:
                s = Session(n_sessions + len(extra))
                extra.append(s)
                await extra_student(browser, c.url, s)
            for s in sessions[1:] + extra:
                s.live = False
                await s.context.close()
            await asyncio.sleep(0.5)  # nginx logs a WebSocket when it closes

            by_tag = routes(c.access_log)
            everyone = sessions + extra
            errors = [e for s in everyone for e in s.errors]
            report.check(not errors, "no exception, failed request, HTTP error or WebSocket error",
                         "; ".join(errors[:6]) + (f" (+{len(errors) - 6})" if len(errors) > 6 else ""))  # fmt: skip
            tried = {s.n: {t for _, t, *_ in by_tag.get(s.tag, [])} for s in everyone}
            report.check(all(len(t) == 1 and "," not in next(iter(t)) for t in tried.values()),
                         "every session stayed on one replica (no fall-over)",
                         ", ".join(f"session {s.n} ({s.cookie or 'no cookie'}) -> {' | '.join(sorted(tried[s.n]))}"
                                   for s in everyone))  # fmt: skip
            kinds = all(
                any(m == "GET" and u == "/_stcore/stream" and st == "101" for *_, st, m, u in by_tag.get(s.tag, []))
                and any(u.startswith("/_stcore/upload_file/") for *_, u in by_tag.get(s.tag, []))
                for s in sessions
            )
            report.check(kinds, "each full session's WebSocket (101) and CSV upload are among its requests")
            served = {next(iter(t)) for t in tried.values() if len(t) == 1}
            report.check(served == set(c.replicas), "both replicas served sessions",
                         f"{len(served)} of {len(c.replicas)} ({len(extra)} light sessions added)")  # fmt: skip
            rss = ", ".join(f"{a} {rss_mb(p.pid):.0f} MB" for a, p in c.replicas.items())
            print(f"      replica memory (RSS) after {len(everyone)} sessions: {rss}", flush=True)

            # the replica of session 0 dies; its share link, reopened through nginx, brings the same view back
            s = sessions[0]
            if not s.link or len(tried[0]) != 1:
                report.check(False, "share link after its replica died", "session 0 has no link or no replica")
                return
            dead = next(iter(tried[0]))
            c.kill_replica(dead)
            mark = len(by_tag.get(s.tag, []))
            shown = await open_link(s, c.url)
            await asyncio.sleep(0.3)
            after = routes(c.access_log).get(s.tag, [])[mark:]
            served_after = {a for a, *_ in after}
            moved = f"{dead} killed; served by {', '.join(sorted(served_after))}; cookie {s.cookie} -> "
            s.cookie = await affinity(s)
            names = {f"r{i}": a for i, a in enumerate(c.replicas)}  # deploy/run_replicas.py names replica i r<i>
            report.check(bool(after) and dead not in served_after and {names.get(s.cookie)} == served_after,
                         "nginx fell over to the other replica; the cookie now names it", moved + s.cookie)  # fmt: skip
            report.check(shown == s.view, "the share link brought the same view back (slider values, metric)",
                         f"before {s.view}, after {shown}")  # fmt: skip

            # the dead replica comes back: the session stays with the replica that now holds it
            c.start_replica(dead)
            mark += len(after)
            again = await open_link(s, c.url)
            await asyncio.sleep(0.3)
            later = {a for a, *_ in routes(c.access_log).get(s.tag, [])[mark:]}
            same = "same" if again == s.view else again
            report.check(later == served_after and again == s.view, "the replica restarted; the session stayed put",
                         f"served by {', '.join(sorted(later))}, view {same}")  # fmt: skip
            report.check(not s.errors, "no error on the reopened links", "; ".join(s.errors[:4]))
        finally:
            for s in sessions:
                s.live = False
            await browser.close()


def replicas_of(c: Cluster, s: Session) -> set[str]:
    return {a for a, *_ in routes(c.access_log).get(s.tag, [])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=3)
    args = ap.parse_args()
    for what, path in (("nginx", NGINX), ("chromium", CHROMIUM)):
        if not Path(path).exists():
            print(f"{what} not found at {path}", file=sys.stderr)
            raise SystemExit(2)

    def out_of_time(*_):
        raise TimeoutError(f"the run took more than {LIMIT_S} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.alarm(LIMIT_S)
    report = Report()
    start = time.monotonic()
    print(f"      load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    try:
        with cluster(2) as c:
            report.check(True, f"2 replicas ({', '.join(c.replicas)}) and nginx ({c.url}) up",
                         f"{time.monotonic() - start:.0f} s")  # fmt: skip
            try:
                asyncio.run(run(c, max(2, min(args.sessions, 8)), report))
            except BaseException:
                err = c.error_log.read_text(errors="replace").strip().splitlines()[-5:]
                print("nginx error log (last lines):\n  " + "\n  ".join(err), file=sys.stderr)
                raise
    except Exception as err:
        report.check(False, "the run finished", f"{type(err).__name__}: {str(err).splitlines()[0][:300]}")
    finally:
        signal.alarm(0)
    elapsed = time.monotonic() - start
    report.check(elapsed < LIMIT_S, f"bounded: {elapsed:.0f} s (limit {LIMIT_S} s), every process stopped")
    raise SystemExit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
