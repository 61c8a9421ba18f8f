"""The words of a Rule 14a-8(b)(1)(iv) authorization, and of the self-evident-authority statement.

Rule 14a-8(b)(1)(iv): a shareholder who submits through a representative gives the company a
written authorization that (A) names the company, (B) the meeting, (C) the shareholder as
proponent and the person acting for it as representative, (D) states that it authorizes the
representative to submit the proposal and otherwise act on its behalf, (E) names the specific
topic of the proposal, (F) includes its statement supporting the proposal, and (G) is signed and
dated by the shareholder. The SEC's 2020 adopting release (Exchange Act Release No. 34-89964)
does not ask for it where the shareholder is an entity and its agent's authority is apparent and
self-evident.
"""
from resolutions.rule14a8 import join_words


def proposal_topic(*, title: str, topics: list[str]) -> str:
    """(E) the specific topic: the proposal's topics, else its title."""
    return join_words(topics).lower() if topics else title


def default_support(shareholder: str) -> str:
    return f"{shareholder} supports this proposal and asks that it be included in the Company's proxy statement."


def authorization_paragraphs(*, company: str, meeting_year: int, title: str, topics: list[str], shareholder: str,
                             representative: str, support: str) -> list[str]:
    """The authorization's text, (A) to (F); the signature and date, (G), follow it."""
    return [
        f"{shareholder} is a shareholder of {company} and the proponent of the shareholder proposal “{title}”, "
        f"on {proposal_topic(title=title, topics=topics)}, submitted for inclusion in the Company's proxy "
        f"statement for its {meeting_year} annual meeting of shareholders under Rule 14a-8.",
        f"{shareholder} authorizes {representative} to act as its representative: to submit the proposal on its "
        f"behalf and otherwise to act on its behalf in all matters relating to it, including engagement with "
        f"the Company and the withdrawal of the proposal.",
        f"Statement of support: {support.strip()}",
    ]


def self_evident_statement(*, shareholder: str, representative: str, role: str) -> str:
    """What the filer says instead of enclosing an authorization, in the rule's words."""
    return (f"{shareholder} is an entity, and {representative}'s authority to act on its behalf is apparent and "
            f"self-evident: {representative} {role.strip().rstrip('.')}. No separate written authorization under "
            f"Rule 14a-8(b)(1)(iv) is therefore enclosed.")
