from django.shortcuts import get_object_or_404, render

from . import selectors
from .models import Precedent


def dashboard(request):
    return render(
        request,
        "resolutions/dashboard.html",
        {"recent_precedents": selectors.precedents_recent()},
    )


def precedent_list(request):
    precedents = Precedent.objects.select_related("company")
    return render(request, "resolutions/precedent_list.html", {"precedents": precedents})


def precedent_detail(request, pk):
    precedent = get_object_or_404(Precedent.objects.select_related("company"), pk=pk)
    return render(request, "resolutions/precedent_detail.html", {"precedent": precedent})
