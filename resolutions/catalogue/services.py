"""Writes to the catalogue: a company a filer proposes, held as unverified until a curator confirms it."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from resolutions.models import Company


def company_propose(*, user, name: str, ticker: str, cik: str = "") -> tuple[Company, bool]:
    """The company a filer names that the library lacks; (company, made). One already known by its
    ticker, CIK or name is returned instead of a second one."""
    name, ticker, cik = " ".join(name.split()), ticker.strip().upper(), cik.strip().lstrip("0")
    if not name or not ticker:
        raise ValidationError("To propose a company, give its name and its ticker.")
    same = Q(ticker__iexact=ticker) | Q(name__iexact=name)
    if cik:
        same |= Q(cik__in=[cik, cik.zfill(10)])
    with transaction.atomic():
        known = Company.objects.select_for_update().filter(same).first()
        if known:
            return known, False
        return Company.objects.create(name=name, ticker=ticker, cik=cik.zfill(10) if cik else "", verified=False,
                                      proposed_by=user), True
