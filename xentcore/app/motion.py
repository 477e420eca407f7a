"""Motion as data: plotly's animation arguments for the reader's reduced-motion setting (``still=1``).

Pure (no streamlit, no plotly): the figure builders take the dict this returns, so a figure is the same
function of its inputs whether the page runs or a test calls it.

What ``still`` means (WCAG 2.1, 2.2.2 "Pause, Stop, Hide" and 2.3.3 "Animation from Interactions"): nothing
moves unless the reader asks for it, and when it moves it jumps from frame to frame without tweening.
Play stays available (motion the reader starts and can pause is allowed), the frame slider still steps.
Streamlit's own CSS transitions are switched off separately, by the style that ``page_setup`` injects
(``xentcore.app.ui.a11y``), under ``still`` and under the system's "reduce motion" preference alike.

How an animated figure uses it (the race: ``xentcore/app/race/figures.py``), with ``ctx.settings["still"]``
passed down from the page::

    motion = motion_settings(still, frame_ms=FRAME_MS)
    play = {"label": "▶ Play", "method": "animate", "args": [None, motion["play"]]}
    pause = {"label": "❚❚ Pause", "method": "animate", "args": [[None], motion["pause"]]}
    restart = {"label": "⟲ Restart", "method": "animate", "args": [None, motion["restart"]]}
    steps = [{"label": n, "method": "animate", "args": [[n], motion["step"]]} for n in frame_names]
    slider = {..., "steps": steps, "transition": motion["transition"]}
    layout["transition"] = motion["transition"]
    # motion["autoplay"]: start playing by itself only when True. Plotly figures in Streamlit never start
    # by themselves; a page that starts one (or chooses which frame shows first) asks this flag first.

``still`` is part of the figure's inputs, so it belongs in the figure's cache key.
"""

from __future__ import annotations

from typing import Any

FRAME_MS = 35  # the pause between two frames while playing; plotly adds the drawing time
TRANSITION_MS = 0  # tweening between frames: off by default (frames of polygons tween poorly and cost time)


def motion_settings(
    still: bool, *, frame_ms: int = FRAME_MS, transition_ms: int = TRANSITION_MS, redraw: bool = False
) -> dict[str, Any]:
    """Plotly ``animate`` arguments for the reader's motion setting.

    Parameters
    ----------
    still : bool
        The reader's reduced-motion setting: no autoplay, no tweening (``transition`` duration 0).
    frame_ms : int
        Pause between frames while playing, in milliseconds (kept under ``still``: Play is the reader's choice).
    transition_ms : int
        Tweening between frames when not ``still``, in milliseconds.
    redraw : bool
        Plotly's ``frame.redraw``: ``False`` is enough for traces whose data change (scatter, lines).

    Returns
    -------
    dict
        ``autoplay`` (bool), ``frame_ms`` (int), ``transition`` (plotly transition dict), and the ``args[1]``
        of plotly's ``animate`` method for ``play`` (from the current frame), ``restart`` (from the first),
        ``pause`` and ``step`` (one frame, for slider steps). Every call returns new dicts.

    Examples
    --------
    >>> motion_settings(True)["transition"]["duration"], motion_settings(True)["autoplay"]
    (0, False)
    >>> motion_settings(False, transition_ms=200)["step"]["transition"]["duration"]
    200
    """
    if frame_ms < 0 or transition_ms < 0:
        raise ValueError(f"durations must be >= 0 ms, got frame_ms={frame_ms}, transition_ms={transition_ms}")
    tween = 0 if still else int(transition_ms)

    def transition(duration: int) -> dict[str, Any]:
        return {"duration": duration, "easing": "linear"}

    play = {
        "frame": {"duration": int(frame_ms), "redraw": redraw},
        "transition": transition(tween),
        "fromcurrent": True,
        "mode": "immediate",
    }
    return {
        "autoplay": not still,
        "frame_ms": int(frame_ms),
        "transition": transition(tween),
        "play": play,
        "restart": {**play, "frame": dict(play["frame"]), "transition": transition(tween), "fromcurrent": False},
        "pause": {"frame": {"duration": 0, "redraw": False}, "transition": transition(0), "mode": "immediate"},
        "step": {"frame": {"duration": 0, "redraw": redraw}, "transition": transition(tween), "mode": "immediate"},
    }
