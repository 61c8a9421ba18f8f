"""The one error the file readers raise."""


class DocumentError(ValueError):
    """A file could not be turned into text; the message is meant for the user."""
