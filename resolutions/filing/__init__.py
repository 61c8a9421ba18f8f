"""Filing: the forms a version leaves the app in (the Word copy and its read-back)."""
