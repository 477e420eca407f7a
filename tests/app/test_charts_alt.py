"""``chart``: the alt text reaches the browser, an empty one is refused, the data table costs nothing until shown."""

import pytest
from apptest_support import drawn_charts
from streamlit.testing.v1 import AppTest

from xentcore.app.ui.text import TABLE

TIMEOUT = 30


def one_chart(alt: str, with_data: bool) -> None:
    import pandas as pd
    import streamlit as st

    from xentcore.app.ui.charts import chart

    def table() -> pd.DataFrame:
        st.session_state["builds"] = st.session_state.get("builds", 0) + 1
        return pd.DataFrame({"p": [0.1, 0.5, 0.9], "loss (nats)": [2.3026, 0.6931, 0.1054]})

    fig = {"data": [{"type": "scatter", "x": [0.1, 0.5, 0.9], "y": [2.3026, 0.6931, 0.1054]}]}
    chart(fig, key="demo.fig", alt=alt, data=table if with_data else None)


def run(alt: str, with_data: bool = True) -> AppTest:
    return AppTest.from_function(one_chart, args=(alt, with_data), default_timeout=TIMEOUT).run()


def test_the_alt_text_reaches_the_chart():
    at = run("  Loss falls from 2.30 nats at p = 0.1 to 0.11 nats at p = 0.9.  ")
    assert not at.exception
    (shown,) = drawn_charts(at)
    assert shown.alt == "Loss falls from 2.30 nats at p = 0.1 to 0.11 nats at p = 0.9."
    assert shown.config["displayModeBar"] is False


@pytest.mark.parametrize("alt", ["", "   \n"])
def test_an_empty_alt_is_refused(alt):
    at = run(alt)
    assert at.exception
    assert "needs an alt text" in at.exception[0].message
    assert not drawn_charts(at)


def test_the_data_table_is_built_only_when_shown():
    at = run("Loss against p.")
    toggle = at.toggle(key="demo.fig.data")
    assert toggle.label == TABLE["chart.data"][0] and toggle.value is False
    assert not at.dataframe and "builds" not in at.session_state
    toggle.set_value(True).run()
    assert at.session_state["builds"] == 1
    assert list(at.dataframe[0].value.columns) == ["p", "loss (nats)"]
    at.toggle(key="demo.fig.data").set_value(False).run()
    assert not at.dataframe and at.session_state["builds"] == 1


def test_no_data_no_toggle():
    at = run("Loss against p.", with_data=False)
    assert not at.toggle and len(drawn_charts(at)) == 1
