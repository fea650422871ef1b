"""Quality gates on a freshly built site, and the seed article's page weight.

tests/webcheck/ (a copy of shared/tools/webcheck, whose serve.py gzips like GitHub
Pages) checks every page with axe-core, the Nu HTML Checker, Lighthouse (mobile), an
overflow check at 390 px and a record of console errors and failed requests, all in
Debian's headless Chromium. It installs what it lacks by itself (apt: chromium,
fonts-noto-cjk, a Java 17 runtime; npm: its pinned packages into /tmp/webcheck-node,
outside the repo); Node.js 20 must be on the machine. About two minutes.

Lighthouse's mobile CPU slowdown is calibrated to the machine (WEBCHECK_LH_CPU=auto): its
default 4x assumes a host with a benchmarkIndex near 1500, and these shared 2-core machines
measure 900 to 3,400, moving by a third from one page load to the next and lower while
other tests run. Lighthouse's docs give the multiplier that emulates the same mid-tier
phone on a slower host; it is set from the benchmarkIndex Lighthouse measured in the same
run as the page load (never above the default 4x), and the results record both.

Locally these tests skip when chromium, node or java is missing; with CI=true they fail.
"""

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
WEBCHECK = HERE / "webcheck" / "webcheck.sh"
NODE_DIR = Path(os.environ.get("WEBCHECK_NODE_DIR", "/tmp/webcheck-node"))
ARTICLE = "articles/baotou-zuofeng.html"
PAGES = ["index.html", "glossary.html", ARTICLE, "404.html", "search.html", "vocabulary/baotou-zuofeng.html",
         "sources/baotou-zuofeng.html"]
LIGHTHOUSE_MIN = 0.98
CALIBRATED = {**os.environ, "WEBCHECK_LH_CPU": "auto"}
WEIGHT_BUDGET = 40 * 1024      # the seed article: HTML + CSS + JS, gzip-compressed
ASSETS_BUDGET = 10 * 1024      # of which the reader's own CSS + JS


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def page_weight(site: Path) -> dict[str, int]:
    return {"html": gzipped(site / ARTICLE), "css": gzipped(site / "assets" / "jiedu.css"),
            "js": gzipped(site / "assets" / "jiedu.js")}


def test_reader_assets_stay_lean(built_site):
    weight = page_weight(built_site)
    assert weight["css"] + weight["js"] <= ASSETS_BUDGET, weight


def test_seed_article_page_weight(built_site):
    """What the page loads: the word cards' data (words/<slug>.js) waits for the first
    card or script switch, and test_browser checks that the page does not load it."""
    weight = page_weight(built_site)
    assert sum(weight.values()) <= WEIGHT_BUDGET, weight


def missing_tools() -> list[str]:
    missing = [tool for tool in ("node", "npm", "java") if not shutil.which(tool)]
    return missing + ([] if Path("/usr/bin/chromium").exists() else ["chromium"])


@pytest.fixture(scope="module")
def webcheck(built_site, tmp_path_factory) -> dict:
    missing = missing_tools()
    if missing and not os.environ.get("CI"):
        pytest.skip(f"webcheck needs {', '.join(missing)} (CI installs what it can)")
    out = tmp_path_factory.mktemp("webcheck")
    run = subprocess.run(["bash", str(WEBCHECK), "--strict", "--lh-min", str(LIGHTHOUSE_MIN), "-o", str(out),
                          str(built_site)], capture_output=True, text=True, timeout=900, env=CALIBRATED)
    summary = run.stdout + run.stderr[-3000:]
    print(summary)
    results_file = out / "results.json"
    assert run.returncode in (0, 1) and results_file.exists(), f"webcheck could not run (exit {run.returncode}):\n{summary}"
    results = json.loads(results_file.read_text(encoding="utf-8"))
    results["summary"] = summary
    return results


@pytest.mark.browser
def test_webcheck_checked_every_page(webcheck, built_site):
    assert webcheck["failedSteps"] == []
    pages = sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*.html"))
    assert sorted(webcheck["pages"]) == pages
    assert set(PAGES) <= set(pages)


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_violation(webcheck, page):
    axe = webcheck["pages"][page]["axe"]
    assert sum(impact["rules"] for impact in axe["byImpact"].values()) == 0, axe["rules"]


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_html_is_valid(webcheck, page):
    vnu = webcheck["pages"][page]["vnu"]
    assert vnu["errors"] == 0, vnu["messages"]


@pytest.mark.browser
def test_css_and_svg_are_valid(webcheck):
    assert {path: asset["errors"] for path, asset in webcheck["assets"].items() if asset["errors"]} == {}


def lighthouse_again(site: Path, page: str, tmp_path: Path, name: str) -> dict:
    """One more Lighthouse run of one page."""
    out = tmp_path / name
    subprocess.run(["bash", str(WEBCHECK), "--checks", "lighthouse", "-o", str(out), str(site), page],
                   capture_output=True, text=True, timeout=600, env=CALIBRATED)
    return json.loads((out / "results.json").read_text(encoding="utf-8"))["pages"][page]["lighthouse"]["mobile"]


def median_run(first: dict, site: Path, page: str, tmp_path: Path) -> dict:
    """The run with the median performance score of three. Lighthouse's advice on
    variability (docs/variability.md) is to judge the median of several runs: on a busy
    2-core machine one run's score moves by a few points. A page below the gate in two
    runs out of three still fails."""
    runs = [first, *(lighthouse_again(site, page, tmp_path, f"again{i}") for i in (1, 2))]
    return sorted(runs, key=lambda run: run["scores"].get("performance") or 0)[1]


def lighthouse_calculator(index: float) -> float:
    """Lighthouse's CPU slowdown calculator (800 -> 2x, 1300 -> 3x, 1533 -> 4x), never above
    Lighthouse's default 4x, as tests/webcheck/lighthouse.mjs applies it."""
    if index >= 1300:
        return min(4, 3 + (index - 1300) / 233)
    if index >= 800:
        return 2 + (index - 800) / 500
    return 1 + max(0, index - 150) / 650


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_cpu_slowdown_is_calibrated_in_the_same_run(webcheck, page):
    run = webcheck["pages"][page]["lighthouse"]["mobile"]
    assert run["cpuSlowdownMultiplier"] == round(lighthouse_calculator(run["benchmarkIndex"]), 2), run


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_mobile_scores(webcheck, built_site, tmp_path, page):
    result = webcheck["pages"][page]["lighthouse"]["mobile"]
    assert not result.get("error"), result.get("error")
    if (result["scores"].get("performance") or 0) < LIGHTHOUSE_MIN:
        result = median_run(result, built_site, page, tmp_path)
    scores = result["scores"]
    assert set(scores) == {"performance", "accessibility", "best-practices", "seo"}
    low = {name: score for name, score in scores.items() if score is None or score < LIGHTHOUSE_MIN}
    assert low == {}, (low, result["failing"], result["metrics"], result["benchmarkIndex"], result["cpuSlowdownMultiplier"])


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_no_overflow_console_error_or_failed_request(webcheck, page):
    browser = webcheck["pages"][page]["browser"]
    assert browser["horizontalOverflow"] == []
    assert browser["errors"] == []
    assert browser["consoleErrors"] == [] and browser["pageErrors"] == []
    assert browser["badResponses"] == [] and browser["failedRequests"] == []


# ------------------------------------------------------------ axe on the reader's open widgets

def open_more(page):
    page.click("[aria-controls=more]")


def open_term(page):
    page.locator(".pair.paragraph a.term").first.click()


def open_word(page):
    page.locator(".pair.paragraph ruby:not(a ruby)").first.click()


def open_tools(page):
    page.locator(".pair.paragraph [aria-label='Paragraph tools']").first.click()


def hidden_english_and_tones(page):
    page.evaluate("localStorage.setItem('jiedu', JSON.stringify({en: 'hidden', tones: 'pleco', wb: '1'}))")
    page.reload()
    page.wait_for_function("document.querySelector('.tools')")
    page.locator(".pair.paragraph .tr").first.click()


def traditional_mdbg_term(page):
    page.evaluate("localStorage.setItem('jiedu', JSON.stringify({script: 't', tones: 'mdbg', sandhi: '1'}))")
    page.reload()
    page.wait_for_function("document.querySelector('.tools')")
    page.locator(".pair.paragraph a.term").nth(3).click()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", [open_more, open_term, open_word, open_tools, hidden_english_and_tones,
                                   traditional_mdbg_term],
                         ids=lambda f: f.__name__)
def test_axe_with_reader_widgets_open(webcheck, built_site, chromium_path, state, scheme):
    """The harness checks pages as loaded; these are the states only a reader reaches."""
    def reach(page):
        page.wait_for_function("document.querySelector('.tools')")
        state(page)
    url = (built_site / ARTICLE).as_uri()
    assert axe_violations(chromium_path, url, {"width": 1280, "height": 900}, scheme, reach) == []


def axe_violations(chromium_path: str, url: str, viewport: dict, scheme: str, reach) -> list:
    """axe-core's violations (rule, node count) on `url` once `reach(page)` has brought the page to its state."""
    from playwright.sync_api import sync_playwright

    axe = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        try:
            page = browser.new_context(viewport=viewport, color_scheme=scheme).new_page()
            page.goto(url)
            reach(page)
            page.add_script_tag(path=str(axe))
            return page.evaluate("axe.run(document).then(r => r.violations.map(v => [v.id, v.nodes.length]))")
        finally:
            browser.close()


# ------------------------------------------------------------ axe on filtered lists and search results

@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["glossary.html?q=ganbu", "search.html?q=baotou", "search.html?q=%E5%B9%B9%E9%83%A8",
                                  "vocabulary/baotou-zuofeng.html?q=gan"])
def test_axe_with_results_shown(webcheck, built_site, chromium_path, path, scheme):
    file, _, query = path.partition("?")
    url = (built_site / file).as_uri() + "?" + query
    def shown(page):
        page.wait_for_function("document.querySelector('[role=status]').textContent.match(/ of |paragraph/)")
    assert axe_violations(chromium_path, url, {"width": 390, "height": 844}, scheme, shown) == []
