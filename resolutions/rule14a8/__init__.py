"""Rule 14a-8 checks as pure functions, one module a paragraph of the rule.

Each check returns a `Check` whose message cites the paragraph it applies
("Rule 14a-8(d): 512 of 500 words."). No Django, no database: callers pass
plain values and compose the checks in a selector or service. The rulebook is
/work/shared/14a-8.md. Callers use the package: ``rule14a8.check_length(...)``.
"""
from .common import (
    Check,
    ERROR,
    INFO,
    OK,
    WARNING,
    WEEKDAYS,
    check_company_details,
    dollars,
    join_words,
    percent,
    plural,
)
from .length import (
    WORD_LIMIT,
    WORD_WARNING_AT,
    WordCount,
    check_length,
    count_words,
    plain_text,
    word_count_by_part,
)
from .deadline import (
    BASIS_MOVED,
    BASIS_STATED,
    BASIS_UNKNOWN,
    DEADLINE_WARNING_DAYS,
    Deadline,
    check_deadline,
    filing_deadline,
    upcoming_meeting_year,
)
from .proposal import (
    check_one_proposal,
    check_precatory,
    check_resolved_present,
    check_stale_evidence,
    check_whereas_cited,
)
from .resubmission import (
    resubmission_check,
)
from .ownership import (
    PRICE_BASES,
    PRICE_BID_ASK,
    PRICE_HIGHEST_SALE,
    VALUATION_DAYS,
    check_proof_period,
    check_valuation,
    required_holding_start,
    OWNERSHIP_TIERS,
    ownership_verdict,
)
from .engagement import (
    BUSINESS_HOURS_DEFAULT,
    check_business_hours,
    ENGAGEMENT_FIRST_DAY,
    ENGAGEMENT_LAST_DAY,
    check_engagement,
)
from .meeting import (
    PRESENTATION_BAR_YEARS,
    KnownDate,
    check_presenter,
    hold_through_meeting,
    meeting_date,
    proxy_date,
)
from .deficiency import (
    CURE_DAYS,
    NOTICE_DAYS,
    check_cure,
    check_deficiency_notice,
    cure_due,
    deficiency_notice_due,
)
from .exclusion import (
    EXCLUSION_NOTICE_DAYS,
    GROUNDS,
    OPPOSITION_DAYS,
    check_exclusion_notice,
    check_opposition,
    exclusion_notice_due,
    opposition_due,
)
from .vote import (
    describe_vote,
    vote_problems,
    vote_support,
)
from .clocks import (
    Clock,
    reminders_due,
)
from .texas import (
    TEXAS_MONTHS,
    TEXAS_PERCENT,
    TEXAS_VALUE,
    texas_threshold_check,
)

__all__ = [
    "CURE_DAYS",
    "Clock",
    "EXCLUSION_NOTICE_DAYS",
    "GROUNDS",
    "KnownDate",
    "NOTICE_DAYS",
    "OPPOSITION_DAYS",
    "PRESENTATION_BAR_YEARS",
    "check_cure",
    "check_deficiency_notice",
    "check_exclusion_notice",
    "check_opposition",
    "check_presenter",
    "cure_due",
    "deficiency_notice_due",
    "describe_vote",
    "exclusion_notice_due",
    "hold_through_meeting",
    "meeting_date",
    "opposition_due",
    "proxy_date",
    "reminders_due",
    "vote_problems",
    "vote_support",
    "check_business_hours",
    "BUSINESS_HOURS_DEFAULT",
    "required_holding_start",
    "check_valuation",
    "check_proof_period",
    "VALUATION_DAYS",
    "PRICE_HIGHEST_SALE",
    "PRICE_BID_ASK",
    "PRICE_BASES",
    "BASIS_MOVED",
    "BASIS_STATED",
    "BASIS_UNKNOWN",
    "Check",
    "DEADLINE_WARNING_DAYS",
    "Deadline",
    "ENGAGEMENT_FIRST_DAY",
    "ENGAGEMENT_LAST_DAY",
    "ERROR",
    "INFO",
    "OK",
    "OWNERSHIP_TIERS",
    "TEXAS_MONTHS",
    "TEXAS_PERCENT",
    "TEXAS_VALUE",
    "WARNING",
    "WEEKDAYS",
    "WORD_LIMIT",
    "WORD_WARNING_AT",
    "WordCount",
    "check_deadline",
    "check_company_details",
    "check_engagement",
    "check_length",
    "check_one_proposal",
    "check_precatory",
    "check_resolved_present",
    "check_stale_evidence",
    "check_whereas_cited",
    "count_words",
    "dollars",
    "filing_deadline",
    "join_words",
    "ownership_verdict",
    "percent",
    "plain_text",
    "plural",
    "resubmission_check",
    "texas_threshold_check",
    "upcoming_meeting_year",
    "word_count_by_part",
]
