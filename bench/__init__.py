"""`make bench`: seeds a throw-away PostgreSQL database and measures every figure beside its
floor in the same run — pages against a bare view of the same size plus their own SQL
(``floor``), search along its growth curve, PDF export against the app's renderer alone, PDF
import against ``pdftotext -layout``, gunicorn's capacity against a bare view's, and whether two
processes share sessions and files; prints a table with the machine and writes bench/results.json.

Run ``python -m bench [--only search,editor,pages,pdf,import,capacity,shared,load] [--quick]
[--scale]``. The parts live in one module each (seed with vocabulary and terms, search, editor, pages, pdf,
importer, capacity, shared, load); ``__main__`` owns the database.
"""
