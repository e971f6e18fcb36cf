"""The bundled example episode in every output format, checked in under
tests/golden/ (``UPDATE_GOLDEN=1 pytest`` rewrites them), the Podcasting
2.0 JSON documents validated against their schemas."""

from __future__ import annotations

import json

import pytest

import transcripts

from .conftest import EXAMPLES, GOLDEN, check_golden
from .formats_support import spoken

#: (golden file, format, profile)
OUTPUTS = [
    ("tidewater.srt", "srt", None),
    ("tidewater.netflix.srt", "srt", "netflix"),
    ("tidewater.bbc.srt", "srt", "bbc"),
    ("tidewater.vtt", "vtt", None),
    ("tidewater.transcript.json", "podcast-json", None),
    ("tidewater.chapters.json", "chapters", None),
    ("tidewater.html", "html", None),
    ("tidewater.ttml", "ttml", None),
    ("tidewater.txt", "text", None),
    ("tidewater.md", "markdown", None),
]

SCHEMAS = {"podcast-json": "podcast-transcript.schema.json", "chapters": "podcast-chapters.schema.json"}


@pytest.fixture(scope="module")
def episode() -> transcripts.Transcript:
    return transcripts.load(EXAMPLES / "tidewater.txt")


@pytest.mark.parametrize("name, fmt, profile", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_example_golden(episode, validate, name, fmt, profile):
    out = transcripts.dumps(episode, fmt, profile=profile)
    check_golden(name, out)
    if fmt in SCHEMAS:
        validate(json.loads(out), SCHEMAS[fmt])
    back = transcripts.load(GOLDEN / name)
    if fmt == "chapters":
        # The topics placed in the text, in order, then the silent ones where the text stops.
        assert [p.title for p in back.topics] == [p.title for p in episode.topics if p.in_text] + [
            p.title for p in episode.topics if not p.in_text
        ]
        assert [p.in_text for p in back.topics] == [True] * 3 + [False] * 4
    else:
        assert spoken(back) == spoken(episode)


def test_golden_files_are_read_by_detection(episode):
    for name, fmt, _ in OUTPUTS:
        text = (GOLDEN / name).read_text(encoding="utf-8")
        assert transcripts.read(text, filename=name).format == fmt, name
        assert transcripts.read(text).format == fmt, name
