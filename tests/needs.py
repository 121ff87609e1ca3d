"""What a test needs from the machine: a tool the project's scripts install, or a service they start.

Missing on a developer's machine, the test is skipped with the script to run; missing in CI (`CI`
set), where the scripts have run, it fails, since a skipped test there would hide a broken install.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def missing(message: str) -> NoReturn:
    """Fail in CI, skip elsewhere."""
    if in_ci():
        pytest.fail(f"{message} (required in CI)")
    pytest.skip(message)


def chromium() -> str:
    """Debian's chromium (scripts/browser.sh installs it), for Playwright."""
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    return found or missing("chromium is not installed: run scripts/browser.sh")
