"""A long article's work on more than one core (jiedu/engines/forkmap.py, issue #13): the
same result as one process in every case, failures included, and no process left behind."""

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from jiedu.engines import forkmap
from jiedu.builder import build_site
from jiedu.engines.forkmap import SMALLEST_PART, computed_aside, cut_points, in_background, split_work
from jiedu.incremental.parallel import usable_cores
from jiedu.pipeline import Draft, Tools, run
from jiedu.stages import annotate

from conftest import CONTENT, TEMPLATES, tree

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
HEAVY = SMALLEST_PART  # one item this heavy is a part of its own


def squares(run) -> list:
    return [(item, item * item, os.getpid()) for item in run]


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("weights, parts", [([1, 1, 1, 1], 2), ([5, 1, 1, 1, 1, 1], 2), ([1] * 7, 3),
                                            ([0, 0, 9], 2), ([3], 4), ([], 2)])
def test_cut_points_cover_every_item_in_order_in_at_most_parts_runs(weights, parts):
    bounds = cut_points(weights, parts)
    assert bounds[0] == 0 and bounds[-1] == len(weights) and len(bounds) == parts + 1
    assert bounds == sorted(bounds)


def test_cut_points_balance_the_weights():
    bounds = cut_points([1] * 100, 4)
    assert bounds == [0, 25, 50, 75, 100]


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_the_result_is_the_work_done_in_one_process_and_the_work_was_shared(parts):
    items = list(range(12))
    result = split_work(squares, items, [HEAVY] * len(items), parts)
    assert [row[:2] for row in result] == [row[:2] for row in squares(items)]
    assert len({row[2] for row in result}) == parts  # each part in a process of its own
    assert result[0][2] == os.getpid()  # the first part here
    assert no_children_left()


def test_light_work_stays_in_this_process():
    result = split_work(squares, list(range(10)), [HEAVY // 10 - 1] * 10, 2)
    assert {row[2] for row in result} == {os.getpid()}


def test_a_child_that_fails_is_redone_here():
    parent = os.getpid()

    def fails_in_a_child(run):
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return squares(run)

    result = split_work(fails_in_a_child, list(range(6)), [HEAVY] * 6, 2)
    assert [row[:2] for row in result] == [row[:2] for row in squares(range(6))]
    assert {row[2] for row in result} == {parent} and no_children_left()


def test_a_child_that_returns_no_plain_values_is_redone_here():
    parent = os.getpid()

    def unmarshallable(run):
        return [object() if os.getpid() != parent else item for item in run]

    assert split_work(unmarshallable, list(range(4)), [HEAVY] * 4, 2) == list(range(4))
    assert no_children_left()


def test_an_error_here_stops_the_children_and_is_raised():
    parent = os.getpid()

    def fails_here(run):
        if os.getpid() == parent:
            raise ValueError("in the first part")
        return ["x" * 100_000 for _ in run]  # more than a pipe holds: the child would block

    with pytest.raises(ValueError, match="first part"):
        split_work(fails_here, list(range(4)), [HEAVY] * 4, 2)
    assert no_children_left()


def forks_recorded(monkeypatch, log) -> None:
    """Each fork of forkmap's, by who asked: the stage that split its work, or the
    background task, or the value computed aside; `log(name)` keeps it (a file when the
    forks happen in a worker)."""
    fork = forkmap._forked

    def recorded(results):
        frame = sys._getframe(1)
        while frame.f_code.co_name not in ("split_work", "in_background", "computed_aside"):
            frame = frame.f_back
        log(frame.f_back.f_code.co_name if frame.f_code.co_name == "split_work" else frame.f_code.co_name)
        return fork(results)
    monkeypatch.setattr(forkmap, "_forked", recorded)


def split_small(monkeypatch) -> None:
    """The seed split as a long article is: parts of 1,000 characters, reading batches of 1,000."""
    monkeypatch.setattr(forkmap, "SMALLEST_PART", 1_000)
    monkeypatch.setattr(annotate, "READ_AT_ONCE", 1_000)


def test_an_article_reads_the_same_on_two_cores_as_on_one(seed_source, resources, monkeypatch):
    """The segment and annotate stages of the seed, split (as a long article's are): word
    for word, reading for reading the same blocks (the real jieba, pypinyin and model)."""
    split_small(monkeypatch)
    forks = []
    forks_recorded(monkeypatch, forks.append)
    draft = run(Draft(source=seed_source), Tools(resources), "clean", "convert")
    one, two = (run(draft, Tools(resources, parts=parts), "segment", "annotate").blocks for parts in (1, 2))
    assert one == two and sum(len(word.pinyin) for block in two for word in block.words) > 2_000
    assert forks == ["segment_all", "annotate_all"]
    assert no_children_left()


def test_the_reading_stage_is_split_only_between_its_batches(seed_article, monkeypatch):
    """The model's floating-point sums depend on what one call holds: a part is whole batches."""
    monkeypatch.setattr(annotate, "READ_AT_ONCE", 1_000)
    batches = annotate.reading_batches(seed_article.blocks)
    assert len(batches) > 2 and sum(batches, ()) == seed_article.blocks
    assert all(sum(len(b.text) for b in batch[:-1]) < 1_000 for batch in batches)


def stamp(path):
    """A task whose effect is outside the process: which process did it."""
    return lambda: path.write_text(str(os.getpid()))


def test_a_task_in_the_background_is_done_by_a_child_and_waited_for(tmp_path):
    done = tmp_path / "done"
    with in_background(stamp(done)):
        pass
    assert int(done.read_text()) != os.getpid() and no_children_left()


def test_a_task_not_allowed_in_the_background_is_done_here(tmp_path):
    done = tmp_path / "done"
    with in_background(stamp(done), allowed=False):
        assert int(done.read_text()) == os.getpid()


def test_a_background_task_that_fails_is_done_here_and_its_error_raised_here(tmp_path):
    parent, done = os.getpid(), tmp_path / "done"

    def fails_in_a_child():
        if os.getpid() != parent:
            raise OSError("only in the child")
        stamp(done)()

    with in_background(fails_in_a_child):
        pass
    assert int(done.read_text()) == parent and no_children_left()

    def always_fails():
        raise ValueError("everywhere")

    with pytest.raises(ValueError, match="everywhere"):
        with in_background(always_fails):
            pass
    assert no_children_left()


def test_an_error_in_the_body_waits_for_the_background_task(tmp_path):
    done = tmp_path / "done"
    with pytest.raises(KeyError):
        with in_background(stamp(done)):
            raise KeyError("body")
    assert done.exists() and no_children_left()


@pytest.mark.skipif(usable_cores() < 2, reason="one core: a worker has no core to split onto")
def test_a_long_article_built_by_a_worker_on_two_cores_is_the_site_built_in_one_process(tmp_path, resources,
                                                                                         monkeypatch):
    """The whole site, byte for byte, and the article stored by the background child (a
    second build annotates nothing). Fork-started workers inherit the lowered threshold."""
    split_small(monkeypatch)
    forks = tmp_path / "forks"  # a file: the forks happen in the worker process
    forks_recorded(monkeypatch, lambda name: forks.open("a").write(name + "\n"))
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    cache = tmp_path / "cache"
    in_a_worker = build_site(content, tmp_path / "worker", TEMPLATES, cache_folder=cache, clean=True)
    # segment and annotate split; the article stored and the digest's text parts read aside
    assert forks.read_text().split() == ["segment_all", "annotate_all", "in_background", "computed_aside"]
    build_site(content, tmp_path / "here", TEMPLATES, resources, clean=True)
    assert in_a_worker.annotated == 1 and tree(tmp_path / "worker") == tree(tmp_path / "here")
    assert build_site(content, tmp_path / "again", TEMPLATES, cache_folder=cache).annotated == 0


def gone(pid: int) -> bool:
    """No such process, or only its exit status left (a zombie nobody reaped yet)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "\nState:\tZ" in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
def test_work_split_off_stops_when_the_build_process_is_killed(tmp_path):
    """Ctrl-C ends a build's workers: what they forked must not run on for minutes."""
    started = tmp_path / "child"

    def slow():
        started.write_text(str(os.getpid()))
        time.sleep(60)

    worker = os.fork()
    if worker == 0:
        try:
            with in_background(slow):
                time.sleep(60)
        finally:
            os._exit(0)
    deadline = time.monotonic() + 20
    while not started.exists() or not started.read_text():
        assert time.monotonic() < deadline, "the background child never started"
        time.sleep(0.05)
    os.kill(worker, signal.SIGKILL)
    os.waitpid(worker, 0)
    child = int(started.read_text())
    deadline = time.monotonic() + 10
    while not gone(child):
        assert time.monotonic() < deadline, "the background child outlived its parent"
        time.sleep(0.05)


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="splits only on Linux")
def test_an_error_in_a_later_part_stops_the_parts_after_it():
    def fails_in_the_middle(run):
        if 2 in run:
            raise LookupError("part two")
        return ["x" * 100_000 for _ in run]  # more than a pipe holds: a child left alone would block

    before = open_descriptors()
    with pytest.raises(LookupError, match="part two"):
        split_work(fails_in_the_middle, [0, 1, 2, 3, 4, 5], [HEAVY] * 6, 3)
    assert no_children_left() and open_descriptors() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="splits only on Linux")
def test_a_fork_that_fails_leaves_no_pipe_open_and_the_work_is_done_here(monkeypatch):
    def no_fork():
        raise BlockingIOError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    before = open_descriptors()
    result = split_work(squares, list(range(6)), [HEAVY] * 6, 3)
    assert [row[:2] for row in result] == [row[:2] for row in squares(range(6))]
    assert {row[2] for row in result} == {os.getpid()} and open_descriptors() == before


def test_no_process_is_started_for_an_empty_part(monkeypatch):
    forks = []
    forks_recorded(monkeypatch, forks.append)
    assert [row[0] for row in split_work(squares, [0, 1, 2], [1, 1, 3 * HEAVY], 3)] == [0, 1, 2]
    assert len(forks) <= 1


@pytest.mark.skipif(not forkmap.FORKS, reason="splits only on Linux")
def test_a_value_computed_aside_is_the_value_computed_here():
    with computed_aside(lambda: [os.getpid(), {"a": (("b", "c"),)}]) as aside:
        here = os.getpid()
    assert aside.value[0] != here and aside.value[1] == {"a": (("b", "c"),)} and no_children_left()
    with computed_aside(lambda: [os.getpid()], allowed=False) as aside:
        pass
    assert aside.value == [os.getpid()]


def test_a_value_aside_is_computed_here_when_the_child_fails_and_stopped_when_the_body_fails():
    parent = os.getpid()

    def fails_in_a_child():
        if os.getpid() != parent:
            raise RuntimeError("child")
        return ["here"]

    with computed_aside(fails_in_a_child) as aside:
        pass
    assert aside.value == ["here"]
    with pytest.raises(KeyError):
        with computed_aside(lambda: ["x" * 100_000]):
            raise KeyError("body")
    assert no_children_left()
