"""Home page state: the probability of an event, for the self-information demo."""

from xentcore.app.share import Float, Schema

HOME = Schema("home", (Float("pe", 0.25, lo=0.01, hi=1.0, step=0.01),))
