"""A small custom parser for "Full Name: text" transcripts (what
transcripts calls the ``name-colon`` convention, its ``full-name``
variant), the kind a user writes for one show: it is what
examples/test_my_parser.py tests.

    >>> parse("Ann Lee: Hello.\\n\\nMore from Ann.\\n\\nBo Chen: Hi.\\n")
    (('Ann Lee', ('Hello.', 'More from Ann.')), ('Bo Chen', ('Hi.',)))
"""

from __future__ import annotations

PARTICLES = {"van", "von", "der", "den", "de", "del", "la", "le", "da", "di", "du", "al", "el", "y"}


def _is_name(candidate: str) -> bool:
    """One to six words, each capitalised (or in a script without case),
    or a particle such as "van der"; the last one not a particle."""
    words = candidate.split(" ")
    if not 1 <= len(words) <= 6 or words[-1] in PARTICLES:
        return False
    return all(w in PARTICLES or (w[:1].isalpha() and not w[:1].islower()) for w in words)


def parse(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """((speaker, paragraphs), …) for each turn; editor notes in square
    brackets are skipped, unlabelled paragraphs continue the turn."""
    turns: list[tuple[str, list[str]]] = []
    text = text.lstrip("\ufeff").replace("\u00a0", " ")
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or line.strip("*").startswith("[") and line.strip("*").endswith("]"):
            continue
        name, sep, rest = line.partition(": ")
        if sep and _is_name(name):
            turns.append((name, [rest]))
        elif turns:
            turns[-1][1].append(line)
    return tuple((name, tuple(paras)) for name, paras in turns)
