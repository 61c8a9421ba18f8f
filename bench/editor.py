"""Editor: GET /drafts/<id>/ (the editor page, side panels included) beside its floor
(``bench.floor.compare``) and its query count, for a 5-clause and a 50-clause draft of the demo
lead filer, each clause citing its own evidence snippet (5 and 50 footnotes). Both drafts are
made through the draft services.
"""
import random

from . import floor

LEAD = "lead@example.org"


def build_draft(user, clauses: int, *, title: str):
    """A draft with ``clauses`` clauses (WHEREAS…, one RESOLVED, supporting), one snippet cited in each."""
    from django.db import transaction

    from evidence.models import Snippet
    from resolutions.models import Clause, Company, Topic
    from resolutions.drafts import services as drafts

    from .vocabulary import Vocabulary

    rng = random.Random(clauses)
    vocab = Vocabulary(rng, size=3_000)
    snippets = list(Snippet.objects.order_by("-pk").values_list("pk", flat=True)[:clauses])
    if len(snippets) < clauses:
        raise RuntimeError(f"the editor bench needs {clauses} snippets; seed first")
    supporting = max(1, clauses // 5)
    kinds = ["whereas"] * (clauses - 1 - supporting) + ["resolved"] + ["supporting"] * supporting
    with transaction.atomic():
        draft = drafts.draft_create(
            user=user, company=Company.objects.get(name="Amazon.com, Inc."), meeting_year=2027, title=title,
            topics=Topic.objects.filter(name__in=["Surveillance technology", "Human rights"]),
        )
        draft.clauses.all().delete()
        for position, (kind, snippet) in enumerate(zip(kinds, snippets)):
            body = vocab.text(rng.randint(25, 45))
            if kind == "resolved":
                body = "Shareholders request that the Board " + body[:1].lower() + body[1:]
            text = f"{body} [[snippet:{snippet}]]"
            Clause.objects.create(draft=draft, kind=kind, position=position,
                                  text=drafts.clean_clause_text(draft=draft, text=text))
    return draft


def run(*, quick, log, **_):
    from django.test import Client

    from accounts.models import User

    lead = User.objects.get(email=LEAD)
    client = Client()
    client.force_login(lead)
    runs = 8 if quick else 30
    figures, notes = {}, []
    for n in (5, 50):
        draft = build_draft(lead, n, title=f"Bench draft with {n} clauses")
        result = floor.compare(client, f"/drafts/{draft.pk}/", runs=runs)
        result.pop("statements")
        figures[f"clauses_{n}"] = result
        log(f"  {n} clauses: {result['queries']} queries; {floor.line(result)}")
        notes.append(f"editor {n:>2} clauses: {floor.line(result)}")
    return figures, notes
