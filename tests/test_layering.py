"""The layering the README describes, checked on the source: no suffix modules posing as apps, no module over
400 lines, and no ORM write in a view (services own every write)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRITES = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
QUERYSET_STARTS = {"objects", "filter", "exclude", "all", "select_for_update"}
PACKAGES = ("accounts", "bench", "config", "evidence", "resolutions", "scripts", "tests")


def _ours() -> list[Path]:
    return [path for folder in PACKAGES for path in sorted((ROOT / folder).rglob("*.py"))
            if "migrations" not in path.parts]


def _view_modules() -> list[Path]:
    return [path for path in _ours() if not path.relative_to(ROOT).parts[0] == "tests"
            and (path.name == "views.py" or path.parent.name == "views")]


def _chain(node) -> list[str]:
    """The attribute and call names a call's receiver is built from: ``a.objects.filter(x).update`` → objects, filter."""
    names = []
    while isinstance(node, (ast.Attribute, ast.Call)):
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        else:
            node = node.func
    return names


def orm_writes(source: str) -> list[str]:
    """Calls that write through the ORM: ``save``/``delete``/``create``… on anything, ``update`` on a QuerySet."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, receiver = node.func.attr, _chain(node.func.value)
            if method in WRITES or (method == "update" and QUERYSET_STARTS & set(receiver)):
                found.append(f"line {node.lineno}: .{method}()")
    return found


def test_no_suffix_modules_pose_as_apps():
    suffixed = [p for p in (ROOT / "resolutions").rglob("*.py") if p.name.startswith(("views_", "forms_", "urls_"))]
    assert suffixed == []


def test_no_module_of_ours_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in _ours() if (n := len(p.read_text().splitlines())) > 400}
    assert long == {}


def test_the_view_modules_are_found():
    names = {str(p.relative_to(ROOT)) for p in _view_modules()}
    assert {"resolutions/drafts/views.py", "resolutions/filing/views/exports.py", "evidence/views.py"} <= names


@pytest.mark.parametrize("path", _view_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_view_writes_through_the_orm(path):
    assert orm_writes(path.read_text()) == []


def test_the_write_check_catches_saves_creates_and_queryset_updates_not_dict_updates():
    source = ("def view(request):\n"
              "    context = {}\n    context.update(a=1)\n"
              "    Draft.objects.filter(pk=1).update(title='x')\n"
              "    draft.invitations.filter(pk=2).update(last_seen_version=3)\n"
              "    form.save()\n    Company.objects.get_or_create(name='x')\n")
    assert orm_writes(source) == ["line 4: .update()", "line 5: .update()", "line 6: .save()",
                                  "line 7: .get_or_create()"]
