"""Command line: `jiedu build` and `jiedu annotate`. `main(argv) -> exit code`.

Exit codes: 0 success; 1 warnings found under --strict; 2 bad command line;
3 content the build cannot use (the message names file:line:col).
"""

import argparse
import json
import sys
from pathlib import Path

from .errors import ContentError

EXIT_OK, EXIT_WARNINGS, EXIT_USAGE, EXIT_CONTENT = 0, 1, 2, 3


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="jiedu", description="Bilingual annotated reading of Chinese texts.")
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the static site")
    build.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    build.add_argument("--output", type=Path, default=Path("site"), help="output folder (default: site)")
    build.add_argument("--templates", type=Path, default=Path("templates"), help="templates folder (default: templates)")
    build.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    annotate = commands.add_parser("annotate", help="annotate standard input, one JSON object per line")
    annotate.add_argument("--glossary", type=Path, default=Path("content/glossary.toml"),
                          help="glossary to link terms from (default: content/glossary.toml, if present)")
    return top


def run_build(args) -> int:
    from .site import build_site

    for folder in (args.content, args.templates):
        if not folder.is_dir():
            print(f"jiedu: error: no such folder: {folder}", file=sys.stderr)
            return EXIT_USAGE
    result = build_site(args.content, args.output, args.templates)
    for finding in result.findings:
        print(finding, file=sys.stderr)
    words = sum(len(b.words) for a in result.articles for b in a.blocks)
    print(f"jiedu: built {len(result.articles)} article(s), {words} words, {len(result.findings)} warning(s) "
          f"in {result.seconds:.1f}s; open {args.output / 'index.html'}", file=sys.stderr)
    return EXIT_WARNINGS if args.strict and result.findings else EXIT_OK


def run_annotate(args) -> int:
    from .pipeline import annotate_line
    from .resources import load_resources

    glossary_path = args.glossary if args.glossary.exists() else None
    resources = load_resources(glossary_path, str(args.glossary))
    for line in sys.stdin:
        block = annotate_line(line.rstrip("\n"), resources)
        words = [{"text": w.text, "trad": w.trad, "pinyin": list(w.pinyin), "term": w.term} for w in block.words]
        print(json.dumps({"text": block.text, "words": words}, ensure_ascii=False))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    try:
        return run_build(args) if args.command == "build" else run_annotate(args)
    except ContentError as error:
        print(error, file=sys.stderr)
        return EXIT_CONTENT

