"""jieba's part-of-speech tokenizer with its HMM decoded by jiedu.hmm.

Imported only after tagger.import_posseg has imported jieba.posseg cheaply: importing
this module first would make jieba.posseg parse its whole dictionary.
"""

from jieba.posseg import POSTokenizer, pair

from .hmm import PosHmm


class VectorisedPOSTokenizer(POSTokenizer):
    """jieba's POSTokenizer in everything but the Viterbi over characters its dictionary
    does not cover, which runs on `hmm` (set by tagger.make_tagger) instead."""

    hmm: PosHmm

    def _POSTokenizer__cut(self, sentence: str):
        """jieba's private `__cut` (which its `__cut_detail` calls by the mangled name),
        line for line, with the same Viterbi route computed by numpy."""
        _, route = self.hmm.viterbi(sentence)
        begin, following = 0, 0
        for i, char in enumerate(sentence):
            position, tag = route[i]
            if position == "B":
                begin = i
            elif position == "E":
                yield pair(sentence[begin:i + 1], tag)
                following = i + 1
            elif position == "S":
                yield pair(char, tag)
                following = i + 1
        if following < len(sentence):
            yield pair(sentence[following:], route[following][1])
