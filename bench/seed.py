"""Deterministic bench data: from the generated vocabulary (``vocabulary``), 10,000 precedents (about
300 words each, with parts, footnotes, calls and filers) and 100,000 snippets (25–60 words),
inserted in stages along the search growth curve (``CURVE``): ``seed`` the first point,
``grow`` to the next, ``replicate`` (SQL) to the million-snippet point of ``make bench-scale``.

Rows go in with ``bulk_create`` in batches; each table's search vector is then set by one
``UPDATE`` with the same expression the app uses for a single row
(``resolutions.search.search_vector_expression``). Because the vocabulary follows a power law,
rare, mid and common terms exist by construction; ``terms.pick_terms`` chooses the query words by
their measured document frequency (counted here as the rows are generated).
"""
import gc
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .terms import pick_terms
from .vocabulary import FUNCTION_WORDS, SEED, Vocabulary, lower_first

OUTCOMES = ["filed", "voted", "withdrawn_agreement", "withdrawn", "omitted_no_action", "unknown"]


@dataclass
class Sizes:
    precedents: int = 10_000
    snippets: int = 100_000
    companies: int = 400
    sources: int = 5_000
    topics: int = 25


# The search growth curve: (precedents, snippets) at each point; the last in ``make bench-scale`` only.
CURVE = ((1_000, 10_000), (10_000, 100_000), (50_000, 1_000_000))
QUICK_CURVE = ((200, 1_000), (1_000, 5_000), (2_000, 20_000))


def sizes_at(precedents: int, snippets: int, *, quick: bool = False) -> Sizes:
    """The sizes of one point of the curve: a source per 20 snippets."""
    return Sizes(precedents=precedents, snippets=snippets, companies=60 if quick else 400,
                 sources=max(10, snippets // 20))


@dataclass
class Seeded:
    vocabulary: Vocabulary
    snippet_df: Counter = field(default_factory=Counter)
    precedent_df: Counter = field(default_factory=Counter)
    snippet_bigrams: Counter = field(default_factory=Counter)
    precedent_bigrams: Counter = field(default_factory=Counter)
    sizes: Sizes = field(default_factory=Sizes)
    terms: dict = field(default_factory=dict)  # {"snippets"|"precedents": {class: (query, rows, fraction)}}
    rng: random.Random | None = None
    companies: list = field(default_factory=list)
    topics: list = field(default_factory=list)

    def settle(self) -> None:
        """Choose the query terms, then drop the generator's counts (millions of small objects)
        so that the process measuring pages is as light as a web worker."""
        self.terms = {table: pick_terms(self, table=table) for table in ("snippets", "precedents")}
        self.snippet_df = self.precedent_df = self.snippet_bigrams = self.precedent_bigrams = None
        gc.collect()


def _tokens(text: str) -> list[str]:
    return [w.strip(".,;:").lower() for w in text.split()]


def _count(document: str, df: Counter | None, bigrams: Counter | None) -> None:
    if df is None:  # growing after the terms were chosen
        return
    tokens = _tokens(document)
    df.update(set(tokens))
    bigrams.update({(a, b) for a, b in zip(tokens, tokens[1:]) if a not in FUNCTION_WORDS and b not in FUNCTION_WORDS})


def seed(sizes: Sizes, *, log=print) -> Seeded:
    """Insert everything; returns the vocabulary and the query terms chosen from what was inserted."""
    from django.db import transaction
    from django.utils.text import slugify

    from resolutions.models import Company, Topic

    rng = random.Random(SEED)
    result = Seeded(vocabulary=Vocabulary(rng), sizes=Sizes(precedents=0, snippets=0, sources=0,
                                                            companies=sizes.companies, topics=sizes.topics), rng=rng)
    vocab = result.vocabulary
    with transaction.atomic():
        result.companies = Company.objects.bulk_create(
            Company(name=f"{vocab.title(1, 2)} {rng.choice(['Inc.', 'Corp.', 'Holdings', 'Group', 'plc'])} {n}",
                    ticker=f"B{n:04d}", prior_proxy_date=date(2026, rng.randint(1, 12), rng.randint(1, 28)))
            for n in range(sizes.companies)
        )
        names = [f"{vocab.title(1, 2)} {n}" for n in range(sizes.topics)]
        result.topics = Topic.objects.bulk_create(Topic(name=name, slug=slugify(name)) for name in names)
    grow(result, sizes, log=log)
    result.settle()
    return result


def grow(result: Seeded, sizes: Sizes, *, log=print) -> None:
    """Add generated precedents, sources and snippets up to ``sizes`` (same generator, continued)."""
    from django.db import transaction

    from accounts.models import User

    curator = User.objects.filter(is_staff=True).order_by("pk").first()
    with transaction.atomic():
        _seed_precedents(result, sizes.precedents - result.sizes.precedents, log=log)
        _seed_snippets(result, sizes.snippets - result.sizes.snippets, sizes.sources - result.sizes.sources,
                       curator, log=log)
    _index(log)
    result.sizes = sizes


def _index(log) -> None:
    """The rows' search vectors (one UPDATE per table, as the app computes one row's), then fresh
    statistics and visibility map of every table, as autovacuum would leave them (without the
    companies' and the snippets' links', an evidence page's prefetch of companies probed the
    links once per company: 15 ms a page)."""
    from django.db import connection

    from evidence.models import Snippet
    from resolutions.models import Precedent
    from resolutions.search import search_vector_expression

    log("  search vectors (one UPDATE per table)…")
    for model in (Precedent, Snippet):
        model.objects.filter(search_vector__isnull=True).update(search_vector=search_vector_expression(model))
    # VACUUM cannot run in a transaction (as inside a test); ANALYZE alone can.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def replicate(result: Seeded, sizes: Sizes, *, log=print) -> None:
    """Grow to ``sizes`` in SQL: copies of the rows already there (text, vector, source, author),
    newer than their originals, made with ``generate_series`` in one INSERT … SELECT per table.

    Generating a million snippets in Python would take most of an hour; copies keep every
    term's share of the rows, which is what the growth curve is about.
    """
    from django.db import connection

    from evidence.models import Snippet
    from resolutions.models import Precedent

    for model, target, have in ((Precedent, sizes.precedents, result.sizes.precedents),
                                (Snippet, sizes.snippets, result.sizes.snippets)):
        if target <= have:
            continue
        table = model._meta.db_table
        columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
        # The digests are unique (a precedent per file, a snippet per source and quote): each copy gets its own,
        # also across the curve's steps.
        copied = [f"{c} + make_interval(secs => g.n)" if c in ("created_at", "updated_at")
                  else f"'copy-{target}-' || g.n || '-' || o.id" if c in ("source_sha256", "quote_sha256")
                  else f"o.{c}"
                  for c in columns]
        copies = -(-(target - have) // have)  # ceiling
        log(f"  {table}: {have:,} → {target:,} rows in SQL…")
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = '15min'" if connection.in_atomic_block
                           else "SET statement_timeout = '15min'")
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"SELECT {', '.join(copied)} FROM (SELECT * FROM {table} ORDER BY id LIMIT %s) o "
                f"CROSS JOIN generate_series(1, %s) AS g(n) ORDER BY g.n, o.id LIMIT %s",
                [have, copies, target - have],
            )
            cursor.execute("RESET statement_timeout")
    with connection.cursor() as cursor:
        for table in ("resolutions_precedent", "evidence_snippet"):
            cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {table}")
    result.sizes = sizes


def _batched(model, rows, batch=2_000):
    return model.objects.bulk_create(rows, batch_size=batch)


def _seed_precedents(result: Seeded, count: int, *, log) -> None:
    from resolutions.models import FootnoteCall, Precedent, PrecedentFiler, PrecedentFootnote, PrecedentPart

    vocab, rng, first = result.vocabulary, result.rng, result.sizes.precedents
    log(f"  {count:,} precedents…")
    precedents, structures = [], []
    for n in range(first, first + count):
        company = rng.choice(result.companies)
        title = "Report on " + vocab.title()
        whereas = [vocab.text(rng.randint(25, 45)) for _ in range(rng.randint(2, 4))]
        resolved = ["Shareholders request that the Board " + lower_first(vocab.text(rng.randint(30, 50)))]
        supporting = [vocab.text(rng.randint(30, 50)) for _ in range(rng.randint(1, 3))]
        notes = [f"{vocab.title(2, 4)}, {vocab.title(3, 6)}, {rng.randint(2012, 2026)}. "
                 f"https://example.org/{n}/{i}" for i in range(1, len(whereas) + 1)]
        filers = [(f"{vocab.title(1, 1)} {vocab.title(1, 1)}", f"{vocab.title(2, 3)} Fund", i == 0)
                  for i in range(rng.randint(1, 3))]
        pieces = [title, company.name, company.ticker, *resolved, *whereas, *supporting, *notes,
                  *(f"{name} {org}" for name, org, _ in filers)]
        document = "\n".join(p for p in pieces if p)  # as services.precedents.precedent_refresh_search builds it
        _count(document, result.precedent_df, result.precedent_bigrams)
        outcome = rng.choice(OUTCOMES)
        precedents.append(Precedent(
            company=company, meeting_year=rng.randint(2012, 2026), title=title, outcome=outcome,
            support_percent=round(rng.uniform(2, 60), 2) if outcome == "voted" else None,
            source_text=document, source_sha256=f"bench-{n}", curated=rng.random() < 0.7,
            search_document=document, resolved_first=False,
        ))
        structures.append((whereas, resolved, supporting, notes, filers))
    precedents = _batched(Precedent, precedents)
    parts, calls_for, notes_rows, filer_rows, topic_rows = [], [], [], [], []
    Through = Precedent.topics.through
    for precedent, (whereas, resolved, supporting, notes, filers) in zip(precedents, structures):
        position = 0
        for kind, texts in (("whereas", whereas), ("resolved", resolved), ("supporting", supporting)):
            for text in texts:
                parts.append(PrecedentPart(precedent=precedent, kind=kind, position=position, text=text))
                calls_for.append(position + 1 if kind == "whereas" else None)
                position += 1
        notes_rows += [PrecedentFootnote(precedent=precedent, number=i, text=t, urls=[t.rsplit(" ", 1)[-1]])
                       for i, t in enumerate(notes, 1)]
        filer_rows += [PrecedentFiler(precedent=precedent, name=name, organization=org, lead=lead, position=i)
                       for i, (name, org, lead) in enumerate(filers)]
        topic_rows += [Through(precedent_id=precedent.pk, topic_id=t.pk)
                       for t in rng.sample(result.topics, rng.randint(1, 2))]
    parts = _batched(PrecedentPart, parts)
    _batched(FootnoteCall, [FootnoteCall(part=part, number=number, offset=len(part.text))
                            for part, number in zip(parts, calls_for) if number])
    _batched(PrecedentFootnote, notes_rows)
    _batched(PrecedentFiler, filer_rows)
    _batched(Through, topic_rows)


def _seed_snippets(result: Seeded, count: int, sources_count: int, curator, *, log) -> None:
    from evidence.models import Snippet, Source

    vocab, rng, first = result.vocabulary, result.rng, result.sizes.sources
    log(f"  {count:,} snippets from {sources_count:,} more sources…")
    publishers = [vocab.title(2, 3) + rng.choice([" Institute", " Research", " News", " Coalition"]) for _ in range(150)]
    kinds = [k for k, _ in Source.Kind.choices]
    sources = _batched(Source, [
        Source(kind=rng.choice(kinds), title=vocab.title(4, 10), publisher=rng.choice(publishers),
               published=date(rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)),
               url=f"https://example.org/bench-source-{n}", added_by=curator)
        for n in range(first, first + sources_count)
    ])
    snippets = []
    for n in range(count):
        source = sources[n % len(sources)]
        quote = vocab.text(rng.randint(25, 60))
        paraphrase = vocab.text(rng.randint(12, 25)) if rng.random() < 0.15 else ""
        # As evidence.services.snippet_refresh_search builds it.
        document = "\n".join(p for p in (quote, paraphrase, source.title, source.publisher) if p)
        _count(document, result.snippet_df, result.snippet_bigrams)
        snippets.append(Snippet(
            source=source, quote=quote, paraphrase=paraphrase, pinpoint=f"p. {rng.randint(1, 240)}",
            added_by=curator, verified_by=curator if rng.random() < 0.3 else None, search_document=document,
        ))
    snippets = _batched(Snippet, snippets)
    TopicLink, CompanyLink = Snippet.topics.through, Snippet.companies.through
    _batched(TopicLink, [TopicLink(snippet_id=s.pk, topic_id=rng.choice(result.topics).pk) for s in snippets])
    _batched(CompanyLink, [CompanyLink(snippet_id=s.pk, company_id=rng.choice(result.companies).pk)
                           for s in snippets if rng.random() < 0.3])
