"""The Streamlit glue every page shares."""

from xentcore.app.ui.format import fmt
from xentcore.app.ui.i18n import percent as fmt_percent
from xentcore.app.ui.i18n import t
from xentcore.app.ui.lesson import tour_cards
from xentcore.app.ui.quiz import predict
from xentcore.app.ui.session import PageState, link
from xentcore.app.ui.shell import fragment, page_setup

__all__ = ["PageState", "fmt", "fmt_percent", "fragment", "link", "page_setup", "predict", "t", "tour_cards"]
