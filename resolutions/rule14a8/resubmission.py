"""Rule 14a-8(i)(12): resubmissions after low votes."""
from decimal import Decimal

from .common import Check, INFO, OK, WARNING, percent


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


def resubmission_check(*, prior_votes: list[tuple[int, Decimal | float | None]], meeting_year: int,
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
    votes = [(year, float(percent)) for year, percent in prior_votes if percent is not None]
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
    last = f"last vote {last_year} got {percent(last_percent)}"
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
