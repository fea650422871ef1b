"""One long article on more than one core: a list's work split into contiguous parts,
all but the first done in forked children, the results joined in order.

Only plain values come back (marshal: lists, tuples, strings, numbers; it cannot run
code when read), through a pipe, never a file. A child that fails for any reason is
redone here, so the result is the same as `work(items)` in every case, errors included;
callers split only where the work of one part does not depend on the others (the
reading stage at its own batch boundaries). A forked child inherits the loaded
resources for free (copy on write): nothing heavy is sent. Only on Linux: a child must
die with its parent (the parent-death signal), and numpy's macOS BLAS is not known to be
fork-safe; elsewhere the work is done here, in one process.
"""

import contextlib
import ctypes
import gc
import marshal
import os
import signal
import sys
from collections.abc import Callable, Sequence

FORKS = sys.platform.startswith("linux")
PR_SET_PDEATHSIG = 1
SMALLEST_PART = 50_000
"""Weight (characters) below which a part is not worth a process: a fork and its
results' transfer cost about as much as reading this many characters."""


def split_work(work: Callable[[Sequence], list], items: Sequence, weights: Sequence[int], parts: int,
               packed: Callable[[list], list] = list, unpacked: Callable[[Sequence, list], list] = lambda run, v: v) -> list:
    """`work(items)`, a list with one result per item, with `items` cut into up to `parts`
    contiguous runs of about equal weight, each but the first run in a child process.
    A child sends `packed(results)`, plain values (marshal's kinds); they are
    `unpacked(run, values)` here: results as `work(run)` gives them."""
    parts = min(parts, sum(weights) // SMALLEST_PART)  # each part worth a process
    if parts < 2 or not FORKS:
        return work(items)
    bounds = cut_points(weights, parts)
    runs = [items[start:end] for start, end in zip(bounds, bounds[1:]) if end > start]
    children = [_forked(lambda run=run: packed(work(run))) for run in runs[1:]]
    try:
        result = list(work(runs[0]))
        for number, (run, child) in enumerate(zip(runs[1:], children)):
            values = _collected(child, len(run))
            children[number] = None
            result += work(run) if values is None else unpacked(run, values)
    finally:
        for child in filter(None, children):  # an error here: no child is left running
            _stopped(*child)
    return result


def worth_a_process(weight: int) -> bool:
    return FORKS and weight >= SMALLEST_PART


@contextlib.contextmanager
def in_background(task: Callable[[], None], allowed: bool = True):
    """`task()` (its effects outside this process only: a file written) in a forked child
    while the body runs, when `allowed`; waited for at the end, and done here if the child
    failed, so its errors are raised here as they would be without a child."""
    child = _forked(lambda: _nothing_after(task)) if allowed and FORKS else None
    if child is None:
        task()
    try:
        yield
    finally:
        done = child is None or _collected(child, 0) is not None
    if not done:
        task()


def _nothing_after(task: Callable[[], None]) -> list:
    task()
    return []


class Aside:
    """A value computed by a forked child while the body of `computed_aside` runs."""

    def __init__(self, compute: Callable[[], list], allowed: bool):
        self.compute, self.child = compute, _forked(compute) if allowed and FORKS else None
        self.value: list | None = None


@contextlib.contextmanager
def computed_aside(compute: Callable[[], list], allowed: bool = True):
    """`compute()` (a list of plain values) in a forked child while the body runs, when
    `allowed`; after the body, `.value` holds it (computed here if the child gave none)."""
    aside = Aside(compute, allowed)
    try:
        yield aside
    except BaseException:
        if aside.child:
            _stopped(*aside.child)
        raise
    values = _collected(aside.child, -1)
    aside.value = values if values is not None else list(compute())


def cut_points(weights: Sequence[int], parts: int) -> list[int]:
    """Indices 0 = b0 <= b1 <= ... <= b_parts = len(weights) cutting `weights` into
    `parts` runs of about equal sum."""
    total, bounds, running = sum(weights), [0], 0
    for index, weight in enumerate(weights):
        running += weight
        if len(bounds) < parts and running >= total * len(bounds) / parts:
            bounds.append(index + 1)
    return bounds + [len(weights)] * (parts + 1 - len(bounds))


def _forked(results: Callable[[], list]) -> tuple[int, int] | None:
    """(pid, read end of the pipe) of a child sending `results()`; None if no fork."""
    parent = os.getpid()
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the child: never returns, never runs the parent's cleanup
        os.close(reading)
        status = 1
        try:
            _dies_with(parent)
            gc.disable()  # short-lived: a collection would write to every page it shares with its parent
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(marshal.dumps(results()))
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    return pid, reading


def _dies_with(parent: int) -> None:
    """A child outlives no parent: when a build is stopped (Ctrl-C ends its workers), the
    work they split off stops too (Linux's parent-death signal)."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0 or os.getppid() != parent:
        os._exit(1)  # unprotected, or the parent already gone: the parent does this part itself


def _stopped(pid: int, reading: int) -> None:
    """A child whose results are no longer wanted, gone (none is left behind)."""
    os.close(reading)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _collected(child: tuple[int, int] | None, count: int) -> list | None:
    """The child's `count` values (-1: any number); None when it gave none (the run is then
    worked here)."""
    if child is None:
        return None
    pid, reading = child
    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()  # all of it before waiting: a full pipe would block the child
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        values = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return values if isinstance(values, list) and count in (-1, len(values)) else None
