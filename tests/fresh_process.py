"""What a fresh Python process prints: for tests of what a new process finds on disk
(caches kept by an earlier one) without anything this test process holds in memory."""

from __future__ import annotations

import subprocess
import sys


def fresh_process_says(code: str) -> str:
    """Run `code` in a new interpreter (same environment) and return its stdout, stripped."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120).stdout.strip()
