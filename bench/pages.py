"""Pages: a precedent's page (/precedents/<id>/, a seeded precedent with parts, footnotes and
filers) and the dashboard (/), each beside its floor (``bench.floor.compare``).
"""
from . import floor


def run(*, quick, log, **_):
    from django.test import Client

    from accounts.models import User
    from resolutions.models import Precedent

    client = Client()
    client.force_login(User.objects.get(email="lead@example.org"))
    precedent = Precedent.objects.filter(source_sha256__startswith="bench-").order_by("pk").first()
    runs = 8 if quick else 30
    figures, notes = {}, []
    for name, path in (("precedent", f"/precedents/{precedent.pk}/"), ("dashboard", "/")):
        result = floor.compare(client, path, runs=runs)
        result.pop("statements")
        figures[name] = result
        log(f"  {name}: {floor.line(result)}")
        notes.append(f"page {name:<9} {path}: {floor.line(result)}")
    return figures, notes
