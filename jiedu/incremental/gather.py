"""Gather: every article's digest, with its own pages in the staging folder.

Per article, the cheapest way that is still right:
1. its pages are cached for this very input (article, glossary, overrides, code,
   templates, settings) and the output still holds them: hard-link them, load the
   small digest, done;
2. its annotation is cached: render its pages again;
3. otherwise annotate it, then render.
Articles that need 2 or 3 are done on every core when there are many.
"""

import contextlib
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import ArticleCache, article_key, pages_key
from ..output.digest import Digest, make_digest
from ..lexicon.glossary import Glossary
from ..model import Article
from ..stages.overrides import Overrides
from ..output.pages import article_files
from .parallel import in_parallel
from ..stages.read import read_article
from ..pipeline import process_article
from ..output.render import make_environment
from ..resources import Resources, load_resources
from ..lexicon.vocabulary import vocabulary
from .write import Staging, write_files


class LazyResources:
    """Heavy resources are loaded only when some article is not in the cache."""

    def __init__(self, glossary: Glossary, given: Resources | None = None):
        self.glossary, self.value = glossary, given

    def get(self) -> Resources:
        if self.value is None:
            self.value = load_resources(None, glossary=self.glossary)
        return self.value


def annotate_folder(folder: Path, content: Path, resources: LazyResources, overrides: Overrides) -> Article:
    res = resources.get()
    source, meta_findings = read_article(folder, content.parent, res.char_frequency)
    article = process_article(source, res, overrides)
    words = tuple(vocabulary(article, res.glossary, res.dictionary, res.hsk)) if res.dictionary else ()
    return replace(article, findings=tuple(meta_findings) + article.findings, vocabulary=words)


@dataclass(frozen=True)
class Plan:
    """What every article's pages are made with: the same in every worker process."""

    content: Path
    glossary: Glossary
    overrides: Overrides
    templates: Path
    config: dict
    cache_folder: Path | None
    clean: bool
    staging: Path
    epoch: int | None


class Workshop:
    """One process's tools: the heavy resources (loaded only if an article must be
    annotated), the template environment and the two caches."""

    def __init__(self, plan: Plan, resources: Resources | None = None):
        self.plan = plan
        self.resources = LazyResources(plan.glossary, resources)
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
    article = shop.articles.get(slug, job.key)
    annotated = article is None
    if annotated:
        article = annotate_folder(job.folder, plan.content, shop.resources, plan.overrides)
        shop.articles.put(slug, job.key, article)
    files = article_files(shop.env, article, plan.glossary, plan.config)
    write_files(plan.staging, files, plan.epoch)
    digest = make_digest(article, files, plan.glossary, plan.overrides)
    shop.digests.put(slug, job.pages, digest)
    return digest, annotated


def gather_digests(folders: list[Path], shop: Workshop, staging: Staging, shared: str, render: str,
                   progress, meanwhile=lambda: None) -> tuple[list[Digest], int, int]:
    """(digests in site order, articles annotated, articles rendered). Articles with no
    cached pages are started first, in other processes when we may, so the cached
    ones are linked meanwhile, and then `meanwhile` runs: after one edit, annotating it
    overlaps the rest. (In this thread: a thread alive while the pool forks could leave
    a worker holding SQLite's locks, and it would hang writing its Anki deck.)"""
    jobs = [Job(folder, key, pages_key(key, render)) for folder in folders for key in [article_key(folder, shared)]]
    new = [job for job in jobs if not shop.digests.has(job.folder.name, job.pages)]
    found: dict[Path, tuple[Digest, bool]] = {}
    with run_jobs(new, shop, progress) as results:
        for job in set(jobs) - set(new):
            digest = shop.digests.get(job.folder.name, job.pages)
            if digest is not None and staging.keep(digest.pages):
                found[job.folder] = digest, False
        meanwhile()
        found |= {job.folder: result for job, result in zip(new, results)}
    redo = [job for job in jobs if job.folder not in found]  # pages cached, but not in the output
    with run_jobs(redo, shop, progress) as results:
        found |= {job.folder: result for job, result in zip(redo, results)}
    digests = sorted((digest for digest, _ in found.values()), key=lambda d: d.sort_key, reverse=True)
    return digests, sum(fresh for _, fresh in found.values()), len(new) + len(redo)


@contextlib.contextmanager
def run_jobs(jobs: list[Job], shop: Workshop, progress):
    """(Digest, annotated) per job, in order: in other processes (on every core when
    there are many) unless resources were handed in; else here, when read."""
    if jobs and shop.resources.value is None:
        with in_parallel(jobs, shop.plan, progress) as results:
            yield results
        return
    yield (_made(number, job, shop, len(jobs), progress) for number, job in enumerate(jobs, 1))


def _made(number: int, job: Job, shop: Workshop, total: int, progress) -> tuple[Digest, bool]:
    progress(number, total, job.folder.name)
    return make_pages(job, shop)
