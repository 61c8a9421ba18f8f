"""`make bench`: seeds a throw-away PostgreSQL database and measures search, the editor, PDF
export, the importer and a 60-second load test; prints a table and writes bench/results.json.

Run ``python -m bench [--only search,editor,pdf,import,load] [--quick]``. The parts live in
one module each (seed, search, editor, pdf, importer, load); ``__main__`` owns the database.
"""
