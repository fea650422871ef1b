#!/usr/bin/env python3
"""What the built-in lexicon costs a build: the seed site built with the lexicon on and
off (site.toml `[lexicon] enabled = false`), in one run, several times, interleaved
(on, off, off, on, ...) so that a busy machine slows both alike. Each build is a fresh
process running `jiedu build --clean`, as a user's would: resources from the user
cache, every article annotated, every page written. Prints each variant's median and
fastest time and the ratio on/off, in wall-clock time and in CPU time (the build's and
its workers' user + system time: on a machine shared with other work, the steadier of
the two). With --corpus N, the same on N articles of CPP sentences made as
bench/build_corpus.py makes them.

    .venv/bin/python bench/lexicon_cost.py [--repeat 5] [--corpus N]
"""

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def variants(folder: Path, content: Path) -> dict[str, Path]:
    """The content twice: as it is, and with the lexicon turned off."""
    made = {}
    for name in ("on", "off"):
        made[name] = folder / name / "content"
        shutil.copytree(content, made[name])
        if name == "off":
            site = made[name] / "site.toml"
            settings = site.read_text(encoding="utf-8") if site.exists() else ""
            site.write_text(settings + "\n[lexicon]\nenabled = false\n", encoding="utf-8")
    return made


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every waited-for descendant: the workers too
    return usage.ru_utime + usage.ru_stime


def timed_build(content: Path, output: Path) -> tuple[float, float, str]:
    """(wall-clock seconds, CPU seconds, the build's summary line)."""
    command = [sys.executable, "-m", "jiedu", "build", "--clean", "--content", str(content), "--output", str(output),
               "--templates", str(ROOT / "templates")]
    started, cpu = time.perf_counter(), cpu_of_children()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - started, cpu_of_children() - cpu
    if done.returncode:
        raise SystemExit(done.stderr)
    return seconds, cpu, done.stderr.strip().splitlines()[-1]


def compare(content: Path, repeat: int, label: str) -> float:
    with tempfile.TemporaryDirectory() as temporary:
        made = variants(Path(temporary), content)
        times = {(name, kind): [] for name in ("on", "off") for kind in ("wall", "cpu")}
        timed_build(made["on"], Path(temporary) / "warm")  # user cache filled before the clock
        for round_ in range(repeat):
            for name in (("on", "off") if round_ % 2 == 0 else ("off", "on")):
                seconds, cpu, summary = timed_build(made[name], Path(temporary) / name / "site")
                times[name, "wall"].append(seconds)
                times[name, "cpu"].append(cpu)
                if round_ == 0:
                    print(f"  {name:3}: {summary}")
    for (name, kind), values in times.items():
        print(f"{label} lexicon {name:3} {kind:4}: median {statistics.median(values):7.2f} s, fastest "
              f"{min(values):7.2f} s ({', '.join(f'{v:.2f}' for v in values)})")
    for kind in ("wall", "cpu"):
        on, off = times["on", kind], times["off", kind]
        print(f"{label} ratio on/off, {kind:4}: median {statistics.median(on) / statistics.median(off):.3f}, "
              f"fastest {min(on) / min(off):.3f}")
    return statistics.median(times["on", "cpu"]) / statistics.median(times["off", "cpu"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=int, default=0, help="also compare on N articles of CPP sentences")
    args = parser.parse_args()
    compare(ROOT / "content", args.repeat, "seed")
    if args.corpus:
        import opencc
        from build_corpus import make_corpus

        with tempfile.TemporaryDirectory() as temporary:
            content = Path(temporary) / "content"
            make_corpus(content, args.corpus, opencc.OpenCC("s2t").convert)
            compare(content, args.repeat, f"corpus of {args.corpus}")


if __name__ == "__main__":
    main()
