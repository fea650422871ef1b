#!/usr/bin/env python3
"""The segment stage with jieba's pure-Python HMM Viterbi and with jiedu.engines.hmm's numpy one.

One run, same text: N articles (default 20) of about 3,500 characters of CPP
sentences (bench/data/cpp), Simplified, in paragraphs of five sentences. Prints

- the Viterbi alone on the same out-of-vocabulary runs jieba hands it, both ways;
- the whole segment stage, both ways (the first numpy pass builds each character's
  arrays; the second is warm), and that the words and tags are the same;
- where the numpy stage's time goes now (cProfile, cumulative), e.g. jieba's get_DAG.

    .venv/bin/python bench/segment_speed.py [--articles N]
"""

import argparse
import cProfile
import pstats
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build_corpus import ARTICLE_CHARS, sentences  # noqa: E402


def articles(count: int) -> list[list[str]]:
    """Paragraphs of five sentences, about ARTICLE_CHARS characters to an article."""
    pool, cursor, result = sentences(), 0, []
    for _ in range(count):
        paragraphs, size = [], 0
        while size < ARTICLE_CHARS:
            paragraphs.append("".join(pool[cursor:cursor + 5]))
            cursor, size = cursor + 5, size + len(paragraphs[-1])
        result.append(paragraphs)
    return result


def jiebas_segmenter(segmenter):
    """The same segmenter on jieba's own POSTokenizer class (its pure-Python Viterbi)."""
    import jieba.posseg as posseg

    tagger = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tagger.tokenizer, tagger.word_tag_tab = segmenter.tagger.tokenizer, segmenter.tagger.word_tag_tab
    return replace(segmenter, tagger=tagger)


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def segment_all(blocks, segmenter):
    from jiedu.stages.segment import segment

    return [segment(block, segmenter) for block in blocks]


def hmm_runs(blocks, segmenter) -> list[str]:
    from jiedu.engines.hmm import recording_tagger

    tagger, decoded = recording_tagger(segmenter.tagger)
    segment_all(blocks, replace(segmenter, tagger=tagger))
    return decoded


def compare_viterbi(runs: list[str], hmm) -> None:
    import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi

    model = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    jiebas, expected = timed(lambda: [viterbi(run, *model) for run in runs])
    ours, got = timed(lambda: [hmm.viterbi(run) for run in runs])
    print(f"viterbi alone, {len(runs):,} HMM runs ({sum(map(len, runs)):,} characters): "
          f"jieba {jiebas:.3f} s, numpy {ours:.3f} s, ratio {jiebas / ours:.1f}x, "
          f"{'identical' if got == expected else 'DIFFERENT'}")


def compare_stage(blocks, segmenter) -> None:
    jiebas, expected = timed(lambda: segment_all(blocks, jiebas_segmenter(segmenter)))
    first, got = timed(lambda: segment_all(blocks, segmenter))
    warm, _ = timed(lambda: segment_all(blocks, segmenter))
    print(f"segment stage: jieba's viterbi {jiebas:.3f} s; numpy {first:.3f} s first pass "
          f"(ratio {jiebas / first:.2f}x), {warm:.3f} s warm (ratio {jiebas / warm:.2f}x); "
          f"words and tags {'identical' if got == expected else 'DIFFERENT'}")


def profile_stage(blocks, segmenter) -> None:
    profile = cProfile.Profile()
    profile.runcall(segment_all, blocks, segmenter)
    stats = pstats.Stats(profile).stats
    total = sum(tottime for _, _, tottime, _, _ in stats.values())
    shares = {name: 0.0 for name in ("get_DAG", "calc", "viterbi", "step")}
    for (path, _, function), (_, _, _, cumulative, _) in stats.items():
        if function in shares and ("jieba/__init__" in path or "jiedu/hmm" in path):
            shares[function] += cumulative
    print(f"numpy stage under cProfile, {total:.3f} s: " + ", ".join(
        f"{name} {seconds:.3f} s ({seconds / total:.0%})" for name, seconds in shares.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    from jiedu.stages.convert import convert
    from jiedu.model import Section
    from jiedu.resources import load_resources

    resources = load_resources(ROOT / "content" / "glossary.toml", "content/glossary.toml")
    texts = articles(args.articles)
    blocks = [convert(Section("paragraph", text, n), resources.converters)
              for paragraphs in texts for n, text in enumerate(paragraphs)]
    print(f"{args.articles} articles, {sum(len(b.text) for b in blocks):,} characters")
    compare_stage(blocks, resources.segmenter)
    compare_viterbi(hmm_runs(blocks, resources.segmenter), resources.segmenter.tagger.hmm)
    profile_stage(blocks, resources.segmenter)


if __name__ == "__main__":
    main()
