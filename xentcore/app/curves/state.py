"""Loss-curves page state: the binary probe and the multi-class probe.

``K`` is ``len(zs)`` (the logits decide the number of classes); the target class ``c`` and the soft
target ``ty`` are repaired to match it.
"""

from __future__ import annotations

from xentcore.app.share import Bool, Distribution, Float, Floats, Int, Issue, Note, Schema, State
from xentcore.distributions import resize
from xentcore.probes import MAX_CLASSES, Z_LIMIT, resize_logits

LOGIT_LIMIT = 6.0


def reconcile(state: State, from_url: set[str], issues: list[Issue]) -> State:
    """The logits decide K: a target class beyond it becomes the last class, a soft target of another
    length is resized; each repair is reported when the link gave that parameter."""
    k = len(state["zs"])
    if state["c"] >= k:
        if "c" in from_url:
            issues.append(Issue("c", "mismatch", Note.of("no_class", c=state["c"], k=k, last=k - 1)))
        state["c"] = k - 1
    if len(state["ty"]) != k:
        if "ty" in from_url:
            issues.append(Issue("ty", "mismatch", Note.of("ty_length", n=len(state["ty"]), k=k)))
        state["ty"] = tuple(float(v) for v in resize(state["ty"], k))
    return state


SCHEMA = Schema(
    "curves",
    (
        Int("y", 1, lo=0, hi=1),
        Float("z", -5.0, lo=-Z_LIMIT, hi=Z_LIMIT, step=0.1),
        Bool("log", False),
        Floats("zs", (2.0, 1.0, 0.1), min_len=2, max_len=MAX_CLASSES, lo=-LOGIT_LIMIT, hi=LOGIT_LIMIT),
        Int("c", 0, lo=0, hi=MAX_CLASSES - 1),
        Bool("soft", False),
        Distribution("ty", (0.7, 0.2, 0.1), min_len=2, max_len=MAX_CLASSES),
        Float("temp", 1.0, lo=0.25, hi=5.0, step=0.05),
        Float("ls", 0.0, lo=0.0, hi=0.5, step=0.01),
    ),
    reconcile=reconcile,
)


# --- what the multi-class widgets change: pure, so the page only wires them -------------------------------------


def with_classes(state: State, k: int) -> dict:
    """The values that change when the number of classes becomes ``k``: the logits (new classes at 0), the
    soft target (resized) and the target class (at most the last)."""
    return {
        "zs": resize_logits(state["zs"], k),
        "ty": tuple(float(v) for v in resize(state["ty"], k)),
        "c": min(state["c"], k - 1),
    }


# the controls drawn only in some views (the soft target's sliders, with "soft" on), by their labels' translation
# keys: the lesson tools name them whether drawn or not (page_setup's ``labels``)
CONTROL_LABELS = {"ty": "curves.soft.weights"}
