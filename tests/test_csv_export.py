"""One CSV writer: every cell a spreadsheet would run as a formula is shown as text."""
import csv
import io

import pytest

from config.csv_export import csv_response, spreadsheet_safe


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("a=1", "a=1"), (12, "12"), (None, ""), ("", ""),
])
def test_a_cell_is_shown_as_text(value, cell):
    assert spreadsheet_safe(value) == cell


def test_the_response_is_an_attachment_with_every_cell_guarded():
    response = csv_response("out.csv", ["a", "b"], [["=x", 1], ["ok", None]])
    assert response["Content-Disposition"] == 'attachment; filename="out.csv"'
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [["a", "b"], ["'=x", "1"], ["ok", ""]]
