"""Making many articles' pages on every core.

Each worker process makes its own Workshop once (the Pool initializer is the only
way to hand a worker its own copy); it loads the heavy resources only if one of
its articles must be annotated. Results come back in order, so the build stays
deterministic.
"""

import contextlib
import multiprocessing
import os
import signal

from .jobs import Workshop, make_pages

MOST_PARTS = 4
"""A long article splits over at most this many processes: each touches its own copy of
pages it writes to, and the article-wide steps between stay in one."""
_worker: dict = {}  # per worker process only: its Workshop, set by _start


def _start(plan, parts: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent alone answers it
    _worker["shop"] = Workshop(plan, parts=parts)


def _make(job):
    return make_pages(job, _worker["shop"])


def worker_count(jobs: int) -> int:
    """Processes worth starting: loading resources costs about 1.5 s per worker."""
    return min(usable_cores(), max(1, jobs // 4))


def usable_cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s share), not the machine's."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


@contextlib.contextmanager
def in_parallel(jobs: list, plan, progress):
    """`jobs.make_pages` of every job, in order, started at once in other processes
    (at least one): the caller can do other work before it reads the results."""
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    workers = worker_count(len(jobs))
    parts = min(MOST_PARTS, usable_cores() // workers)  # cores no other worker uses: a long article splits over them
    with context.Pool(workers, initializer=_start, initargs=(plan, parts)) as pool:
        results = pool.imap(_make, jobs, chunksize=4)
        yield (_reported(number, job, result, len(jobs), progress)
               for number, (job, result) in enumerate(zip(jobs, results), 1))


def _reported(number: int, job, result, total: int, progress):
    progress(number, total, job.folder.name)
    return result
