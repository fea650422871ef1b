#!/usr/bin/env python3
"""Build time and peak memory against article size: is the build linear?

One run builds, each in a fresh `python -m jiedu build --clean` process, a content folder
with one article of

- the seed's source text repeated to 0.25, 0.5, 1 and 2 MB (UTF-8 bytes), in its own
  paragraphs, with the seed's meta.toml and glossary and no translation;
- the seed's Han characters only, joined into one line without punctuation, 0.5 and 2 MB.

For each it prints the wall time, the CPU time and the peak RSS of the build process
(wait4's rusage: the build and its worker), then time(n)/time(smallest) beside
size(n)/size(smallest): linear work keeps the ratios close, quadratic work makes the time
ratio the square of the size ratio. The machine is shared and noisy (CPU time less so than
wall time): compare ratios from one run, not numbers across runs.

    .venv/bin/python bench/article_size.py [--sizes 0.25,0.5,1,2] [--lines 0.5,2] [--keep DIR]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "articles" / "baotou-zuofeng"
MB = 1_000_000
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def seed_text() -> str:
    return next(SEED.glob("source*.txt")).read_text(encoding="utf-8")


def repeated(text: str, size: int) -> str:
    """`text` repeated, whole paragraphs at a time, to at least `size` UTF-8 bytes."""
    unit = text.rstrip("\n") + "\n"
    copies = -(-size // len(unit.encode("utf-8")))
    return unit * copies


def single_line(text: str, size: int) -> str:
    """The Han characters of `text`, joined without punctuation, to `size` UTF-8 bytes."""
    han = "".join(HAN_RUN.findall(text))
    return (han * (size // len(han.encode("utf-8")) + 1))[:size // 3] + "\n"


def make_content(folder: Path, source: str) -> Path:
    """A content folder with one article `big`: the seed's meta, glossary and site settings."""
    content = folder / "content"
    article = content / "articles" / "big"
    article.mkdir(parents=True)
    for name in ("site.toml", "glossary.toml"):
        shutil.copy(ROOT / "content" / name, content / name)
    shutil.copy(SEED / "meta.toml", article / "meta.toml")
    (article / "source.txt").write_text(source, encoding="utf-8")
    return content


def build(content: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit code) of one clean build of `content`."""
    command = [sys.executable, "-m", "jiedu", "build", "--clean", "--content", str(content),
               "--output", str(content.parent / "site"), "--templates", str(ROOT / "templates")]
    with tempfile.TemporaryFile() as errors:  # not a pipe: thousands of warnings would fill it
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # 1: warnings only (the missing translation)
            errors.seek(0)
            print(f"    build failed ({code}): {errors.read().decode('utf-8', 'replace')[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def measure(label: str, sizes: list[float], make, folder: Path) -> None:
    """Build one article per size and print its time, memory and the ratios."""
    print(f"\n{label}")
    print(f"  {'MB':>5} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'size ratio':>10} {'time ratio':>10}"
          f" {'CPU ratio':>10}")
    first = None
    for size in sizes:
        content = make_content(Path(tempfile.mkdtemp(dir=folder)), make(seed_text(), int(size * MB)))
        seconds, cpu, peak, _code = build(content)
        first = first or (size, seconds, cpu)
        print(f"  {size:>5} {seconds:>8.1f} {cpu:>8.1f} {peak:>8.0f} {size / first[0]:>10.1f}"
              f" {seconds / first[1]:>10.1f} {cpu / first[2]:>10.1f}", flush=True)


def floats(text: str) -> list[float]:
    return [float(part) for part in text.split(",") if part]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=floats, default=[0.25, 0.5, 1, 2], help="article sizes in MB")
    parser.add_argument("--lines", type=floats, default=[0.5, 2], help="single-line sizes in MB")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="jiedu-size-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        measure("Seed text repeated, in paragraphs", args.sizes, repeated, folder)
        measure("One line of Han characters, no punctuation", args.lines, single_line, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
