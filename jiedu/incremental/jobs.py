"""One article's job: annotate it (unless cached), render its own files into the
staging folder, digest them. The same in this process and in every worker."""

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from ..engines.forkmap import computed_aside, in_background, worth_a_process
from ..files.config import Config
from ..lexicon.glossary import Glossary
from ..lexicon.layers import Glossaries
from ..model import Article
from ..output.digest import Digest, make_digest, text_parts
from ..output.pages import article_files
from ..output.render import make_environment
from ..pipeline import Tools, read_and_process
from ..resources import Resources, load_resources, with_glossary
from ..stages.overrides import Overrides
from .cache import ArticleCache
from .write import write_files


class LazyResources:
    """Heavy resources are loaded only when some article is not in the cache. They link
    the terms of `glossary` (the site's), even when given with another."""

    def __init__(self, glossary: Glossary, given: Resources | None = None):
        self.glossary, self.value = glossary, with_glossary(given, glossary) if given else None

    def get(self) -> Resources:
        if self.value is None:
            self.value = load_resources(None, glossary=self.glossary)
        return self.value


def annotate_folder(folder: Path, content: Path, resources: LazyResources, overrides: Overrides,
                    glossary: Glossary | None = None, traditional: str = "tw", parts: int = 1) -> Article:
    """The article through every stage; with `glossary` (its own over the site's) when it
    has one, the site's Traditional standard for Simplified sources, and a long article's
    heaviest stages on up to `parts` cores."""
    tools = Tools(with_glossary(resources.get(), glossary or resources.glossary), overrides, content.parent,
                  traditional, parts)
    return read_and_process(folder, tools)


@dataclass(frozen=True)
class Plan:
    """What every article's pages are made with: the same in every worker process."""

    content: Path
    glossaries: Glossaries
    overrides: Overrides
    templates: Path
    config: Config
    cache_folder: Path | None
    clean: bool
    staging: Path
    epoch: int | None


class Workshop:
    """One process's tools: the heavy resources (loaded only if an article must be
    annotated), the template environment and the two caches."""

    def __init__(self, plan: Plan, resources: Resources | None = None, parts: int = 1):
        # parts: cores one long article may use (engines/forkmap.py); > 1 only in a worker
        # process (it holds no threads) when the cores outnumber the workers.
        self.plan, self.parts = plan, parts
        self.resources = LazyResources(plan.glossaries.site, resources)
        self.env = make_environment(plan.templates)
        self.articles = ArticleCache(plan.cache_folder, plan.clean)
        self.digests = ArticleCache(plan.cache_folder, plan.clean, "digest")


@dataclass(frozen=True)
class Job:
    folder: Path
    key: str
    """The article's cache key (`cache.article_key`)."""
    pages: str
    """Its pages' cache key: the article's and the templates' and settings' together."""


def make_pages(job: Job, shop: Workshop) -> tuple[Digest, bool]:
    """Annotate (unless cached), render the article's own files into the staging
    folder, and digest them. True when the article was annotated."""
    plan, slug = shop.plan, job.folder.name
    glossary = plan.glossaries.of(slug)
    article = shop.articles.get(slug, job.key)
    annotated = article is None
    if annotated:
        article = annotate_folder(job.folder, plan.content, shop.resources, plan.overrides, glossary,
                                  plan.config.traditional, shop.parts)
    # A long article's storing and its digest's reading of the text cost seconds: on free
    # cores, while its pages are made.
    aside = shop.parts > 1 and worth_a_process(sum(len(block.text) for block in article.blocks))
    with in_background(lambda: shop.articles.put(slug, job.key, article), aside) if annotated else nullcontext():
        with computed_aside(lambda: text_parts(article, glossary), aside) as parts:
            files = article_files(shop.env, article, glossary, plan.config)
            write_files(plan.staging, files, plan.epoch)
        digest = make_digest(article, files, glossary, plan.overrides, parts.value)
    shop.digests.put(slug, job.pages, digest)
    return digest, annotated
