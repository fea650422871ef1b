#!/usr/bin/env python3
"""The site-wide pages of a large archive, without annotating it.

Makes N synthetic article digests (default 5,000) of about 3,500 characters of real
political text (the Government Work Reports and Congress reports in
../shared/data/political-corpus, taken in turn and cycled), every other one with a
Traditional form (jiedu's own s2t), pinyin from pypinyin's one-character table (the
first reading: enough for the index's size, not for its accuracy), an English
"translation" of 1.8 letters per character made of glossary explanations in turn, and as
its glossary terms every site or lexicon term whose form occurs in it (more than the
build links: an upper bound for the glossary page). Then it renders the site-wide files
(`pages.site_files`: index pages, glossary, search index, feeds) into a folder and prints
their sizes, gzipped as GitHub Pages serves them.

    .venv/bin/python bench/site_scale.py [--articles N] [--output DIR]
"""

import argparse
import gzip
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path("shared") / "data" / "political-corpus"
CORPUS = next((folder / SHARED for folder in ROOT.parents if (folder / SHARED).is_dir()), ROOT.parent / SHARED)
ARTICLE_CHARS = 3500


def paragraphs() -> list[str]:
    """The political corpus's paragraphs; where it is not beside the repository (a fresh
    clone in CI), CPP's encyclopedia sentences (bench/data/cpp), five to a paragraph."""
    if not CORPUS.is_dir():
        return cpp_paragraphs()
    lines = []
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            lines += [p.strip() for p in json.loads(line)["content"].splitlines() if len(p.strip()) > 20]
    return lines


def cpp_paragraphs() -> list[str]:
    sentences = []
    for split in ("dev", "test"):
        text = (ROOT / "bench" / "data" / "cpp" / f"{split}.sent").read_text(encoding="utf-8")
        sentences += text.replace("\u2581", "").splitlines()
    return ["".join(sentences[n:n + 5]) for n in range(0, len(sentences), 5)]


def syllable_table() -> dict[str, str]:
    from pypinyin.pinyin_dict import pinyin_dict
    from jiedu.syllables import toneless
    return {chr(code): toneless(readings.split(",")[0], umlaut="v") for code, readings in pinyin_dict.items()}


def english_pool(glossary) -> str:
    return " ".join(f"{e.english}. {e.explanation}" for e in glossary.entries if e.explanation)


def block(text: str, trad: str, table: dict, english: str, cursor: int) -> tuple[list[str], int]:
    from jiedu.text import HAN
    han = HAN.findall(text)
    size = int(len(han) * 1.8)
    start = cursor % (len(english) - size - 1)
    pinyin = " ".join(table.get(c, "x") for c in han)
    return [text, "" if trad == text else trad, pinyin, english[start:start + size]], cursor + size


def article_blocks(pool: list[str], number: int, state: dict) -> list[list[str]]:
    from jiedu.engines.conversion import convert_text
    blocks, size = [], 0
    while size < ARTICLE_CHARS:
        text = pool[state["paragraph"] % len(pool)][:600]
        state["paragraph"] += 1
        trad = convert_text(state["s2t"], text) if number % 2 else text
        record, state["english"] = block(text, trad, state["table"], state["pool"], state["english"])
        blocks.append(record)
        size += len(text)
    return blocks


def digest(number: int, blocks: list[list[str]], glossary):
    from jiedu.output.digest import Digest
    from jiedu.output.searchfiles import article_chunks
    from jiedu.output.views import concordance_line
    slug, title = f"a{number:05d}", f"第{number}篇 " + blocks[0][0][:20]
    found: dict[str, list[tuple[str, str]]] = {}
    for at, (text, *_) in enumerate(blocks, 1):
        for entry in glossary.found_in(text):
            found.setdefault(entry.id, []).append((f"b{at}", concordance_line(text, entry.simplified)))
    date = f"{2010 + number // 336}-{number // 28 % 12 + 1:02d}-{number % 28 + 1:02d}"
    chunked = article_chunks({"slug": slug, "title": title, "title_en": f"Article {number}", "blocks": blocks})
    return Digest(slug=slug, title=title, title_en=f"Article {number}", meta={"date": date, "publisher": "Corpus"},
                  terms=tuple(found), vocabulary=True, translated=True,
                  occurrences={k: tuple(v) for k, v in found.items()}, search=chunked[0], findings=(),
                  words=sum(len(b[0]) for b in blocks) // 2, undefined=(), contexts=frozenset(),
                  pages={f"articles/{slug}.html": "0" * 64, f"vocabulary/{slug}.html": "0" * 64},
                  title_trad=title, characters=sum(len(b[0]) for b in blocks), level="", in_hsk=0.6,
                  search_keys=chunked[1])


def article_texts(count: int, glossary) -> list[list[list[str]]]:
    """Each article's search-record blocks, oldest first."""
    from jiedu.engines.conversion import opencc_chains
    pool = paragraphs()
    state = {"paragraph": 0, "english": 0, "table": syllable_table(), "pool": english_pool(glossary),
             "s2t": opencc_chains(None, ("s2t",))["s2t"]}
    return [article_blocks(pool, n, state) for n in range(count)]


def search_records(count: int, glossary) -> list[dict]:
    """The articles' search records (`search.article_record`), newest first."""
    return [{"slug": f"a{n:05d}", "title": f"第{n}篇 " + blocks[0][0][:20], "title_en": f"Article {n}", "date": "",
             "blocks": blocks} for n, blocks in reversed(list(enumerate(article_texts(count, glossary))))]


def digests(count: int, glossary) -> list:
    made = [digest(n, blocks, glossary) for n, blocks in enumerate(article_texts(count, glossary))]
    return sorted(made, key=lambda d: d.sort_key, reverse=True)


def write(files: dict[str, bytes], output: Path) -> None:
    shutil.rmtree(output, ignore_errors=True)
    for path, data in files.items():
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(data)


def report(files: dict[str, bytes]) -> None:
    def gz(data: bytes) -> int:
        return len(gzip.compress(data, 9, mtime=0))
    groups: dict[str, list[bytes]] = {}
    for path, data in files.items():
        group = path.split("/")[0] + ("/" + path.split("/")[1][0] if path.startswith("search/") else "")
        groups.setdefault(group if "/" in path else path, []).append(data)
    for name, items in sorted(groups.items()):
        sizes = [gz(d) for d in items] if len(items) < 200 else [gz(d) for d in items[::len(items) // 200]]
        print(f"{name:24} {len(items):6} files  raw {sum(map(len, items)) / 1e3:10.1f} KB   "
              f"gzip max {max(sizes) / 1e3:7.1f} KB  mean {sum(sizes) / len(sizes) / 1e3:6.1f} KB")


def timed(function):
    def run(*args):
        started = time.perf_counter()
        result = function(*args)
        print(f"of which {function.__name__} {time.perf_counter() - started:.1f} s")
        return result
    return run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--output", type=Path, default=Path("/tmp/jiedu-scale/site"))
    args = parser.parse_args(argv)
    from jiedu.content import load_content
    from jiedu.output.pages import site_files
    from jiedu.output.render import make_environment
    site = load_content(ROOT / "content")
    glossaries = site.glossaries()
    started = time.perf_counter()
    made = digests(args.articles, glossaries.site)
    print(f"{args.articles} digests in {time.perf_counter() - started:.1f} s")
    from jiedu.output import pages
    pages.search_files = timed(pages.search_files)
    started = time.perf_counter()
    files = site_files(make_environment(ROOT / "templates"), made, glossaries, ROOT / "templates", site.config)
    print(f"site-wide files in {time.perf_counter() - started:.1f} s")
    write(files, args.output)
    report(files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
