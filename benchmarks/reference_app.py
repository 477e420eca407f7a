"""The bare reference page the speed budgets are ratios to: one slider, one metric, one small plotly chart.

``python -m benchmarks`` serves it beside the app, the same way (``streamlit run``, the same flags, its own
server on loopback), and measures it with the same procedure as every page of the app. It stands for the
least a Streamlit page costs on this machine today: a page within a few times of it feels instant.
Keep it bare; it imports no part of xent.

``?extra=N`` adds N short paragraphs under the chart, each with the slider's value in it, so each changes on
every move: the same page with as many elements as one of the app's, and nothing computed (the benchmarks'
measure of what a page's size alone costs in the browser; no budget).
"""

import plotly.graph_objects as go
import streamlit as st

st.title("Reference")
x = st.slider("x", min_value=0, max_value=100, value=50, key="ref.x")
st.metric("x squared", x * x)
xs = list(range(21))
st.plotly_chart(go.Figure(go.Scatter(x=xs, y=[(v - x / 5) ** 2 for v in xs], mode="lines+markers")), key="ref.chart")
extra = st.query_params.get("extra", "0")
for i in range(int(extra) if extra.isdigit() else 0):
    st.markdown(f"Paragraph {i + 1}: x is now **{x}**, and x / {i + 2} is {x / (i + 2):.3f}.")
