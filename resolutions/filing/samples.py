"""A generated broker letter, marked SAMPLE, so the demo shows a complete packet without a real one."""
from datetime import date

from django.template.loader import render_to_string

from ..pdf.render import render_pdf


def sample_broker_letter(*, record_holder: str, organization: str, company: str, shares: int, held_since: date,
                         through: date) -> bytes:
    return render_pdf(render_to_string("pdf/sample_broker_letter.html", {
        "record_holder": record_holder, "organization": organization, "company": company, "shares": shares,
        "held_since": held_since, "through": through,
    }))
