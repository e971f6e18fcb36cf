"""``python -m transcripts``: the same as the ``transcripts`` command."""

from .cli import main_entry

if __name__ == "__main__":
    main_entry()
