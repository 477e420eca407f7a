"""The bare reference page as a page of a multipage app, served at ``/bare``: what the bare page costs to open
at a path other than the root, as every page of xent but home is.

Streamlit's frontend, opened at ``/<page>``, first looks for its server at ``/<page>/_stcore/health``, and
only after that fails tries ``/_stcore/health``, 100 ms later (``PD`` / ``VD`` in Streamlit 1.67's
``static/js/index.*.js``). ``python -m benchmarks`` opens this page beside the bare page at the root, so the
report can say how much of an open is that. xent's pages no longer pay it: ``app.py`` gives the frontend the
app's base URL (``xentcore/app/serve.py``). This page imports no part of xent.
"""

from pathlib import Path

import streamlit as st


def start() -> None:
    """The root page: empty (only ``/bare`` is measured)."""


bare = st.Page(Path(__file__).with_name("reference_app.py"), title="Bare", url_path="bare")
st.navigation([st.Page(start, title="Start", default=True), bare], position="hidden").run()
