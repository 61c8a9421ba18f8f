"""Every model of the resolutions app (one app label, one set of migrations), re-exported from the
sub-domain packages so that `from resolutions.models import Draft` works wherever a model lives."""
from resolutions.catalogue.models import Company, Topic
from resolutions.cofiling.models import Comment, Invitation, SignOn
from resolutions.drafts.models import AuditEvent, Clause, Draft, DraftNote, DraftVersion
from resolutions.filing.models import OwnershipProof, PacketExport, Representation, Submission
from resolutions.notifications.models import Notification, NotificationDigest, NotificationPreference
from resolutions.precedents.models import BoardRecommendation, FootnoteCall, PartKind, Precedent, PrecedentFiler, PrecedentFootnote, PrecedentPart, ProxyImport

__all__ = [
    "AuditEvent", "BoardRecommendation", "Clause", "Comment", "Company", "Draft", "DraftNote", "DraftVersion", "FootnoteCall",
    "Invitation", "Notification", "NotificationDigest", "NotificationPreference", "OwnershipProof", "PacketExport",
    "Submission", "PartKind", "Precedent", "PrecedentFiler", "PrecedentFootnote", "PrecedentPart", "ProxyImport",
    "Representation", "SignOn", "Topic",
]
