"""`--format html`, end to end: the real CLI writes the report, a real browser (Debian's chromium driven by
Playwright) opens it from a file:// URL and checks marks, filters, charts, escaping and that nothing loads.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli

from tenderlint.findings import FAMILIES as FAMILY
from tenderlint.reporters.html_chart import CAP, DIMENSIONS, HIGH, PENALTY

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DOCX, MD = "corpora/home-care-spec.docx", "corpora/home-care-spec.md"
SCRIPT_TEXT = "<script>window.__pwned = 1</script>"
IMG_TEXT = '"><img src=x onerror="window.__pwned=2">'
# Raw tags (which the Markdown parser drops) and escaped ones (which reach the text as literal characters),
# inside sentences that rules flag, in a heading and in a table cell.
HOSTILE = (
    "# Hostile \\<b>specification\\</b>\n\n## Payment\n\n"
    "The Council will pay an hourly rate of £21.50 for home care <script>window.__pwned=1</script>.\n\n"
    "The Council will pay an hourly rate of £21.50 for home care \\<script>window.__pwned = 1\\</script>.\n\n"
    "Providers will be paid in 15-minute increments &quot;&gt;&lt;img src=x "
    "onerror=&quot;window.__pwned=2&quot;&gt; for each call.\n\n"
    'Providers will be paid in 15-minute increments "><img src=x onerror="window.__pwned=3"> too.\n\n'
    "| Criterion | Note |\n| --- | --- |\n| Price | \\<img src=x onerror=alert(1)> |\n"
)


@dataclass
class Report:
    path: Path
    html: str
    files: dict[str, list[dict]]  # path -> findings, from --format json for the same files

    @property
    def url(self) -> str:
        return self.path.as_uri()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    """One report for the three documents (built once: every CLI run loads spaCy)."""
    folder = tmp_path_factory.mktemp("html")
    hostile = folder / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    paths = (DOCX, MD, str(hostile))
    target = folder / "report.html"
    proc = run_cli(*paths, "--format", "html", "-o", str(target))
    assert proc.returncode == 1, proc.stderr.decode()
    assert proc.stdout == b""
    out = run_cli(*paths, "--format", "json")
    files = {f["path"]: f["findings"] for f in json.loads(out.stdout)["files"]}
    assert set(files) == set(paths) and all(files.values())
    return Report(target, target.read_text(encoding="utf-8"), files)


def browser_or_skip():
    """Debian's chromium via Playwright; a missing piece fails CI and skips elsewhere."""
    missing = [] if Path(CHROMIUM).exists() else [CHROMIUM]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("playwright")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests need {' and '.join(missing)}; .ci/run installs chromium")
        pytest.skip("install chromium (apt-get install chromium) and pip install playwright")
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = browser_or_skip()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, report):
    """The report opened from disk, with every request and script error recorded."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(report.url)
    yield page
    context.close()


def marks_by_document(page) -> dict[str, list[list[str]]]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll("section.doc")).map(s => [
            s.dataset.path,
            Array.from(s.querySelectorAll("mark[data-f]")).map(m => [m.dataset.code, m.textContent]),
        ]))"""
    )


def backgrounds(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).backgroundColor)")


TRANSPARENT = "rgba(0, 0, 0, 0)"


# --- no browser ----------------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_report_loads_nothing_from_anywhere(report):
    tags = Tags(report.html).tags
    assert not [attrs for _, attrs in tags if "src" in attrs or "srcset" in attrs]
    assert not [tag for tag, _ in tags if tag in ("link", "img", "iframe", "object", "embed", "base")]
    assert [tag for tag, _ in tags].count("script") == 1 and [tag for tag, _ in tags].count("style") == 1
    hrefs = {attrs["href"] for tag, attrs in tags if tag == "a"}
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert not re.search(r"@import|url\(", report.html, re.I)
    csp = [a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(csp) == 1 and "default-src 'none'" in csp[0] and "unsafe-inline" not in csp[0]


def test_document_text_is_escaped(report):
    assert "<script>window.__pwned" not in report.html
    assert "<img" not in report.html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in report.html


# --- in the browser ------------------------------------------------------------------------------


def test_every_finding_is_marked_in_its_document(page, report):
    marks = marks_by_document(page)
    assert set(marks) == set(report.files)
    for path, findings in report.files.items():
        expected = sorted([f["code"], f["match"]["text"]] for f in findings if f["match"]["text"])
        assert sorted(marks[path]) == expected, path
        cards = page.locator(f'section.doc[data-doc="{list(report.files).index(path)}"] details.finding')
        assert cards.count() == len(findings)
    for colour in backgrounds(page, "mark[data-f]"):
        assert colour != TRANSPARENT
    assert page.errors == []


def test_marked_words_open_their_explanation(page):
    mark = page.locator("mark[data-code=TL201]").first
    card = page.locator(f"details#{mark.get_attribute('data-f')}")
    assert not card.evaluate("d => d.open")
    mark.click()
    assert card.evaluate("d => d.open")
    assert card.locator("a[href^='https://']").first.is_visible()
    assert card.locator(".fix").is_visible()


@pytest.mark.parametrize(("kind", "value"), [("sev", "warning"), ("fam", "price-and-payment")])
def test_filters_hide_and_show_marks(page, report, kind, value):
    every = [f for findings in report.files.values() for f in findings]
    matching = [f for f in every if (f["severity"] if kind == "sev" else FAMILY[f["code"][:3]]) == value]
    assert matching and len(matching) < len(every)
    chosen, others = f"mark[data-{kind}='{value}']", f"mark[data-f]:not([data-{kind}='{value}'])"
    box = page.locator(f"#filters input[data-kind={kind}][value='{value}']")
    box.uncheck()
    assert set(backgrounds(page, chosen)) == {TRANSPARENT}
    assert TRANSPARENT not in backgrounds(page, others)
    assert not page.locator(f"details.finding[data-{kind}='{value}']").first.is_visible()
    assert page.locator("#filters [data-n=all]").inner_text() == str(len(every) - len(matching))
    box.check()
    assert TRANSPARENT not in backgrounds(page, "mark[data-f]")
    assert page.locator("#filters [data-n=all]").inner_text() == str(len(every))


def test_counts_follow_the_other_filter(page, report):
    every = [f for findings in report.files.values() for f in findings]
    page.locator("#filters input[data-kind=sev][value=warning]").uncheck()
    shown = [f for f in every if f["code"].startswith("TL2") and f["severity"] != "warning"]
    assert page.locator("#filters [data-n='fam:price-and-payment']").inner_text() == str(len(shown))


def test_one_chart_per_document_with_seven_dimensions(page, report):
    charts = page.locator("svg.chart")
    assert charts.count() == len(report.files)
    for index, findings in enumerate(report.files.values()):
        chart = charts.nth(index)
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100
        rows = chart.locator("g.dim")
        assert rows.count() == 7
        for row, dimension in enumerate(DIMENSIONS):
            hits = [f for f in findings if f["code"] in dimension.codes]
            expected = max(0, min(CAP, 100 - sum(PENALTY[f["severity"]] for f in hits))) if hits else 100
            if any(f["evidence"].get("searched") == "whole document" for f in hits):
                expected = 0
            assert rows.nth(row).get_attribute("data-score") == str(expected)
            row_box = rows.nth(row).bounding_box()
            assert row_box and row_box["width"] > 0 and row_box["height"] > 0


def test_hostile_text_is_shown_not_run(page):
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    text = page.locator("section.doc").nth(2).inner_text()
    assert SCRIPT_TEXT in text and IMG_TEXT in text
    assert "<b>specification</b>" in text and "<img src=x onerror=alert(1)>" in text


def test_no_network_requests(page, report):
    page.locator("mark[data-f]").first.click()
    page.locator("#filters input[data-kind=sev][value=info]").uncheck()
    assert page.requests == [report.url]


def test_print_expands_findings_and_hides_filters(page):
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert page.locator("details.finding .fix").first.is_visible()


def test_phone_width_has_no_sideways_scroll(browser, report):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(report.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_chart_never_disagrees_with_the_findings(page, report):
    """A dimension with any finding is never green; one whose finding says the practice is absent
    from the whole document (TL601: people who use the service are absent) is at 0%."""
    charts = page.locator("svg.chart")
    seen_absent = False
    for index, findings in enumerate(report.files.values()):
        for row, dimension in enumerate(DIMENSIONS):
            hits = [f for f in findings if f["code"] in dimension.codes]
            group = charts.nth(index).locator("g.dim").nth(row)
            score, tone = int(group.get_attribute("data-score")), group.get_attribute("class")
            if hits:
                assert score < HIGH and "high" not in tone, (dimension.key, score, tone)
            else:
                assert score == 100 and "high" in tone
            if any(f["code"] == "TL601" for f in hits):
                seen_absent = True
                assert score == 0 and "low" in tone
    assert seen_absent, "the sample specification should carry TL601"


def test_every_rule_but_the_meta_ones_counts_on_one_dimension():
    proc = run_cli("rules", "--format", "json")
    codes = {r["code"] for r in json.loads(proc.stdout) if r["family"] != "meta"}
    placed = [code for dimension in DIMENSIONS for code in dimension.codes]
    assert sorted(placed) == sorted(set(placed)) and set(placed) == codes


@pytest.mark.parametrize("width", [1366, 1920, 390])
def test_documents_table_fits_its_column(browser, tmp_path, width):
    """Long file names wrap instead of pushing the term column out of sight; on a phone each document
    is a small card with every value shown."""
    folder = tmp_path / "documents-with-long-descriptive-file-names"
    folder.mkdir()
    text = Path(MD).read_text(encoding="utf-8")
    for name in (
        "e_15_afon_llwyd_family_support_edge_of_care_tender_notice_wales.md",
        "e_16_lynford_befriending_service_contracts_finder_2021_service_specification.md",
        "short.md",
    ):
        (folder / name).write_text(text, encoding="utf-8")
    target = tmp_path / "report.html"
    assert run_cli(str(folder), "--format", "html", "-o", str(target)).returncode == 1
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page = context.new_page()
    page.goto(target.as_uri())
    sizes = page.evaluate(
        """() => {
            const wrap = document.querySelector(".table-wrap");
            const right = wrap.getBoundingClientRect().right;
            const terms = Array.from(document.querySelectorAll("table.docs tbody tr")).map(tr => {
                const box = tr.lastElementChild.getBoundingClientRect();
                return {right: box.right, width: box.width, text: tr.lastElementChild.innerText};
            });
            return {client: wrap.clientWidth, scroll: wrap.scrollWidth, right, terms,
                    page: document.documentElement.scrollWidth};
        }"""
    )
    context.close()
    assert sizes["scroll"] <= sizes["client"] + 1, sizes
    assert sizes["page"] <= width, sizes
    assert len(sizes["terms"]) == 3
    for term in sizes["terms"]:
        assert term["width"] > 0 and term["right"] <= sizes["right"] + 1 and term["text"].strip(), term
