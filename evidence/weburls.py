"""Web address checks and normalization for evidence sources."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

WEB_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WHITESPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def normalize_url(url: str) -> str:
    """Canonical form of a web address, for spotting duplicates.

    Lowercases scheme and host, drops default ports, the fragment and
    tracking parameters (utm_*, fbclid, gclid, …), sorts the remaining
    parameters and drops a trailing slash (the root path stays "/").
    Best effort: it never raises; check addresses with validate_web_url.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    path = (parts.path.rstrip("/") or "/") if parts.netloc else parts.path
    return urlunsplit((scheme, _normalize_host(parts), path, _normalize_query(parts.query), ""))


def _normalize_host(parts: SplitResult) -> str:
    """Lowercase host with any non-default port; user names are dropped."""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"  # IPv6
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


def _normalize_query(query: str) -> str:
    params = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
    ]
    # Sort by name only: the order of repeated names can matter.
    return urlencode(sorted(params, key=lambda param: param[0]))


def validate_web_url(url: str) -> str:
    """Return ``url`` stripped if it is a usable http(s) address, else raise
    ValueError saying what is wrong (javascript:, data:, file: links, …)."""
    url = url.strip()
    if not url:
        raise ValueError("Enter a web address.")
    if _WHITESPACE_OR_CONTROL.search(url):
        raise ValueError("A web address cannot contain spaces or line breaks.")
    scheme = _SCHEME.match(url)
    # "example.com:8080/x" has no scheme, just a port.
    if scheme is None or url[scheme.end() : scheme.end() + 1].isdigit():
        raise ValueError("Enter the full web address, starting with https:// or http://.")
    if scheme.group(1).lower() not in WEB_SCHEMES:
        raise ValueError(
            f"Only web pages (https:// or http:// addresses) can be sources, not “{scheme.group(1).lower()}:” links."
        )
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError("This web address has no site name after the “//”.")
    if parts.username is not None or parts.password is not None:
        raise ValueError("Remove the user name or password from the web address.")
    try:
        parts.port  # noqa: B018 - parsing the port validates it
    except ValueError:
        raise ValueError("This web address has an invalid port number.") from None
    return url
