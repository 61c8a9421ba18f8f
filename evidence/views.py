from django.shortcuts import get_object_or_404, render

from .models import Snippet, Source


def evidence_index(request):
    snippets = Snippet.objects.select_related("source")[:50]
    return render(request, "evidence/index.html", {"snippets": snippets})


def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    return render(request, "evidence/source_detail.html", {"source": source})
