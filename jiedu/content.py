"""What content/ holds, read and checked once, for the build and for `jiedu check`
alike: the settings, the article folders, the site-wide overrides, the glossaries (an
article's own glossary.toml over the site's files over the built-in lexicon)."""

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .engines.usercache import user_cache
from .files.config import DEFAULTS, Config, load_config, setting_place
from .files.contentfile import inside, present
from .lexicon.builtin import load_lexicon
from .lexicon.glossary import Glossary, load_glossaries
from .lexicon.layers import Glossaries, article_layer, layered, without
from .model import Place
from .stages.overrides import Overrides, load_overrides


@dataclass(frozen=True)
class Content:
    folder: Path
    config: Config
    articles: tuple[Path, ...]
    """Every article folder, checked, in name order."""
    overrides: Overrides
    """content/overrides.toml: readings and word boundaries for every article."""
    glossary_files: tuple[Path, ...]

    def glossary(self) -> Glossary:
        """The site's glossary files over the built-in lexicon (unless site.toml turns it
        off; less the terms it excludes). Loaded only when asked: a build with nothing
        changed never needs it."""
        site = load_glossaries([(path, shown_path(path, self.folder)) for path in self.glossary_files])
        if not self.config.lexicon:
            return site
        lexicon = load_lexicon(user_cache())
        unknown = [form for form in self.config.lexicon_exclude if form not in lexicon.by_simplified]
        if unknown:
            shown = shown_path(self.folder / "site.toml", self.folder)
            raise ContentError(setting_place(self.folder, shown, "lexicon", "exclude"),
                               f"[lexicon] exclude names terms the built-in lexicon does not have: {', '.join(unknown)}")
        return layered(site, without(lexicon, self.config.lexicon_exclude))

    def article_glossary(self, folder: Path, below: Glossary) -> Glossary:
        """The article's own glossary.toml over `below`; `below` itself when it has none."""
        path = folder / "glossary.toml"
        if not present(path):
            return below
        return article_layer(path, shown_path(path, self.folder), self.folder, folder.name, below)

    def glossaries(self) -> Glossaries:
        site = self.glossary()
        own = {folder.name: self.article_glossary(folder, site) for folder in self.articles}
        return Glossaries(site, {slug: glossary for slug, glossary in own.items() if glossary is not site})


def load_content(folder: Path, site_url: str = "", epoch: int | None = None) -> Content:
    config = load_config(folder, shown_path(folder / "site.toml", folder), site_url, epoch)
    return Content(folder, config, tuple(article_folders(folder)), site_overrides(folder), glossary_files(folder, config))


def glossary_files(folder: Path, config: Config) -> tuple[Path, ...]:
    """The site's glossary files. A file site.toml names must be there; the default,
    content/glossary.toml, may be absent (a new site has only the built-in lexicon)."""
    files = tuple(folder / name for name in config.glossary)
    if config.glossary == tuple(DEFAULTS["glossary"]):
        return tuple(path for path in files if present(path))
    return files


def annotation_glossary(path: Path) -> Glossary:
    """`jiedu annotate`'s: a glossary file (when there) over the built-in lexicon, as the
    site.toml beside it says (content/glossary.toml and content/site.toml)."""
    folder = path.parent
    config = load_config(folder, shown_path(folder / "site.toml", folder))
    return Content(folder, config, (), Overrides(), (path,) if present(path) else ()).glossary()


SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


def article_folders(content: Path) -> list[Path]:
    """The article folders. Each is checked here, before the cache is consulted, so a
    warm build and a --clean one fail alike (an empty folder adds no file to notice)."""
    articles = content / "articles"
    if present(articles) and not articles.is_dir():
        raise ContentError(Place(shown_path(articles, content), 1, 1), "articles must be a folder of article folders")
    folders = sorted(p for p in articles.iterdir() if p.is_dir()) if articles.is_dir() else []
    for folder in folders:
        place = Place(shown_path(folder, content), 1, 1)
        if not SLUG.fullmatch(folder.name):
            raise ContentError(place, "article folder names are slugs: a-z, 0-9 and '-'")
        if not inside(folder, content):
            raise ContentError(place, "the article folder is a link to outside content/; jiedu reads only content/")
        if not present(folder / "meta.toml"):
            raise ContentError(place, "missing meta.toml: an article folder holds source*.txt and meta.toml "
                               "(remove it if it is empty)")
    return folders


def site_overrides(content: Path) -> Overrides:
    return load_overrides(content / "overrides.toml", shown_path(content / "overrides.toml", content))


def shown_path(path: Path, content: Path) -> str:
    """Paths in messages are relative to the folder holding content/, as for articles:
    as written, links not followed (one may lead out of content/, and is then refused)."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(content)))).as_posix()
