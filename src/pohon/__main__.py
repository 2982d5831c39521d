"""``python -m pohon``: the ``pohon`` command line."""

import sys

from pohon.cli import main

if __name__ == "__main__":
    sys.exit(main())
