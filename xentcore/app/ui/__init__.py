"""The Streamlit glue every page shares."""

from xentcore.app.format import fmt
from xentcore.app.ui.i18n import percent as fmt_percent
from xentcore.app.ui.i18n import sentences, t
from xentcore.app.ui.lesson import tour_cards
from xentcore.app.ui.quiz import predict
from xentcore.app.ui.session import PageState, link
from xentcore.app.ui.shell import fragment, page_end, page_setup

__all__ = [
    "PageState",
    "fmt",
    "fmt_percent",
    "fragment",
    "link",
    "page_end",
    "page_setup",
    "predict",
    "sentences",
    "t",
    "tour_cards",
]
