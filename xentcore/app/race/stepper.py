"""The race's frame stepper: one frame of the animation as a still picture, stepped by keyboard or buttons.

Plotly's own frame slider is drawn in SVG and takes no keyboard focus; this one is a Streamlit slider (its
arrow keys step one frame) with Previous / Next buttons. A fragment: stepping reruns only the stepper, and
the frames come from the page's cached model (nothing retrains). Shown when the reader turns on "Step frame
by frame" (``frames=1``), and always under reduced motion (``still=1``), where nothing should move by itself.
"""

from __future__ import annotations

import streamlit as st

from xentcore.app.race.frames import frame_alt, frame_at, frame_epochs
from xentcore.app.race.model import RaceModel
from xentcore.app.race.sections import figure, history_table, say
from xentcore.app.ui import PageState, fragment, t
from xentcore.app.ui.charts import chart

SLIDER_KEY = "race.at"  # the widget of state key ``at`` (as PageState names it), drawn here: it shows a frame


def _moved(ctx: PageState) -> None:
    value = st.session_state.get(SLIDER_KEY)
    if value is not None:
        ctx.set("at", int(value))


@fragment
def frame_stepper(ctx: PageState, model: RaceModel, key: tuple) -> None:
    """The "Step frame by frame" toggle and, when on (or under reduced motion), the slider, the buttons and the
    still frame with its text alternative."""
    if ctx.settings["still"]:
        st.caption(t("race.frames.still"))
    elif not ctx.toggle("frames", t("race.frames"), help=t("race.frames.help")):
        return
    epochs = frame_epochs(model)
    f = frame_at(epochs, int(ctx["at"]))
    label = t("race.at")
    ctx.label("at", label)
    if ctx.is_hidden("at"):
        ctx.lock("at", str(epochs[f]))
    else:
        # the stored epoch may lie between frames or past the end: the slider shows the frame it asks for
        st.session_state[SLIDER_KEY] = epochs[f]
        st.select_slider(label, options=epochs, key=SLIDER_KEY, on_change=_moved, args=(ctx,))
        back, forward = st.columns(2)
        back.button(
            t("race.at.prev"),
            key="race.at.prev",
            icon=":material/skip_previous:",
            disabled=f == 0,
            on_click=ctx.set,
            args=("at", epochs[max(f - 1, 0)]),
            width="stretch",
        )
        forward.button(
            t("race.at.next"),
            key="race.at.next",
            icon=":material/skip_next:",
            disabled=f == len(epochs) - 1,
            on_click=ctx.set,
            args=("at", epochs[min(f + 1, len(epochs) - 1)]),
            width="stretch",
        )
    chart(
        figure(model, key, frame=f),
        key="race.frame.figure",
        alt=say(frame_alt(model, f), str),
        data=lambda: history_table(model),  # every epoch's numbers, this frame's among them
    )
