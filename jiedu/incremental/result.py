"""What a build reports, and what the site stamp keeps of it for a no-op rebuild."""

from dataclasses import dataclass

from ..model import Finding
from ..output.digest import Digest


@dataclass(frozen=True)
class BuildResult:
    articles: tuple[Digest, ...]
    """What the site-wide pages were made from, per article, in site order."""
    findings: tuple[Finding, ...]
    seconds: float
    annotated: int = 0
    """Articles annotated in this build; the others came from the cache."""
    terms: int = 0
    resources: object = None
    """The heavy resources, if this build loaded them (so `serve` can reuse them)."""
    article_count: int = 0
    words: int = 0
    unchanged: bool = False
    """Nothing at all changed since the last build into this output: nothing was written."""
    undefined: int = 0
    """Distinct words with no English of their own (no glossary or CC-CEDICT entry)."""
    rendered: int = 0
    """Articles whose own pages were rendered in this build; the others' were kept."""
