"""Watching the content and templates for `jiedu serve`: poll each file's size and
mtime (standard library only, no inotify), and report a change once files settle."""

import os
import threading
from pathlib import Path
from typing import Callable

Snapshot = dict[str, tuple[int, int]]
"""path -> (mtime_ns, size)."""


def snapshot(folders: list[Path]) -> Snapshot:
    """(mtime_ns, size) of every file under the folders, skipping hidden and backup files."""
    files = {}
    for folder in folders:
        for parent, dirs, names in os.walk(folder):  # os.walk skips folders removed while it looks
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if not (name.startswith(".") or name.endswith("~")):
                    files.update(_stat(os.path.join(parent, name)))
    return files


def _stat(path: str) -> Snapshot:
    try:
        stat = os.stat(path)
    except OSError:  # removed while we looked
        return {}
    return {path: (stat.st_mtime_ns, stat.st_size)}


def changed(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def watch(folders: list[Path], seen: Snapshot, on_change: Callable[[list[str]], None],
          stop: threading.Event, poll_seconds: float, settle_seconds: float) -> None:
    """Calls on_change(paths) once the files stop changing for settle_seconds; returns when stop is set."""
    while not stop.wait(poll_seconds):
        current = snapshot(folders)
        if current == seen:
            continue
        while not stop.wait(settle_seconds):
            later = snapshot(folders)
            if later == current:
                break
            current = later
        paths, seen = changed(seen, current), current
        if not stop.is_set():
            on_change(paths)
