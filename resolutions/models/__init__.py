"""Every model of the resolutions app (one app label, one set of migrations), re-exported from the
sub-domain packages so that `from resolutions.models import Draft` works wherever a model lives."""
from resolutions.drafts.models import (  # noqa: F401
    AuditEvent, Clause, Comment, Company, Draft, DraftNote, DraftVersion, FootnoteCall, Invitation, PacketExport,
    PartKind, Precedent, PrecedentFiler, PrecedentFootnote, PrecedentPart, SignOn, Topic,
)
