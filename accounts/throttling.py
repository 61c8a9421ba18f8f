# django-axes keeps the username in varchar(255) columns; a longer one (no real email is) made
# PostgreSQL refuse the failure record, a 500 instead of "wrong email or password".
AXES_USERNAME_CHARS = 255


def login_username(request, credentials=None) -> str | None:
    """The email a sign-in attempt names, lower-cased so 'A@x.org' and 'a@x.org' share a lockout,
    and cut to what axes can store (a name that long locks out by its first 255 characters)."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    return username.strip().lower()[:AXES_USERNAME_CHARS] if username else None
