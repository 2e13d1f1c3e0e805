"""Headless Chromium for the report's tests, benchmark and screenshot: Debian's, never a download.

Playwright's own browser builds are never installed; it drives the system ``chromium``.
``launch`` (not a persistent context) gives every run a fresh temporary profile.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path(os.environ.get("TEXTHYGIENE_CHROMIUM", "/usr/bin/chromium"))
ARGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch(playwright: Playwright) -> Browser:
    """Start Debian's Chromium headless with a fresh profile."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium package")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(ARGS), headless=True)
