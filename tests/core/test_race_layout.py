"""The race figure's layout for every width (issue 15, phone width; issue 14, the lesson in the first screen):
titles wrapped to a phone's third, each panel's status strip on its own axis, parts stacked without overlap,
the finish drawn before anything plays, and a still frame without animation controls."""

from __future__ import annotations

import pytest
from test_race_geometry import LABELS, _race

from xentcore.app.race.figures import ANIMATED, STILL_FRAME, TITLE_WIDTH, _columns, race_figure, status_text, wrap

LONG = {
    "logistic_ce": "Logistic (one-vs-rest) + CE",
    "softmax_ce": "softmax 回归 + 交叉熵",
    "mse": "逻辑回归（一对多）+ 交叉熵",
}


def _figure(**kw):
    tr, te, _, proj, anim = _race(n=80, epochs=30)
    spec = race_figure(
        anim, proj.project(tr.X), tr.y, proj.project(te.X), te.y, run_titles=LONG, class_names=tr.class_names,
        labels=LABELS, **kw,
    ).to_dict()  # fmt: skip
    return anim, spec


@pytest.mark.parametrize("text", [*LONG.values(), "MSE", "", "averyveryverylongword x"])
def test_titles_wrap_to_a_phones_third_and_keep_every_character(text):
    lines = wrap(text)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(_columns(line) <= TITLE_WIDTH or (" " not in line and len(line) > 1) for line in lines)


@pytest.mark.parametrize("rows", [ANIMATED, STILL_FRAME])
def test_the_parts_are_stacked_top_to_bottom(rows):
    assert rows.title_y >= rows.status[1] > rows.status[0] >= rows.regions[1] > rows.regions[0]
    assert rows.curves[1] < rows.regions[0]
    if rows.buttons_y is not None:
        assert rows.regions[0] > rows.buttons_y > rows.slider_y > rows.curves[1]


def test_the_animation_opens_on_the_finish():
    anim, spec = _figure()
    last = len(anim.frame_epochs) - 1
    assert spec["layout"]["sliders"][0]["active"] == last
    status = next(tr for tr in spec["data"] if tr.get("mode") == "text")
    assert status["yaxis"] == "y4" and status["text"] == [status_text(LABELS, anim, k, last) for k in anim.runs]
    assert all(len(a["text"].split("<br>")) >= 2 for a in spec["layout"]["annotations"][:3])


def test_a_still_frame_has_no_animation_and_draws_its_frame():
    anim, spec = _figure(frame=2)
    assert "frames" not in spec and "updatemenus" not in spec["layout"] and "sliders" not in spec["layout"]
    status = next(tr for tr in spec["data"] if tr.get("mode") == "text")
    assert status["text"] == [status_text(LABELS, anim, k, 2) for k in anim.runs]
    loss = [tr for tr in spec["data"] if tr.get("yaxis") == "y2"]
    assert all(len(tr["y"]) == anim.runs[k].curve_upto[2] for tr, k in zip(loss, anim.runs, strict=True))
