"""``python -m transcripts``: the same as the ``transcripts`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
