"""A link the reader copies (the sidebar's share link and lesson link): the address, and a Copy button.

Plain HTML through ``st.html``, not ``st.code``: the first code block on a page makes the browser load and
run Streamlit's syntax highlighter, which cost more than drawing the rest of the page (the home page, which
has no chart, opened in 3.1 s with the share link as a code block and in 1.1 s without, measured in turns on
the same machine). The address is a real link as well: a click opens that view, a long press or a right click
copies it on any device.
"""

from __future__ import annotations

import html
import re
from typing import Any

import streamlit as st

from xentcore.app.ui.i18n import t

CLASS = "xent-link"

# One listener for every Copy button, bound once per browser tab; it reads the address when clicked, so a
# box redrawn by a rerun needs nothing rebound. Without the Clipboard API (a page served over plain http
# from another host) it selects the address instead, ready for Ctrl+C.
_SCRIPT = """<script>
if (!window.xentCopyBound) {
  window.xentCopyBound = true;
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.xent-copy");
    if (!button) return;
    const link = button.parentElement.querySelector("a");
    const done = () => {
      button.textContent = button.dataset.done;
      setTimeout(() => { button.textContent = button.dataset.label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link.href).then(done);
      return;
    }
    const range = document.createRange();
    range.selectNodeContents(link);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
}
{
  // The share box also keeps the address bar on the view it links to, in place (replaceState): in a fragment's
  // rerun the app leaves the URL to it (xentcore.app.ui.session.write_url)
  const box = document.currentScript && document.currentScript.previousElementSibling;
  const href = box && box.hasAttribute("data-address-bar") && box.querySelector("a").href;
  if (href && href !== location.href && new URL(href).origin === location.origin) {
    history.replaceState(history.state, "", href);
  }
}
</script>"""

# Colours from the theme's own text colour, so both themes keep their contrast; the focus ring is the
# browser's, thickened (WCAG 2.4.7). Part of the page's one style block (``a11y.style``), not of the box: a box's
# HTML changes with every move, and a <style> element replaced makes the browser restyle the whole page.
LINK_CSS = f"""
.{CLASS} {{ display: flex; flex-direction: column; align-items: flex-start; gap: 0.4rem; font-size: 0.8rem; }}
.{CLASS} a {{ font-family: "Source Code Pro", monospace; overflow-wrap: anywhere; color: inherit; }}
.{CLASS} button {{ font: inherit; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid currentColor; border-radius: 0.4rem; padding: 0.2rem 0.7rem; }}
.{CLASS} button:focus-visible, .{CLASS} a:focus-visible {{ outline: 2px solid currentColor; outline-offset: 2px; }}
"""


def link_html(url: str, name: str, *, address_bar: bool = False) -> str:
    """The box for ``url``; ``name`` (what the link is, e.g. "Share this view") labels the button for a
    screen reader. Everything is escaped: a share link carries the reader's own text. With ``address_bar``, the
    box's script also puts ``url`` in the browser's address bar, replacing the current history entry."""
    href = html.escape(url, quote=True)
    label, done = html.escape(t("link.copy")), html.escape(t("link.copied"))
    aria = html.escape(t("link.copy.aria", name=name), quote=True)
    return (
        f'<div class="{CLASS}"{" data-address-bar" if address_bar else ""}><a href="{href}" target="_self">{href}</a>'
        f'<button type="button" class="xent-copy" aria-label="{aria}" data-label="{label}" data-done="{done}">'
        f"{label}</button></div>"
    )


def link_box(url: str, name: str, where: Any = None, *, address_bar: bool = False) -> None:
    """Draw the box for ``url`` in ``where`` (a container or placeholder; the current one by default)."""
    (where or st).html(link_html(url, name, address_bar=address_bar) + _SCRIPT, unsafe_allow_javascript=True)


_HREF = re.compile(rf'<div class="{CLASS}"(?: data-address-bar)?><a href="([^"]*)"')


def links_in(bodies: list[str]) -> list[str]:
    """The addresses of the link boxes in these ``st.html`` bodies, in order (for tests and tools)."""
    return [html.unescape(m) for body in bodies for m in _HREF.findall(body)]
