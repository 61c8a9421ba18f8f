"""Reads of the catalogue shared by every listing."""


def names_by_owner(relation, owner_ids) -> dict[int, list[str]]:
    """The names of each owner's topics or companies, in name order, for a many-to-many ``relation``
    (``Snippet.topics``, ``Precedent.topics``…): ``{owner pk: [name, …]}``, owners without any left out.

    As (owner, name) rows rather than by ``prefetch_related``: a topic or a company built as a model,
    and a related manager per card, only to print its name cost a listing more than the query.
    """
    owner, related = relation.field.m2m_field_name(), relation.field.m2m_reverse_field_name()
    names = {}
    if owner_ids:
        for owner_id, name in relation.through.objects.filter(**{f"{owner}_id__in": owner_ids}).order_by(
                f"{related}__name").values_list(f"{owner}_id", f"{related}__name"):
            names.setdefault(owner_id, []).append(name)
    return names
