"""Replicas behind nginx: ``python -m benchmarks.replicas`` (several browser sessions through nginx; sticky
sessions, uploads and WebSockets on one replica, a share link that survives its replica) exits 0.

Skips when nginx or Chromium is missing, except under ``CI=true``, where that is a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from browser_support import ROOT, browser_missing


def _missing() -> str | None:
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        return "nginx not found: apt-get install nginx"
    return browser_missing()


def test_replicas_behind_nginx_are_sticky_and_survive_a_lost_replica():
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the replicas test: {reason}")
        pytest.skip(reason)
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.replicas"], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
