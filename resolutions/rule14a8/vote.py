"""The vote as Rule 14a-8(i)(12) counts it: for ÷ (for + against); abstentions and broker non-votes
are not votes cast (SLB 14)."""
from decimal import ROUND_HALF_UP, Decimal

from .common import Check, INFO, percent


def vote_support(*, votes_for: int, votes_against: int) -> Decimal | None:
    """Percent of votes cast in favour, two decimals; None when nobody voted for or against."""
    cast = votes_for + votes_against
    if cast == 0:
        return None
    return (Decimal(votes_for) * 100 / cast).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def vote_problems(*, votes_for: int, votes_against: int, abstentions: int, broker_non_votes: int,
                  shares_outstanding: int) -> list[str]:
    """Why these figures cannot be one meeting's result; empty when they can."""
    represented = votes_for + votes_against + abstentions + broker_non_votes
    if shares_outstanding <= 0:
        return ["Enter the number of shares outstanding (entitled to vote) on the record date."]
    if represented > shares_outstanding:
        return [f"{represented:,} shares voted for, against, abstained or broker non-votes, but only "
                f"{shares_outstanding:,} shares outstanding: check the figures."]
    if votes_for + votes_against == 0:
        return ["Rule 14a-8(i)(12): no votes for or against: enter the votes cast."]
    return []


def describe_vote(*, votes_for: int, votes_against: int) -> Check:
    support = vote_support(votes_for=votes_for, votes_against=votes_against)
    return Check("14a-8(i)(12)", "Vote", INFO,
                 f"Rule 14a-8(i)(12): {percent(support)} support, counted as for ÷ (for + against) "
                 f"({votes_for:,} ÷ {votes_for + votes_against:,}); abstentions and broker non-votes are not counted.",
                 {"support": support})
