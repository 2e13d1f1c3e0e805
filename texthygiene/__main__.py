"""``python -m texthygiene``."""

import sys

from .cli import main

if __name__ == "__main__":  # worker processes may import this module: they must not run it
    sys.exit(main())
