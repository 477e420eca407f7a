"""The race's frame stepper (issue 15: the race can be stepped frame by frame by keyboard): its link keys
``frames`` and ``at``, its Previous / Next buttons, its still frame and that frame's text alternative, in both
languages; always shown under reduced motion; hidden by a lesson link; never retraining the race."""

import pytest
from apptest_support import drawn_charts, figure, open_app
from test_race import page_model, said

from xentcore.app.race.frames import frame_alt, frame_at, frame_epochs
from xentcore.app.race.model import build, race_key
from xentcore.app.race.state import SCHEMA
from xentcore.app.settings import LANGUAGES
from xentcore.app.ui.text import TABLE

PAGE = "pages/4_training_race.py"
DEFAULTS = SCHEMA.defaults()


def run(**params):
    at = open_app(PAGE, **params)
    assert not at.exception, [e.message for e in at.exception]
    return at


def still_frame(at) -> dict:
    """The stepper's figure: the page's last chart (the race, the still frame, then the reliability diagram)."""
    charts = drawn_charts(at)
    assert len(charts) == 3
    return charts[1]


def test_the_stepper_is_off_by_default_and_its_toggle_turns_it_on():
    at = run()
    assert not at.toggle(key="race.frames").value
    assert len(drawn_charts(at)) == 2 and not [s for s in at.select_slider if s.key == "race.at"]
    at.toggle(key="race.frames").set_value(True).run()
    assert not at.exception and at.query_params["frames"] == "1" and "at" not in at.query_params
    epochs = frame_epochs(page_model(at))
    assert at.select_slider(key="race.at").value == epochs[-1]  # the default: the finish
    spec = figure(at, 1)
    assert "frames" not in spec and "updatemenus" not in spec["layout"] and "sliders" not in spec["layout"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_link_opens_a_frame_with_its_numbers_said(lang):
    at = run(lang=lang, frames="1", at="150", data="overlap")
    model = page_model(at)
    epochs = frame_epochs(model)
    f = epochs.index(150)
    assert at.select_slider(key="race.at").value == 150
    alt = still_frame(at).alt
    assert alt.strip() and alt == said(frame_alt(model, f), lang, str).strip()
    i = LANGUAGES.index(lang)
    assert TABLE["race.frame.alt"][i].split("{")[0].format() in alt
    for row in model.rows:
        assert said(row.title, lang, str) in alt
    # the still frame draws that frame: its status strip names epoch 150
    status = next(tr for tr in figure(at, 1)["data"] if tr.get("mode") == "text")["text"]
    assert all(str(150) in s for s in status)
    assert at.query_params["at"] == "150" and at.query_params["frames"] == "1"


def test_the_slider_and_buttons_step_one_frame_and_keep_the_link():
    at = run(frames="1", at="150")
    epochs = frame_epochs(page_model(at))
    f = epochs.index(150)
    at.button(key="race.at.next").click().run()
    assert at.select_slider(key="race.at").value == epochs[f + 1] and at.query_params["at"] == str(epochs[f + 1])
    at.button(key="race.at.prev").click().run()
    at.button(key="race.at.prev").click().run()
    assert at.select_slider(key="race.at").value == epochs[f - 1] and at.query_params["at"] == str(epochs[f - 1])
    at.select_slider(key="race.at").set_value(epochs[3]).run()
    assert not at.exception and at.query_params["at"] == str(epochs[3])
    # the link round-trips: opened afresh, it shows the same frame
    again = run(**dict(at.query_params))
    assert again.select_slider(key="race.at").value == epochs[3]
    assert still_frame(again).alt == still_frame(at).alt


def test_the_ends_disable_their_button_and_between_frames_snaps_back():
    at = run(frames="1", at="0")
    assert at.button(key="race.at.prev").disabled and not at.button(key="race.at.next").disabled
    at = run(frames="1", at="151")  # frames every 3 epochs: 151 shows 150
    assert at.select_slider(key="race.at").value == 150
    at = run(frames="1", ep="100")  # the default, past the end, shows the last frame
    assert at.select_slider(key="race.at").value == 100 and at.button(key="race.at.next").disabled


def test_reduced_motion_always_shows_the_stepper():
    at = run(still="1")
    assert not [t for t in at.toggle if t.key == "race.frames"]
    assert at.select_slider(key="race.at").value == frame_epochs(page_model(at))[-1]
    assert TABLE["race.frames.still"][0] in [c.value for c in at.caption]
    assert still_frame(at).alt.strip()


def test_a_lesson_link_can_hide_the_stepper_and_keep_its_frame():
    at = run(frames="1", at="30", hide="frames,at")
    assert not [t for t in at.toggle if t.key == "race.frames"]
    assert not [s for s in at.select_slider if s.key == "race.at"]
    assert not [b for b in at.button if b.key in ("race.at.prev", "race.at.next")]
    assert "Epoch 30 of 300" in still_frame(at).alt


def test_stepping_never_retrains():
    assert race_key({**DEFAULTS, "frames": True, "at": 30}) == race_key(DEFAULTS)


def test_the_frame_text_follows_the_frame():
    model = build({**DEFAULTS, "data": "overlap", "ep": 100.0}, "bits", lang="zh")
    epochs = frame_epochs(model)
    assert frame_at(epochs, 10_000) == len(epochs) - 1 and frame_at(epochs, 0) == 0
    first, last = (said(frame_alt(model, f), "zh", str) for f in (0, len(epochs) - 1))
    assert first != last and f"第 {epochs[-1]} 轮（共 100 轮）" in last and "第 0 轮" in first


def test_a_diverged_lane_is_said_to_have_diverged():
    model = build({**DEFAULTS, "lr": 10.0, "l2": 0.3, "ep": 1000.0, "data": "overlap"}, "nats")
    gone = [row for row in model.rows if row.diverged_at is not None]
    assert gone
    text = said(frame_alt(model, len(frame_epochs(model)) - 1))
    for row in gone:
        assert f"{said(row.title)}, diverged at epoch {row.diverged_at}" in text
