def login_username(request, credentials=None) -> str | None:
    """The email a sign-in attempt names, lower-cased so 'A@x.org' and 'a@x.org' share a lockout."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return username.strip().lower() if username else None
