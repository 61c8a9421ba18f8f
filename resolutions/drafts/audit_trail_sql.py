"""The database's half of "the audit trail is append-only" (migration 0019 and the ``flush`` command).

A trigger refuses every UPDATE and DELETE of ``resolutions_auditevent``, on PostgreSQL and on
SQLite, so no code path (a bulk update, a cascade from a deleted draft, a hand-typed statement)
rewrites the trail. One change is let through: deleting a user account blanks its ``actor``
(``on_delete=SET_NULL``); everything the event says stays as written.
"""
MESSAGE = "The audit trail is append-only: an audit event cannot be changed or deleted."

# Only the actor, set to NULL, and nothing else: the one UPDATE allowed.
_ACTOR_BLANKED = ("NEW.actor_id IS NULL AND NEW.id = OLD.id AND NEW.draft_id = OLD.draft_id "
                  "AND NEW.verb = OLD.verb AND NEW.detail = OLD.detail AND NEW.created_at = OLD.created_at")

POSTGRESQL_CREATE = [
    f"""
    CREATE FUNCTION resolutions_auditevent_append_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND {_ACTOR_BLANKED} THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER resolutions_auditevent_append_only BEFORE UPDATE OR DELETE ON resolutions_auditevent
    FOR EACH ROW EXECUTE FUNCTION resolutions_auditevent_append_only()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS resolutions_auditevent_append_only ON resolutions_auditevent",
    "DROP FUNCTION IF EXISTS resolutions_auditevent_append_only()",
]

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER resolutions_auditevent_no_update BEFORE UPDATE ON resolutions_auditevent
    WHEN NOT ({_ACTOR_BLANKED})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER resolutions_auditevent_no_delete BEFORE DELETE ON resolutions_auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS resolutions_auditevent_no_update",
    "DROP TRIGGER IF EXISTS resolutions_auditevent_no_delete",
]
