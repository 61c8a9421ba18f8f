"""Rule 14a-8 checks as pure functions.

Each check returns a `Check` whose message cites the paragraph it applies
("Rule 14a-8(d): 512 of 500 words."). No Django, no database: callers pass
plain values and compose the checks in a service. The rulebook is
/work/shared/14a-8.md.
"""

import html as html_lib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
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


# --- Dates and formatting --------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _same_day_in_year(day: date, year: int) -> date:
    """`day` moved to `year`; Feb 29 becomes Feb 28 in a non-leap year."""
    try:
        return day.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _dollars(value: Decimal) -> str:
    """$2,000 for whole dollars, $1,999.99 otherwise (never rounds up to a threshold)."""
    if value == value.to_integral_value():
        return f"${value:,.0f}"
    return f"${value:,.2f}"


def _percent(value: float | Decimal) -> str:
    """12.0%, 4.96%: two decimals when the second one matters."""
    text = f"{value:.2f}"
    return (text[:-1] if text.endswith("0") else text) + "%"


# --- 14a-8(d) Length ---------------------------------------------------------

_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_INLINE_TAGS = frozenset({"a", "b", "i", "em", "strong", "u", "s", "sup", "sub", "span", "mark", "small"})
_DASHES = "\u2012\u2013\u2014\u2015"
_URL = re.compile(rf"(?<![\w@./])(?:https?://|www\.)[^\s{_DASHES}]*", re.IGNORECASE)
_DASH = re.compile(rf"[{_DASHES}]|-{{2,}}")
_ALNUM = re.compile(r"[^\W_]")


def _replace_tag(match: re.Match) -> str:
    """Inline tags vanish ("<b>co</b>op" is one word); block tags separate words."""
    return "" if match.group(1).lower() in _INLINE_TAGS else " "


def plain_text(html: str) -> str:
    """The visible text of a sanitized HTML fragment (tags and hrefs dropped)."""
    return html_lib.unescape(_TAG.sub(_replace_tag, html))


def _is_word(token: str) -> bool:
    """A token with a letter or digit is a word; "&" stands for "and"; bullets and dashes are not."""
    return token == "&" or _ALNUM.search(token) is not None


def count_words(text: str) -> int:
    """Count words the strict way a company would.

    A URL is one word; hyphenated words and numbers like 1,600, $35 or 3.5% are
    one word; em/en dashes (and "--") separate words and are not words;
    bullet markers and HTML tags are not words, and link targets are not counted.
    """
    text = _URL.sub(" URL ", plain_text(text))
    return sum(1 for token in _DASH.sub(" ", text).split() if _is_word(token))


@dataclass(frozen=True)
class WordCount:
    title: int
    resolved: int
    whereas: int
    supporting: int
    footnotes: int

    @property
    def total(self) -> int:
        """The strict total checked against 14a-8(d): every part counts."""
        return self.title + self.resolved + self.whereas + self.supporting + self.footnotes


def word_count_by_part(
    *, title: str, resolved: list[str], whereas: list[str], supporting: list[str], footnotes: list[str]
) -> WordCount:
    return WordCount(
        title=count_words(title),
        resolved=sum(map(count_words, resolved)),
        whereas=sum(map(count_words, whereas)),
        supporting=sum(map(count_words, supporting)),
        footnotes=sum(map(count_words, footnotes)),
    )


WORD_LIMIT = 500
WORD_WARNING_AT = 475


def check_length(word_count: WordCount) -> Check:
    total = word_count.total
    if total > WORD_LIMIT:
        status = ERROR
    elif total >= WORD_WARNING_AT:
        status = WARNING
    else:
        status = OK
    details = {
        "title": word_count.title,
        "resolved": word_count.resolved,
        "whereas": word_count.whereas,
        "supporting": word_count.supporting,
        "footnotes": word_count.footnotes,
        "total": total,
        "limit": WORD_LIMIT,
    }
    return Check("14a-8(d)", "Length", status, f"Rule 14a-8(d): {total} of {WORD_LIMIT} words.", details)


# --- 14a-8(e) Deadline -------------------------------------------------------

BASIS_STATED = "stated by the company in last year's proxy statement"
BASIS_MOVED = "meeting moved by more than 30 days: a reasonable time before the company prints its proxy materials"
BASIS_UNKNOWN = "unknown"


@dataclass(frozen=True)
class Deadline:
    date: date | None
    basis: str


def _meeting_moved(prior_meeting_date: date, meeting_date: date) -> bool:
    anniversary = _same_day_in_year(prior_meeting_date, prior_meeting_date.year + 1)
    return abs((meeting_date - anniversary).days) > 30


def filing_deadline(
    *,
    stated_deadline: date | None,
    prior_proxy_date: date | None,
    prior_meeting_date: date | None = None,
    meeting_date: date | None = None,
) -> Deadline:
    """The 14a-8(e) receipt deadline for an annual meeting.

    The date the company stated wins. Otherwise take the prior proxy statement's
    date, move it to the next year and count back 120 calendar days (SLB 14:
    proxy dated 2001-04-14 gives 2001-12-15), unless the meeting moved by more
    than 30 days from last year's, when the rule only says "a reasonable time".
    """
    if stated_deadline is not None:
        return Deadline(stated_deadline, BASIS_STATED)
    if prior_meeting_date is not None and meeting_date is not None and _meeting_moved(prior_meeting_date, meeting_date):
        return Deadline(None, BASIS_MOVED)
    if prior_proxy_date is None:
        return Deadline(None, BASIS_UNKNOWN)
    anniversary = _same_day_in_year(prior_proxy_date, prior_proxy_date.year + 1)
    basis = f"120 calendar days before the anniversary of last year's proxy statement ({prior_proxy_date.isoformat()})"
    return Deadline(anniversary - timedelta(days=120), basis)


DEADLINE_WARNING_DAYS = 14


def check_deadline(deadline: Deadline, *, today: date) -> Check:
    details = {"date": deadline.date, "basis": deadline.basis}
    if deadline.date is None:
        if deadline.basis == BASIS_UNKNOWN:
            message = (
                "Rule 14a-8(e): deadline unknown; enter the date stated in last year's proxy statement, "
                "or that statement's date."
            )
        else:
            message = f"Rule 14a-8(e): no fixed deadline; {deadline.basis}."
        return Check("14a-8(e)", "Deadline", INFO, message, details)
    days_left = (deadline.date - today).days
    details["days_left"] = days_left
    due = f"Rule 14a-8(e): due {deadline.date.isoformat()}"
    if days_left < 0:
        return Check("14a-8(e)", "Deadline", ERROR, f"{due}, passed {_plural(-days_left, 'day')} ago.", details)
    status = WARNING if days_left <= DEADLINE_WARNING_DAYS else OK
    when = "must be received today" if days_left == 0 else f"{_plural(days_left, 'day')} left"
    return Check("14a-8(e)", "Deadline", status, f"{due}, {when}.", details)


# --- The RESOLVED clause -----------------------------------------------------

_PRECATORY = re.compile(r"\b(?:request(?:s|ed)?|recommend(?:s|ed)?|urge[sd]?|ask(?:s|ed)?)\b", re.IGNORECASE)


def _has_text(clauses: list[str]) -> bool:
    return any(plain_text(clause).strip() for clause in clauses)


def check_resolved_present(resolved: list[str]) -> Check:
    if _has_text(resolved):
        return Check("14a-8(a)", "RESOLVED clause", OK, "Rule 14a-8(a): the proposal has a RESOLVED clause.")
    return Check(
        "14a-8(a)",
        "RESOLVED clause",
        ERROR,
        "Rule 14a-8(a): no RESOLVED clause; state the course of action shareholders ask the company to take.",
    )


def check_precatory(resolved: list[str]) -> Check:
    """Warn when the RESOLVED text does not request, recommend or urge.

    A keyword heuristic: it cannot tell a request from a binding instruction
    that happens to contain the word "request".
    """
    rule, label = "14a-8(i)(1)", "Precatory wording"
    if not _has_text(resolved):
        return Check(rule, label, INFO, "Rule 14a-8(i)(1): no RESOLVED clause to check yet.")
    if any(_PRECATORY.search(plain_text(clause)) for clause in resolved):
        return Check(rule, label, OK, "Rule 14a-8(i)(1): the RESOLVED clause is worded as a request.")
    return Check(
        rule,
        label,
        WARNING,
        "Rule 14a-8(i)(1): the RESOLVED clause does not request, recommend or urge. Binding wording can be "
        "excluded as improper under state law, the one ground the SEC staff still reviews in the 2025–26 "
        'season. Write it as a request: "Shareholders request the Board …".',
    )


# --- Evidence (14a-8(i)(3): materially false or misleading, Rule 14a-9) ------


def check_whereas_cited(whereas_citation_counts: list[int]) -> Check:
    rule, label = "14a-8(i)(3)", "Sources"
    uncited = [number for number, count in enumerate(whereas_citation_counts, start=1) if count == 0]
    if not uncited:
        return Check(rule, label, OK, "Rule 14a-8(i)(3): every WHEREAS recital cites a source.", {"uncited": []})
    which = _join([str(number) for number in uncited])
    noun = "recital" if len(uncited) == 1 else "recitals"
    message = (
        f"Rule 14a-8(i)(3): WHEREAS {noun} {which} cite{'s' if len(uncited) == 1 else ''} no source; "
        "unsupported claims invite a challenge as misleading (Rule 14a-9)."
    )
    return Check(rule, label, WARNING, message, {"uncited": uncited})


def check_stale_evidence(stale_count: int) -> Check:
    rule, label = "14a-8(i)(3)", "Stale sources"
    if stale_count <= 0:
        return Check(rule, label, OK, "Rule 14a-8(i)(3): no cited source is stale.", {"stale": 0})
    verb = "is" if stale_count == 1 else "are"
    message = (
        f"Rule 14a-8(i)(3): {_plural(stale_count, 'cited source')} {verb} stale; "
        "check the figures are still current so the proposal is not misleading."
    )
    return Check(rule, label, WARNING, message, {"stale": stale_count})


# --- 14a-8(c) One proposal ---------------------------------------------------


def check_one_proposal(other_proposals: list[str], cofilers: dict[str, list[str]] | None = None) -> Check:
    """`other_proposals`: titles of the organization's other proposals for this company and meeting,
    led or co-filed; `cofilers`: each co-filer's other proposals there. Since 2020 the limit binds
    each person directly or through a representative, so a co-filer counts as much as the lead."""
    cofilers = {name: titles for name, titles in (cofilers or {}).items() if titles}
    details = {"other_proposals": list(other_proposals)} | ({"cofilers": cofilers} if cofilers else {})
    if not other_proposals and not cofilers:
        message = "Rule 14a-8(c): this is your only proposal for this meeting."
        return Check("14a-8(c)", "One proposal", OK, message, details)
    found = []
    if other_proposals:
        titles = _join([f"“{title}”" for title in other_proposals])
        noun = "a proposal" if len(other_proposals) == 1 else f"{len(other_proposals)} other proposals"
        found.append(f"your organization already has {noun} for this company's meeting: {titles}")
    for name, titles in cofilers.items():
        found.append(f"co-filer {name} is also a proponent of {_join([f'“{title}”' for title in titles])}")
    message = (
        f"Rule 14a-8(c): {'; '.join(found)}. "
        "A shareholder may submit only one proposal per meeting, directly or through a representative."
    )
    return Check("14a-8(c)", "One proposal", ERROR, message, details)


# --- 14a-8(i)(12) Resubmissions ----------------------------------------------

_TIMES = {1: "once", 2: "twice"}
_AFTER_VOTES = {1: "one vote", 2: "two votes", 3: "three votes"}


def _resubmission_threshold(times_voted: int) -> int:
    return {1: 5, 2: 15}.get(times_voted, 25)


def _votes_in_window(votes: list[tuple[int, float]], meeting_year: int) -> list[tuple[int, float]]:
    """Votes in the five calendar years before `meeting_year`, oldest first (stable within a year)."""
    return sorted((v for v in votes if meeting_year - 5 <= v[0] < meeting_year), key=lambda v: v[0])


def _excludable(votes: list[tuple[int, float]], meeting_year: int) -> bool:
    window = _votes_in_window(votes, meeting_year)
    if not window:
        return False
    last_year, last_percent = window[-1]
    return last_year >= meeting_year - 3 and last_percent < _resubmission_threshold(len(window))


def _first_year_allowed(votes: list[tuple[int, float]], meeting_year: int) -> int:
    """First meeting year, assuming no new votes, in which the ground no longer applies.

    Old votes leave the 5-year window (lowering the threshold) and the last vote
    leaves the 3-year window, so once a year is clear every later year is too.
    """
    year = meeting_year
    while _excludable(votes, year):
        year += 1
    return year


def resubmission_check(*, prior_votes: list[tuple[int, float | None]], meeting_year: int,
                       subject_known: bool = True) -> Check:
    """Rule 14a-8(i)(12), as amended in 2020.

    The company may exclude a proposal that "addresses substantially the same
    subject matter as a proposal, or proposals, previously included in the
    company's proxy materials within the preceding five calendar years if the
    most recent vote occurred within the preceding three calendar years and the
    most recent vote was: (i) less than 5 percent of the votes cast if previously
    voted on once; (ii) less than 15 percent ... if previously voted on twice; or
    (iii) less than 25 percent ... if previously voted on three or more times."

    `prior_votes` are (meeting year, percent of votes cast in favour); None means
    not voted (withdrawn or omitted) and is ignored. Without a known subject (a draft with no
    topic) no past vote can be matched, so the check cannot tell rather than report none.
    """
    rule, label = "14a-8(i)(12)", "Resubmission"
    if not subject_known:
        message = ("Rule 14a-8(i)(12): cannot tell whether this subject was voted on before: the draft has no topic. "
                   "Add its topics in the draft settings.")
        return Check(rule, label, INFO, message, {"times_voted": None})
    votes = [(year, percent) for year, percent in prior_votes if percent is not None]
    window = _votes_in_window(votes, meeting_year)
    if not window:
        message = "Rule 14a-8(i)(12): no vote on this subject at this company in the preceding five calendar years."
        return Check(rule, label, INFO, message, {"times_voted": 0})
    times, (last_year, last_percent) = len(window), window[-1]
    threshold = _resubmission_threshold(times)
    details = {
        "times_voted": times,
        "since": meeting_year - 5,
        "last_vote_year": last_year,
        "last_vote_percent": last_percent,
        "threshold": threshold,
        "excludable_until": None,
    }
    voted = f"voted {_TIMES.get(times, f'{times} times')} since {meeting_year - 5}"
    last = f"last vote {last_year} got {_percent(last_percent)}"
    if last_year < meeting_year - 3:
        message = (
            f"Rule 14a-8(i)(12): {voted}; the last vote ({last_year}) is more than three calendar years "
            f"before {meeting_year}, so a resubmission cannot be excluded on this ground."
        )
        return Check(rule, label, OK, message, details)
    if last_percent >= threshold:
        relation = "above" if last_percent > threshold else "at"
        message = f"Rule 14a-8(i)(12): {voted}; {last}, {relation} the {threshold}% threshold."
        return Check(rule, label, OK, message, details)
    until = _first_year_allowed(votes, meeting_year)
    details["excludable_until"] = until
    after = _AFTER_VOTES.get(times, "three or more votes")
    message = (
        f"Rule 14a-8(i)(12): {voted}; {last}, under the {threshold}% needed after {after}: "
        f"the company may exclude a resubmission until {until} (meetings through {until - 1})."
    )
    return Check(rule, label, WARNING, message, details)


# --- 14a-8(b) Ownership ------------------------------------------------------

OWNERSHIP_TIERS = ((Decimal(2000), 3), (Decimal(15000), 2), (Decimal(25000), 1))


def _years_before(day: date, years: int) -> date:
    return _same_day_in_year(day, day.year - years)


def _held_for_years(held_since: date, as_of: date, years: int) -> bool:
    """Held since on or before the same calendar date `years` before `as_of`."""
    return held_since <= _years_before(as_of, years)


def _eligible_from(held_since: date, years: int) -> date:
    """First `as_of` date on which `held_since` counts as `years` years (Feb 29 → Mar 1)."""
    candidate = _same_day_in_year(held_since, held_since.year + years)
    return candidate if _held_for_years(held_since, candidate, years) else candidate + timedelta(days=1)


def _holding_period(held_since: date, as_of: date) -> str:
    """'2 years 364 days', '3 years', '45 days'."""
    years = as_of.year - held_since.year
    if not _held_for_years(held_since, as_of, years):
        years -= 1
    days = (as_of - _same_day_in_year(held_since, held_since.year + years)).days
    parts = [_plural(years, "year")] if years else []
    if days or not years:
        parts.append(_plural(days, "day"))
    return " ".join(parts)


def ownership_verdict(*, market_value: Decimal, held_since: date, as_of: date) -> Check:
    """Rule 14a-8(b)(1)(i): $2,000 for 3 years, $15,000 for 2 years or $25,000 for 1 year.

    `market_value` is the proponent's own holding (holdings may not be added
    together), valued as the SEC describes: shares times the highest selling
    price in the 60 calendar days before submission. `as_of` is the submission date.
    """
    rule, label = "14a-8(b)", "Ownership"
    value = _dollars(market_value)
    details = {"market_value": market_value, "held_since": held_since, "as_of": as_of}
    if held_since > as_of:
        message = (
            f"Rule 14a-8(b): not eligible — held since {held_since.isoformat()}, "
            f"after the submission date {as_of.isoformat()}."
        )
        return Check(rule, label, ERROR, message, details)
    held = f"{value} held for {_holding_period(held_since, as_of)}"
    affordable = [(amount, years) for amount, years in OWNERSHIP_TIERS if market_value >= amount]
    for amount, years in affordable:
        if _held_for_years(held_since, as_of, years):
            message = f"Rule 14a-8(b): eligible — {held} meets the {_dollars(amount)} / {years}-year threshold."
            return Check(rule, label, OK, message, {**details, "eligible_from": _eligible_from(held_since, years),
                                                    "tier": (amount, years)})
    if not affordable:
        message = f"Rule 14a-8(b): not eligible — {held}; the minimum is $2,000 held for 3 years."
        return Check(rule, label, ERROR, message, {**details, "eligible_from": None})
    amount, years = min(affordable, key=lambda tier: _eligible_from(held_since, tier[1]))
    eligible_from = _eligible_from(held_since, years)
    message = (
        f"Rule 14a-8(b): not eligible yet — {held}; {_dollars(amount)} needs {_plural(years, 'year')} "
        f"(eligible from {eligible_from.isoformat()})."
    )
    return Check(rule, label, ERROR, message, {**details, "eligible_from": eligible_from})


# --- 14a-8(b)(1)(iii) Engagement availability ----------------------------------

ENGAGEMENT_FIRST_DAY = 10
ENGAGEMENT_LAST_DAY = 30


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_monday_of_may(year: int) -> date:
    last = date(year, 5, 31)
    return last - timedelta(days=last.weekday())


def _observed(day: date) -> date:
    """A fixed-date holiday on a Saturday is observed on Friday, on a Sunday on Monday."""
    return day + timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))


def _federal_holidays(year: int) -> dict[date, str]:
    """Observed US federal holidays of `year` (5 U.S.C. 6103)."""
    fixed = {
        "New Year's Day": (1, 1), "Juneteenth": (6, 19), "Independence Day": (7, 4),
        "Veterans Day": (11, 11), "Christmas Day": (12, 25),
    }
    holidays = {_observed(date(year, month, day)): name for name, (month, day) in fixed.items()}
    holidays[_nth_weekday(year, 1, 0, 3)] = "Martin Luther King Jr. Day"
    holidays[_nth_weekday(year, 2, 0, 3)] = "Washington's Birthday"
    holidays[_last_monday_of_may(year)] = "Memorial Day"
    holidays[_nth_weekday(year, 9, 0, 1)] = "Labor Day"
    holidays[_nth_weekday(year, 10, 0, 2)] = "Columbus Day"
    holidays[_nth_weekday(year, 11, 3, 4)] = "Thanksgiving Day"
    return holidays


def _not_a_business_day(day: date) -> str | None:
    """Why `day` is not a business day (weekend or federal holiday), or None."""
    if day.weekday() >= 5:
        return _WEEKDAYS[day.weekday()]
    # New Year's Day on a Saturday is observed on Dec 31 of the year before.
    return _federal_holidays(day.year).get(day) or _federal_holidays(day.year + 1).get(day)


def _slot_label(slot: datetime | date) -> str:
    return f"{slot:%Y-%m-%d %H:%M}" if isinstance(slot, datetime) else slot.isoformat()


def check_engagement(*, submission_date: date, slots: list[datetime | date]) -> Check:
    """Two or more business days 10–30 calendar days after submission (both ends included).

    Business days exclude weekends and US federal holidays, as in Rule 14d-1(g)(3).
    """
    rule, label = "14a-8(b)(1)(iii)", "Engagement"
    if submission_date > date.max - timedelta(days=ENGAGEMENT_LAST_DAY):
        return Check(rule, label, ERROR, f"Rule 14a-8(b)(1)(iii): the submission date {submission_date.isoformat()} "
                                         "leaves no engagement window in the calendar; give the real date.", {})
    first = submission_date + timedelta(days=ENGAGEMENT_FIRST_DAY)
    last = submission_date + timedelta(days=ENGAGEMENT_LAST_DAY)
    usable_days: set[date] = set()
    problems: list[str] = []
    for slot in slots:
        day = slot.date() if isinstance(slot, datetime) else slot
        reason = "outside the window" if not first <= day <= last else _not_a_business_day(day)
        if reason:
            problems.append(f"{_slot_label(slot)} ({reason})")
        else:
            usable_days.add(day)
    window = f"from {first.isoformat()} to {last.isoformat()} (10 to 30 calendar days after submission)"
    details = {"window": (first, last), "business_days": sorted(usable_days), "not_usable": problems}
    not_usable = f" Not usable: {'; '.join(problems)}." if problems else ""
    if len(usable_days) < 2:
        message = (
            f"Rule 14a-8(b)(1)(iii): offer meetings on at least two business days {window}; "
            f"{len(usable_days)} offered.{not_usable}"
        )
        return Check(rule, label, ERROR, message, details)
    message = f"Rule 14a-8(b)(1)(iii): {len(usable_days)} business days offered {window}."
    if problems:
        return Check(rule, label, WARNING, f"{message}{not_usable} Drop or move them.", details)
    return Check(rule, label, OK, message, details)


# --- Valuing holdings (SLB 14, C.1.a) -------------------------------------------

VALUATION_DAYS = 60
PRICE_BID_ASK = "bid_ask"
PRICE_HIGHEST_SALE = "highest_sale"
PRICE_BASES = {
    PRICE_BID_ASK: "the average of the bid and ask prices on that day",
    PRICE_HIGHEST_SALE: "the highest selling price during the 60 calendar days before submission "
                        "(where bid and ask prices are not available)",
}


def check_valuation(*, valuation_date: date, submission_date: date, shares: int, price: Decimal,
                    basis: str) -> Check:
    """SLB 14 C.1.a: the holding's value on any day within the 60 calendar days before submission.

    The value is ``shares`` times ``price`` (the bid/ask average, or the highest selling
    price in the window where bid and ask are not available).
    """
    rule, label = "SLB 14 C.1.a", "Valuation"
    first = submission_date - timedelta(days=VALUATION_DAYS)
    value = Decimal(shares) * price
    details = {"value": value, "window": (first, submission_date - timedelta(days=1))}
    if not first <= valuation_date < submission_date:
        message = (f"SLB 14 C.1.a: value the shares on a day within the {VALUATION_DAYS} calendar days before "
                   f"submission (from {first.isoformat()} to {(submission_date - timedelta(days=1)).isoformat()}); "
                   f"{valuation_date.isoformat()} is outside it.")
        return Check(rule, label, ERROR, message, details)
    message = (f"SLB 14 C.1.a: {shares:,} shares at {_dollars(price)} ({PRICE_BASES[basis]}) on "
               f"{valuation_date.isoformat()} are worth {_dollars(value)}.")
    return Check(rule, label, OK, message, details)


BUSINESS_HOURS_DEFAULT = ((9, 0), (17, 30))


def check_business_hours(*, slots: list[datetime], opens: tuple[int, int], closes: tuple[int, int]) -> Check:
    """Rule 14a-8(b)(1)(iii): meeting times within the regular business hours of the principal
    executive offices (9:00 a.m. to 5:30 p.m. where the proxy statement does not disclose them)."""
    rule, label = "14a-8(b)(1)(iii)", "Business hours"
    start, end = opens[0] * 60 + opens[1], closes[0] * 60 + closes[1]
    outside = [_slot_label(slot) for slot in slots
               if isinstance(slot, datetime) and not start <= slot.hour * 60 + slot.minute < end]
    hours = f"{opens[0]}:{opens[1]:02d} to {closes[0]}:{closes[1]:02d}"
    if outside:
        message = (f"Rule 14a-8(b)(1)(iii): meeting times must fall within the company's business hours "
                   f"({hours}, office time); outside them: {', '.join(outside)}.")
        return Check(rule, label, ERROR, message, {"outside": outside})
    return Check(rule, label, OK, f"Rule 14a-8(b)(1)(iii): every time offered is within {hours}, office time.",
                 {"outside": []})


# --- Proof of ownership ---------------------------------------------------------

def required_holding_start(*, market_value: Decimal, submission_date: date) -> date | None:
    """The earliest day a proof must reach back to: the shortest holding period the value allows."""
    years = [years for amount, years in OWNERSHIP_TIERS if market_value >= amount]
    return _years_before(submission_date, min(years)) if years else None


def check_proof_period(*, period_start: date, period_end: date, held_since_needed: date | None,
                       submission_date: date) -> Check:
    """Rule 14a-8(b)(2)(ii): the record holder's letter covers the required period up to and
    including the date of submission."""
    rule, label = "14a-8(b)(2)(ii)", "Proof of ownership"
    details = {"period": (period_start, period_end)}
    if period_end < submission_date:
        message = (f"Rule 14a-8(b)(2)(ii): this letter covers {period_start.isoformat()} to {period_end.isoformat()}, "
                   f"which does not cover the period up to the submission date {submission_date.isoformat()}. "
                   "Ask the record holder for a letter dated on or after the day you submit.")
        return Check(rule, label, ERROR, message, details)
    if held_since_needed and period_start > held_since_needed:
        message = (f"Rule 14a-8(b)(2)(ii): this letter starts on {period_start.isoformat()}, later than "
                   f"{held_since_needed.isoformat()}, the start of the holding period the threshold needs.")
        return Check(rule, label, ERROR, message, details)
    message = (f"Rule 14a-8(b)(2)(ii): the letter covers {period_start.isoformat()} to {period_end.isoformat()}, "
               "up to and including the submission date.")
    return Check(rule, label, OK, message, details)


# --- Texas Business Organizations Code §21.373 ---------------------------------

TEXAS_VALUE = Decimal(1_000_000)
TEXAS_PERCENT = Decimal(3)
TEXAS_MONTHS = 6


def _texas_holdings(group_value: Decimal | None, group_percent: Decimal | None, held_months: int | None) -> str:
    amounts = [_dollars(group_value)] if group_value is not None else []
    if group_percent is not None:
        amounts.append(f"{_percent(group_percent)} of the voting shares")
    held = "for an unknown time" if held_months is None else f"for {_plural(held_months, 'month')}"
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
