#!/usr/bin/env python3
"""Build speed and size at archive scale (issue #18), on real political text.

Makes archives of N articles (default 100, 1,000 and 5,000) from the Government Work
Reports and CPC congress reports (`../shared/data/political-corpus/`, read in place):
whole paragraphs, in the reports' order, to about ARTICLE_CHARS characters an article,
each with a title of its own and every other one converted to Traditional. The corpus
holds about 1.5M characters, so about 490 articles with no sentence repeated; beyond
them articles are recombined, deterministically, from paragraphs drawn across the whole
corpus (no paragraph twice in one article; across the archive each recurs, which per-run
memos would favour: the count of such articles is printed). Then, per size, one run:
the naive single-process pass (pypinyin `pinyin()` plus OpenCC t2s over the same text),
jiedu's cold build (`--clean`, a fresh project cache), a no-op rebuild, a rebuild after
editing one article; wall and CPU seconds (the build's whole process tree, from wait4),
peak memory of the tree (proportional set size, sampled from /proc), output bytes per article, and the
ratio of cold CPU to naive CPU. With --stages, the time of each stage on a sample.

    .venv/bin/python bench/build_corpus.py [--articles 100,1000,5000] [--chars 3000] [--stages]
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path("shared") / "data" / "political-corpus"
CORPUS = next((folder / SHARED for folder in ROOT.parents if (folder / SHARED).is_dir()), ROOT.parent / SHARED)
ARTICLE_CHARS = 3000
"""A long news article or a commentary: the issue measured 3,600."""


def corpus_paragraphs() -> list[tuple[str, str]]:
    """(report title, paragraph) for every paragraph of more than 20 characters, in order."""
    found = []
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            report = json.loads(line)
            found += [(report["title"], p.strip()) for p in report["content"].splitlines() if len(p.strip()) > 20]
    return found


def article_texts(count: int, chars: int) -> tuple[list[tuple[str, list[str]]], int]:
    """(title, paragraphs) for `count` articles, and how many were recombined."""
    pool, articles, cursor = corpus_paragraphs(), [], 0
    while len(articles) < count and cursor < len(pool):
        title, body = pool[cursor][0], []
        while cursor < len(pool) and sum(map(len, body)) < chars and (not body or pool[cursor][0] == title):
            body.append(pool[cursor][1])
            cursor += 1
        articles.append((f"{title}（{len(articles) + 1}）", body))
    fresh, draw = len(articles), random.Random(18)
    while len(articles) < count:
        body = []
        for index in draw.sample(range(len(pool)), 60):
            if sum(map(len, body)) >= chars:
                break
            body.append(pool[index][1])
        articles.append((f"汇编文章（{len(articles) + 1}）", body))
    return articles, len(articles) - fresh


def make_corpus(content: Path, count: int, chars: int, to_traditional) -> tuple[list[str], int]:
    """The archive's content folder (with the project's glossary); its source texts."""
    articles, recombined = article_texts(count, chars)
    (content / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "glossary.toml", content / "glossary.toml")
    texts = []
    for number, (title, body) in enumerate(articles):
        text = title + "\n\n" + "\n\n".join(body) + "\n"
        text = to_traditional(text) if number % 2 else text
        folder = content / "articles" / f"a{number:05d}"
        folder.mkdir()
        (folder / "source.txt").write_text(text, encoding="utf-8")
        day = f"20{number // 336 % 25:02d}-{number // 28 % 12 + 1:02d}-{number % 28 + 1:02d}"
        (folder / "meta.toml").write_text(f'date = "{day}"\npublisher = "political corpus"\n', encoding="utf-8")
        texts.append(text)
    return texts, recombined


def tree_rss(root_pid: int) -> int:
    """Memory of a process and all its descendants, in bytes (Linux /proc): each one's
    proportional share (Pss: a page shared by forked processes counted once in all),
    its resident size where Pss cannot be read."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                status = Path(f"/proc/{entry}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            parents[int(entry)] = int(fields.get("PPid", "0"))
    family, grew = {root_pid}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    return sum(_memory(pid) for pid in family)


def _memory(pid: int) -> int:
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            lines = Path(f"/proc/{pid}/{name}").read_text().splitlines()
        except OSError:
            continue
        found = [line.split()[1] for line in lines if line.startswith(field)]
        if found:
            return int(found[0]) * 1024
    return 0


def timed_build(content: Path, output: Path, environment: dict, *extra: str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the whole process tree, peak resident bytes of the tree)."""
    command = [sys.executable, "-m", "jiedu", "build", "--content", str(content), "--output", str(output),
               "--templates", str(ROOT / "templates"), *extra]
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: warnings could fill a pipe
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors, env=environment)
        peak, done = [0], threading.Event()
        sampler = threading.Thread(target=_sample, args=(process.pid, peak, done))
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):  # 1: warnings only
            errors.seek(0)
            raise SystemExit(errors.read().decode("utf-8", "replace")[-2000:])
    return seconds, usage.ru_utime + usage.ru_stime, peak[0]


def _sample(pid: int, peak: list, done: threading.Event) -> None:
    while not done.wait(0.2):
        peak[0] = max(peak[0], tree_rss(pid))


def naive_pass(texts: list[str]) -> tuple[float, float]:
    """The floor a user compares with: one process, pypinyin plus OpenCC, nothing else.
    (wall, CPU seconds)."""
    import opencc
    from pypinyin import pinyin

    converter = opencc.OpenCC("t2s")
    pinyin("预热")  # pypinyin's dictionaries are loaded before the clock starts
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        pinyin(converter.convert(text))
    return time.perf_counter() - started, time.process_time() - cpu


def site_bytes(output: Path) -> tuple[int, int]:
    """(bytes of every file of the site, number of files)."""
    sizes = [path.stat().st_size for path in output.rglob("*") if path.is_file()]
    return sum(sizes), len(sizes)


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


def measure(count: int, chars: int, folder: Path, environment: dict) -> dict:
    """Every figure for one archive size, from one corpus."""
    import opencc

    content, output = folder / "content", folder / "site"
    texts, recombined = make_corpus(content, count, chars, opencc.OpenCC("s2t").convert)
    row = {"articles": count, "recombined": recombined, "characters": sum(map(len, texts))}
    row["naive s"], row["naive CPU"] = naive_pass(texts)
    row["cold s"], row["cold CPU"], row["peak MB"] = timed_build(content, output, environment, "--clean")
    row["peak MB"] /= 2**20
    row["no-op s"], _, _ = timed_build(content, output, environment)
    edited = content / "articles" / "a00000" / "source.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新增一句话。\n", encoding="utf-8")
    row["one edit s"], _, _ = timed_build(content, output, environment)
    total, files = site_bytes(output)
    row["site MB"], row["files"], row["KB/article"] = total / 1e6, files, total / count / 1e3
    row["CPU / naive"] = row["cold CPU"] / row["naive CPU"]
    return row


def print_rows(rows: list[dict]) -> None:
    """The sizes side by side, one figure a line."""
    print()
    print(f"{'':22s}" + "".join(f"{row['articles']:>12,}" for row in rows))
    for name in [key for key in rows[0] if key != "articles"]:
        cells = "".join(f"{row[name]:>12,.2f}" if isinstance(row[name], float) else f"{row[name]:>12,}"
                        for row in rows)
        print(f"{name:22s}{cells}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", default="100,1000,5000", help="archive sizes, comma-separated")
    parser.add_argument("--chars", type=int, default=ARTICLE_CHARS, help="characters an article, about")
    parser.add_argument("--stages", action="store_true", help="also time each stage on a sample")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"no political corpus at {CORPUS}")
    with tempfile.TemporaryDirectory(prefix="jiedu-corpus-") as temporary:
        environment = {**os.environ, "XDG_CACHE_HOME": str(Path(temporary) / "user-cache")}
        warm = Path(temporary) / "warm"  # the user cache (package data) made once, untimed
        make_corpus(warm / "content", 1, 500, str)
        timed_build(warm / "content", warm / "site", environment)
        rows = []
        for count in (int(n) for n in args.articles.split(",")):
            rows.append(measure(count, args.chars, Path(temporary) / f"n{count}", environment))
            print_rows(rows)  # so far: a long run shows its figures as they come
            shutil.rmtree(Path(temporary) / f"n{count}")
        if args.stages:
            extra_figures(Path(temporary) / "sample", args.chars)


def extra_figures(folder: Path, chars: int) -> None:
    """Per stage on a sample of 20 articles; the floor and the converters on 200."""
    import opencc

    texts, _ = make_corpus(folder / "content", 200, chars, opencc.OpenCC("s2t").convert)
    naive, _ = naive_pass(texts)
    cutting, floor = floor_pass(texts)
    print(f"on 200 articles: naive {naive:.1f} s; floor: jieba cut alone {cutting:.1f} s, "
          f"convert + cut + read {floor:.1f} s ({floor / naive:.2f}x naive, one process)")
    converter_speed(texts)
    stage_times(folder / "content")


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
