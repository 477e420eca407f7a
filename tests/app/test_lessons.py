"""Lesson links (``hide=``) and guided tours (``tour=&step=``) on every page."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from apptest_support import TIMEOUT, open_app, open_lesson_box, share_link, sidebar_links

from benchmarks.controls import controls, fragment_of, neighbour, open_page, rerun_as_browser, widget
from xentcore.app.pages import PAGES
from xentcore.app.settings import SETTINGS, schema_for
from xentcore.app.share import Bool
from xentcore.app.tours import TOURS
from xentcore.app.ui.lesson import LESSON_OPEN, step_params
from xentcore.app.ui.text import TABLE

LOCKED = {lang: TABLE["lesson.locked"][i].split("{")[0] for i, lang in enumerate(("en", "zh"))}
WITH_CONTROLS = [p for p in PAGES if schema_for(p.id).params]


def control_keys(at, schema) -> set[str]:
    """The page-state keys that have a widget on the page (widgets are keyed ``<schema>.<key>``)."""
    keys = set()
    for kind in ("slider", "select_slider", "selectbox", "radio", "toggle", "checkbox", "number_input",
                 "segmented_control", "pills"):  # fmt: skip
        for w in at.get(kind):
            key = getattr(w, "key", None) or ""
            parts = key.split(".")  # "<schema>.<key>", or "<schema>.<key>.<i>" for one slider of a vector
            if parts[0] == schema.name and len(parts) > 1 and parts[1] in schema.keys:
                keys.add(parts[1])
    return keys


@pytest.mark.parametrize("page", WITH_CONTROLS, ids=lambda p: p.id)
def test_hide_all_draws_no_control_and_says_what_was_set(page):
    schema = schema_for(page.id)
    shown = control_keys(open_app(page.path), schema)
    assert shown, "the page should draw some of its controls through its state"
    at = open_app(page.path, hide="all")
    assert not at.exception, [e.message for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]
    assert control_keys(at, schema) == set()
    summary = [c.value for c in at.caption if c.value.startswith(LOCKED["en"])]
    assert len(summary) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", WITH_CONTROLS, ids=lambda p: p.id)
def test_the_teachers_line_names_every_control_by_its_label(page, lang):
    """With every control hidden on a fresh server, "Set by your teacher" names each one by its label in the
    reader's language (controls drawn only in some views included), never by its link key; switches say on/off."""
    from xentcore.app.ui import session

    session._LABELS.clear()  # as on a fresh server: no session has drawn these controls yet
    schema = schema_for(page.id)
    at = open_app(page.path, hide="all", lang=lang)
    i = ("en", "zh").index(lang)
    (line,) = [c.value for c in at.caption if c.value.startswith(LOCKED[lang])]
    items = line.removeprefix(LOCKED[lang]).split(TABLE["lesson.sep"][i])
    labels = [item.split(" = ", 1)[0] for item in items]
    assert len(items) == len(schema.keys)
    assert not set(labels) & set(schema.keys), f"bare link keys in {line!r}"
    values = dict(zip(schema.keys, (item.split(" = ", 1)[1] for item in items), strict=True))
    on_off = {TABLE["lesson.on"][i], TABLE["lesson.off"][i]}
    switches = [p.key for p in schema.params if isinstance(p, Bool) and values[p.key] not in on_off]
    assert not switches, f"switches {switches} not shown as on/off in {line!r}"


@pytest.mark.parametrize("page", WITH_CONTROLS, ids=lambda p: p.id)
def test_hiding_one_control_keeps_its_value_from_the_link(page):
    schema = schema_for(page.id)
    shown = sorted(control_keys(open_app(page.path), schema))
    key = shown[0]
    at = open_app(page.path, hide=key, lang="zh")
    assert not at.exception
    assert control_keys(at, schema) == set(shown) - {key}
    summary = [c.value for c in at.caption if c.value.startswith(LOCKED["zh"])]
    assert len(summary) == 1 and "=" in summary[0]
    # the link keeps the lesson: the share link carries hide=
    assert "hide=" in share_link(at)


def test_a_hidden_value_from_the_link_is_applied():
    at = open_app("pages/4_training_race.py", hide="lr,ep", lr="0.1", ep="50")
    assert not at.exception
    summary = next(c.value for c in at.caption if c.value.startswith(LOCKED["en"]))
    assert "0.1" in summary and "50" in summary
    assert dict(at.query_params)["lr"] == "0.1"


@pytest.mark.parametrize("raw", ["zz", "all,lr", ",,,", "lr" * 500, "<script>", "lr,zz", "\x00", "ALL"])
def test_hostile_hide_values_warn_and_break_nothing(raw):
    at = open_app("pages/4_training_race.py", hide=raw)
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    valid = {k for k in raw.split(",") if k in schema_for("race").keys}
    if valid and set(raw.split(",")) <= valid:
        assert not warned
    else:
        assert "`hide`" in warned


def test_the_lesson_link_box_writes_the_chosen_controls():
    at = open_lesson_box(open_app("pages/2_loss_curves.py"))
    pick = at.sidebar.multiselect[0]
    pick.set_value(["z", "log"]).run()
    links = sidebar_links(at)
    assert any("hide=z%2Clog" in link or "hide=z,log" in link for link in links), links


def test_a_closed_lesson_box_holds_nothing_and_keeps_the_ticks():
    """The box is built only while open (a closed expander's content is drawn all the same, and cost a new
    reader's open more than the box is worth to one who never opens it); closing it keeps what was ticked."""
    at = open_app("pages/1_distributions.py")
    assert not at.sidebar.multiselect and len(sidebar_links(at)) == 1  # the share link alone
    open_lesson_box(at).sidebar.multiselect[0].set_value(["q"]).run()
    at.session_state[LESSON_OPEN] = False
    at.run()
    assert not at.exception and not at.sidebar.multiselect and len(sidebar_links(at)) == 1
    open_lesson_box(at)
    assert at.sidebar.multiselect[0].value == ["q"]
    assert query(sidebar_links(at)[1])["hide"] == "q"


STEPS = [(tour, n) for tour in TOURS for n in range(1, len(tour.steps) + 1)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("tour", "n"), STEPS, ids=lambda v: getattr(v, "id", str(v)))
def test_every_tour_step_opens_in_both_languages(tour, n, lang):
    settings = {**SETTINGS.defaults(), "lang": lang}
    path, params = step_params(tour, n, settings)
    at = open_app(path, **params)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.warning, [w.value for w in at.warning]
    text = TABLE[tour.text_key(n)][("en", "zh").index(lang)]
    assert text in [m.value for m in at.markdown]
    step = tour.steps[n - 1]
    assert control_keys(at, schema_for(step.page)).isdisjoint(step.hide)


def test_a_tour_from_start_to_end():
    tour = next(t for t in TOURS if t.id == "mse")
    at = open_app("home.py")
    at.button(key="_xent_tour_start_mse").click().run()
    visited = []
    for n in range(1, len(tour.steps) + 1):
        assert not at.exception
        visited.append(at.title[0].value)
        assert dict(at.query_params).get("tour") == "mse"
        if n < len(tour.steps):
            at.button(key="_xent_tour_next").click().run()
    assert "_xent_tour_next" not in [b.key for b in at.button]
    at.button(key="_xent_tour_back").click().run()
    assert at.title[0].value == visited[-2]
    at.button(key="_xent_tour_end").click().run()
    assert "tour" not in dict(at.query_params)
    assert visited == [TABLE[f"nav.{s.page}"][0] for s in tour.steps]


def test_a_tour_link_to_the_wrong_page_offers_the_right_one():
    at = open_app("pages/2_loss_curves.py", tour="surprise", step="2")
    assert not at.exception
    assert any("another page" in m.value for m in at.markdown)
    at.button(key="_xent_tour_here").click().run()
    assert at.title[0].value == TABLE["nav.distributions"][0]


def test_a_fragment_rerun_keeps_both_links_current():
    """Moving P reruns the distributions page's fragment alone: the share and lesson links, drawn outside it in
    the sidebar, must follow (a stale lesson link would hand a class the view from before the move)."""
    at = open_lesson_box(open_page("distributions", timeout=TIMEOUT))
    at.sidebar.multiselect[0].set_value(["q"]).run()
    before = query(share_link(at)).get("p")  # none: the default P is left out
    control = next(c for c in controls(at, "distributions") if c.key == "p")
    widget(at, control).set_value(neighbour(at, control, "distributions"))
    rerun_as_browser(at, control)
    assert not at.exception, at.exception
    assert fragment_of(at, widget(at, control).id), "the P sliders are meant to sit in a fragment"
    assert not at.get("title"), "the move was meant to rerun the fragment, not the page"
    share, lesson = sidebar_links(at)
    assert query(share)["p"] != before
    assert query(lesson)["p"] == query(share)["p"]
    assert query(lesson)["hide"] == "q"


def query(link: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(link).query))


def test_nested_fragments_keep_the_links_current():
    """The race's set-up is a fragment and its calibration a fragment inside it: a move of each, in turn, leaves
    both links with both values (the inner one may not write outside itself while its parent reruns)."""
    at = open_lesson_box(open_page("race", timeout=TIMEOUT))
    found = {c.key: c for c in controls(at, "race")}
    for key in ("lr", "temp", "lr", "temp"):
        at.run()
        widget(at, found[key]).set_value(neighbour(at, found[key], "race"))
        rerun_as_browser(at, found[key], timeout=TIMEOUT)
        assert not at.exception, at.exception
        assert fragment_of(at, widget(at, found[key]).id)
        expected = {"lr": str(widget(at, found["lr"]).value)} if key == "lr" else {}
        share, lesson = sidebar_links(at)
        assert query(share).items() >= expected.items() and query(lesson) == query(share), (share, lesson)
    assert {"lr", "temp"} <= set(query(share_link(at)))
