"""`jiedu check`: every problem the build would report, without writing the site.

Unlike the build, it does not stop at the first unusable article: each article's
error is reported and the others are still checked. It also lists, as notes that are
not problems, the words that have no English of their own.
"""

from pathlib import Path

from ..errors import ContentError
from ..output.digest import make_digest
from ..model import Article
from ..output.pages import article_files, site_files
from ..output.render import make_environment
from ..resources import Resources
from ..builder import site_findings
from ..content import load_content, shown_path
from ..incremental.jobs import LazyResources, annotate_folder
from ..lexicon.layers import Glossaries
from ..lexicon.vocabulary import NAME, undefined

PER_LINE = 8


def check_site(content: Path, templates: Path, resources: Resources | None = None) -> list[str]:
    return inspect_site(content, templates, resources)[0]


def inspect_site(content: Path, templates: Path, resources: Resources | None = None) -> tuple[list[str], list[str]]:
    """(problems, notes): problems fail `check`; notes only inform."""
    try:
        site = load_content(content)
        glossary = site.glossary()
        config, folders, overrides = site.config, site.articles, site.overrides
    except ContentError as error:
        return [str(error)], []
    lazy, articles, problems, notes, own = LazyResources(glossary, resources), [], [], [], {}
    for folder in folders:
        try:
            own[folder.name] = site.article_glossary(folder, glossary)  # its own glossary.toml's errors are its own
            articles.append(annotate_folder(folder, content, lazy, overrides, own[folder.name], config.traditional))
        except ContentError as error:
            problems.append(str(error))
            continue
        notes += undefined_note(articles[-1], shown_path(folder, content))
    glossaries = Glossaries(glossary, {slug: g for slug, g in own.items() if g is not glossary})
    env = make_environment(templates)  # template errors surface while rendering
    digests = [make_digest(a, article_files(env, a, g, config), g, overrides)
               for a in articles for g in [glossaries.of(a.source.slug)]]
    site_files(env, digests, glossaries, templates, config)
    findings = site_findings(digests, overrides)
    # A guessed reading (a rare character no dictionary reads) is for a person to check,
    # not an error: a note; the glossary or an override can set it.
    guesses = [str(f) for f in findings if f.code == "reading-guessed"]
    return problems + [str(f) for f in findings if f.code != "reading-guessed"], notes + guesses


def undefined_note(article: Article, shown: str) -> list[str]:
    """Words with no glossary or CC-CEDICT entry of their own: a heading line, then the words."""
    items = undefined(article.vocabulary)
    if not items:
        return []
    words = [f"{i.text} ×{i.count}" + (" (name)" if i.english == NAME else "") for i in items]
    lines = [f"{shown}: note: {len(items)} word(s) without English of their own (no glossary or "
             "CC-CEDICT entry; cards and decks give their parts, or say \"personal name\"):"]
    return lines + ["  " + ", ".join(words[start:start + PER_LINE]) for start in range(0, len(words), PER_LINE)]
