"""The proxy statement's own cover: the meeting year."""
from resolutions.precedents.importer.proxy.cover import meeting_year
from resolutions.precedents.importer.proxy.statement import ProxyLine


def _lines(*texts):
    return [ProxyLine(page=1 + i // 3, text=text, starts_paragraph=True) for i, text in enumerate(texts)]


def test_the_meeting_year_is_the_first_annual_meeting_the_document_names_not_the_most_named():
    lines = _lines(
        "Notice of the 2026 Annual Meeting of Shareholders",
        "The meeting will be held online on May 14.",
        "At our 2025 annual meeting, shareholders re-elected every director.",
        "A proposal like this one won 31 percent at the 2025 annual meeting of stockholders.",
        "Proposals for the 2027 annual meeting must reach the Secretary by December 1.",
        "Nominations for the 2027 Annual Meeting of Shareholders are due by the same date.",
    )
    assert meeting_year(lines) == 2026
    assert meeting_year(_lines("Proxy statement", "Questions and answers")) is None
