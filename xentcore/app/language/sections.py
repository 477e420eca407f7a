"""The language page's widgets and sections (used by ``pages/6_language.py`` only).

The page file reads as the story; the blocks it draws live here. Numbers come from the page's model
(:mod:`xentcore.app.language.model`); this module wires widgets, state and text, and generates the sentences
from the numbers beside them.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st

from xentcore.app.language import figures as figs
from xentcore.app.language.model import OTHER, LanguageModel, convert, link_names
from xentcore.app.language.state import (
    HISTORY_CHARS,
    LINK_CHARS,
    MAX_CHARS,
    SCHEMA,
    resolve_source,
    without_reserved,
)
from xentcore.app.ui import PageState, fmt, fragment, link, sentences, t
from xentcore.app.ui.charts import cached_figure, chart, data_toggle
from xentcore.app.ui.layout import metric_row
from xentcore.app.ui.text_grid import text_grid
from xentcore.language import bits_to_nats, nats_from_perplexity

PAGE = SCHEMA.name
OWN_FULL = f"_{PAGE}_own_full"  # the reader's text, any length up to MAX_CHARS: survives page switches
FLASH = f"_{PAGE}_flash"  # messages from a callback, shown on the run it triggers
OWN_BOX = f"{PAGE}.own_box"
UPLOAD = f"{PAGE}.upload"
SOURCE_BOX = f"{PAGE}.source_box"
HISTORY_BOX = f"{PAGE}.h_box"
MAX_UPLOAD_BYTES = 4 * MAX_CHARS  # UTF-8 takes at most 4 bytes a character
LOSS_HI = SCHEMA.param("loss").hi
CONVERTER_LIMITS = convert(LOSS_HI, 1.0)  # the bits and perplexity of the largest loss the converter takes


def unit_short(unit: str) -> str:
    return t(f"unit.short.{unit}")


def symbol_labels() -> dict[str, str]:
    return {"unk": t("language.sym.unk"), "bos": t("language.sym.bos"), "other": t("language.sym.other")}


# --- the reader's text ------------------------------------------------------------------------------------------


def own_text(ctx: PageState) -> str:
    """The reader's text: the link's ``own``, or a longer one kept in this session (never in a link)."""
    full = st.session_state.get(OWN_FULL, "")
    return full if ctx["own"] == "" and len(full) > LINK_CHARS else ctx["own"]


def _flash(kind: str, key: str, **values: object) -> None:
    st.session_state.setdefault(FLASH, []).append((kind, key, values))


def show_flash() -> None:
    for kind, key, values in st.session_state.pop(FLASH, []):
        getattr(st, kind)(t(key, **values), icon=":material/error:" if kind == "error" else ":material/info:")


def _set_own(ctx: PageState, text: str, choose: bool = False) -> None:
    if len(text) > MAX_CHARS:
        _flash("error", "language.own.too_long", n=f"{len(text):,}", limit=f"{MAX_CHARS:,}")
        return
    clean = without_reserved(text)
    if clean != text:
        _flash("info", "language.own.reserved", n=len(text) - len(clean))
    st.session_state[OWN_FULL] = clean
    ctx.set("own", clean if len(clean) <= LINK_CHARS else "")
    if choose:
        ctx.set("text", "own")


def _typed_own(ctx: PageState) -> None:
    _set_own(ctx, st.session_state.get(OWN_BOX) or "")


def _uploaded(ctx: PageState) -> None:
    file = st.session_state.get(UPLOAD)
    if file is None:
        return
    if file.size > MAX_UPLOAD_BYTES:
        _flash("error", "language.upload.too_big", kb=f"{file.size // 1000:,}", limit=f"{MAX_CHARS:,}")
        return
    try:
        text = file.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError:
        _flash("error", "language.upload.not_utf8", name=file.name)
        return
    _set_own(ctx, text, choose=True)


def _chose_source(ctx: PageState) -> None:
    ctx.set("text", st.session_state[SOURCE_BOX])


def text_controls(ctx: PageState) -> str:
    """The text, the split and the test text; returns the reader's own text."""
    options = ("en", "zh", "own")
    names = {s: t(f"language.source.{s}") for s in options}
    st.session_state[SOURCE_BOX] = resolve_source(ctx["text"], ctx.lang)
    st.radio(
        t("language.source"),
        options,
        key=SOURCE_BOX,
        format_func=names.__getitem__,
        horizontal=True,
        on_change=_chose_source,
        args=(ctx,),
    )
    own = own_text(ctx)
    if ctx["text"] == "own":
        st.session_state[OWN_BOX] = own
        st.text_area(
            t("language.own", limit=f"{MAX_CHARS:,}"),
            key=OWN_BOX,
            height=160,
            on_change=_typed_own,
            args=(ctx,),
            placeholder=t("language.own.placeholder"),
        )
        st.file_uploader(t("language.upload"), type=["txt", "md"], key=UPLOAD, on_change=_uploaded, args=(ctx,))
        show_flash()
        if len(own) > LINK_CHARS:
            st.caption(t("language.own.session", n=f"{len(own):,}", link=f"{LINK_CHARS:,}"))
        else:
            st.caption(t("language.own.link", n=f"{len(own):,}", link=f"{LINK_CHARS:,}"))
    else:
        show_flash()
    ctx.slider("split", t("language.split"), format="%d%%", help=t("language.split.help"))
    tests = {s: t(f"language.test.{s}", pct=100 - ctx["split"]) for s in ("rest", "typed")}
    ctx.radio("test", t("language.test"), format_func=tests.__getitem__, horizontal=True)
    if ctx["test"] == "typed":
        ctx.widget(
            "text_area",
            "typed",
            t("language.typed", link=f"{LINK_CHARS:,}"),
            max_chars=LINK_CHARS,
            height=100,
            placeholder=t("language.typed.placeholder"),
        )
    return own


def model_controls(ctx: PageState) -> None:
    ctx.slider("k", t("language.k"), help=t("language.k.help"))
    ctx.select_slider("a", t("language.a"), format_func=lambda a: f"{a:g}", help=t("language.a.help"))


def problem(model: LanguageModel) -> None:
    st.info(
        t(f"language.problem.{model.problem}", n=f"{model.n_text:,}", link=f"{LINK_CHARS:,}"),
        icon=":material/edit_note:",
    )


# --- numbers ---------------------------------------------------------------------------------------------------


def numbers(model: LanguageModel, split: int) -> None:
    a = model.analysis
    per = t("language.per_char", unit=unit_short(model.unit))
    metric_row(
        dict(label=t("language.metric.train", unit=per), value=fmt(a.train_ce), help=t("language.metric.ce.help")),
        dict(label=t("language.metric.test", unit=per), value=fmt(a.test_ce), help=t("language.metric.ce.help")),
        dict(label=t("language.metric.ppl"), value=fmt(a.test_ppl, 2), help=t("language.metric.ppl.help")),
        dict(label=t("language.metric.bpb"), value=fmt(a.test_bits_per_byte), help=t("language.metric.bpb.help")),
    )
    lines = [
        t(
            "language.numbers.texts",
            pct=split,
            n_train=f"{a.n_train:,}",
            n_test=f"{a.n_test:,}",
            test=t(f"language.numbers.test.{model.test_kind}"),
            v=a.vocabulary,
        ),
        t("language.numbers.unknown", n=f"{a.unknown:,}") if a.unknown else t("language.numbers.no_unknown"),
        t("language.numbers.bytes", b=fmt(a.test_bytes_per_char, 2)),
    ]
    if model.unit != "bits":
        lines.append(t("language.numbers.in_bits", train=fmt(a.train_bits), test=fmt(a.test_bits)))
    st.caption(sentences(lines))


def curve(model: LanguageModel) -> None:
    c = model.analysis.curve
    unit = unit_short(model.unit)
    per = t("language.per_char", unit=unit)
    labels = {
        "train": t("language.curve.train"),
        "test": t("language.curve.test"),
        "infinite": t("language.curve.infinite"),
        "x": t("language.curve.x"),
        "y": t("language.curve.y", unit=per),
        "hover": t("language.curve.hover", unit=per),
        "hover_inf": t("language.curve.hover_inf"),
    }
    chart(
        cached_figure(figs.curve_figure, c, model.context, labels),
        key="language.curve",
        alt=curve_alt(model),
        data=lambda: curve_data(model),
        config=figs.NO_CONFIG,
    )
    st.caption(t("language.curve.intro", K=len(c.contexts) - 1))  # under the chart: the chart starts higher
    a = model.analysis
    now = "language.curve.now_best" if model.context == c.best else "language.curve.now"
    st.markdown(t(now, k=model.context, train=fmt(a.train_ce), test=fmt(a.test_ce), unit=per))


def curve_findings(model: LanguageModel) -> str:
    """What the context curve shows, in sentences generated from it: drawn under the page's lead, so a reader
    on a phone reads the lesson in the first screen, before the controls and the chart."""
    c = model.analysis.curve
    per = t("language.per_char", unit=unit_short(model.unit))
    last = len(c.contexts) - 1
    ends = {"a": fmt(c.train[0]), "b": fmt(c.train[last]), "K": last, "unit": per}
    if c.train_falls:
        say = [t("language.curve.train_falls", **ends)]
    elif c.train[last] > c.train[c.train_lowest]:
        say = [t("language.curve.train_rises", **ends, lo=fmt(c.train[c.train_lowest]), k_lo=c.train_lowest)]
    else:
        say = [t("language.curve.train_wanders", **ends)]
    turns = bool(c.test[last] > c.test[c.best])
    if turns:
        say.append(t("language.curve.test_turns", k=c.best, lo=fmt(c.test[c.best]), b=fmt(c.test[last]), K=last))
    elif math.isfinite(c.test[c.best]):  # else infinite at every context: the sentence below says so
        say.append(t("language.curve.test_lowest", k=c.best, lo=fmt(c.test[c.best])))
    if turns and c.train_falls:
        say.append(t("language.curve.overfitting"))
    if c.infinite:
        say.append(t("language.curve.infinite_at", ks=", ".join(map(str, c.infinite))))
    return sentences(say)


def surprise(model: LanguageModel) -> None:
    d = model.analysis.drawn
    unit = unit_short(model.unit)
    labels = {
        **symbol_labels(),
        "colorbar": t("language.grid.colorbar", unit=unit),
        "cell": t("language.grid.cell", unit=unit),
    }
    text_grid(cached_figure(figs.surprisal_grid, d, labels, alt=grid_alt(model)), key=f"{PAGE}.grid.text")
    data_toggle("language.grid", lambda: grid_data(model))
    shown = len(d.chars)
    notes = [
        t("language.grid.capped", shown=shown, total=f"{d.total:,}")
        if shown < d.total
        else t("language.grid.all", total=f"{d.total:,}")
    ]
    worst = d.chars[d.worst]
    notes.append(
        t(
            "language.grid.worst",
            c=figs.symbol(worst, symbol_labels()),
            h=figs.symbols(d.worst_history, symbol_labels()) or "—",
            i=d.worst + 1,
            q=fmt(d.probability[d.worst]),
            s=fmt(d.surprisal[d.worst]),
            unit=unit,
        )
    )
    if model.analysis.next.from_worst:
        notes.append(t("language.grid.below", tab=t("language.tab.next")))
    st.caption(sentences(notes))


def next_char(ctx: PageState, model: LanguageModel) -> None:
    nxt = model.analysis.next
    labels = symbol_labels()
    st.session_state[HISTORY_BOX] = nxt.history

    def typed() -> None:
        ctx.set("h", without_reserved(st.session_state.get(HISTORY_BOX) or ""))

    st.text_input(
        t("language.next.history"),
        key=HISTORY_BOX,
        max_chars=HISTORY_CHARS,
        on_change=typed,
        help=t("language.next.history.help"),
    )
    used = figs.symbols(nxt.used, labels) or "—"
    if model.context == 0:
        say = [t("language.next.unigram")]
    elif nxt.train_count:
        say = [t("language.next.seen", h=used, k=model.context, n=f"{nxt.train_count:,}")]
    else:
        say = [
            t(
                "language.next.unseen",
                h=used,
                k=model.context,
                v=model.analysis.vocabulary,
                cost=fmt(nxt.uniform),
                unit=unit_short(model.unit),
            )
        ]
    if nxt.p_source:
        source = "all" if model.context == 0 else nxt.p_source
        say.append(t(f"language.next.p.{source}", h=used, n=f"{nxt.p_count:,}"))
    st.markdown(sentences(say))
    fig_labels = {
        **labels,
        "q": t("language.next.q"),
        "p": t(f"language.next.p_name.{nxt.p_source or 'test'}"),
        "x": t("language.next.x"),
        "y": t("language.next.y"),
    }
    chart(
        cached_figure(figs.next_char_figure, nxt, fig_labels),
        key="language.next",
        alt=next_alt(model),
        data=lambda: next_data(model),
        config=figs.NO_CONFIG,
    )
    if nxt.link_p is not None:
        url = link(
            "distributions",
            ctx.lang,
            ctx.unit,
            p=nxt.link_p,
            q=nxt.link_q,
            names=link_names(nxt.link_symbols, labels),
        )
        merged = "merged" if OTHER in nxt.link_symbols else "all"
        source = t(f"language.next.src.{'all' if model.context == 0 else nxt.p_source}")
        st.markdown(t(f"language.next.link.{merged}", url=url, k=len(nxt.link_symbols), source=source))
    else:
        st.caption(t("language.next.no_link", h=used))


def compression(model: LanguageModel) -> None:
    s = model.analysis.sizes
    labels = {
        "utf-8": t("language.sizes.utf8"),
        "zlib": "zlib",
        "bz2": "bz2",
        "lzma": "lzma",
        "model": t("language.sizes.model", k=model.context, a=f"{model.alpha:g}"),
        "bytes": t("language.sizes.bytes"),
        "per_char": t("language.per_char", unit=unit_short("bits")),
        "y": t("language.sizes.y"),
    }
    chart(
        cached_figure(figs.sizes_figure, s, labels),
        key="language.sizes",
        alt=sizes_alt(model),
        data=lambda: sizes_data(model),
        config=figs.NO_CONFIG,
    )
    say = [
        t("language.sizes.utf8_note", n=f"{s.chars:,}", bytes=f"{s.utf8_bytes:,}", b=fmt(s.bits_per_char("utf-8"), 2))
    ]
    if math.isfinite(s.ideal_bits):
        say.append(
            t(
                "language.sizes.ideal",
                h=fmt(s.bits_per_char("model")),
                n=f"{s.chars:,}",
                bits=fmt(s.ideal_bits, 0),
                bytes=fmt(s.ideal_bytes, 0),
            )
        )
    else:
        say.append(t("language.sizes.ideal_inf"))
    best = s.order[0]
    if best == "model":
        runner = s.order[1]
        say.append(t("language.sizes.model_wins", other=runner, bytes=f"{s.compressed[runner]:,}"))
    elif math.isfinite(s.ideal_bits):
        say.append(
            t("language.sizes.compressor_wins", best=best, bytes=f"{s.compressed[best]:,}", model=fmt(s.ideal_bytes, 0))
        )
    else:
        say.append(t("language.sizes.compressor_only", best=best, bytes=f"{s.compressed[best]:,}"))
    say.append(t("language.sizes.fine_print"))
    st.markdown(sentences(say))


# --- the converter ---------------------------------------------------------------------------------------------


def _set_loss(ctx: PageState, key: str, to_nats) -> None:
    value = st.session_state.get(key)
    if value is None:
        return
    ctx.set("loss", round(min(max(float(to_nats(value)), 0.0), LOSS_HI), 6))


@fragment
def converter(ctx: PageState) -> None:
    c = convert(ctx["loss"], ctx["bpt"])
    st.latex(
        r"H_{\text{bit}}=\frac{H_{\text{nat}}}{\ln 2},\qquad \mathrm{PPL}=e^{H_{\text{nat}}}=2^{H_{\text{bit}}},\qquad"
        r"\mathrm{BPB}=\frac{H_{\text{bit}}}{B}"
    )
    st.caption(t("language.conv.symbols"))
    cols = st.columns(4)
    ctx.number_input("loss", t("language.conv.nats"), where=cols[0], format="%.4f")
    for col, key, value, lo, hi, fn, step in (
        (cols[1], f"{PAGE}.conv_bits", c.bits, 0.0, CONVERTER_LIMITS.bits, bits_to_nats, 0.01),
        (cols[2], f"{PAGE}.conv_ppl", c.perplexity, 1.0, CONVERTER_LIMITS.perplexity, nats_from_perplexity, 0.1),
    ):
        st.session_state[key] = value
        label = t("language.conv.bits") if key.endswith("bits") else t("language.conv.ppl")
        col.number_input(
            label,
            min_value=lo,
            max_value=hi,
            step=step,
            format="%.4f",
            key=key,
            on_change=_set_loss,
            args=(ctx, key, fn),
        )
    ctx.number_input("bpt", t("language.conv.bpt"), where=cols[3], format="%.2f", help=t("language.conv.bpt.help"))
    st.markdown(
        t(
            "language.conv.says",
            nats=fmt(c.nats),
            bits=fmt(c.bits),
            ppl=fmt(c.perplexity, 2),
            bpt=fmt(c.bytes_per_token, 2),
            bpb=fmt(c.bits_per_byte),
        )
    )


# --- the charts' text alternatives and data (``t``: the app's, or a test's lookup in one language) ---------------

Say = Callable[..., str]


def _plain(text: str, t: Say) -> str:
    """A symbol string as the charts show it, unescaped (an alt text is plain text)."""
    labels = {"unk": t("language.sym.unk"), "bos": t("language.sym.bos"), "other": t("language.sym.other")}
    return html.unescape(figs.symbols(text, labels))


def _value(x: float) -> str:
    return fmt(x) if math.isfinite(x) else "∞"


def curve_alt(model: LanguageModel, t: Say = t) -> str:
    """The curve: training and test cross-entropy at the ends, the test's lowest, and the reader's context."""
    a, c = model.analysis, model.analysis.curve
    last = len(c.contexts) - 1
    return t(
        "language.alt.curve",
        unit=t("language.per_char", unit=t(f"unit.short.{model.unit}")),
        K=last,
        a=_value(float(c.train[0])),
        b=_value(float(c.train[last])),
        ta=_value(float(c.test[0])),
        tb=_value(float(c.test[last])),
        best=c.best,
        lo=_value(float(c.test[c.best])),
        k=model.context,
        train=_value(a.train_ce),
        test=_value(a.test_ce),
    )


def curve_data(model: LanguageModel) -> pd.DataFrame:
    c = model.analysis.curve
    return pd.DataFrame(
        {
            "k": c.contexts.astype(int),
            t("language.curve.train"): np.round(c.train, 4),
            t("language.curve.test"): np.round(c.test, 4),
        }
    )


def grid_alt(model: LanguageModel, t: Say = t) -> str:
    """The surprisal grid: how many characters, and the most surprising one."""
    d = model.analysis.drawn
    return t(
        "language.alt.grid",
        shown=len(d.chars),
        total=f"{d.total:,}",
        c=_plain(d.chars[d.worst], t),
        i=d.worst + 1,
        q=fmt(float(d.probability[d.worst])),
        s=_value(float(d.surprisal[d.worst])),
        unit=t(f"unit.short.{model.unit}"),
        mean=_value(float(np.mean(d.surprisal))),
    )


def grid_data(model: LanguageModel) -> pd.DataFrame:
    d = model.analysis.drawn
    return pd.DataFrame(
        {
            "#": np.arange(1, len(d.chars) + 1),
            t("language.alt.col.char"): [_plain(c, t) for c in d.chars],
            "q": np.round(d.probability, 4),
            t("language.alt.col.surprisal", unit=unit_short(model.unit)): np.round(d.surprisal, 3),
        }
    )


def next_alt(model: LanguageModel, t: Say = t) -> str:
    """The next-character bars: the most likely character after the history, and how sure the model is."""
    nxt = model.analysis.next
    return t(
        "language.alt.next",
        h=_plain(nxt.used, t) or "—",
        c=_plain(nxt.symbols[0], t),
        q=fmt(float(nxt.q[0])),
        n=len(nxt.symbols),
    )


def next_data(model: LanguageModel) -> pd.DataFrame:
    nxt = model.analysis.next
    table = {t("language.alt.col.char"): [_plain(c, t) for c in nxt.symbols], "q": np.round(nxt.q, 4)}
    if nxt.p is not None:
        table["p"] = np.round(nxt.p, 4)
    return pd.DataFrame(table)


def sizes_alt(model: LanguageModel, t: Say = t) -> str:
    """The sizes: the test text in UTF-8 and the smallest coding of it."""
    s = model.analysis.sizes
    names = {"model": t("language.alt.model"), "zlib": "zlib", "bz2": "bz2", "lzma": "lzma"}
    best = s.order[0]
    size = s.ideal_bytes if best == "model" else s.compressed[best]
    return t(
        "language.alt.sizes",
        n=f"{s.chars:,}",
        utf8=f"{s.utf8_bytes:,}",
        best=names[best],
        bytes=fmt(size, 0) if math.isfinite(size) else "∞",
        b=_value(s.bits_per_char(best)),
    )


def sizes_data(model: LanguageModel) -> pd.DataFrame:
    s = model.analysis.sizes
    names = ["utf-8", "zlib", "bz2", "lzma", "model"]
    sizes = [s.utf8_bytes, *(s.compressed[n] for n in ("zlib", "bz2", "lzma")), s.ideal_bytes]
    return pd.DataFrame(
        {
            t("language.alt.col.coding"): [t("language.sizes.utf8"), "zlib", "bz2", "lzma", t("language.alt.model")],
            t("language.alt.col.bytes"): [round(float(b), 1) for b in sizes],
            t("language.sizes.y"): [round(s.bits_per_char(n), 3) for n in names],
        }
    )


def close_up(ctx: PageState, model: LanguageModel, look: str) -> None:
    """One of the model's close-ups (``look``: ``grid``, ``next`` or ``sizes``), under its full title."""
    st.markdown(f"**{t(f'language.header.{look}')}**")
    if look == "grid":
        st.caption(t("language.grid.intro"))
        surprise(model)
    elif look == "next":
        next_char(ctx, model)
    else:
        st.caption(t("language.sizes.intro"))
        compression(model)
