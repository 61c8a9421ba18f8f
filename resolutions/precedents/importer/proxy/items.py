"""What an item heading looks like ("Item 6", "Proposal Nine:", "Shareholder Proposal …") and its number."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER = r"(?:[0-9]{1,2}|" + "|".join(NUMBER_WORDS) + r")"
ITEM_HEADING = re.compile(
    rf"^[“\"]?\s*(?:item|proposal|resolution)\s*(?:no\.?|number|#)?\s*(?P<number>{NUMBER})\b\s*[:.–—-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
SHAREHOLDER = r"(?:share|stock)(?:holder|owner)(?:['’]s|s['’]?)?"
SHAREHOLDER_CAPTION = re.compile(rf"\b{SHAREHOLDER}\s+proposal", re.IGNORECASE)
PROXY_CARD = re.compile(r"\s*\((?:item|proposal)\s+[0-9]+\s+on\s+the\s+proxy\s+card\)", re.IGNORECASE)
HEADING_SIZE = 1.15


def is_capitals_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 6 <= len(letters) and len(text) < 80 and all(c.isupper() for c in letters)


def item_number(text: str) -> str:
    return str(NUMBER_WORDS[text.lower()]) if text.lower() in NUMBER_WORDS else str(int(text))
