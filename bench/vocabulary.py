"""The bench's generated language: pronounceable made-up words with Zipf weights, sentences with a few
hundred fixed two-word collocations (think "due diligence"), and filed-resolution texts for the importer."""
import random
from itertools import accumulate

SEED = 148  # Rule 14a-8
FUNCTION_WORDS = ["the", "of", "and", "to", "in", "a", "for", "that", "on", "by", "with", "its", "as", "from"]
_ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "t", "v", "w", "z",
           "br", "cl", "dr", "fr", "gr", "pl", "pr", "st", "tr", "sk", "sp"]
_VOWELS = ["a", "o", "u", "i", "ai", "ou", "au", "e"]
_CODAS = ["k", "n", "r", "m", "t", "l", "p", "x", "nd", "rk", "lt"]


class Vocabulary:
    """Pronounceable made-up words drawn with Zipf weights (rank r has weight 1 / r**s)."""

    def __init__(self, rng: random.Random, size: int = 15_000, exponent: float = 1.05, phrases: int = 300):
        words, seen = [], set(FUNCTION_WORDS)
        while len(words) < size + phrases:
            word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
            word += rng.choice(_CODAS)
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words[:size]
        self.cum_weights = list(accumulate(1 / (rank ** exponent) for rank in range(1, size + 1)))
        # Collocations: a vocabulary word followed by a word that (almost) only appears after it.
        tails = words[size:]
        self.phrases = [(self.words[rng.randint(50, 2_000)], tail) for tail in tails]
        self.phrase_cum = list(accumulate(1 / (rank ** 0.9) for rank in range(1, len(self.phrases) + 1)))
        self.rng = rng

    def content(self, n: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)

    def text(self, n_words: int, *, phrase_rate: float = 0.05) -> str:
        """About ``n_words`` words in sentences: content words, function words and collocations."""
        rng = self.rng
        tokens = []
        content = iter(self.content(n_words))
        while len(tokens) < n_words:
            roll = rng.random()
            if roll < 0.30:
                tokens.append(rng.choice(FUNCTION_WORDS))
            elif roll < 0.30 + phrase_rate:
                tokens.extend(rng.choices(self.phrases, cum_weights=self.phrase_cum)[0])
            else:
                tokens.append(next(content, None) or self.content(1)[0])
        sentences, start = [], 0
        while start < len(tokens):
            end = min(len(tokens), start + rng.randint(9, 22))
            words = tokens[start:end]
            words[0] = words[0].capitalize()
            if len(words) > 6 and rng.random() < 0.5:
                cut = rng.randint(3, len(words) - 3)
                words[cut] += ","
            sentences.append(" ".join(words) + ".")
            start = end
        return " ".join(sentences)

    def title(self, lo=3, hi=7) -> str:
        return " ".join(w.capitalize() for w in self.content(self.rng.randint(lo, hi)))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def resolution_texts(n: int, *, seed: int = SEED) -> list[str]:
    """``n`` filed-resolution texts in the shapes the importer meets: WHEREAS recitals with
    footnote calls, RESOLVED, a supporting statement and numbered or bracketed notes."""
    rng = random.Random(seed + 1)
    vocab = Vocabulary(rng, size=8_000)
    texts = []
    for i in range(n):
        recitals = rng.randint(2, 4)
        bracketed = rng.random() < 0.4
        lines = ["Report on " + vocab.title(), ""]
        for k in range(1, recitals + 1):
            lines += [f"WHEREAS, {lower_first(vocab.text(rng.randint(25, 45))).rstrip('.')};{k}", ""]
        lines += ["RESOLVED: Shareholders request that the Board " + lower_first(vocab.text(rng.randint(30, 50))), ""]
        lines += ["Supporting Statement", ""]
        lines += [vocab.text(rng.randint(40, 70)) + (f"[{recitals + 1}]" if bracketed else ""), ""]
        notes = recitals + (1 if bracketed else 0)
        if bracketed:
            lines.append("Notes")
        for k in range(1, notes + 1):
            label = f"[{k}]" if bracketed else f"{k}."
            lines.append(f"{label} {vocab.title(2, 4)}, {vocab.title(3, 6)}, {rng.randint(2015, 2026)}. "
                         f"https://example.org/import/{i}/{k}")
        texts.append("\n".join(lines) + "\n")
    return texts
