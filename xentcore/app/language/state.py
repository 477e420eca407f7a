"""Language page state: which text, where it is split, the model's context and smoothing, the history whose
next character is shown, and the converter's loss.

A built-in text is a key (``text=en`` or ``zh``; ``auto``, the default, is the built-in text in the reader's
language). The reader's own text travels in the link (``own``) up to :data:`LINK_CHARS` characters; a longer one
(up to :data:`MAX_CHARS`, pasted or uploaded) stays in the session, and a link made from it opens without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from xentcore.app.share import Choice, Float, Int, Note, Param, Reject, Schema
from xentcore.language import BOUNDARY, UNKNOWN

MAX_CONTEXT = 8
ALPHAS = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
SOURCES = ("auto", "en", "zh", "own")
TESTS = ("rest", "typed")
LOOKS = ("grid", "next", "sizes")  # the model looked at closely, one tab each (pages/6_language.py)
LINK_CHARS = 1500  # the reader's text in a share link, at most (a URL of ~1500 CJK characters is ~14 kB)
MAX_CHARS = 100_000  # the reader's text, at most
HISTORY_CHARS = 64
RESERVED = BOUNDARY + UNKNOWN  # the model's own symbols: removed from any text the reader gives


def resolve_source(text: str, lang: str) -> str:
    """``auto`` is the built-in text in the reader's language: ``zh`` for Chinese, ``en`` otherwise."""
    if text == "auto":
        return "zh" if lang == "zh" else "en"
    return text


def without_reserved(text: str) -> str:
    """``text`` without the model's reserved symbols (Unicode noncharacters that real text never holds)."""
    return text.translate({ord(c): None for c in RESERVED})


@dataclass(frozen=True)
class Text(Param):
    """Free text of at most ``max_chars`` characters, kept as given (no trimming); the model's reserved
    symbols are removed, with a note."""

    max_chars: int = 1000
    adjusted: ClassVar[str] = "cleaned"

    def decode(self, raw: str) -> tuple[str, Note | None]:
        if len(raw) > self.max_chars:
            raise Reject("too_long", n=self.max_chars)
        kept = without_reserved(raw)
        return kept, (Note("cleaned") if kept != raw else None)

    def encode(self, value: str) -> str:
        return value

    def describe(self) -> str:
        """The README's "allowed" column."""
        return f"text, at most {self.max_chars} characters"


SCHEMA = Schema(
    "language",
    (
        Choice("text", "auto", options=SOURCES),
        Text("own", "", max_chars=LINK_CHARS),
        Int("split", 80, lo=10, hi=95),
        Choice("test", "rest", options=TESTS),
        Text("typed", "", max_chars=LINK_CHARS),
        Int("k", 2, lo=0, hi=MAX_CONTEXT),
        Float("a", 0.01, options=ALPHAS),
        Text("h", "", max_chars=HISTORY_CHARS),
        Float("loss", 2.1, lo=0.0, hi=20.0, step=0.01),
        Float("bpt", 4.0, lo=0.5, hi=16.0, step=0.1),
        Choice("look", "grid", options=LOOKS),
    ),
)


# the controls not drawn through PageState's widgets, or drawn only in some views, by their labels' translation
# keys: the lesson tools name them whether drawn or not (page_setup's ``labels``)
CONTROL_LABELS = {
    "text": "language.source",
    "own": "language.own.name",
    "typed": "language.typed.name",
    "h": "language.h.name",
    "look": "language.header.looks",
}
