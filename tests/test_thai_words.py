"""Our word list cuts Thai text exactly as pythainlp's own trie does, on every text we hold."""

from __future__ import annotations

import pytest
from pythainlp.tokenize import word_dict_trie, word_tokenize

from ita import synthetic
from ita.thai_words import cut, dictionary
from tests.apptest import ROOT

DOCUMENTS = sorted(
    [*(ROOT / "data" / "documents").glob("*.txt"), *(ROOT / "tests" / "fixtures" / "layouts").glob("*.*")]
)


def _texts() -> list[str]:
    words = [word for path in DOCUMENTS for word in path.read_text(encoding="utf-8").split()]
    titles = synthetic.generate(provinces=["อุตรดิตถ์"])["measures"]["title"].unique().tolist()
    return words + titles


@pytest.mark.parametrize("keep_whitespace", [False, True])
def test_cuts_as_pythainlp_does(keep_whitespace: bool) -> None:
    texts = _texts()
    assert len(texts) > 10_000  # the seeds, the layout zoo and a province's synthetic titles
    ours = [cut(text, keep_whitespace=keep_whitespace) for text in texts]
    assert ours == [word_tokenize(text, engine="newmm", keep_whitespace=keep_whitespace) for text in texts]


def test_prefixes_are_the_words_at_a_position_shortest_first() -> None:
    words = dictionary()
    assert words.prefixes("การเปิดเผยข้อมูล") == ["กา", "การ"]
    assert words.prefixes("การเปิดเผยข้อมูล", 3) == ["เปิด", "เปิดเผย"]
    assert words.prefixes("ฆราวาส")[0] == "ฆ"  # a one-letter word is found too
    assert words.prefixes("") == []
    trie = word_dict_trie()
    for text in ("ฆราวาส", "ประเมินความเสี่ยงการทุจริต", "ฯลฯ", "ITA ๒๕๖๗"):
        assert [words.prefixes(text, i) for i in range(len(text))] == [
            trie.prefixes(text, i) for i in range(len(text))
        ]
