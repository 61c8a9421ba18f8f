"""The sign-on form as a filer fills it in a browser: one home for its labels, shared by the tests that sign."""
import re

# The co-filer of tests/conftest.py, holding through a broker, inside every window the rules set.
COFILER = {"Organization legal name": "Pension Fund of Tests", "Signatory name": "Colin Cofiler",
           "Signatory title": "Officer", "Contact email": "cofiler@test.example", "Phone": "555-0100",
           "Number of shares": "50", "Valuation day": "2026-10-15", "Price per share (USD)": "50",
           "Held continuously since": "2020-01-15", "Planned submission date": "2026-11-02",
           "Available for engagement (1)": "2026-11-12T10:00", "Available for engagement (2)": "2026-11-13T14:00",
           "Typed signature": "Colin Cofiler"}


def fill_sign_on(page, fields: dict, *, co_filer: bool = True):
    """Fill every field and tick the holding boxes; a co-filer also authorizes the lead (the lead has no such box)."""
    for label, value in fields.items():
        page.get_by_label(label).fill(value)
    page.get_by_label("Through a broker or bank").check()
    page.get_by_label(re.compile("We intend to hold")).check()
    if co_filer:
        page.get_by_label(re.compile("We authorize")).check()
