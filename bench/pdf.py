"""PDF: the demo proposal (latest version of the demo draft).

- bare: WeasyPrint alone on the identical HTML (``ProposalDocument.html()``), with the same
  base URL, static-only fetcher and options (PDF/UA-1, tagged) as the app, so the stylesheet
  loads exactly as in an export; each render makes its own FontConfiguration, WeasyPrint's
  default;
- bare with kept fonts: the same, with one FontConfiguration kept across renders as the app's
  render thread does, so the note under the table shows what the endpoint adds on top of
  WeasyPrint's own work;
- export: GET …/versions/<n>/proposal.pdf through django.test.Client with the stored file
  deleted first (outside the timing), so every request renders, stores and audits;
- stored: the same GET once the file is stored (a download).
Bare and export runs alternate, after two warm-up runs of each, so both see the same machine.

CPython 3.11 keeps frames in 16 kB chunks and frees a chunk as soon as it empties, so the same
render costs 55–76 ms depending on the call depth it starts at (WeasyPrint's layout recursion
either straddles a chunk boundary or not). The export always renders at the app's own depth
(its render thread); the bare renders are spread over 14 starting depths, so the baseline is
WeasyPrint's typical cost rather than one lucky or unlucky depth.
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
    from resolutions.filing.pdf.render import DEFAULT_VARIANT, VARIANTS

    lead = User.objects.get(email="lead@example.org")
    draft = Draft.objects.get(title=DEMO_DRAFT_TITLE, lead_organization=lead.organization)
    version = draft.versions.order_by("-number").first()
    document = ProposalDocument.of(version)
    html, name = document.html(), document.storage_name
    url = reverse("drafts:proposal_pdf", args=[draft.pk, version.number])
    client = Client()
    client.force_login(lead)

    kept_fonts = FontConfiguration()

    def bare(**options):
        start = time.perf_counter()
        pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf(
            pdf_variant=VARIANTS[DEFAULT_VARIANT], pdf_tags=True, **options)
        elapsed = time.perf_counter() - start
        assert pdf.startswith(b"%PDF")
        return elapsed

    def bare_kept_fonts():
        return bare(font_config=kept_fonts)

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

    runs = 4 if quick else 28
    for _ in range(2):
        bare(), bare_kept_fonts(), export()
    bare_times, kept_times, export_times = [], [], []
    for i in range(runs):
        bare_times.append(_at_depth(DEPTHS[i % len(DEPTHS)], bare))
        kept_times.append(_at_depth(DEPTHS[i % len(DEPTHS)], bare_kept_fonts))
        export_times.append(export())
    stored_times = [download() for _ in range(3 if quick else 30)]
    bare_p50, export_p50 = percentile(bare_times, 50), percentile(export_times, 50)
    figures = {
        "bare_weasyprint_p50": ms(bare_p50), "export_p50": ms(export_p50),
        "ratio": round(export_p50 / bare_p50, 3), "stored_p50": ms(percentile(stored_times, 50)),
    }
    kept_p50 = percentile(kept_times, 50)
    log(f"  bare {figures['bare_weasyprint_p50']} ms, export {figures['export_p50']} ms "
        f"(×{figures['ratio']}), stored {figures['stored_p50']} ms")
    return figures, [
        f"pdf: demo proposal, version {version.number} of “{draft.title}”, {len(html):,} bytes of HTML",
        f"pdf: bare WeasyPrint with one FontConfiguration kept across renders, as the app does: {ms(kept_p50)} ms; "
        f"export / that = ×{export_p50 / kept_p50:.3f} (what the endpoint adds besides the render)",
    ]
