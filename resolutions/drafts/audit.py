from ..models import AuditEvent, Draft


def audit_record(*, draft: Draft, actor, verb: str, detail: str = "") -> AuditEvent:
    """Append one event to a draft's trail. Call inside the transaction of the action it records."""
    return AuditEvent.objects.create(draft=draft, actor=actor, verb=verb, detail=detail[:500])
