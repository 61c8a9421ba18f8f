"""The filing views, one module a page family: ``filing`` (the lead's filing page, finalize, the submission),
``documents`` (each filer's own documents, proofs, the shareholder's authorization) and ``exports`` (PDFs,
the packet, the Word copy)."""
