"""Hostile files made in the test, small to send and huge to read: a PDF stream that inflates to gigabytes,
a PDF of tens of thousands of pages, a .docx whose ZIP unpacks far past its size."""
import io
import struct
import zipfile
import zlib

import docx

MB = 1024 * 1024
TEXT = b"BT /F1 12 Tf 72 720 Td (A page of our own) Tj ET\n"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 the catalog), with a correct cross-reference table."""
    pieces, offsets, size = [b"%PDF-1.7\n"], [], 9
    for number, body in enumerate(objects, start=1):
        offsets.append(size)
        pieces.append(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        size += len(pieces[-1])
    xref = size
    pieces.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    pieces += [b"%010d 00000 n \n" % offset for offset in offsets]
    return b"".join(pieces) + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def _document(contents: bytes, pages: int = 1, stream_attributes: bytes = b"") -> bytes:
    """Catalog, page tree, font and one content stream shared by ``pages`` pages."""
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(contents), stream_attributes, contents),
        *[page] * pages,
    ])


def many_pages(pages: int) -> bytes:
    return _document(TEXT, pages=pages)


def inflating(megabytes: int) -> bytes:
    """A one-page PDF whose content stream (our text, then spaces) inflates to ``megabytes`` MB.

    After a full flush the compressor starts afresh, so every further megabyte of spaces packs to the
    same bytes: the stream is written by repeating them, without compressing gigabytes here.
    """
    chunk = b" " * MB
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(TEXT) + packer.flush(zlib.Z_FULL_FLUSH)
    packer.compress(chunk)
    packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = zlib.adler32(TEXT)
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    stream = b"\x78\xda" + head + again * megabytes + packer.flush() + struct.pack(">I", checksum)
    return _document(stream, stream_attributes=b"/Filter /FlateDecode")


def word_file(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_docx(megabytes: int = 80) -> bytes:
    """A real .docx with one more part: ``megabytes`` MB of zeros packed a thousand to one."""
    out = io.BytesIO(word_file("RESOLVED: Shareholders request a report."))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/filler.bin", b"\0" * (megabytes * MB))
    return out.getvalue()


def many_parts_docx(parts: int) -> bytes:
    out = io.BytesIO(word_file("RESOLVED: Shareholders request a report."))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        for index in range(parts):
            archive.writestr(f"word/extra/part{index}.xml", b"<a/>")
    return out.getvalue()
