"""Distributions page state: the true P, the model Q, class names, and the page's toggles.

``K`` is ``len(p)``. ``names = ()`` means "the default names in the reader's language" (sunny / rain /
cloudy for three classes, "class k" otherwise), so a link without names reads naturally in either
language; an edited name is stored explicitly.
"""

from __future__ import annotations

from xentcore.app.share import Choice, Distribution, Float, Issue, Names, Note, Schema, State
from xentcore.distributions import MAX_CLASSES, MIN_CLASSES, WEATHER_P, WEATHER_Q

SIMPLEX_MEASURES = ("ce", "kl")
VIEWS = ("bars", "contrib", "code", "simplex")  # the pictures, one tab each (see sections.pictures)


def reconcile(state: State, from_url: set[str], issues: list[Issue]) -> State:
    """P decides K: a Q of another length becomes uniform, names of another length the defaults; each
    repair is reported when the link gave that parameter."""
    k = len(state["p"])
    if len(state["q"]) != k:
        if "q" in from_url:
            issues.append(Issue("q", "mismatch", Note.of("q_length", n=len(state["q"]), k=k)))
        state["q"] = tuple(1.0 / k for _ in range(k))
    if state["names"] and len(state["names"]) != k:
        if "names" in from_url:
            issues.append(Issue("names", "mismatch", Note.of("names_length", n=len(state["names"]), k=k)))
        state["names"] = ()
    return state


SCHEMA = Schema(
    "distributions",
    (
        Distribution("p", WEATHER_P, min_len=MIN_CLASSES, max_len=MAX_CLASSES),
        Distribution("q", WEATHER_Q, min_len=MIN_CLASSES, max_len=MAX_CLASSES),
        Names("names", (), min_len=MIN_CLASSES, max_len=MAX_CLASSES),
        Choice("view", "bars", options=VIEWS),
        Choice("sx", "ce", options=SIMPLEX_MEASURES),
        Float("sep", 6.0, lo=0.0, hi=10.0, step=0.5),
        Float("w", 0.6, lo=0.1, hi=0.9, step=0.05),
    ),
    reconcile=reconcile,
)


# each state key's control, by the translation key of its label: the lesson tools name the controls by these,
# drawn or not (page_setup's ``labels``)
CONTROL_LABELS = {
    "p": "distributions.p.header",
    "q": "distributions.q.header",
    "names": "distributions.table.name",
    "view": "distributions.pictures.header",
    "sx": "distributions.sx",
    "sep": "distributions.fit.sep",
    "w": "distributions.fit.w",
}
