"""read_document: .txt, .html, .pdf and .docx in, clear refusals for what cannot be read."""

from __future__ import annotations

import html
import io
import re
import zipfile

import docx
import pypdf
import pytest
import weasyprint
from docx.oxml import parse_xml

from resolutions.precedents.importer import DocumentError, parse_resolution, read_document

from tests.resolutions.precedents.parsing import MB, call_numbers, fixture, parse


def test_empty_file_is_refused():
    with pytest.raises(DocumentError, match="is empty"):
        read_document("draft.txt", b"")


def test_binary_data_named_txt_is_refused():
    with pytest.raises(DocumentError, match="binary data"):
        read_document("draft.txt", bytes(range(256)) * 4)
    with pytest.raises(DocumentError, match="binary data"):
        read_document("draft.txt", b"\x01\x02\x03\x04 mostly control characters \x05\x06\x07\x08" * 10)


def test_a_pdf_named_txt_is_refused_with_a_hint():
    with pytest.raises(DocumentError, match="give it the .pdf extension"):
        read_document("draft.txt", b"%PDF-1.7\n\x00\x01binary")


def test_file_over_the_size_limit_is_refused_with_size_and_limit_in_mb():
    with pytest.raises(DocumentError, match=r"is 10\.1 MB; the limit is 10 MB\."):
        read_document("big.txt", b"a" * (10 * MB + 1))
    with pytest.raises(DocumentError, match=r"is 2\.5 MB; the limit is 2 MB\."):
        read_document("big.txt", b"a" * (5 * MB // 2), max_bytes=2 * MB)


def test_unsupported_extension_is_refused():
    with pytest.raises(DocumentError, match=r"\.doc cannot be imported.*\.txt, \.pdf or \.docx.*Save it as \.docx"):
        read_document("old.doc", b"data")
    with pytest.raises(DocumentError, match="no file extension"):
        read_document("README", b"data")


def test_cp1252_text_with_smart_quotes_decodes_correctly():
    text = "WHEREAS, the “Know Your Supplier” rule – adopted in 2021 – isn’t met…"
    assert read_document("draft.txt", text.encode("cp1252")) == text


def test_text_in_an_encoding_that_would_be_garbled_is_refused():
    with pytest.raises(DocumentError, match="encoding"):
        read_document("draft.txt", "Акционеры просят совет директоров".encode("cp1251"))


def test_utf8_bom_and_utf16_bom_are_decoded():
    text = "RESOLVED: Shareholders request a report."
    assert read_document("draft.txt", b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert read_document("draft.text", text.encode("utf-16")) == text


def test_windows_line_endings_and_odd_spaces_are_normalized():
    data = "Title  \r\n\r\nWHEREAS,\u00a0costs\trise.\r\n".encode("utf-8")
    assert read_document("draft.txt", data) == "Title\n\nWHEREAS, costs rise."


def test_markdown_headings_and_bold_are_unwrapped():
    data = b"# Water Use\n\n**RESOLVED:** Shareholders request a report.[^1]\n\n[^1]: https://example.org/w"
    result = parse(read_document("draft.md", data))
    assert result["title"] == "Water Use"
    assert result["resolved"] == ["Shareholders request a report."]
    assert result["footnotes"] == [{"number": 1, "text": "https://example.org/w", "urls": ["https://example.org/w"]}]


def html_from_text(text: str) -> str:
    """Render a fixture as HTML: a heading, paragraphs, bullet lists, <sup> calls."""

    def sup(match: re.Match[str]) -> str:
        digits = match[2].translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
        return f'<span style="white-space:nowrap">{match[1]}<sup>{digits}</sup></span>'

    def inline(line: str) -> str:
        return re.sub(r"(\S*?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", sup, html.escape(line))

    blocks = [block.split("\n") for block in text.strip().split("\n\n")]
    body = [f"<h1>{inline(blocks[0][0])}</h1>"]
    for lines in blocks[1:]:
        if all(line.startswith("• ") for line in lines):
            body.append("<ul>" + "".join(f"<li>{inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            body.append("<p>" + "<br>".join(inline(line) for line in lines) + "</p>")
    return "<html><body>" + "\n".join(body) + "</body></html>"


def test_a_pdf_made_from_a_resolution_parses_to_the_same_structure():
    text = fixture("packaging-for-pdf.txt")
    pdf = weasyprint.HTML(string=html_from_text(text)).write_pdf()
    from_pdf = parse_resolution(read_document("packaging.pdf", pdf), filename="packaging.pdf").as_dict()
    assert from_pdf == parse_resolution(text, filename="packaging.pdf").as_dict()
    assert call_numbers(from_pdf) == [1, 2, 3]
    assert len(from_pdf["filers"]) == 3


def test_a_two_column_pdf_is_read_column_by_column():
    text = fixture("packaging-for-pdf.txt")
    columns = "<style>body { columns: 2; column-gap: 0.35in } h1 { column-span: all }</style>"
    pdf = weasyprint.HTML(string=html_from_text(text).replace("<html>", f"<html><head>{columns}</head>")).write_pdf()
    from_pdf = parse_resolution(read_document("packaging.pdf", pdf), filename="packaging.pdf").as_dict()
    assert from_pdf == parse_resolution(text, filename="packaging.pdf").as_dict()


def test_columns_between_full_width_lines_are_read_left_then_right_then_what_follows():
    first = " ".join(f"Site {n} reported a methane leak to the state regulator." for n in range(1, 9))
    second = " ".join(f"Investors at site {n} asked for measured figures." for n in range(1, 9))
    page = ('<html><head><style>main { display: flex; gap: 0.4in } main > * { flex: 1 } main p { margin: 0 }'
            "</style></head><body><h1>Methane Measurement</h1><p>RESOLVED: Shareholders request a report on measured methane.</p>"
            f"<h2>Supporting Statement</h2><main><div><p>{first}</p><p>Measure it.</p></div><p>{second}</p></main>"
            "<p>Both columns above come before this line, which runs across the whole width of the page.</p>"
            "</body></html>")
    from_pdf = parse(read_document("methane.pdf", weasyprint.HTML(string=page).write_pdf()))
    assert from_pdf["supporting"] == [
        first, "Measure it.", second,
        "Both columns above come before this line, which runs across the whole width of the page."]


def test_a_page_holding_only_a_table_of_filers_is_read_row_by_row():
    rows = [("Lena Fischer", "Alder Street Investments"), ("Omar Haddad", "Cedar Ridge Pension Fund"),
            ("Ruth Okafor", "Birchwood Community Trust"), ("Sam Lee", "Harbor Light Sisters"),
            ("Ana Diaz", "Millrace Endowment"), ("Ben Cho", "North Fork Capital"),
            ("Ida Berg", "Quarry Lane Foundation"), ("Tom Ruiz", "Saltmarsh Retirement Plan"),
            ("Eve Park", "Thornfield Investors")]
    table = "".join(f"<tr><td>{name}</td><td>{organization}</td></tr>" for name, organization in rows)
    page = (f"<html><head><style>td {{ padding: 2pt 40pt 2pt 0 }}</style></head><body><p>Co-filers</p>"
            f"<table>{table}</table></body></html>")
    text = read_document("filers.pdf", weasyprint.HTML(string=page).write_pdf())
    assert [line for line in text.splitlines() if line][1:] == [f"{name} {organization}" for name, organization in rows]


def test_a_pdf_with_notes_at_the_page_foot_keeps_a_paragraph_cut_by_the_page_break_whole():
    sentences = " ".join(f"Plant {n} draws water from a stressed river basin." for n in range(1, 91))
    css = (
        ".note { float: footnote } "
        "::footnote-call { content: counter(footnote); vertical-align: super; font-size: 70% } "
        "::footnote-marker { content: counter(footnote) ' ' }"
    )
    page = (
        f"<html><head><style>{css}</style></head><body><h1>Water Stress</h1>"
        f'<p>WHEREAS, our plants are exposed.<span class="note">Basin atlas, https://water.example.org/atlas</span></p>'
        f'<p>{sentences} The risk is rising.<span class="note">https://water.example.org/trend</span></p>'
        "<p>RESOLVED: Shareholders request a water risk report.</p></body></html>"
    )
    text = read_document("water.pdf", weasyprint.HTML(string=page).write_pdf())
    result = parse(text)
    assert len(result["whereas"]) == 2
    assert result["whereas"][1] == sentences + " The risk is rising."
    assert result["resolved"] == ["Shareholders request a water risk report."]
    assert result["calls"] == [{"part": "whereas", "index": 0, "number": 1}, {"part": "whereas", "index": 1, "number": 2}]
    assert [note["urls"] for note in result["footnotes"]] == [
        ["https://water.example.org/atlas"],
        ["https://water.example.org/trend"],
    ]
    assert result["warnings"] == []


def test_a_pdf_without_a_text_layer_is_refused():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentError, match=r"^This PDF has no text layer \(it is probably a scan\)"):
        read_document("scan.pdf", buffer.getvalue())


def test_a_corrupt_pdf_is_refused():
    with pytest.raises(DocumentError, match="could not be read"):
        read_document("broken.pdf", b"%PDF-1.7\nnot really a pdf")


def superscript_run(paragraph, number: int) -> None:
    paragraph.add_run(str(number)).font.superscript = True


def word_footnote_reference(paragraph, number: int) -> None:
    """A footnote reference as Word writes it; ids need not match display numbers."""
    paragraph._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{number + 10}"/></w:r>'
        )
    )


def make_docx(add_call) -> bytes:
    document = docx.Document()
    document.add_paragraph("Plastic Packaging Reduction")
    add_call(document.add_paragraph("WHEREAS, single-use packaging makes up much of the waste we discard."), 1)
    document.add_paragraph("Cities are adopting rules:")
    document.add_paragraph("bans on foam containers", style="List Bullet")
    document.add_paragraph("fees on carrier bags", style="List Bullet")
    add_call(document.add_paragraph("RESOLVED: Shareholders ask the Board to report on packaging by 2026."), 2)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_word_footnotes(data: bytes, notes: dict[int, str]) -> bytes:
    """Add a footnotes part, as Word writes it, to a .docx made by python-docx."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    footnotes = (
        f'<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        + "".join(
            f'<w:footnote w:id="{note_id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'
            for note_id, text in notes.items()
        )
        + "</w:footnotes>"
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return output.getvalue()


def test_a_docx_keeps_paragraphs_list_bullets_and_superscript_calls():
    result = parse(read_document("packaging.docx", make_docx(superscript_run)))
    assert result["title"] == "Plastic Packaging Reduction"
    assert result["whereas"] == [
        "Single-use packaging makes up much of the waste we discard.",
        "Cities are adopting rules:\n- bans on foam containers\n- fees on carrier bags",
    ]
    assert result["resolved"] == ["Shareholders ask the Board to report on packaging by 2026."]
    assert result["calls"] == [
        {"part": "whereas", "index": 0, "number": 1},
        {"part": "resolved", "index": 0, "number": 2},
    ]
    assert result["warnings"] == ["Footnote calls 1–2 were found but the document has no footnote texts."]


def test_bullet_call_offsets_count_the_lines_and_dashes_before_them():
    parsed = parse_resolution("Title\n\nWHEREAS, two facts:\n\n• first fact;¹\n• second [2] fact.\n\nRESOLVED, report.")
    part = parsed.whereas[0]
    assert part == "Two facts:\n- first fact;\n- second fact."
    offsets = [call["offset"] for call in parsed.calls_with_offsets()]
    assert [part[:offset] for offset in offsets] == [
        "Two facts:\n- first fact;",
        "Two facts:\n- first fact;\n- second",
    ]


def test_word_footnotes_in_a_docx_become_calls_and_notes():
    notes = {11: "City packaging rules, https://cities.example.org/rules", 12: "Industry survey, 2024."}
    data = add_word_footnotes(make_docx(word_footnote_reference), notes)
    result = parse(read_document("packaging.docx", data))
    assert call_numbers(result) == [1, 2]
    assert result["resolved"] == ["Shareholders ask the Board to report on packaging by 2026."]
    assert result["footnotes"] == [
        {
            "number": 1,
            "text": "City packaging rules, https://cities.example.org/rules",
            "urls": ["https://cities.example.org/rules"],
        },
        {"number": 2, "text": "Industry survey, 2024.", "urls": []},
    ]
    assert result["warnings"] == []


def test_a_docx_filer_table_is_read_row_by_row():
    document = docx.Document()
    document.add_paragraph("Water Use")
    document.add_paragraph("RESOLVED: Shareholders request a water report.")
    document.add_paragraph("Lead Filer")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ana Ribeiro"
    table.cell(0, 1).text = "Green Harbor Capital"
    buffer = io.BytesIO()
    document.save(buffer)
    result = parse(read_document("water.docx", buffer.getvalue()))
    assert result["filers"] == [{"name": "Ana Ribeiro", "organization": "Green Harbor Capital", "lead": True}]


def test_a_corrupt_docx_is_refused():
    with pytest.raises(DocumentError, match="could not be read"):
        read_document("broken.docx", b"PK\x03\x04 this is not a real zip archive")
    with pytest.raises(DocumentError, match="could not be read"):
        read_document("broken.docx", b"plain text with the wrong extension")
