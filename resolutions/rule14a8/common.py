"""Check results and the formatting every rule's message shares."""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


OK = "ok"
WARNING = "warning"
ERROR = "error"
INFO = "info"


@dataclass(frozen=True)
class Check:
    rule: str
    label: str
    status: str
    message: str
    details: dict = field(default_factory=dict)


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def dollars(value: Decimal) -> str:
    """$2,000 for whole dollars, $1,999.99 otherwise (never rounds up to a threshold)."""
    if value == value.to_integral_value():
        return f"${value:,.0f}"
    return f"${value:,.2f}"


def percent(value: float | Decimal) -> str:
    """12.0%, 4.96%: two decimals when the second one matters."""
    text = f"{value:.2f}"
    return (text[:-1] if text.endswith("0") else text) + "%"


def dated_before_submission(rule: str, label: str, what: str, proposal_received_on: date, *,
                            advice: str = "check the date") -> Check:
    """A paper of the company's dated before the proposal it answers reached it: an error in the dates."""
    return Check(rule, label, ERROR, f"Rule {rule}: {what}, before the proposal was submitted "
                                     f"({proposal_received_on:%B %-d, %Y}); {advice}.")


def check_company_details(company: str, *, verified: bool, uses: str) -> list[Check]:
    """A warning while a filer-proposed company awaits a curator; ``uses`` names the checks that read its details."""
    if verified:
        return []
    return [Check("", "Company details", WARNING,
                  f"{company} was proposed by a filer and no curator has verified it yet: {uses} use its "
                  "unverified details.")]
