"""What goes into a filing packet, in the order the Corporate Secretary reads it, with packet page numbers.

Cover letter (listing the enclosures and their pages), the proposal, one letter per filer, each
represented shareholder's authorization, the proof-of-ownership letters, the sign-on certificate. Each document keeps its own "Page 1
of 2"; beside it runs "Packet page 7 of 19". The pages are laid out once to count them, then
again with the numbers (a layout does not depend on the footer). Uploaded letters are placed
as page images with alt text, so the joined packet stays one tagged PDF/UA document.
"""
from dataclasses import dataclass, field
from io import BytesIO

import pypdfium2
from PIL import Image
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from config import untrusted

from ..models import DraftVersion
from resolutions.filing.pdf.fetcher import StaticOnlyFetcher
from resolutions.filing.pdf.filers import Filer
from resolutions.filing.pdf.letters import letter_html
from resolutions.filing.pdf.proposal import ProposalDocument
from resolutions.filing.pdf.render import combine_pdf, render_document
from .models import OwnershipProof

PAGE_IMAGE_SCALE = 2  # 144 dpi: a broker's small print stays legible
CHECK_SCALE = 0.1  # at upload a page is drawn this small: all of it is read, little is drawn
MAX_UPLOADED_PAGES = 10  # a broker's letter has one or two
MAX_PAGE_PIXELS = 40_000_000  # an uploaded page image: a letter page at 600 dpi is 34 million


@dataclass
class PacketPart:
    title: str
    html: str
    images: dict = field(default_factory=dict)
    description: str = ""


class UploadedLetterError(Exception):
    """An uploaded letter cannot be placed in the packet; the message says why, for the user."""


def uploaded_pages(file_bytes: bytes, content_type: str, *, check_only: bool = False) -> list[tuple[str, bytes]]:
    """An uploaded letter as page images (made in the sandbox): a PDF's pages rendered to PNG, an image as it is.

    Only pypdfium2 reads the PDF; its pages become pixels, so nothing of the foreign file (scripts,
    fonts, structure) reaches the packet. Raises ``UploadedLetterError``. ``check_only`` (at upload):
    every page is read and drawn small, and no image is kept.
    """
    return untrusted.read(pages_in_sandbox, file_bytes, content_type, check_only,
                          subject="Reading the uploaded letter", error=UploadedLetterError)


def pages_in_sandbox(file_bytes: bytes, content_type: str, check_only: bool, *, expansion: untrusted.Expansion
                     ) -> list[tuple[str, bytes]]:
    """What ``uploaded_pages`` runs in the sandbox worker: at most ``MAX_UPLOADED_PAGES`` pages, each decoded here.

    (That page limit is far below ``expansion.pages``; PDFium's inflating is held by the sandbox's caps.)
    """
    if content_type != "application/pdf":
        too_large = UploadedLetterError(f"This image has more than {MAX_PAGE_PIXELS // 1_000_000} million pixels "
                                        "(a letter page scanned at 600 dpi has 34 million), so it was not read.")
        try:
            with Image.open(BytesIO(file_bytes)) as image:
                if image.width * image.height > MAX_PAGE_PIXELS:
                    raise too_large
                image.load()
        except Image.DecompressionBombError as error:  # Pillow's own guard, far above ours
            raise too_large from error
        except (OSError, SyntaxError, ValueError) as error:
            raise UploadedLetterError("This image could not be read; it may be damaged.") from error
        return [(content_type, file_bytes)]
    try:
        document = pypdfium2.PdfDocument(file_bytes)
    except pypdfium2.PdfiumError as error:
        raise UploadedLetterError("This PDF could not be read; it may be damaged or password-protected.") from error
    try:
        if len(document) > MAX_UPLOADED_PAGES:
            raise UploadedLetterError(f"This letter has {len(document):,} pages; a letter in the packet may have "
                                      f"at most {MAX_UPLOADED_PAGES}, so it was not read.")
        pages = []
        for index in range(len(document)):
            if check_only:
                document[index].render(scale=CHECK_SCALE)
                continue
            out = BytesIO()
            document[index].render(scale=PAGE_IMAGE_SCALE).to_pil().save(out, format="PNG", optimize=True)
            pages.append(("image/png", out.getvalue()))
        return pages
    finally:
        document.close()


def uploaded_part(file, content_type: str, *, name: str, title: str, bookmark: str, what: str, description: str,
                  sample: bool = False) -> PacketPart:
    """An uploaded document (a broker's letter, a signed authorization) as a packet part of page images.

    ``what`` names it in each page's alt text ("the proof of ownership"); ``description`` says what it is.
    """
    with file.open("rb") as opened:
        pages = uploaded_pages(opened.read(), content_type)
    images, figures = {}, []
    for number, (page_type, data) in enumerate(pages, start=1):
        image = f"{name}-{number}"
        images[image] = (page_type, data)
        figures.append({"src": StaticOnlyFetcher.image_url(image),
                        "alt": f"Page {number} of {len(pages)} of {what}: {description}."})
    html = render_to_string("filing/pdf/uploaded.html", {
        "title": title, "bookmark": bookmark, "figures": figures, "sample": sample,
        "caption": description[0].upper() + description[1:],
    })
    return PacketPart(title=bookmark, html=html, images=images, description=description)


def proof_part(proof: OwnershipProof, *, bookmark: str) -> PacketPart:
    holder = proof.organization.legal_name
    description = (f"letter from {proof.record_holder} dated {date_format(proof.letter_date, 'F j, Y')}, verifying "
                   f"that {holder} held its shares from "
                   f"{date_format(proof.period_start, 'F j, Y')} through {date_format(proof.period_end, 'F j, Y')}")
    return uploaded_part(proof.file, proof.content_type, name=f"proof-{proof.pk}",
                         title=f"Proof of ownership of {holder}", bookmark=bookmark, what="the proof of ownership",
                         description=description, sample=proof.sample)


def authorization_part(version: DraftVersion, filer: Filer) -> PacketPart:
    """Rule 14a-8(b)(1)(iv): the shareholder's authorization of its representative, signed here or uploaded."""
    representation = filer.representation
    shareholder = representation.shareholder_name
    bookmark = f"Authorization of {filer.organization} by {shareholder}"
    description = (f"{shareholder}'s authorization of {filer.organization} as its representative, signed by "
                   f"{representation.signer_name} and dated {date_format(representation.dated, 'F j, Y')}")
    if representation.file:
        return uploaded_part(representation.file, representation.content_type,
                             name=f"authorization-{representation.pk}", title=bookmark, bookmark=bookmark,
                             what="the signed authorization", description=description)
    html = render_to_string("filing/pdf/authorization.html", {
        "version": version, "content": version.content, "representation": representation, "filer": filer,
        "bookmark": bookmark, "signed_at": timezone.localtime(representation.signed_at),
    })
    return PacketPart(title=bookmark, html=html, description=description)


def packet_parts(version: DraftVersion, filers: list[Filer], *, proofs: list[OwnershipProof], certificate_html,
                 today) -> list[PacketPart]:
    """Every document but the cover letter, in packet order."""
    parts = [PacketPart("Proposal", ProposalDocument.of(version).html(bookmark="Proposal"),
                        description=f"the shareholder proposal “{version.content['title']}”, version "
                                    f"{version.number}")]
    for filer in filers:
        title = f"Letter of {filer.organization}"
        parts.append(PacketPart(title, letter_html(version, filer, lead=filers[0], today=today, bookmark=title),
                                description=f"the submission letter of {filer.organization}"))
    for filer in filers:
        representation = filer.representation
        if representation and representation.authorized and representation.basis != representation.Basis.SELF_EVIDENT:
            parts.append(authorization_part(version, filer))
    listed = {filer.organization_id for filer in filers}
    for proof in proofs:
        if proof.organization_id in listed:
            parts.append(proof_part(proof, bookmark=f"Proof of ownership of {proof.organization.legal_name} "
                                                    f"({proof.record_holder})"))
    parts.append(PacketPart("Sign-on certificate", certificate_html(bookmark="Sign-on certificate"),
                            description=f"the certificate of who signed version {version.number}'s exact text"))
    return parts


def cover_letter_html(version: DraftVersion, filers: list[Filer], enclosures: list[dict], *, sender: Filer,
                      today) -> str:
    draft = version.draft
    sign_on = sender.sign_on
    return render_to_string("filing/pdf/cover_letter.html", {
        "version": version, "content": version.content, "company": draft.company, "filers": filers,
        "sender": sender, "sign_on": sign_on, "enclosures": enclosures, "date": today,
        "address": (sign_on.organization.address if sign_on else draft.lead_organization.address),
        "bookmark": "Cover letter",
    })


PREVIEW_MARK = "PREVIEW: not finalized, not for filing"


def numbered(html: str, *, first_page: int, total: int, preview: bool = False) -> str:
    """``html`` with "Packet page N of TOTAL" in its bottom margin, N counting on from ``first_page``.

    ``preview``: a packet of a text not yet finalized says ``PREVIEW_MARK`` at the top of every page,
    the cover letter and the letters included, so it cannot pass for the filing packet.
    """
    # In place of the running title (a box beside it could be squeezed out by a long title), first page too.
    mark = (f"@top-center {{ content: \"{PREVIEW_MARK}\"; font: bold 8.5pt \"Liberation Sans\", \"DejaVu Sans\", "
            "sans-serif; color: #b00000; }" if preview else "")
    style = ("<style>@page { counter-increment: packet; @bottom-center { content: \"Packet page \" counter(packet) "
             f"\" of {total}\"; font: 8.5pt \"Liberation Sans\", \"DejaVu Sans\", sans-serif; color: #444; }} "
             f"{mark} }} @page :first {{ counter-reset: packet {first_page - 1}; {mark} }}</style>")
    return html.replace("</head>", style + "</head>", 1)


def assemble(version: DraftVersion, filers: list[Filer], parts: list[PacketPart], *, sender: Filer,
             metadata: dict, progress=lambda percent, step: None) -> tuple[bytes, int]:
    """The joined packet and its page count: cover letter first, every page numbered through the packet."""
    today = timezone.localdate()

    def enclosures(counts: list[int]) -> list[dict]:
        rows, page = [], 1 + counts[0]
        for part, count in zip(parts, counts[1:]):
            rows.append({"title": part.title, "description": part.description, "first": page,
                         "last": page + count - 1})
            page += count
        return rows

    progress(5, "Laying out the documents")
    laid_out = [render_document(part.html, images=part.images) for part in parts]
    counts = [len(document.pages) for document in laid_out]
    cover = cover_letter_html(version, filers, enclosures([1] + counts), sender=sender, today=today)
    counts = [len(render_document(cover).pages)] + counts
    cover = cover_letter_html(version, filers, enclosures(counts), sender=sender, today=today)
    total, first, documents = sum(counts), 1, []
    everything = [PacketPart("Cover letter", cover)] + parts
    for done, (part, count) in enumerate(zip(everything, counts)):
        progress(10 + 80 * done // len(everything), part.title)
        documents.append(render_document(numbered(part.html, first_page=first, total=total,
                                                  preview=version.finalized_at is None), images=part.images))
        first += count
    progress(92, "Joining the documents")
    return combine_pdf(documents, metadata=metadata), total

