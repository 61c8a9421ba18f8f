"""``{% clause_items clauses kinds draft %}``: the editor's clauses, each a card with its form and tools.

Written out here rather than as a template included once a clause: each card holds some forty
values (its id a dozen times, three URLs, the kinds, the text), and Django's template engine,
resolving and escaping each one, spent a quarter of a 50-clause editor page on them. The same
markup from one format string costs a few microseconds a clause. What a card holds and how it
reads to assistive technology are pinned by tests/browser/test_editor_aria.py.

Each clause brings ``rendered_html`` (its text with numbered calls, sanitized) and
``open_comments`` (the views set both).
"""
from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()

_STAND_IN = 987654321987  # stands in for the clause id while reversing; never a real one

_CARD = """<li class="card mb-3 clause" id="clause-{pk}" data-clause-id="{pk}" draggable="true">
  <div class="card-body">
    <form hx-post="{save_url}" hx-trigger="input changed delay:800ms from:find textarea, change"
          hx-include="#revision" hx-target="#status-{pk}" hx-sync="closest #clauses:queue all" class="clause-form">
      <div class="d-flex gap-2 align-items-center mb-2">
        <span class="drag-handle text-muted" aria-hidden="true" title="Drag to reorder">⠿</span>
        <label class="visually-hidden" for="kind-{pk}">Kind of clause</label>
        <select id="kind-{pk}" name="kind" class="form-select form-select-sm w-auto">
          {options}
        </select>
        {comments}
        <span class="ms-auto small text-muted" id="status-{pk}" role="status" aria-live="polite"></span>
      </div>
      <label class="visually-hidden" for="text-{pk}" id="label-{pk}">Text of {kind_label} clause</label>
      <textarea id="text-{pk}" name="text" class="form-control clause-textarea" rows="4"
                aria-describedby="rendered-{pk}" data-labelledby="label-{pk}">{text}</textarea>
    </form>
    <div class="clause-rendered small text-muted mt-1" id="rendered-{pk}">{rendered}</div>
    <div class="d-flex flex-wrap gap-2 mt-2">
      <button type="button" class="btn btn-outline-primary btn-sm js-cite" data-target="text-{pk}" data-bs-toggle="modal" data-bs-target="#cite-modal">Cite…</button>
      <button type="button" class="btn btn-outline-secondary btn-sm" hx-post="{move_url}" hx-vals='{{"direction": "up"}}' hx-include="#revision" hx-target="#workspace" aria-label="Move clause up" data-focus-after="up">↑ Up</button>
      <button type="button" class="btn btn-outline-secondary btn-sm" hx-post="{move_url}" hx-vals='{{"direction": "down"}}' hx-include="#revision" hx-target="#workspace" aria-label="Move clause down" data-focus-after="down">↓ Down</button>
      <div class="btn-group btn-group-sm" role="group" aria-label="Formatting">
        <button type="button" class="btn btn-outline-secondary js-format" data-format="b" data-target="text-{pk}" title="Bold (Ctrl+B)" aria-label="Bold" aria-keyshortcuts="Control+B"><b aria-hidden="true">B</b></button>
        <button type="button" class="btn btn-outline-secondary js-format" data-format="i" data-target="text-{pk}" title="Italic (Ctrl+I)" aria-label="Italic" aria-keyshortcuts="Control+I"><i aria-hidden="true">I</i></button>
        <button type="button" class="btn btn-outline-secondary js-format" data-format="a" data-target="text-{pk}" title="Link (Ctrl+K)" aria-keyshortcuts="Control+K">Link</button>
        <button type="button" class="btn btn-outline-secondary js-format" data-format="ul" data-target="text-{pk}" title="Bullet list from the selected lines" aria-label="Bullet list">• List</button>
      </div>
      <button type="button" class="btn btn-outline-danger btn-sm ms-auto" hx-post="{delete_url}" hx-include="#revision" hx-target="#workspace" hx-confirm="Delete this clause?" data-focus-after="next-clause">Delete</button>
    </div>
  </div>
</li>
"""  # the tools in the order a filer uses them: cite, move, format; delete last

_COMMENTS = ('<a class="badge text-bg-info text-decoration-none" href="{review_url}#comments-heading">'
             '{count} open comment{plural}</a>')


def _options(kinds, selected) -> str:
    return "".join(f'<option value="{escape(str(value))}"{" selected" if value == selected else ""}>'
                   f'{escape(str(label))}</option>' for value, label in kinds)


@register.simple_tag
def clause_items(clauses, kinds, draft):
    """Every clause's card, in order; each URL reversed once for the draft, the kinds' options once a kind."""
    urls = {name: escape(reverse(f"drafts:{name}", args=[draft.pk, _STAND_IN]))
            for name in ("clause_save", "clause_move", "clause_delete")}
    review_url = escape(reverse("drafts:review", args=[draft.pk]))
    labels = {value: escape(str(label)) for value, label in kinds}
    options = {value: _options(kinds, value) for value in labels}
    unknown = _options(kinds, None)  # a kind no longer offered: none selected, as the template had it
    stand_in = f"/{_STAND_IN}/"
    cards = []
    for clause in clauses:
        pk, count = clause.pk, clause.open_comments
        here = f"/{pk}/"
        cards.append(_CARD.format(
            pk=pk, text=escape(clause.text), rendered=clause.rendered_html,
            kind_label=labels.get(clause.kind, escape(clause.kind)), options=options.get(clause.kind, unknown),
            save_url=urls["clause_save"].replace(stand_in, here), move_url=urls["clause_move"].replace(stand_in, here),
            delete_url=urls["clause_delete"].replace(stand_in, here),
            comments=_COMMENTS.format(review_url=review_url, count=count, plural="" if count == 1 else "s")
            if count else "",
        ))
    return mark_safe("".join(cards))
