"""Annotating many articles on every core.

Each worker process loads the heavy resources once (the Pool initializer is the
only way to hand a worker its own copy), then annotates the articles it is given.
Results come back in order, so the build stays deterministic.
"""

import multiprocessing
import os
from pathlib import Path

from .glossary import Glossary
from .overrides import Overrides

_worker: dict = {}  # per worker process only: its resources, set by _start


def _start(glossary: Glossary) -> None:
    from .site import LazyResources

    _worker["resources"] = LazyResources(glossary)


def _annotate(job: tuple[Path, Path, Overrides]):
    from .site import annotate_folder

    folder, content, overrides = job
    return annotate_folder(folder, content, _worker["resources"], overrides)


def worker_count(jobs: int) -> int:
    """Processes worth starting: loading resources costs about 1.5 s per worker."""
    return min(os.cpu_count() or 1, max(1, jobs // 4))


def annotate_in_parallel(folders: list[Path], content: Path, glossary: Glossary, overrides: Overrides, progress):
    """Yield (folder, Article) for every folder, in order."""
    jobs = [(folder, content, overrides) for folder in folders]
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(worker_count(len(jobs)), initializer=_start, initargs=(glossary,)) as pool:
        for number, (folder, article) in enumerate(zip(folders, pool.imap(_annotate, jobs, chunksize=4)), 1):
            progress(number, len(folders), folder.name)
            yield folder, article
