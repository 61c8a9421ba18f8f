"""PDF: the demo proposal (latest version of the demo draft), export ÷ the fair floor.

- floor: the identical HTML (``ProposalDocument.html()``) through the app's own renderer
  (``resolutions.filing.pdf.render.render_pdf``): WeasyPrint with the same base URL, static-only
  fetcher and options (PDF/UA-1, tagged), keeping its fonts across renders as the app does, and
  wherever the app renders (its render thread today) — so the ratio is what the endpoint adds;
- fresh fonts (a note): WeasyPrint called directly, a new FontConfiguration per render
  (WeasyPrint's default), the floor of the first bench;
- export: GET …/versions/<n>/proposal.pdf through django.test.Client with the stored file
  deleted first (outside the timing), so every request renders, stores and audits;
- stored: the same GET once the file is stored (a download).
The runs alternate, after two warm-up runs of each, so all see the same machine.

CPython 3.11 keeps frames in 16 kB chunks and frees a chunk as soon as it empties, so the same
render costs 55–76 ms depending on the call depth it starts at (WeasyPrint's layout recursion
either straddles a chunk boundary or not). The export and the floor render at the app's own
depth (its render thread); the fresh-fonts renders are spread over 14 starting depths, so that
figure is WeasyPrint's typical cost rather than one lucky or unlucky depth.
"""
import time

from .stats import ms, percentile


DEPTHS = range(0, 42, 3)


def _at_depth(extra: int, function):
    """``function()`` called ``extra`` frames deeper than here."""
    return function() if extra <= 0 else _at_depth(extra - 1, function)


def run(*, quick, log, **_):
    from django.core.files.storage import default_storage
    from django.test import Client
    from django.urls import reverse
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from accounts.models import User
    from resolutions.demo import DEMO_DRAFT_TITLE
    from resolutions.models import Draft
    from resolutions.filing.pdf.fetcher import BASE_URL, StaticOnlyFetcher
    from resolutions.filing.pdf.proposal import ProposalDocument
    from resolutions.filing.pdf.render import DEFAULT_VARIANT, VARIANTS, render_pdf

    lead = User.objects.get(email="lead@example.org")
    draft = Draft.objects.get(title=DEMO_DRAFT_TITLE, lead_organization=lead.organization)
    version = draft.versions.newest()
    document = ProposalDocument.of(version)
    html, name = document.html(), document.storage_name
    url = reverse("drafts:proposal_pdf", args=[draft.pk, version.number])
    client = Client()
    client.force_login(lead)

    def fresh_fonts():
        start = time.perf_counter()
        pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf(
            pdf_variant=VARIANTS[DEFAULT_VARIANT], pdf_tags=True, font_config=FontConfiguration())
        elapsed = time.perf_counter() - start
        assert pdf.startswith(b"%PDF")
        return elapsed

    def floor():
        start = time.perf_counter()
        pdf = render_pdf(html)
        elapsed = time.perf_counter() - start
        assert pdf.startswith(b"%PDF")
        return elapsed

    def download():
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        elapsed = time.perf_counter() - start
        if response.status_code != 200 or not body.startswith(b"%PDF"):
            raise RuntimeError(f"GET {url} answered {response.status_code}")
        return elapsed

    def export():
        if default_storage.exists(name):
            default_storage.delete(name)
        return download()

    runs = 4 if quick else 24
    for _ in range(2):
        floor(), fresh_fonts(), export()
    floor_times, fresh_times, export_times = [], [], []
    for i in range(runs):
        floor_times.append(floor())
        fresh_times.append(_at_depth(DEPTHS[i % len(DEPTHS)], fresh_fonts))
        export_times.append(export())
    stored_times = [download() for _ in range(3 if quick else 20)]
    floor_p50, export_p50 = percentile(floor_times, 50), percentile(export_times, 50)
    fresh_p50 = percentile(fresh_times, 50)
    figures = {
        "floor_p50": ms(floor_p50), "floor_p95": ms(percentile(floor_times, 95)),
        "export_p50": ms(export_p50), "export_p95": ms(percentile(export_times, 95)),
        "ratio": round(export_p50 / floor_p50, 3), "fresh_fonts_p50": ms(fresh_p50),
        "stored_p50": ms(percentile(stored_times, 50)),
    }
    log(f"  floor {figures['floor_p50']} ms, export {figures['export_p50']} ms "
        f"(×{figures['ratio']}), stored {figures['stored_p50']} ms")
    return figures, [
        f"pdf: demo proposal, version {version.number} of “{draft.title}”, {len(html):,} bytes of HTML; "
        f"export p50/p95 {figures['export_p50']}/{figures['export_p95']} ms beside the app's renderer alone "
        f"{figures['floor_p50']}/{figures['floor_p95']} ms: ×{figures['ratio']}",
        f"pdf: WeasyPrint with a new FontConfiguration per render (its default): {ms(fresh_p50)} ms; "
        f"export ÷ that = ×{export_p50 / fresh_p50:.3f} (the first bench's floor, which rebuilds the fonts)",
    ]
