"""Reduced motion (``still=1``): plotly's animation arguments, the sidebar toggle and the page style."""

import pytest
from apptest_support import open_app

from xentcore.app.motion import motion_settings
from xentcore.app.ui.a11y import style


def test_still_means_no_autoplay_and_no_tweening():
    m = motion_settings(True, frame_ms=35, transition_ms=300)
    assert m["autoplay"] is False
    assert {m[k]["transition"]["duration"] for k in ("play", "restart", "pause", "step")} == {0}
    assert m["transition"]["duration"] == 0
    assert m["play"]["frame"]["duration"] == 35  # Play still plays, at the usual pace


def test_moving_keeps_the_requested_pace():
    m = motion_settings(False, frame_ms=50, transition_ms=120)
    assert m["autoplay"] is True
    assert m["play"]["transition"]["duration"] == m["step"]["transition"]["duration"] == 120
    assert m["pause"]["transition"]["duration"] == 0 and m["pause"]["frame"]["duration"] == 0
    assert m["play"]["fromcurrent"] is True and m["restart"]["fromcurrent"] is False


def test_every_call_returns_fresh_dicts():
    a, b = motion_settings(False), motion_settings(False)
    a["play"]["frame"]["duration"] = 999
    a["restart"]["transition"]["duration"] = 999
    assert b["play"]["frame"]["duration"] != 999 and a["play"]["transition"]["duration"] != 999


def test_negative_durations_are_refused():
    with pytest.raises(ValueError, match="durations must be >= 0"):
        motion_settings(False, frame_ms=-1)


def test_the_still_setting_is_a_sidebar_toggle_kept_in_the_link():
    at = open_app()
    assert at.sidebar.toggle(key="settings.still").value is False and "still" not in at.query_params
    bodies = [h.proto.body for h in at.get("html")]  # the style, and the sidebar's link boxes
    assert style(False) in bodies and style(True) not in bodies
    at.sidebar.toggle(key="settings.still").set_value(True).run()
    assert at.query_params["still"] == "1"
    bodies = [h.proto.body for h in at.get("html")]
    assert style(True) in bodies and style(False) not in bodies
    assert open_app(still="1").sidebar.toggle(key="settings.still").value is True


def test_the_style_makes_motion_instant_under_still_and_under_the_system_preference():
    assert "prefers-reduced-motion: reduce" in style(False) and "transition-duration: 0.01ms" in style(False)
    assert "prefers-reduced-motion" not in style(True) and "transition-duration: 0.01ms" in style(True)
    assert 'a[data-testid="stPageLink-NavLink"]:focus-visible' in style(False)
