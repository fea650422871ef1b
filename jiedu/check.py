"""`jiedu check`: every problem the build would report, without writing the site.

Unlike the build, it does not stop at the first unusable article: each article's
error is reported and the others are still checked.
"""

from pathlib import Path

from .config import load_config
from .errors import ContentError
from .glossary import load_glossaries
from .overrides import load_overrides
from .resources import Resources
from .site import LazyResources, annotate_folder, article_folders, render_site, shown_path, site_findings


def check_site(content: Path, templates: Path, resources: Resources | None = None) -> list[str]:
    try:
        config = load_config(content, shown_path(content / "site.toml", content))
        glossary = resources.glossary if resources else load_glossaries(
            [(content / name, shown_path(content / name, content)) for name in config["glossary"]])
        folders = article_folders(content)
        site_overrides = load_overrides(content / "overrides.toml", shown_path(content / "overrides.toml", content))
    except ContentError as error:
        return [str(error)]
    lazy, articles, problems = LazyResources(glossary, resources), [], []
    for folder in folders:
        try:
            articles.append(annotate_folder(folder, content, lazy, site_overrides))
        except ContentError as error:
            problems.append(str(error))
    render_site(articles, glossary, templates, config)  # template errors surface here
    return problems + [str(f) for f in site_findings(articles, content)]
