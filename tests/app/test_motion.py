"""``motion_settings``: under ``still`` nothing tweens and nothing starts by itself; Play stays the reader's choice."""

import pytest

from xentcore.app.motion import motion_settings


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
