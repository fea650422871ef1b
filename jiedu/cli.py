"""Command line: `jiedu build|check|new|serve|annotate`. `main(argv) -> exit code`.

Exit codes: 0 success; 1 warnings found under --strict, or problems found by
`check`; 2 bad command line or environment, nothing touched (an output folder that
is not jiedu's, a bad SOURCE_DATE_EPOCH, a port in use); 3 content the build cannot
use (the message names file:line:col); 4 the system refused a read or write (disk
full, no permission: the message names the path); 130 interrupted (Ctrl-C).
"""

import argparse
import json
import sys
from pathlib import Path

from jinja2 import TemplateNotFound

from .errors import ContentError
from .incremental.guard import Refused, check_output, describe, source_date_epoch

EXIT_OK, EXIT_WARNINGS, EXIT_USAGE, EXIT_CONTENT, EXIT_SYSTEM, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


def add_site_arguments(command) -> None:
    command.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    command.add_argument("--templates", type=Path, default=Path("templates"), help="templates (default: templates)")


def port_number(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: 0 to 65535 (0: any free port)")
    return int(text)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="jiedu", description="Bilingual annotated reading of Chinese texts.")
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the static site")
    add_site_arguments(build)
    build.add_argument("--output", type=Path, default=Path("site"), help="output folder (default: site)")
    build.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    build.add_argument("--clean", action="store_true", help="ignore the cache: annotate every article again")
    build.add_argument("--site-url", default="", type=site_url_argument,
                       help="absolute address of the site (overrides site.toml)")
    check = commands.add_parser("check", help="report every warning, write nothing; exit 1 if any")
    add_site_arguments(check)
    new = commands.add_parser("new", help="add an article to content/ from a text file")
    new.add_argument("file", type=Path)
    new.add_argument("--slug", default="", type=slug_argument, help="folder name (default: from the file name)")
    new.add_argument("--content", type=Path, default=Path("content"))
    new.add_argument("--no-translation", action="store_true", help="write no translation skeleton")
    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1, rebuild and reload on change")
    add_site_arguments(serve)
    serve.add_argument("--output", type=Path, default=Path("site"))
    serve.add_argument("--port", type=port_number, default=8000, help="port (default: 8000; 0: any free one)")
    annotate = commands.add_parser("annotate", help="annotate standard input, one JSON object per line")
    annotate.add_argument("--glossary", type=Path, default=Path("content/glossary.toml"), help="glossary over "
                          "the built-in lexicon, as site.toml beside it says (default: content/glossary.toml, if present)")
    return top


def site_url_argument(text: str) -> str:
    from .files.config import is_web_address

    if text and not is_web_address(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an absolute http(s) address without spaces or quotes")
    return text


def slug_argument(text: str) -> str:
    from .authoring.new import slug_problem

    if text and (problem := slug_problem(text)):  # argparse passes the default "" through here too
        raise argparse.ArgumentTypeError(problem)
    return text


def missing_folder(*folders: Path) -> int | None:
    for folder in folders:
        if not folder.is_dir():
            print(f"jiedu: error: no such folder: {folder}", file=sys.stderr)
            return EXIT_USAGE
    return None


def cache_folder(content: Path) -> Path:
    return content.resolve().parent / ".cache" / "jiedu"


def summary(result, output: Path) -> str:
    cached = result.article_count - result.annotated
    state = "nothing changed, nothing written" if result.unchanged else \
        f"{result.annotated} annotated, {cached} from cache"
    return (f"jiedu: {result.article_count} article(s) ({state}), {result.words} words, "
            f"{result.terms} glossary terms, {result.undefined} word(s) without a definition, {len(result.findings)} warning(s), "
            f"{result.seconds:.1f}s; open {output / 'index.html'}")


def run_build(args) -> int:
    from .builder import build_site, progress_bar

    if (code := missing_folder(args.content, args.templates)) is not None:
        return code
    result = build_site(args.content, args.output, args.templates, cache_folder=cache_folder(args.content),
                        clean=args.clean, site_url=args.site_url, progress=progress_bar)
    for finding in result.findings:
        print(finding, file=sys.stderr)
    print(summary(result, args.output), file=sys.stderr)
    return EXIT_WARNINGS if args.strict and result.findings else EXIT_OK


def run_check(args) -> int:
    from .authoring.check import inspect_site

    if (code := missing_folder(args.content, args.templates)) is not None:
        return code
    problems, notes = inspect_site(args.content, args.templates)
    for line in problems + notes:
        print(line, file=sys.stderr)
    print(f"jiedu: {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_WARNINGS if problems else EXIT_OK


def run_new(args) -> int:
    from .authoring.new import add_article, file_problem
    from .resources import load_resources

    if problem := file_problem(args.file):
        print(f"jiedu: error: {args.file} {problem}; give a text file", file=sys.stderr)
        return EXIT_USAGE
    folder, lines = add_article(args.file, args.content, load_resources(None), args.slug, not args.no_translation)
    print(f"jiedu: added {folder}", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return EXIT_OK


def run_serve(args) -> int:
    from .authoring.serve import serve
    from .builder import build_site

    if (code := missing_folder(args.content, args.templates)) is not None:
        return code
    source_date_epoch()  # refused here, before serving, rather than by every rebuild
    check_output(args.output, args.content, args.templates)
    cache, loaded = cache_folder(args.content), {}

    def build():
        # Heavy resources are loaded once and kept while the glossary files stay the same.
        stamp = [(p, p.stat().st_mtime_ns) for p in sorted(args.content.glob("*.toml"))]
        if loaded.get("stamp") != stamp:
            loaded.update(stamp=stamp, resources=None)
        result = build_site(args.content, args.output, args.templates, loaded["resources"], cache_folder=cache)
        loaded["resources"] = loaded["resources"] or result.resources
        for finding in result.findings:
            print(finding, file=sys.stderr)
        print(summary(result, args.output), file=sys.stderr)
        return result

    serve(args.content, args.templates, args.output, build, port=args.port)
    return EXIT_OK


def run_annotate(args) -> int:
    from .content import annotation_glossary
    from .pipeline import annotate_line
    from .resources import load_resources

    resources = load_resources(None, glossary=annotation_glossary(args.glossary))
    for line in sys.stdin:
        block = annotate_line(line.rstrip("\n"), resources)
        words = [{"text": w.text, "trad": w.trad, "pinyin": list(w.pinyin), "term": w.term} for w in block.words]
        print(json.dumps({"text": block.text, "words": words}, ensure_ascii=False))
    return EXIT_OK


COMMANDS = {"build": run_build, "check": run_check, "new": run_new, "serve": run_serve, "annotate": run_annotate}


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code else EXIT_OK
    try:
        return COMMANDS[args.command](args)
    except ContentError as error:
        print(error, file=sys.stderr)
        return EXIT_CONTENT
    except Refused as error:
        print(f"jiedu: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except TemplateNotFound as error:  # an OSError too, but the command line named the wrong folder
        print(f"jiedu: error: --templates {args.templates}: no template {error.name!r} there", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"jiedu: error: {describe(error)}", file=sys.stderr)
        return EXIT_SYSTEM
    except KeyboardInterrupt:
        print("jiedu: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
