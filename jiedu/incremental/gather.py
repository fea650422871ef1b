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
from pathlib import Path

from ..output.digest import Digest
from .cache import article_key, pages_key
from .jobs import Job, Workshop, make_pages
from .parallel import in_parallel
from .write import Staging


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
