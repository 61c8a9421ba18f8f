"""Several PDFs as one, in order, with a bookmark per document."""
from io import BytesIO

from pypdf import PdfReader, PdfWriter


def merge_pdfs(documents: list[tuple[str, bytes]], *, metadata: dict[str, str]) -> bytes:
    writer = PdfWriter()
    for title, data in documents:
        writer.append(PdfReader(BytesIO(data)), outline_item=title)
    writer.add_metadata(metadata)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
