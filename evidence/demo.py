"""Demo evidence: facts and figures from public reports on Amazon, restated in our own words.

The stored texts are short summaries written for this demo (not the publishers' wording), with
headings so that capturing a passage fills in its section as the pinpoint. Idempotent: sources
are found by URL and snippets by quote before anything is created.
"""
from datetime import date

from django.db import transaction

from resolutions.models import Company, Topic

from . import services
from .models import Source
from .weburls import normalize_url

COMPANY = "Amazon.com, Inc."

SOURCES = {
    "afsc": dict(
        kind=Source.Kind.REPORT, title="Amazon Company Profile", publisher="American Friends Service Committee",
        published=date(2021, 10, 5), url="https://investigate.afsc.org/company/amazon",
        full_text="""Business Overview

Amazon's 2020 figures: a workforce of roughly 1.2 million and annual revenue of $386 billion. AWS accounted for $45 billion of those sales.

Government Cloud

Of the cloud platforms DHS relies on, AWS GovCloud is the one it uses most, going by FedRAMP data. GovCloud counted 6,500 government agencies among its customers in 2021.

Police Surveillance

By August 2021, Ring's Neighbors Portal had no fewer than 1,887 U.S. police departments signed up. The count had been just 60 departments before 2019.
""",
    ),
    "eyes": dict(
        kind=Source.Kind.WEBPAGE, title="Eyes on Amazon", publisher="Fight for the Future",
        published=date(2021, 5, 17), url="https://www.eyesonamazon.org/",
        full_text="""Ring and Police

Amazon's Ring unit counted more than 1,600 police departments as partners.

Amazon Web Services

By the campaign's count, AWS profits from government agencies have climbed past $2 billion, up from $200 million in 2014.
""",
    ),
    "aclu": dict(
        kind=Source.Kind.WEBPAGE, publisher="ACLU of Massachusetts",
        title="Amazon workers demand the company stop selling face surveillance tech to police",
        url="https://privacysos.org/blog/amazon-workers-demand-the-company-stop-selling-face-surveillance-tech-to-police/",
        full_text="""The Workers' Letter

More than 100 Amazon employees put their names to a letter asking Jeff Bezos to end sales of Rekognition to police. A second demand concerned Palantir, the ICE contractor that runs on AWS.

Wider Opposition

An open letter opposing government use of facial recognition was signed by more than 40 civil rights groups. According to the letter, close to 2,000 children were placed in mass detention by DHS starting April 19, 2018.
""",
    ),
}

# (source, quote, topics, paraphrase), in the order the demo draft cites them.
SNIPPETS = [
    ("afsc", "By August 2021, Ring's Neighbors Portal had no fewer than 1,887 U.S. police departments signed up.",
     ["Surveillance technology", "Civil rights"],
     "Ring's police portal had well over a thousand police users by 2021."),
    ("aclu", "An open letter opposing government use of facial recognition was signed by more than 40 "
             "civil rights groups.",
     ["Civil rights", "Surveillance technology"], ""),
    ("aclu", "More than 100 Amazon employees put their names to a letter asking Jeff Bezos to end sales of "
             "Rekognition to police.",
     ["Labor practices", "Surveillance technology"],
     "Employees asked the company to stop selling face recognition to police."),
    ("afsc", "Of the cloud platforms DHS relies on, AWS GovCloud is the one it uses most, going by FedRAMP data.",
     ["Human rights", "Surveillance technology"], ""),
    ("eyes", "By the campaign's count, AWS profits from government agencies have climbed past $2 billion, "
             "up from $200 million in 2014.",
     ["Human rights"], ""),
    ("eyes", "Amazon's Ring unit counted more than 1,600 police departments as partners.",
     ["Surveillance technology", "Civil rights"], ""),
    ("afsc", "Amazon's 2020 figures: a workforce of roughly 1.2 million and annual revenue of $386 billion.",
     ["Labor practices"], ""),
    ("aclu", "According to the letter, close to 2,000 children were placed in mass detention by DHS "
             "starting April 19, 2018.",
     ["Human rights"], ""),
]

TOPICS = sorted({name for _, _, names, _ in SNIPPETS for name in names})


@transaction.atomic
def load_evidence(*, user) -> list[Source]:
    """Three sources on Amazon with eight snippets, added by ``user``; safe to run twice."""
    topics = {name: Topic.objects.get_or_create(name=name)[0] for name in TOPICS}
    amazon, _ = Company.objects.get_or_create(name=COMPANY)
    sources = {
        key: Source.objects.filter(url=normalize_url(fields["url"])).first()
        or services.source_create(user=user, **fields)
        for key, fields in SOURCES.items()
    }
    for key, quote, topic_names, paraphrase in SNIPPETS:
        source = sources[key]
        if not source.snippets.filter(quote=quote).exists():
            services.snippet_create(
                user=user, source=source, quote=quote, paraphrase=paraphrase,
                topics=[topics[name] for name in topic_names], companies=[amazon],
            )
    return list(sources.values())
