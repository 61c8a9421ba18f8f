"""Texas Business Organizations Code §21.373: the thresholds of companies that opted in."""
from decimal import Decimal

from .common import Check, INFO, WARNING, dollars, percent, plural


TEXAS_EXCHANGES = {"txse", "texas stock exchange", "nyse texas"}
TEXAS_VALUE = Decimal(1_000_000)
TEXAS_PERCENT = Decimal(3)
TEXAS_MONTHS = 6


def _is_texas(state: str) -> bool:
    return state.strip().lower() in {"texas", "tx"}


def texas_may_opt_in(*, state_of_incorporation: str, principal_office_state: str, exchange: str) -> tuple[bool | None, str]:
    """Whether §21.373 can apply to a company, by its record, and why not: only a corporation incorporated
    in Texas and listed on a national exchange, with its principal office in Texas or listed on a Texas
    exchange, may opt in (a Delaware company headquartered in Texas cannot). None when the record does not tell.
    """
    if not state_of_incorporation.strip():
        return None, "its state of incorporation is not recorded"
    if not _is_texas(state_of_incorporation):
        return False, f"it is incorporated in {state_of_incorporation.strip()}, not Texas"
    on_texas_exchange = exchange.strip().lower() in TEXAS_EXCHANGES
    if on_texas_exchange or _is_texas(principal_office_state):
        return (True, "") if exchange.strip() else (None, "its exchange is not recorded")
    if not principal_office_state.strip() or not exchange.strip():
        return None, "its principal office's state or its exchange is not recorded"
    return False, (f"its principal office is in {principal_office_state.strip()} and it is listed on "
                   f"{exchange.strip()}, not a Texas exchange")


def _texas_holdings(group_value: Decimal | None, group_percent: Decimal | None, held_months: int | None) -> str:
    amounts = [dollars(group_value)] if group_value is not None else []
    if group_percent is not None:
        amounts.append(f"{percent(group_percent)} of the voting shares")
    held = "for an unknown time" if held_months is None else f"for {plural(held_months, 'month')}"
    return f"{' / '.join(amounts) or 'an unknown amount'} {held}"


def _texas_amount_met(group_value: Decimal | None, group_percent: Decimal | None) -> bool | None:
    """Holding either amount meets "the lesser of" the two; None when it cannot be told."""
    if (group_value is not None and group_value >= TEXAS_VALUE) or (
        group_percent is not None and group_percent >= TEXAS_PERCENT
    ):
        return True
    return None if group_value is None or group_percent is None else False


def texas_threshold_check(
    *, opted_in: bool, group_value: Decimal | None, group_percent: Decimal | None, held_months: int | None,
    eligibility: tuple[bool | None, str] = (True, ""),
) -> Check:
    """Texas §21.373 (from 1 September 2025) for companies that opted in.

    The proponent, alone or as a group (holdings count together, unlike Rule
    14a-8(b)), holds the lesser of $1,000,000 or 3% of the voting shares for six
    months before and through the meeting, and solicits holders of at least 67%
    of the voting power. `group_percent` is in percent (3 means 3%). `eligibility` is
    ``texas_may_opt_in`` of the company's record: an opt-in the record contradicts is flagged.
    """
    rule, label, cite = "Tex. Bus. Orgs. Code §21.373", "Texas thresholds", "Texas Business Organizations Code §21.373"
    if not opted_in:
        return Check(rule, label, INFO, f"{cite}: not applicable; the company has not opted in.")
    eligible, why_not = eligibility
    if eligible is False:
        return Check(rule, label, WARNING, (
            f"{cite}: the company is recorded as opted in, but {why_not}; only a Texas corporation with its "
            "principal office in Texas or a listing on a Texas exchange can opt in. Check the company's record "
            "before relying on these thresholds."), {"eligible": False})
    details = {"group_value": group_value, "group_percent": group_percent, "held_months": held_months}
    holdings = _texas_holdings(group_value, group_percent, held_months)
    amount_met = _texas_amount_met(group_value, group_percent)
    held_met = None if held_months is None else held_months >= TEXAS_MONTHS
    requirement = (
        "the lesser of $1,000,000 or 3% of the voting shares, held for 6 months before and through the meeting"
    )
    if amount_met is False or held_met is False:
        message = (
            f"{cite}: the company has opted in; a proponent or group needs {requirement}. "
            f"The group has {holdings}, so the company may exclude the proposal."
        )
        return Check(rule, label, WARNING, message, {**details, "met": False})
    if amount_met is None or held_met is None:
        message = (
            f"{cite}: the company has opted in; a proponent or group needs {requirement}. "
            f"Record the group's market value, percent of the voting shares and months held (so far: {holdings})."
        )
        return Check(rule, label, WARNING, message, {**details, "met": None})
    message = (
        f"{cite}: the company has opted in; the group's {holdings} meets the threshold. It must keep the "
        "shares through the meeting and solicit holders of at least 67% of the voting power."
    )
    return Check(rule, label, INFO, message, {**details, "met": True})
