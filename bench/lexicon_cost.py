#!/usr/bin/env python3
"""What the built-in lexicon costs a build: the seed site built with the lexicon on and
off (site.toml `[lexicon] enabled = false`), in one run, several times, interleaved
(on, off, off, on, ...) so that a busy machine slows both alike. Each build is a fresh
process running `jiedu build --clean`, as a user's would: resources from the user
cache, every article annotated, every page written. Prints each variant's median and
fastest time and the ratio on/off. With --corpus N, the same on N articles of CPP
sentences made as bench/build_corpus.py makes them.

    .venv/bin/python bench/lexicon_cost.py [--repeat 5] [--corpus N]
"""

import argparse
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


def timed_build(content: Path, output: Path) -> tuple[float, str]:
    command = [sys.executable, "-m", "jiedu", "build", "--clean", "--content", str(content), "--output", str(output),
               "--templates", str(ROOT / "templates")]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(done.stderr)
    return seconds, done.stderr.strip().splitlines()[-1]


def compare(content: Path, repeat: int, label: str) -> float:
    with tempfile.TemporaryDirectory() as temporary:
        made = variants(Path(temporary), content)
        times: dict[str, list[float]] = {"on": [], "off": []}
        timed_build(made["on"], Path(temporary) / "warm")  # user cache filled before the clock
        for round_ in range(repeat):
            for name in (("on", "off") if round_ % 2 == 0 else ("off", "on")):
                seconds, summary = timed_build(made[name], Path(temporary) / name / "site")
                times[name].append(seconds)
                if round_ == 0:
                    print(f"  {name:3}: {summary}")
    for name, values in times.items():
        print(f"{label} lexicon {name:3}: median {statistics.median(values):6.2f} s, fastest {min(values):6.2f} s "
              f"({', '.join(f'{v:.2f}' for v in values)})")
    ratio = statistics.median(times["on"]) / statistics.median(times["off"])
    print(f"{label} ratio on/off: median {ratio:.3f}, fastest {min(times['on']) / min(times['off']):.3f}")
    return ratio


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
