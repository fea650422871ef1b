"""`jiedu new FILE`: add an article to content/ from a text file in any supported encoding.

The source is copied byte for byte; a metadata stub records what could be inferred
(title from the first line, script, encoding, layout); the author is told what was
taken as title, note, headings, paragraphs and credits (a wrong guess shows at once),
what to fill in and what to review. A translation skeleton has one slot per block,
its Chinese in a comment: the build ignores a slot until English is written in it.
The folder name is a slug, as every build requires, so nothing is written outside
content/articles/.
"""

import re
from pathlib import Path

from ..stages.clean import clean
from ..files.contentfile import present, read_regular
from ..files.tomlfile import CONTROL
from ..errors import ContentError
from ..model import Place, Source
from ..stages.read import decode
from ..resources import Resources
from ..stages.structure import layout_of, structure
from ..stages.convert import source_script

SCRIPTS = {"traditional": "zh-Hant", "simplified": "zh-Hans", "mixed": "zh-Hant"}


def detect_script(text: str, resources: Resources) -> str:
    """Traditional, Simplified or mixed, as the convert stage decides it."""
    return source_script(text, resources.converters)


def slug_for(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower().split(".")[0])[:80].strip("-")
    return slug or "article"


def slug_problem(slug: str) -> str:
    """Why `slug` cannot name an article folder, or ''."""
    from ..content import SLUG  # the rule every build applies

    if SLUG.fullmatch(slug):
        return ""
    return f"{slug!r} is not a slug: up to 80 of a-z, 0-9 and '-', starting with a letter or digit"


def file_problem(file: Path) -> str:
    """Why `file` cannot be read as a new article's source, or ''."""
    if file.is_file():
        return ""
    return "is a folder" if file.is_dir() else "is not a regular file" if present(file) else "does not exist"


KINDS = (("kicker", "kicker"), ("title", "title"), ("dateline", "dateline"), ("note", "editor's note"),
         ("heading", "heading"), ("paragraph", "paragraph"), ("byline", "byline"))
SHOWN = 3
"""Blocks of a kind the report shows by their first words."""
FIRST_WORDS = 8


def first_words(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= FIRST_WORDS else flat[:FIRST_WORDS] + "…"


def structure_report(blocks, layout: str) -> list[str]:
    """What was taken as what: each kind's count and the first words of its first blocks."""
    lines = [f"layout {layout!r}: if the blocks below are wrong, set layout = \"lines\" (a paragraph "
             "per line) or \"blank-lines\" in meta.toml"]
    for kind, name in KINDS:
        found = [block.source for block in blocks if block.kind == kind]
        if found:
            more = f" / … ({len(found) - SHOWN} more)" if len(found) > SHOWN else ""
            lines.append(f"took {len(found)} {name}{'s' if len(found) != 1 else ''}: "
                         + " / ".join(map(first_words, found[:SHOWN])) + more)
    return lines


def translation_skeleton(blocks) -> str:
    """One blank-line separated slot per block, its Chinese in an HTML comment."""
    slots = [f"<!-- {number} {block.kind}: {' '.join(block.source.split()).replace('--', '- -')} -->"
             for number, block in enumerate(blocks, 1)]
    guide = ("<!-- English under each block's Chinese, one paragraph per block, blank lines between. "
             "A slot left empty is no translation. -->\n")
    return guide + "\n\n".join(slots) + "\n"


def meta_stub(title: str, script: str, encoding: str, layout: str = "lines") -> str:
    quoted = CONTROL.sub("", title).replace("\\", "\\\\").replace('"', '\\"')  # meta.toml refuses control characters
    return (f'# Metadata for this article. Fill in what is empty; see the README.\n'
            f'title = "{quoted}"\ntitle_en = ""\ndate = ""          # "2024-05-01", or "2024-05"\n'
            f'publisher = ""\nauthors = []\nsource_url = ""\nscript = "{script}"\n'
            f'rights = ""\n# encoding = "{encoding}"   # detected; uncomment to pin it\n'
            f'# layout = "{layout}"   # detected: "lines" (a paragraph per line) or "blank-lines"\n')


def add_article(file: Path, content: Path, resources: Resources, slug: str = "",
                skeleton: bool = True) -> tuple[Path, list[str]]:
    """Create content/articles/<slug>/ (with a translation skeleton unless told not to)
    and return it with the report lines for the author."""
    slug = slug or slug_for(file)
    if problem := slug_problem(slug):
        raise ValueError(problem)  # the command line checks it first (exit 2)
    data = read_regular(file, str(file))
    text, encoding = decode(data, str(file), resources.char_frequency)
    script = detect_script(text, resources)
    folder = content / "articles" / slug
    if present(folder):
        raise ContentError(Place(str(folder), 1, 1), "an article with this slug exists; choose one with --slug")
    target = folder / f"source.{SCRIPTS[script]}.txt"
    cleaned = clean(Source(folder.name, str(target), text, encoding, {}))
    blocks, layout = structure(cleaned.text, {}), layout_of(cleaned.text, {})
    title = next((b.source for b in blocks if b.kind == "title"), "")
    folder.mkdir(parents=True)
    target.write_bytes(data)
    (folder / "meta.toml").write_text(meta_stub(title, script, encoding, layout), encoding="utf-8")
    if skeleton:
        (folder / "translation.en.md").write_text(translation_skeleton(blocks), encoding="utf-8")
    return folder, report(cleaned, blocks, script, encoding, layout, skeleton)


def report(cleaned, blocks, script: str, encoding: str, layout: str = "lines", skeleton: bool = True) -> list[str]:
    artifacts = sum(e.kind == "artifact" for e in cleaned.edits)
    lines = [f"encoding {encoding}, script {script}, {len(blocks)} blocks", *structure_report(blocks, layout),
             f"{artifacts} scraped reading(s) like 風(fēng) will be removed and recorded"]
    lines += [f"review: {finding}" for finding in cleaned.findings]
    lines += ["fill in meta.toml: date, publisher, authors, source_url, rights, title_en",
              "fill in translation.en.md: English under each block's Chinese (a slot left empty is ignored)"
              if skeleton else "add translation.en.md: one paragraph per block, blank lines between",
              "add repairs.toml for each damaged span listed above (see the README)"]
    return lines
