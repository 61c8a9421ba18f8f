"""The one access gate for every /drafts/<id>/ URL: a draft or version the user may not use is a 404.

Never a 403, so a draft's existence does not leak. The rule is ``Draft.is_open_to`` (through
``selectors.draft_for``); the URLconf-walking permission test holds every URL to it.
"""
from django.http import Http404

from resolutions.drafts import selectors
from resolutions.drafts.models import Draft, DraftVersion, Need


def get_draft_for(user, pk, *, need: Need = Need.READ) -> Draft:
    try:
        return selectors.draft_for(user, pk, need=need)
    except Draft.DoesNotExist:
        raise Http404("No such draft.") from None


def get_version_for(user, pk, number, *, need: Need = Need.READ) -> DraftVersion:
    try:
        return selectors.version_for(user, pk, number, need=need)
    except Draft.DoesNotExist:
        raise Http404("No such draft.") from None
    except DraftVersion.DoesNotExist:
        raise Http404("No such version.") from None
