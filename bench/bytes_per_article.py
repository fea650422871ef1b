#!/usr/bin/env python3
"""Bytes per article (issue #18): build every `.txt` file of a folder as an article, in a
temporary site with the project's settings and glossary, and print what its own files
cost on disk on average, by kind, and what the site-wide files cost in all (KB: 1,000 bytes).

    .venv/bin/python bench/bytes_per_article.py /work/shared/data/dev-articles [--keep DIR]

Nothing from the folder is written into the repository.
"""

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_content(texts: list[Path], content: Path) -> list[str]:
    """A content folder with one article per text file; returns the slugs."""
    (content / "articles").mkdir(parents=True)
    for name in ("site.toml", "glossary.toml", "overrides.toml"):
        if (ROOT / "content" / name).exists():
            shutil.copy(ROOT / "content" / name, content / name)
    for text in texts:
        folder = content / "articles" / text.stem
        folder.mkdir()
        shutil.copy(text, folder / "source.txt")
        (folder / "meta.toml").write_text(f'title = "{text.stem}"\n', encoding="utf-8")
    return [text.stem for text in texts]


def costs(site: Path, slugs: list[str]) -> tuple[Counter, int]:
    """(bytes by kind of file, summed over the articles; bytes of every other file)."""
    kinds, own = Counter(), 0
    for path in site.rglob("*"):
        if path.is_file() and path.stem in slugs:
            kinds[path.relative_to(site).as_posix().replace(path.stem, "<slug>")] += path.stat().st_size
            own += path.stat().st_size
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return kinds, total - own


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    from jiedu.builder import build_site
    work = args.keep or Path(tempfile.mkdtemp(prefix="jiedu-bytes-"))
    slugs = make_content(sorted(args.folder.glob("*.txt")), work / "content")
    build_site(work / "content", work / "site", ROOT / "templates")
    kinds, shared = costs(work / "site", slugs)
    for kind, size in kinds.most_common():
        print(f"{kind:34} {size / len(slugs) / 1000:8.1f} KB average")
    print(f"{'all of an article':34} {sum(kinds.values()) / len(slugs) / 1000:8.1f} KB average over {len(slugs)} articles")
    print(f"{'site-wide files':34} {shared / 1000:8.1f} KB in all")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
