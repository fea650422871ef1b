"""build_site(): gather every article's digest (and its own pages), render the
site-wide pages from the digests, then swap the new site in. Top to bottom."""

import sys
import time
from dataclasses import replace
from pathlib import Path

from .incremental.cache import SiteStamp, code_key, hash_files, render_key, site_fingerprint
from .output.digest import Digest, undefined_words
from .incremental.gather import gather_digests
from .incremental.jobs import Plan, Workshop
from .incremental.result import BuildResult
from .incremental.guard import check_output, output_lock, source_date_epoch
from .content import load_content
from .model import Finding
from .stages.overrides import Overrides, not_found
from .output.pages import fixed_files, site_files
from .resources import Resources
from .incremental.write import Staging, sha256, write_files


def site_findings(digests: list[Digest], overrides: Overrides) -> list[Finding]:
    """Each article's findings, and the site-wide overrides that match no article."""
    found = set().union(*(d.contexts for d in digests))
    return [f for d in digests for f in d.findings] + not_found(overrides, found)


def build_site(content: Path, output: Path, templates: Path, resources: Resources | None = None, *,
               cache_folder: Path | None = None, clean: bool = False, site_url: str = "",
               progress=None) -> BuildResult:
    """Build the site into `output`, replacing it whole. Refused (guard.Refused), with
    nothing touched, if output is not jiedu's to replace or SOURCE_DATE_EPOCH is unusable;
    a second build of the same output waits for the first."""
    epoch = source_date_epoch()
    check_output(output, content, templates)
    with output_lock(output):
        return _build_site(content, output, templates, resources, cache_folder, clean, site_url, progress, epoch)


def _build_site(content: Path, output: Path, templates: Path, resources: Resources | None,
                cache_folder: Path | None, clean: bool, site_url: str, progress, epoch: int | None) -> BuildResult:
    started = time.perf_counter()
    site = load_content(content, site_url, epoch)
    config, folders, overrides = site.config, site.articles, site.overrides
    stamp = SiteStamp(cache_folder, output, site_fingerprint(content, templates, config), epoch)
    if not clean and (previous := stamp.previous()):
        return replace(previous, seconds=time.perf_counter() - started, annotated=0, rendered=0, unchanged=True)
    glossaries = site.glossaries()
    shared = (hash_files([*site.glossary_files, content / "overrides.toml"], content).hexdigest() + code_key()
              + config.traditional)  # the Traditional standard is in every article's blocks
    shared += repr((config.lexicon, config.lexicon_exclude))  # an article's own glossary.toml is in its own key
    staging = Staging(output, {} if clean else stamp.written(), epoch)
    try:
        plan = Plan(content, glossaries, overrides, templates, config, cache_folder, clean, staging.path, epoch)
        shop = Workshop(plan, resources)
        fixed: dict[str, bytes] = {}  # made while the workers annotate: no article changes them
        digests, annotated, rendered = gather_digests(
            folders, shop, staging, shared, render_key(templates, config), progress or (lambda *_: None),
            meanwhile=lambda: fixed.update(fixed_files(shop.env, templates, config)))
        files = site_files(shop.env, digests, glossaries, templates, config, fixed)
        hashes = {path: sha for d in digests for path, sha in d.pages.items()}
        hashes |= write_site_files(staging, files, epoch)
        written = staging.commit(hashes)
    except BaseException:
        staging.discard()
        raise
    result = BuildResult(tuple(digests), tuple(site_findings(digests, overrides)), time.perf_counter() - started,
                         annotated, len({t for d in digests for t in d.terms}), shop.resources.value, len(digests),
                         sum(d.words for d in digests), undefined=len(undefined_words(digests)), rendered=rendered)
    stamp.record(replace(result, articles=(), resources=None), written)
    return result


def write_site_files(staging: Staging, files: dict[str, bytes], epoch: int | None) -> dict[str, str]:
    """The site-wide files, each written unless the output has it already; their hashes."""
    hashes = {path: sha256(data) for path, data in files.items()}
    write_files(staging.path, {p: data for p, data in files.items() if not staging.keep({p: hashes[p]})}, epoch)
    return hashes


def progress_bar(number: int, total: int, slug: str) -> None:
    """A one-line bar on a terminal; nothing when output goes to a file or CI log."""
    if total > 1 and sys.stderr.isatty():
        filled = round(30 * number / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {number}/{total} {slug[:30]:30}")
        sys.stderr.write("\n" if number == total else "")
