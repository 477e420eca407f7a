"""The app's one style block: what the theme in ``.streamlit/config.toml`` cannot set (focus rings, formulas,
choices and metrics that wrap in a narrow column, readable labels on disabled controls, reduced motion, the hidden
element that loads plotly.js early, rows of metrics as wide as columns, the boxes of links to copy).

``page_setup`` injects it once per run of every page with ``st.html``, which puts a style-only block in
Streamlit's event container (it takes no room on the page). The CSS is a constant of ours: nothing from a
link or a reader reaches it.

Contrast is the theme's job, not this file's: captions are the text colour at 60 % opacity, so the light
theme's ``textColor`` is chosen dark enough for them to pass WCAG AA (see ``.streamlit/config.toml``).
"""

from __future__ import annotations

import streamlit as st

from xentcore.app.ui.charts import PRELOAD_CSS  # the element that loads plotly.js early takes no room
from xentcore.app.ui.layout import METRIC_CSS  # metrics wrap their text; rows of them share the width
from xentcore.app.ui.link_box import LINK_CSS  # the share and lesson links' boxes

# Streamlit 1.67 draws no focus indicator on the current page's sidebar link (its "active" grey is the same
# focused or not), a barely visible grey on the other page links, and none on a table's toolbar buttons,
# whose toolbar even stays transparent while one of its buttons has the keyboard focus.
# WCAG 2.1 AA, 2.4.7 "Focus Visible"; currentColor follows the theme (dark on light, light on dark).
# The links' own colour is the browser's default blue (their text is coloured inside), hence ``inherit``.
FOCUS_CSS = """
a[data-testid="stPageLink-NavLink"]:focus-visible {
  color: inherit;
  outline: 2px solid currentColor;
  outline-offset: 1px;
}
button[data-testid="stBaseButton-elementToolbar"]:focus-visible {
  outline: 2px solid currentColor;
  outline-offset: 1px;
}
[data-testid="stElementToolbar"]:focus-within {
  opacity: 1;
}
"""

# Narrow columns (WCAG 1.4.10 "Reflow"): KaTeX lays a display formula out on one line, which a phone, or a
# laptop's column beside the sidebar, then cuts or scrolls; allowed to wrap, it breaks after its top-level
# relations and operators, as inline math does, and only where the column is too narrow for it. A formula
# built as one block (``aligned``) cannot break: the page writes it in shorter lines.
NARROW_CSS = """
.katex-display > .katex { white-space: normal; }
.katex-display > .katex > .katex-html > .base { margin-top: 0.25em; }
"""

# A segmented control too wide for its column scrolls sideways in Streamlit 1.67, so its last choices sit out of
# sight with nothing to say they are there; here its buttons wrap onto a second line instead.
CHOICES_CSS = """
[data-testid="stButtonGroup"] > div:has(> button) { flex-wrap: wrap; row-gap: 0.25rem; }
"""

# --- race / disabled controls ---
# Streamlit 1.67 draws a disabled widget's label (and a disabled slider's end values) in the text colour at 40 %
# opacity: about 2.3:1 on either theme, too faint to read which control waits for what (the race's focal-loss γ,
# logit-adjustment τ, N and noise of a fixed data set). WCAG exempts inactive controls from 1.4.3, a reader is not:
# the text colour at 62 % keeps them looking inactive and reads at 4.5:1 or more on the light and the dark theme.
DISABLED_CSS = """
label[data-testid="stWidgetLabel"][disabled],
[data-testid="stSlider"]:has(label[data-testid="stWidgetLabel"][disabled]) [data-testid^="stSliderTickBar"] {
  color: inherit;
  opacity: 0.62;
}
"""

# Reduced motion: Streamlit's own transitions and animations (sidebar, expanders, skeletons) become instant.
# Always on under the system's "reduce motion" preference; under the reader's ``still`` setting too.
STILL_RULES = """
*, *::before, *::after {
  animation-duration: 0.01ms !important;
  animation-iteration-count: 1 !important;
  transition-duration: 0.01ms !important;
  scroll-behavior: auto !important;
}
"""


def style(still: bool = False) -> str:
    """The ``<style>`` block for a page: focus rings, and reduced motion (always under the system preference;
    for everyone when ``still``)."""
    motion = STILL_RULES if still else f"@media (prefers-reduced-motion: reduce) {{{STILL_RULES}}}"
    rules = (FOCUS_CSS, NARROW_CSS, CHOICES_CSS, DISABLED_CSS, PRELOAD_CSS, METRIC_CSS, LINK_CSS, motion)
    return f"<style>{''.join(rules)}</style>"


def inject_style(still: bool = False) -> None:
    """Add the style block to the page (call once per run, as ``page_setup`` does)."""
    st.html(style(still))
