"""VADER, scored exactly as vaderSentiment 3.3.2 scores it, about 3.5 times faster.

:class:`FastVader` is a :class:`vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer`
(same lexicon, loaded from the installed package) whose ``polarity_scores`` returns the
same dict, float for float, as the library's. The library spends most of its time
re-lowercasing the whole sentence for every sentiment word (three negation checks and an
idiom check each build a lowered copy of every token) and walking the text one character at
a time to look for emoji. Here the tokens are lowered once, and the emoji walk runs only
when the text holds a non-ASCII character that is an emoji. A sentence without a lexicon
word (a third of news sentences) gets the library's neutral scores at once, and idiom
n-grams are built only around words that belong to an idiom. Rare paths call the library's own
code: emoji, and the "but" re-weighting (which depends on ``list.index`` of equal values) with
the scoring after it.

Equality with the library is tested on hand-made edge cases, on random token soups of
VADER's special words, and on ABP and NewsMTSC sentences (tests/test_vader.py). The bare
VADER pass in :mod:`analysis.bench` keeps using the library itself, so the baseline is
not flattered.

Not handled differently from the library: nothing, by design. If vaderSentiment changes
its rules, ``test_vader.py`` fails and this class must follow.
"""

from __future__ import annotations

import math
import re
import string
from itertools import compress

from vaderSentiment import vaderSentiment as _v

__all__ = ["FastVader"]

_NEGATE = frozenset(_v.NEGATE)
_BOOSTER = _v.BOOSTER_DICT
_SPECIAL = _v.SPECIAL_CASES
_PUNCT = string.punctuation
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Every word of a multi-word idiom or booster: an n-gram can only match those keys if all
# its words are in here.
_IDIOM_WORDS = frozenset(w for k in (*_SPECIAL, *_BOOSTER) if " " in k for w in k.split(" "))


def _negated(word: str) -> bool:
    # vaderSentiment.negated([word]) for one lowered word.
    return word in _NEGATE or "n't" in word


def _negation_check(valence: float, low: list[str], start_i: int, i: int) -> float:
    # SentimentIntensityAnalyzer._negation_check on pre-lowered tokens, same branch order.
    if start_i == 0:
        if _negated(low[i - 1]):
            valence = valence * _v.N_SCALAR
    elif start_i == 1:
        if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            pass
        elif _negated(low[i - 2]):
            valence = valence * _v.N_SCALAR
    else:
        if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")
                or (low[i - 1] == "so" or low[i - 1] == "this")):
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            pass
        elif _negated(low[i - 3]):
            valence = valence * _v.N_SCALAR
    return valence


def _special_idioms_check(valence: float, low: list[str], i: int) -> float:
    # SentimentIntensityAnalyzer._special_idioms_check on pre-lowered tokens (called with i > 2).
    # Every n-gram checked below holds word i - 2, i - 1 or i; if none of them can be part of
    # an idiom or booster, nothing matches (most words): skip building the n-gram strings.
    if low[i - 2] not in _IDIOM_WORDS and low[i - 1] not in _IDIOM_WORDS and low[i] not in _IDIOM_WORDS:
        return valence
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    n = len(low)
    if n - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in _SPECIAL:
            valence = _SPECIAL[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in _SPECIAL:
            valence = _SPECIAL[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTER:
            valence = valence + _BOOSTER[n_gram]
    return valence


def _least_check(valence: float, low: list[str], lex: dict, i: int) -> float:
    # SentimentIntensityAnalyzer._least_check on pre-lowered tokens.
    if i > 1 and low[i - 1] not in lex and low[i - 1] == "least":
        if low[i - 2] != "at" and low[i - 2] != "very":
            valence = valence * _v.N_SCALAR
    elif i > 0 and low[i - 1] not in lex and low[i - 1] == "least":
        valence = valence * _v.N_SCALAR
    return valence


class FastVader(_v.SentimentIntensityAnalyzer):
    """vaderSentiment's analyser with an exact, faster ``polarity_scores``.

    Parameters are those of :class:`vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only single-character emoji keys can match the library's per-character walk.
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def polarity_scores(self, text):
        """VADER scores of ``text``, identical to the library's.

        Parameters
        ----------
        text : str

        Returns
        -------
        dict
            ``neg``, ``neu``, ``pos`` (shares, rounded to 3 places) and ``compound`` (in
            [-1, 1], rounded to 4 places), as vaderSentiment returns them.
        """
        # No emoji is ASCII; most news sentences are, and skip the library's per-character walk.
        # The others (a third: curly quotes, dashes) hold a few non-ASCII characters: test only
        # those against the emoji, not every character of the text.
        if not isinstance(text, str) or not (
                text.isascii() or self._emoji_chars.isdisjoint(_NON_ASCII.findall(text))):
            return super().polarity_scores(text)
        text = text.strip()
        words = [tok if len(st := tok.strip(_PUNCT)) <= 2 else st for tok in text.split()]
        low = list(map(str.lower, words))
        n = len(words)
        lex = self.lexicon
        hits = list(compress(range(n), map(lex.__contains__, low)))
        if not hits and n and "but" not in low:
            # No lexicon word (a third of news sentences): n neutral zeros, which score_valence
            # turns into compound normalize(0.0) == 0.0 and neu n / n == 1.0.
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        n_upper = sum(map(str.isupper, words))
        is_cap_diff = 0 < n - n_upper < n  # allcap_differential
        # Words outside the lexicon (and boosters, and "kind" of "kind of") score the int 0.
        sentiments: list = [0] * n
        for i in hits:
            lw = low[i]
            if lw in _BOOSTER or (lw == "kind" and i < n - 1 and low[i + 1] == "of"):
                continue
            valence = lex[lw]
            if lw == "no" and i != n - 1 and low[i + 1] in lex:
                valence = 0.0
            if ((i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no")
                    or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))):
                valence = lex[lw] * _v.N_SCALAR
            if is_cap_diff and words[i].isupper():
                valence = valence + _v.C_INCR if valence > 0 else valence - _v.C_INCR
            for start_i in range(3):
                j = i - (start_i + 1)
                if j >= 0 and low[j] not in lex:
                    s = _BOOSTER.get(low[j], 0.0) and _v.scalar_inc_dec(words[j], valence, is_cap_diff)
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = _negation_check(valence, low, start_i, i)
                    if start_i == 2:
                        valence = _special_idioms_check(valence, low, i)
            sentiments[i] = _least_check(valence, low, lex, i)
        if "but" in low:
            return self.score_valence(self._but_check(words, sentiments), text)
        return self._score_valence(sentiments, hits, text)

    def _score_valence(self, sentiments: list, hits: list[int], text: str) -> dict:
        # SentimentIntensityAnalyzer.score_valence without its per-score method call, with the
        # neutral count from list.count. Only the lexicon words (``hits``) can score other
        # than 0, so the positive and negative sums visit only them, in the same order.
        if not sentiments:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(sentiments))
        # Without "!" or "?" the library's amplifier is 0 * 0.292 + 0 == 0.0.
        amp = self._punctuation_emphasis(text) if "!" in text or "?" in text else 0.0
        if sum_s > 0:
            sum_s += amp
        elif sum_s < 0:
            sum_s -= amp
        compound = _v.normalize(sum_s)
        pos_sum = 0.0
        neg_sum = 0.0
        for s in map(sentiments.__getitem__, hits):
            if s > 0:
                pos_sum += float(s) + 1
            elif s < 0:
                neg_sum += float(s) - 1
        neu_count = sentiments.count(0)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amp
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amp
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {"neg": round(math.fabs(neg_sum / total), 3), "neu": round(math.fabs(neu_count / total), 3),
                "pos": round(math.fabs(pos_sum / total), 3), "compound": round(compound, 4)}
