"""Thai text cut into words by pythainlp's newmm, with its own word list held so it is ready at once.

newmm asks its dictionary one question: which words start at this position of the text, shortest first
(`prefixes`). pythainlp answers it with a trie of its 62,000 words, which takes 0.4–0.5 s to build, on every
start of a command that links a measure or reads a PDF: a third of importing one document. The same words in a
set, with the lengths of the words that begin with each two letters, answer the question the same way and are
ready in 30 ms (tests/test_thai_words.py compares the cuts with pythainlp's own on every document we hold).
"""

from __future__ import annotations

from functools import cache

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize


class WordList:
    """A word list that answers newmm's `prefixes` as pythainlp's Trie does."""

    def __init__(self, words: frozenset[str]) -> None:
        self._words = words
        lengths: dict[str, set[int]] = {}
        for word in words:
            lengths.setdefault(word[:2], set()).add(len(word))
        # a one-letter word's key is its letter, which no longer word's key is
        self._lengths = {head: sorted(found) for head, found in lengths.items()}

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words of the list that `text` has at `start`, shortest first."""
        end = len(text)
        found = [text[start]] if start < end and 1 in self._lengths.get(text[start], ()) else []
        for length in self._lengths.get(text[start : start + 2], ()):
            if start + length <= end and text[start : start + length] in self._words:
                found.append(text[start : start + length])
        return found


@cache
def dictionary() -> WordList:
    return WordList(frozenset(thai_words()))


def cut(text: str, *, keep_whitespace: bool = False) -> list[str]:
    """`text` in words, as `word_tokenize(text, engine="newmm")` cuts it."""
    return word_tokenize(text, engine="newmm", custom_dict=dictionary(), keep_whitespace=keep_whitespace)
