"""Which implementation of the hot loops runs: the compiled ``_speedups`` extension where
it was built, else the pure-Python ``_pure`` twins, which give bit-identical results.

``TEXTHYGIENE_PURE=1`` (any value but empty or ``0``) forces the pure ones, read once at
import. ``COMPILED`` (also ``texthygiene.COMPILED``) says which run.
"""

from __future__ import annotations

import os

#: The environment variable that forces the pure-Python loops.
PURE_ENV = "TEXTHYGIENE_PURE"

if os.environ.get(PURE_ENV, "") not in ("", "0"):
    from ._pure import host_words, viterbi

    COMPILED = False
else:
    try:
        from ._speedups import host_words, viterbi
    except ImportError:  # not built here (no compiler at install time): the same, slower
        from ._pure import host_words, viterbi

        COMPILED = False
    else:
        COMPILED = True

__all__ = ["COMPILED", "PURE_ENV", "host_words", "viterbi"]
