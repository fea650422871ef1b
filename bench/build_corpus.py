#!/usr/bin/env python3
"""Build speed at scale: a realistic corpus, the full build, and the naive floor.

Makes N articles (default 1,000) of about 3,500 characters from CPP's sentences
(bench/data/cpp), half of them converted to Traditional, with the project's
glossary; then prints, from one run: the full build time; the time of a naive
single-process pass of pypinyin `pinyin()` plus OpenCC `t2s` over the same text;
their ratio; a no-op rebuild; a rebuild after editing one article; the peak memory
of the build's processes together; the time per stage on a sample (one process); and
OpenCC's converter against jiedu's on the same text.

    .venv/bin/python bench/build_corpus.py [--articles N]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLE_CHARS = 3500


def sentences() -> list[str]:
    folder = ROOT / "bench" / "data" / "cpp"
    lines = []
    for split in ("dev", "test"):
        lines += (folder / f"{split}.sent").read_text(encoding="utf-8").replace("\u2581", "").splitlines()
    return lines


def make_corpus(content: Path, count: int, to_traditional) -> list[str]:
    """Articles of consecutive CPP sentences, five to a paragraph; odd ones Traditional."""
    pool, texts, cursor = sentences(), [], 0
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "glossary.toml", content / "glossary.toml")
    for number in range(count):
        paragraphs, size = [], 0
        while size < ARTICLE_CHARS:
            paragraph = "".join(pool[(cursor + i) % len(pool)] for i in range(5))
            cursor += 5
            paragraphs.append(paragraph)
            size += len(paragraph)
        text = f"第{number}篇文章\n" + "\n".join(paragraphs) + "\n"
        text = to_traditional(text) if number % 2 else text
        folder = content / "articles" / f"a{number:05d}"
        folder.mkdir()
        (folder / "source.txt").write_text(text, encoding="utf-8")
        (folder / "meta.toml").write_text(f'date = "2024-01-{number % 28 + 1:02d}"\npublisher = "CPP"\n')
        texts.append(text)
    return texts


def tree_rss(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            parents[int(entry)] = int(fields.get("PPid", "0"))
            rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    family, grew = {root_pid}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return sum(rss.get(pid, 0) for pid in family)


def timed_build(content: Path, output: Path, *extra: str) -> tuple[float, int]:
    command = [sys.executable, "-m", "jiedu", "build", "--content", str(content), "--output", str(output),
               "--templates", str(ROOT / "templates"), *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    sampler.join()
    if process.returncode:
        raise SystemExit(errors)
    print("   ", errors.strip().splitlines()[-1])
    return time.perf_counter() - started, peak[0]


def naive_pass(texts: list[str]) -> float:
    """The floor a user compares with: one process, pypinyin plus OpenCC, nothing else."""
    import opencc
    from pypinyin import pinyin

    converter = opencc.OpenCC("t2s")
    started = time.perf_counter()
    for text in texts:
        pinyin(converter.convert(text))
    return time.perf_counter() - started


def floor_pass(texts: list[str]) -> tuple[float, float]:
    """The least any build that segments and reads in context must spend, one process:
    jiedu's conversion, jieba's own plain cut (the cheapest segmentation, no tags, no
    names, no glossary) and the reading stage on its words. Nothing rendered, nothing
    written. Returns (seconds for the cut alone, seconds for all three)."""
    from jiedu.resources import load_resources

    resources = load_resources(None)
    cut = resources.segmenter.tagger.tokenizer.lcut
    cut("预热")  # jieba's dictionary is loaded before the clock starts
    started, cutting = time.perf_counter(), 0.0
    for text in texts:
        simplified = resources.converters.to_simplified(text)
        cut_started = time.perf_counter()
        words = cut(simplified)
        cutting += time.perf_counter() - cut_started
        resources.reader.read(simplified, words)
    return cutting, time.perf_counter() - started


def converter_speed(texts: list[str], sample: int = 20) -> None:
    """opencc-python-reimplemented's t2s and s2t against jiedu.engines.conversion's on the same
    text, one after the other in this process (the same output, checked)."""
    import opencc
    from jiedu.engines.conversion import convert_text, opencc_chains

    text, chains = "".join(texts[:sample]), opencc_chains(None)
    for config in ("t2s", "s2t"):
        theirs, theirs_time = _clocked(opencc.OpenCC(config).convert, text)
        ours, ours_time = _clocked(lambda t: convert_text(chains[config], t), text)
        assert ours == theirs, config
        print(f"convert {config}: opencc {len(text) / theirs_time:,.0f} chars/s, jiedu.engines.conversion "
              f"{len(text) / ours_time:,.0f} chars/s ({theirs_time / ours_time:.1f}x), same output")


def _clocked(convert, text: str) -> tuple[str, float]:
    started = time.perf_counter()
    return convert(text), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    import opencc

    with tempfile.TemporaryDirectory() as temporary:
        content, output = Path(temporary) / "content", Path(temporary) / "site"
        texts = make_corpus(content, args.articles, opencc.OpenCC("s2t").convert)
        chars = sum(map(len, texts))
        print(f"corpus: {args.articles} articles, {chars:,} characters")
        full, peak = timed_build(content, output, "--clean")
        naive = naive_pass(texts)
        cutting, floor = floor_pass(texts)
        noop, _ = timed_build(content, output)
        edited = content / "articles" / "a00000" / "source.txt"
        edited.write_text(edited.read_text(encoding="utf-8") + "新增一句话。\n", encoding="utf-8")
        one, _ = timed_build(content, output)
        print(f"full build            {full:8.1f} s   ({chars / full:,.0f} chars/s)")
        print(f"naive pypinyin + t2s  {naive:8.1f} s   ({chars / naive:,.0f} chars/s)")
        print(f"ratio full / naive    {full / naive:8.2f}")
        print(f"floor: jieba cut alone      {cutting:8.1f} s   (one process)")
        print(f"floor: convert + cut + read {floor:8.1f} s   (one process; no rendering, no files)")
        print(f"floor ratio on 2 cores      {floor / 2 / naive:8.2f}   (that work split perfectly over both cores / naive)")
        print(f"no-op rebuild         {noop:8.2f} s")
        print(f"one article edited    {one:8.2f} s")
        print(f"peak memory           {peak / 2**20:8.0f} MB (all build processes together)")
        stage_times(content)
        converter_speed(texts)


def stage_times(content: Path, sample: int = 20) -> None:
    """Time of each stage of jiedu.pipeline.STAGES, and of rendering, over a sample of
    articles, in one process."""
    from jiedu.content import load_content
    from jiedu.files.config import load_config
    from jiedu.output.pages import article_files
    from jiedu.output.render import make_environment
    from jiedu.pipeline import STAGES, Draft, Tools, finished
    from jiedu.resources import load_resources

    resources = load_resources(None, glossary=load_content(content).glossary())  # the site over the lexicon
    env, config = make_environment(ROOT / "templates"), load_config(content, "content/site.toml")
    tools = Tools(resources, root=content.parent)
    totals = dict.fromkeys([name for name, _ in STAGES] + ["render"], 0.0)
    for folder in sorted((content / "articles").iterdir())[:sample]:
        draft = Draft(folder=folder)
        for name, stage in STAGES:
            draft = _timed(totals, name, lambda: stage(draft, tools))
        _timed(totals, "render", lambda: article_files(env, finished(draft), resources.glossary, config))
    print(f"per stage, ms per article (sample of {sample}):",
          ", ".join(f"{name} {seconds * 1000 / sample:.0f}" for name, seconds in totals.items()))


def _timed(totals: dict, name: str, work):
    started = time.perf_counter()
    result = work()
    totals[name] += time.perf_counter() - started
    return result


if __name__ == "__main__":
    main()
