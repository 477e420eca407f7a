"""Optional reference implementations for the core tests. PyTorch is optional locally (its tests skip with a
message) but required under ``CI=true``, where ``.ci/run`` installs the CPU build: a reference test that CI skips
would be a test that cannot fail."""

import os

import pytest


def import_torch():
    """``torch``, or a skip (locally) / a failure (in CI) when it is not installed."""
    try:
        import torch
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs PyTorch for the reference tests: pip install torch==2.13.0")
        pytest.skip("PyTorch is not installed (optional locally: pip install torch==2.13.0)")
    return torch
