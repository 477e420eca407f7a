"""The app in headless Chromium: a slider moved with the keyboard, share links, every page on screen."""

import math
import re
from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import SHOTS, wait_settled

from xentcore import cross_entropy, entropy, kl_divergence, self_information
from xentcore.app.format import fmt
from xentcore.app.home.state import HOME
from xentcore.app.pages import PAGES

pytestmark = pytest.mark.usefixtures("browser_or_skip")


def metric_values(page) -> list[str]:
    return page.locator("[data-testid='stMetricValue']").all_inner_texts()


def test_moving_a_slider_updates_the_number_and_the_url(page, server):
    page.goto(server + "/")
    wait_settled(page)
    start = HOME.param("pe").default
    assert metric_values(page)[0].startswith(fmt(self_information(start)))
    thumb = page.locator("[data-testid='stSlider'] input[type=range]").first
    thumb.focus()
    thumb.press("ArrowRight")
    expected = fmt(self_information(round(start + 0.01, 2)))
    page.wait_for_function(
        "v => document.querySelector(\"[data-testid='stMetricValue']\").innerText.startsWith(v)", arg=expected
    )
    wait_settled(page)
    assert metric_values(page)[0].startswith(expected)
    assert parse_qs(urlparse(page.url).query)["pe"] == ["0.26"]
    assert "pe=0.26" in page.locator("[data-testid='stSidebar'] .xent-link a").first.inner_text()


def test_a_move_replaces_no_style_element(page, server):
    """The share box is redrawn on every move; a <style> element replaced with it would make the browser restyle
    the whole page, so the box carries none (its style sits in the page's one style block, which stays)."""
    page.goto(server + "/")
    wait_settled(page)
    page.evaluate(
        """() => { window.styles = 0; new MutationObserver(records => { for (const r of records)
             for (const n of [...r.addedNodes, ...r.removedNodes])
               if (n.nodeName === "STYLE" || n.querySelector?.("style")) window.styles += 1;
           }).observe(document.body, {subtree: true, childList: true}); }"""
    )
    thumb = page.locator("[data-testid='stSlider'] input[type=range]").first
    thumb.focus()
    thumb.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.xent-link a').innerText.includes('pe=0.26')")
    wait_settled(page)
    assert page.evaluate("window.styles") == 0
    assert page.locator(".xent-link").evaluate("e => getComputedStyle(e).display") == "flex"  # styled all the same


def test_slider_moves_keep_one_history_entry_and_back_leaves_the_page(page, server):
    """A move replaces the address bar's entry (the share box's script); a page change pushes one, so Back
    returns to the page before, as it was left."""
    page.goto(server + "/")
    wait_settled(page)
    length = page.evaluate("history.length")
    thumb = page.locator("[data-testid='stSlider'] input[type=range]").first
    thumb.focus()
    for _ in range(3):
        thumb.press("ArrowRight")
        wait_settled(page)
    page.wait_for_function("() => location.search.includes('pe=0.28')")
    assert page.evaluate("history.length") == length
    page.locator("[data-testid=stMain] a[href='distributions']").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/distributions')")
    wait_settled(page)
    assert page.evaluate("history.length") == length + 1
    page.go_back()
    page.wait_for_function("() => !location.pathname.endsWith('/distributions')")
    wait_settled(page)
    assert parse_qs(urlparse(page.url).query)["pe"] == ["0.28"]
    assert metric_values(page)[0].startswith(fmt(self_information(0.28)))  # home as it was left


def test_copy_puts_the_share_link_on_the_clipboard(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(server + "/?pe=0.4&lang=zh")
        wait_settled(page)
        button = page.locator("[data-testid='stSidebar'] button.xent-copy").first
        assert button.inner_text() == "复制"
        button.click()
        page.wait_for_function("b => b.innerText === '已复制'", arg=button.element_handle())
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(server) and parse_qs(urlparse(copied).query)["pe"] == ["0.4"]
    finally:
        context.close()


def test_a_share_link_reproduces_the_view(page, server):
    page.goto(server + "/?pe=0.5&unit=bits&lang=zh")
    wait_settled(page)
    assert page.locator("h1").first.inner_text().startswith("看见交叉熵")
    assert metric_values(page)[0] == "1.0000 bit"
    assert float(page.locator("[data-testid='stSlider'] input[type=range]").first.input_value()) == 0.5
    # the settings travel with the user to another page, and into its share link
    page.locator("[data-testid='stSidebar'] a[href$='distributions']").first.click()
    wait_settled(page)
    query = parse_qs(urlparse(page.url).query)
    assert query.get("unit") == ["bits"] and query.get("lang") == ["zh"]


def test_a_bad_link_warns_and_the_page_still_works(page, server):
    page.goto(server + "/?pe=banana&unit=bits")
    wait_settled(page)
    warning = page.locator("[data-testid='stAlertContentWarning']").inner_text()
    assert "pe" in warning
    assert metric_values(page)[0] == f"{fmt(-math.log2(0.25))} bits"
    assert not page.locator("[data-testid='stException']").count()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_on_screen(page, server, lang):
    SHOTS.mkdir(exist_ok=True)
    for p in PAGES:
        page.goto(f"{server}/{p.url_path}?lang={lang}")
        wait_settled(page)
        page.wait_for_timeout(500)
        assert not page.locator("[data-testid='stException']").count(), f"{p.id} shows an exception"
        title = page.locator("h1").first.inner_text()
        assert title.strip()
        if lang == "zh":
            assert re.search(r"[\u4e00-\u9fff]", title), f"{p.id} title not in Chinese: {title}"
        page.screenshot(path=str(SHOTS / f"{p.id}-{lang}.png"), full_page=True)


def test_a_fragment_keeps_the_share_link_current(page, server):
    """The probe on the curves page reruns alone (a fragment); the sidebar's link must follow it."""
    page.goto(server + "/loss_curves")
    wait_settled(page)
    probe = page.locator("[class*='st-key-curves-z '] input[type=range]")
    probe.focus()
    probe.press("ArrowRight")
    # the box is redrawn, not edited: look it up afresh each time
    page.wait_for_function(
        """() => document.querySelector("[data-testid='stSidebar'] .xent-link a").innerText.includes('z=-4.9')"""
    )
    assert parse_qs(urlparse(page.url).query)["z"] == ["-4.9"]


def test_a_distributions_link_opens_with_its_numbers(page, server):
    p, q = (0.7, 0.2, 0.1), (0.2, 0.5, 0.3)
    page.goto(f"{server}/distributions?p={','.join(map(str, p))}&q={','.join(map(str, q))}&unit=bits")
    wait_settled(page)
    shown = metric_values(page)
    for value in (entropy(p, base=2), cross_entropy(p, q, base=2), kl_divergence(p, q, base=2)):
        assert fmt(value) in shown


def test_a_picture_tab_is_built_when_opened_and_kept_in_the_link(page, server):
    """The distributions pictures are lazy tabs: opening one reruns the page, draws its chart (and only it),
    and puts the tab in the share link."""
    page.goto(f"{server}/distributions")
    wait_settled(page)
    page.wait_for_selector(".st-key-distributions-fig-bars .xent-chart .main-svg")
    assert page.locator(".st-key-distributions-fig-bars .xent-chart").count() == 1
    assert page.locator(".st-key-distributions-fig-code").count() == 0  # not built while closed
    page.get_by_role("tab", name="Code lengths").click()  # the tab's label
    page.wait_for_selector(".st-key-distributions-fig-code .xent-chart .main-svg")
    wait_settled(page)
    assert page.locator(".st-key-distributions-fig-bars").count() == 0
    page.wait_for_function(
        """() => document.querySelector("[data-testid='stSidebar'] .xent-link a").innerText.includes('view=code')"""
    )
    assert parse_qs(urlparse(page.url).query)["view"] == ["code"]


def test_the_training_race_plays_in_the_browser(page, server):
    page.goto(server + "/training_race")
    wait_settled(page)
    label = page.locator(".slider-group .slider-label, .sliders .slider-label").first
    page.wait_for_selector(".updatemenu-button")
    start = label.text_content()
    page.locator(".updatemenu-button", has_text="Play").first.click()
    page.wait_for_function("([el, old]) => el.textContent !== old", arg=[label.element_handle(), start])
    assert re.search(r"\d+", label.text_content())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("junk.csv", b"\x00\x01\x02 not a table \xff", "cannot be used"),
        ("empty.csv", b"", "cannot be used"),
        ("words.csv", b"a,b,label\nx,y,1\nz,w,0\n", "cannot be used"),
        ("big.csv", b"a,b,label\n" + b"0.5,0.25,1\n0.25,0.5,0\n" * 60_000, "cannot be used"),
    ],
)
def test_a_bad_csv_upload_gets_a_clear_error(page, server, name, content, message):
    page.goto(server + "/training_race?data=csv")
    wait_settled(page)
    page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": content}
    )
    page.wait_for_selector("[data-testid='stAlertContentError']")
    wait_settled(page)
    assert message in page.locator("[data-testid='stAlertContentError']").first.inner_text()
    assert not page.locator("[data-testid='stException']").count()


def test_a_good_csv_upload_races(page, server):
    rows = [f"{i / 10:.2f},{(i * 7 % 13) / 5:.2f},{int(i > 0)}" for i in range(-20, 20)]
    content = ("x,y,label\n" + "\n".join(rows)).encode()
    page.goto(server + "/training_race?data=csv")
    wait_settled(page)
    page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
        {"name": "line.csv", "mimeType": "text/csv", "buffer": content}
    )
    page.wait_for_selector(".updatemenu-button")
    wait_settled(page)
    assert not page.locator("[data-testid='stException']").count()
    assert not page.locator("[data-testid='stAlertContentError']").count()
