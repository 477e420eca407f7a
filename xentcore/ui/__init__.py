"""Floor 2: the Streamlit glue every page shares."""

from xentcore.ui.format import fmt, fmt_percent
from xentcore.ui.i18n import t
from xentcore.ui.shell import fragment, page_setup
from xentcore.ui.state import PageState, link

__all__ = ["PageState", "fmt", "fmt_percent", "fragment", "link", "page_setup", "t"]
