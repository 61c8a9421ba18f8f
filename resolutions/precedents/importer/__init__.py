"""Precedent importer: turn the text of a filed shareholder resolution into its parts.

Shared by the import_resolutions command, the curator's upload form and the tests. The parser
is pure Python; the readers (``read_document``, ``proxy_reader.read_proxy``) read the file in the
sandbox within the upload limits of the settings (``config.untrusted``).
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
