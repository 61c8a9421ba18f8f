"""Small builders for test data; each returns saved rows with sensible defaults."""
from datetime import date
from itertools import count

from evidence.models import Snippet, Source
from resolutions.models import Clause, Company, Draft, Precedent, Topic
from resolutions.search import refresh_search_vector

_seq = count(1)


def company(**fields) -> Company:
    n = next(_seq)
    defaults = {"name": f"Example Corp {n}", "ticker": f"EX{n}", "prior_proxy_date": date(2026, 4, 10)}
    return Company.objects.create(**{**defaults, **fields})


def precedent(**fields) -> Precedent:
    defaults = {"company": fields.pop("company", None) or company(), "meeting_year": 2025, "title": "Report on Water Risk"}
    return Precedent.objects.create(**{**defaults, **fields})


def topic(name="Human rights") -> Topic:
    return Topic.objects.get_or_create(name=name)[0]


def source(**fields) -> Source:
    n = next(_seq)
    defaults = {"kind": Source.Kind.REPORT, "title": f"Report number {n}", "publisher": "Research Group",
                "published": date(2025, 6, 1), "url": f"https://example.org/report-{n}"}
    return Source.objects.create(**{**defaults, **fields})


def snippet(src=None, **fields) -> Snippet:
    """A snippet made like the app makes them, searchable at once."""
    src = src or source()
    defaults = {"quote": "Revenue grew by 40 percent in one year.", "pinpoint": "p. 3"}
    made = Snippet.objects.create(source=src, **{**defaults, **fields})
    made.search_document = "\n".join([made.quote, made.paraphrase, src.title, src.publisher])
    made.save(update_fields=["search_document"])
    refresh_search_vector(Snippet, made.pk)
    return made


def draft(user, *, clauses=(), **fields) -> Draft:
    defaults = {"company": fields.pop("company", None) or company(), "meeting_year": 2027,
                "title": "Report on Customer Due Diligence", "lead_organization": user.organization, "created_by": user}
    made = Draft.objects.create(**{**defaults, **fields})
    Clause.objects.bulk_create(
        Clause(draft=made, kind=kind, text=text, position=i) for i, (kind, text) in enumerate(clauses)
    )
    return made
