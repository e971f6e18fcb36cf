"""Word documents: a .docx made here (the layout transcription services
deliver: bold names, a heading, a list of topics, a table) read by the text
parser; detection by content; bad files named with a clear error."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from xml.sax.saxutils import escape

import pytest

import transcripts
from transcripts.errors import ParseError

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(*runs: str, style: str = "", numbered: bool = False) -> str:
    ppr = ""
    if style or numbered:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else "") + "</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def docx(body: str, title: str = "") -> bytes:
    styles = (
        f'<w:styles {W}><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>'
        f'<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style></w:styles>'
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(title)}</dc:title></cp:coreProperties>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", styles)
        if title:
            z.writestr("docProps/core.xml", core)
    return out.getvalue()


EPISODE = "".join(
    [
        _p(_run("Harbour Walls, Episode 4"), style="Titel"),
        _p(_run("We discuss:")),
        _p(_run("Silt in the channel"), numbered=True),
        _p(_run("The old sea wall"), numbered=True),
        _p(_run("Ada Lind:", bold=True), _run(" Welcome, Marisol. How did the survey go?")),
        _p(_run("Marisol Vega:", bold=True), _run(" Slowly. The silt had moved"), _run(" again.")),
        _p(_run("We measured it twice.")),
        _p(_run("Ada Lind:", bold=True), _run(" And the wall?")),
        _p(_run("Marisol Vega:", bold=True), _run(" Still\tstanding.")),
    ]
)


def test_a_word_transcript_reads_as_its_text_would():
    t = transcripts.loads(docx(EPISODE, title="Property title"), filename="ep.docx")
    assert [s.name for s in t.speakers] == ["Ada Lind", "Marisol Vega"]
    assert [u.paragraphs for u in t.turns] == [
        ("Welcome, Marisol. How did the survey go?",),
        ("Slowly. The silt had moved again.", "We measured it twice."),
        ("And the wall?",),
        ("Still standing.",),
    ]
    assert t.metadata.title == "Harbour Walls, Episode 4"  # the Title style, before the property
    assert t.turns[0].lines is not None and t.turns[0].lines.start == 5  # paragraph numbers


def test_the_title_property_serves_when_the_text_has_none_and_tables_are_read():
    cell = "<w:tbl><w:tr><w:tc>" + _p(_run("Ada Lind: Hello.")) + "</w:tc><w:tc>" + _p(_run("Bo Chen: Hi.")) + "</w:tc></w:tr></w:tbl>"
    t = transcripts.loads(docx(cell + _p(_run("Ada Lind: Bye.")), title="From the properties"), "docx")
    assert t.metadata.title == "From the properties"
    assert [" ".join(u.paragraphs) for u in t.turns] == ["Hello.", "Hi.", "Bye."]


def test_detected_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "episode.bin"
    path.write_bytes(docx(EPISODE))
    reading = transcripts.read(path.read_bytes(), filename=str(path))
    assert reading.format == "docx"
    out = subprocess.run([sys.executable, "-m", "transcripts", "convert", str(path), "--to", "text", "-q"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    # The title is the document's "# " heading, written once.
    assert out.stdout.startswith("# Harbour Walls, Episode 4\n") and out.stdout.count("Harbour Walls") == 1
    assert "Marisol Vega: Slowly." in out.stdout


@pytest.mark.parametrize(
    "data, message",
    [
        (b"PK\x03\x04 not really a zip", "not a zip archive"),
        (b"plain bytes", "not a zip archive"),
    ],
)
def test_what_is_no_word_document_is_a_clear_error(data, message):
    with pytest.raises(ParseError, match=message) as err:
        transcripts.loads(data, "docx", filename="bad.docx")
    assert "bad.docx" in str(err.value)


def test_a_zip_without_a_document_or_with_broken_xml_is_named():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ParseError, match="no word/document.xml"):
        transcripts.loads(out.getvalue(), "docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(ParseError, match="malformed XML"):
        transcripts.loads(out.getvalue(), "docx")
    with pytest.raises(ValueError, match="bytes"):
        transcripts.loads("Ada: text", "docx")


def test_check_reads_a_word_document_from_its_bytes(tmp_path):
    from transcripts.check import check_file

    path = tmp_path / "ep.docx"
    path.write_bytes(docx(EPISODE))
    assert all(f.code != "unreadable" for f in check_file(path))


def test_a_text_box_is_read_once_and_deleted_text_not_at_all():
    box = "<w:r><w:pict><w:txbxContent>" + _p(_run("Bo Chen: From the box.")) + "</w:txbxContent></w:pict></w:r>"
    deleted = '<w:del><w:r><w:delText>struck</w:delText></w:r></w:del>'
    body = _p(_run("Ada Lind: Hello."), deleted, box) + _p(_run("Ada Lind: Bye.")) + _p(_run("Bo Chen: Bye now."))
    t = transcripts.loads(docx(body), "docx")
    said = " ".join(p for u in t.turns for p in u.paragraphs)
    assert said.count("From the box.") == 1 and "struck" not in said
