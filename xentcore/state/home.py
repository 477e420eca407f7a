"""Home page state: nothing beyond the shared settings."""

from xentcore.share import Schema

HOME = Schema("home", ())
