"""Texas Business Organizations Code §21.373: the thresholds of companies that opted in."""
from decimal import Decimal

from .common import Check, INFO, WARNING, dollars, percent, plural


TEXAS_VALUE = Decimal(1_000_000)
TEXAS_PERCENT = Decimal(3)
TEXAS_MONTHS = 6


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
    *, opted_in: bool, group_value: Decimal | None, group_percent: Decimal | None, held_months: int | None
) -> Check:
    """Texas §21.373 (from 1 September 2025) for companies that opted in.

    The proponent, alone or as a group (holdings count together, unlike Rule
    14a-8(b)), holds the lesser of $1,000,000 or 3% of the voting shares for six
    months before and through the meeting, and solicits holders of at least 67%
    of the voting power. `group_percent` is in percent (3 means 3%).
    """
    rule, label, cite = "Tex. Bus. Orgs. Code §21.373", "Texas thresholds", "Texas Business Organizations Code §21.373"
    if not opted_in:
        return Check(rule, label, INFO, f"{cite}: not applicable; the company has not opted in.")
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
