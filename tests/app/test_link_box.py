"""The sidebar's link boxes: the address shown and linked exactly, escaped, with a labelled Copy button."""

from apptest_support import open_app, open_lesson_box, share_link, sidebar_links

from xentcore.app.ui.link_box import link_html, links_in


def test_an_address_with_markup_in_it_is_escaped_and_read_back_exactly():
    url = 'https://xent.example/distributions?names=<b>"sun"</b>&p=0.5,0.5'
    body = link_html(url, "Share this view")
    assert "<b>" not in body and '"sun"' not in body
    assert links_in([body]) == [url]


def test_every_page_shows_its_share_link_with_a_copy_button_in_the_reader_language():
    for lang, copy in (("en", "Copy"), ("zh", "复制")):
        at = open_app("home.py", lang=lang, pe="0.4")
        assert not at.exception
        assert "pe=0.4" in share_link(at) and ("lang=zh" in share_link(at)) == (lang == "zh")  # defaults left out
        body = next(h.proto.body for h in at.sidebar.get("html") if "xent-link" in h.proto.body)
        assert f">{copy}</button>" in body and 'aria-label="' in body
        assert sidebar_links(at) == [share_link(at)]  # the lesson box is closed: it holds no link
        open_lesson_box(at)
        assert sidebar_links(at) == [share_link(at)] * 2  # the lesson link, with nothing hidden yet
