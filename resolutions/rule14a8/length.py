"""Rule 14a-8(d): at most 500 words, title and footnotes included."""
import html as html_lib
import re
from dataclasses import dataclass
from functools import lru_cache

from .common import Check, ERROR, OK, WARNING


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


@lru_cache(maxsize=4096)
def count_words(text: str) -> int:
    """Count words the strict way a company would (memoised by text: the editor counts every part on each load).

    A URL is one word; hyphenated words and numbers like 1,600, $35 or 3.5% are
    one word; em/en dashes (and "--") separate words and are not words;
    bullet markers and HTML tags are not words, and link targets are not counted.
    """
    text = _URL.sub(" URL ", plain_text(text))
    return sum(1 for token in _DASH.sub(" ", text).split() if _is_word(token))


WORD_LIMIT = 500
WORD_WARNING_AT = 475


@dataclass(frozen=True)
class WordCount:
    title: int
    resolved: int
    whereas: int
    supporting: int
    footnotes: int
    limit: int = WORD_LIMIT

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
