"""Proposal PDFs, submission letters and filing packets, rendered in-process with WeasyPrint."""
