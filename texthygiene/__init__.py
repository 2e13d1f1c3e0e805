"""texthygiene: repair encoding, identify languages, flag and remove injected foreign text.

>>> import texthygiene
>>> texthygiene.clean("Een mooie dag in het park.где взять деньги быстро")
'Een mooie dag in het park.'
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .chardata import LANGUAGES
from .config import Config, TextTooLarge
from .decode import Decoded, decode
from .explain import WordEvidence, explain_words
from .pipeline import clean, scan
from .repair import repair
from .results import SCHEMA_VERSION, Edit, Finding, RepairStep, Report, Segment
from .speedups import COMPILED

__version__ = "0.1.0"
__all__ = [
    "COMPILED",
    "LANGUAGES",
    "SCHEMA_VERSION",
    "Config",
    "Decoded",
    "Edit",
    "Finding",
    "RepairStep",
    "Report",
    "Segment",
    "TextTooLarge",
    "WordEvidence",
    "__version__",
    "clean",
    "clean_html",
    "decode",
    "explain_words",
    "repair",
    "scan",
    "scan_html",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from .html import clean_html, scan_html


def __getattr__(name: str) -> Any:
    # The HTML reader loads on first use: plain-text callers (most) never pay its import.
    if name in ("clean_html", "scan_html"):
        from . import html

        return getattr(html, name)
    raise AttributeError(f"module 'texthygiene' has no attribute {name!r}")
