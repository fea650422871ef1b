#!/usr/bin/env python3
"""Build time and peak memory against article size: is the build linear?

One run builds, each in a fresh `python -m jiedu build --clean` process, a content folder
with one article of

- the seed's source text repeated to 0.25, 0.5, 1 and 2 MB (UTF-8 bytes), in its own
  paragraphs, with the seed's meta.toml and glossary and no translation;
- the seed's Han characters only, joined into one line without punctuation, 0.5 and 2 MB;
- with --real 1, Government Work Reports (../shared/data/political-corpus, as listed),
  whole paragraphs, to 1 MB: real text that does not repeat itself. The repeated seed lets
  per-article memos (a recurring run cut and read once) do much of the work; real text
  shows what recurring *words* alone give. Skipped, with a note, when the corpus is absent.

For each it prints the wall time, the CPU time and the peak RSS of the build process
(wait4's rusage: the build and its worker), then time(n)/time(smallest) beside
size(n)/size(smallest): linear work keeps the ratios close, quadratic work makes the time
ratio the square of the size ratio. The machine is shared and noisy (CPU time less so than
wall time): compare ratios from one run, not numbers across runs. With --baseline REV, each
article is also built, right before, by the code of git revision REV (exported into the
bench folder), and this code's wall and CPU ratios to it are printed. Each code tree has its
own user cache in the bench folder, warmed by one untimed build of the seed first.

    .venv/bin/python bench/article_size.py [--sizes 0.25,0.5,1,2] [--lines 0.5,2] [--real 1]
                                           [--baseline REV] [--keep DIR]
"""

import argparse
import json
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
CORPUS = Path("data/political-corpus/government_work_reports.jsonl")
"""In the shared folder beside the repository (or beside its worktree's parent)."""
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


def corpus_path() -> Path | None:
    places = [ROOT.parent / "shared" / CORPUS, ROOT.parent.parent / "shared" / CORPUS]
    return next((path for path in places if path.exists()), None)


def real_text(_seed: str, size: int) -> str:
    """Government Work Reports in the corpus's order, paragraph by paragraph (blank lines
    between), to at least `size` UTF-8 bytes."""
    paragraphs, total = [], 0
    for line in corpus_path().read_text(encoding="utf-8").splitlines():
        for paragraph in json.loads(line)["content"].split("\n") if line.strip() else ():
            if paragraph.strip() and total < size:
                paragraphs.append(paragraph.strip())
                total += len(paragraph.strip().encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


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


def build(content: Path, root: Path = ROOT) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit code) of one clean build of `content`
    by the code in `root`."""
    command = [sys.executable, "-m", "jiedu", "build", "--clean", "--content", str(content),
               "--output", str(content.parent / f"site-{root.name}"), "--templates", str(root / "templates")]
    environment = {**os.environ, "PYTHONPATH": str(root), "XDG_CACHE_HOME": str(user_cache(content, root))}
    with tempfile.TemporaryFile() as errors:  # not a pipe: thousands of warnings would fill it
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=errors, env=environment)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # 1: warnings only (the missing translation)
            errors.seek(0)
            print(f"    build failed ({code}): {errors.read().decode('utf-8', 'replace')[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def user_cache(content: Path, root: Path) -> Path:
    """A user cache per code tree in the bench folder (content's grandparent): two versions
    of jiedu would otherwise each drop the other's compiled files, and so would any other
    jiedu on the machine."""
    return content.parent.parent / f"cache-{root.name}"


def warm(folder: Path, roots: list[Path]) -> None:
    """One untimed build of the seed by each code tree, so that its user cache is warm."""
    content = make_content(Path(tempfile.mkdtemp(dir=folder)), seed_text())
    for root in roots:
        build(content, root)


def measure(label: str, sizes: list[float], make, folder: Path, baseline: Path | None) -> None:
    """Build one article per size and print its time, memory and the ratios (and, given a
    baseline's code, its times and this code's ratios to them)."""
    print(f"\n{label}")
    print(f"  {'MB':>5} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'size ratio':>10} {'time ratio':>10}"
          f" {'CPU ratio':>10}" + (f" {'base s':>8} {'base CPU':>8} {'vs base':>8} {'CPU vs':>8}" if baseline else ""))
    first = None
    for size in sizes:
        content = make_content(Path(tempfile.mkdtemp(dir=folder)), make(seed_text(), int(size * MB)))
        base = build(content, baseline) if baseline else None
        seconds, cpu, peak, _code = build(content)
        first = first or (size, seconds, cpu)
        line = (f"  {size:>5} {seconds:>8.1f} {cpu:>8.1f} {peak:>8.0f} {size / first[0]:>10.1f}"
                f" {seconds / first[1]:>10.1f} {cpu / first[2]:>10.1f}")
        if base:
            line += f" {base[0]:>8.1f} {base[1]:>8.1f} {seconds / base[0]:>8.2f} {cpu / base[1]:>8.2f}"
        print(line, flush=True)


def exported(revision: str, folder: Path) -> Path:
    """The tree of git `revision`, exported into `folder`/baseline."""
    target = folder / "baseline"
    shutil.rmtree(target, ignore_errors=True)  # a kept folder's, from another run
    target.mkdir()
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def floats(text: str) -> list[float]:
    return [float(part) for part in text.split(",") if part]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=floats, default=[0.25, 0.5, 1, 2], help="article sizes in MB")
    parser.add_argument("--lines", type=floats, default=[0.5, 2], help="single-line sizes in MB")
    parser.add_argument("--real", type=floats, default=[], help="Government Work Reports sizes in MB")
    parser.add_argument("--baseline", help="a git revision to compare with, built the same way")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="jiedu-size-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        baseline = exported(args.baseline, folder) if args.baseline else None
        warm(folder, [ROOT] + ([baseline] if baseline else []))
        measure("Seed text repeated, in paragraphs", args.sizes, repeated, folder, baseline)
        measure("One line of Han characters, no punctuation", args.lines, single_line, folder, baseline)
        if args.real and corpus_path() is None:
            print(f"\nReal text: skipped, no {CORPUS} in ../shared or ../../shared")
        elif args.real:
            measure("Government Work Reports, real text", args.real, real_text, folder, baseline)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
