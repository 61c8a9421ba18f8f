"""Precedent importer: turn the text of a filed shareholder resolution into its parts.

Pure Python (no Django), shared by the import_resolutions command, the curator's upload
form and the tests.
"""

from .errors import DocumentError
from .model import Call, Filer, Footnote, ParsedResolution
from .parser import parse_resolution
from .readers import DEFAULT_MAX_BYTES, read_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Call",
    "DocumentError",
    "Filer",
    "Footnote",
    "ParsedResolution",
    "parse_resolution",
    "read_document",
]
