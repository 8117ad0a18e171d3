"""The upload page in a real browser (Debian's chromium through Playwright, as the HTML report tests):
upload, findings, downloads, a broken file, drag and drop, a keyboard-only run, contrast and labels."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import docx
import pytest
from server import CORPORA, ROOT, Server, cli_files, cli_findings
from test_html_report import CHROMIUM, LAUNCH_ARGS, browser_or_skip

DOCX = CORPORA / "home-care-spec.docx"
PACK = [
    p
    for p in sorted((CORPORA / "packs" / "fernley-home-support").iterdir())
    if p.suffix in (".md", ".txt", ".html")
]
SCREENSHOT = ROOT / "docs" / "serve-page.png"

# WCAG 2.2 AA contrast (1.4.3) of every visible text, against the first opaque background behind it.
CONTRAST = """() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none" || el.closest("[hidden], .skip")) continue;
    const a = lum(rgb(style.color)) + 0.05, b = lum(background(el)) + 0.05;
    const ratio = Math.max(a, b) / Math.min(a, b);
    const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && +style.fontWeight >= 700);
    if (ratio < (large ? 3 : 4.5)) bad.push(`${ratio.toFixed(2)} ${el.tagName} ${node.textContent.trim().slice(0, 30)}`);
  }
  return bad;
}"""

# Every form control has an accessible name from a <label>; headings do not skip a level.
STRUCTURE = """() => {
  const bad = [];
  for (const c of document.querySelectorAll("input:not([type=hidden]), select, button")) {
    if (c.tagName === "BUTTON" ? !c.textContent.trim() : !(c.labels && c.labels.length)) bad.push(c.outerHTML.slice(0, 60));
  }
  let last = 0;
  for (const h of document.querySelectorAll("h1, h2, h3, h4")) {
    const level = +h.tagName[1];
    if (level > last + 1) bad.push(`heading ${h.tagName} after h${last}: ${h.textContent.slice(0, 30)}`);
    last = level;
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("browser"), ("-j", "2")).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    sync_playwright = browser_or_skip()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """The upload page, with every request, script error and console error recorded."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    # CSP refusals and script errors count; the 422 of a page about an unreadable file does not
    unreadable = "the server responded with a status of 422"
    page.on(
        "console",
        lambda msg: (
            page.errors.append(msg.text) if msg.type == "error" and unreadable not in msg.text else None
        ),
    )
    page.goto(server.url)
    yield page
    local = [url for url in page.requests if not url.startswith((server.url, "data:"))]
    assert not local, f"requests to elsewhere: {local}"
    assert not page.errors, page.errors
    context.close()


def check_docx(page, path: Path = DOCX) -> None:
    page.set_input_files("#files", str(path))
    page.click("button#check")
    page.wait_for_selector("#results-h")


def test_upload_shows_findings_and_the_annotated_copy_has_comments(page, tmp_path):
    count = len(cli_findings(DOCX, ROOT))
    check_docx(page)
    assert f"{count} findings" in page.inner_text("#results .lead")
    marks = page.locator("#report mark[data-f]")
    assert marks.count() >= 10
    marks.first.click()  # the report's own script works inside the page
    assert page.locator("details.finding[open]").count() >= 1
    with page.expect_download() as info:
        page.get_by_role("link", name="Download home-care-spec.docx with comments").click()
    download = info.value
    assert download.suggested_filename == "home-care-spec-reviewed.docx"
    copy = tmp_path / download.suggested_filename
    download.save_as(copy)
    ours = [c for c in docx.Document(str(copy)).comments if c.author == "tenderlint"]
    assert len(ours) == count and "Suggested rewrite" in ours[0].text
    for name in ("JSON", "SARIF"):
        with page.expect_download() as info:
            page.get_by_role("link", name=f"Download Findings as {name}").click()
        assert info.value.suggested_filename.startswith("tenderlint.")
    if os.environ.get("TENDERLINT_UPDATE_SCREENSHOTS"):
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOT))


def test_broken_file_gets_its_message(page):
    page.set_input_files("#files", str(CORPORA / "broken" / "legacy.doc"))
    page.click("button#check")
    page.wait_for_selector("#unreadable")
    text = page.inner_text("#unreadable")
    assert "legacy.doc" in text and "E001" in text and "What to do" in text and ".docx" in text
    assert page.locator("#report").count() == 0


def test_drag_and_drop_chooses_the_files(page):
    data = base64.b64encode(DOCX.read_bytes()).decode()
    page.evaluate(
        """(data) => {
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], "dropped.docx"));
          const drop = document.getElementById("drop");
          for (const type of ["dragenter", "dragover", "drop"]) {
            drop.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
          }
        }""",
        data,
    )
    assert "dropped.docx" in page.inner_text("#chosen")
    page.click("button#check")
    page.wait_for_selector("#results-h")
    assert "dropped.docx" in page.inner_text("#report")


def test_keyboard_only_run_through_the_page(page, tmp_path):
    page.on("filechooser", lambda chooser: chooser.set_files(str(DOCX)))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")  # to the main content, then on to the file chooser
    focused = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.name"))
        if focused[-1] == "files":
            break
    assert focused[-1] == "files", focused
    page.keyboard.press("Space")  # opens the file chooser, answered above
    for _ in range(50):  # (wait_for_function would need the eval the page's CSP forbids)
        if page.evaluate("document.getElementById('files').files.length") == 1:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("document.getElementById('files').files.length") == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "regime"
    page.keyboard.press("ArrowDown")  # Procurement Act 2023
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the first family: specification
    assert page.evaluate("document.activeElement.value") == "TL1"
    page.keyboard.press("Space")  # untick it
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "check":
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_selector("#results-h")
    assert page.evaluate("document.activeElement.id") == "results-h"  # taken to the results
    assert not page.locator("#report details.finding[data-fam='specification']").count()
    assert page.evaluate("document.getElementById('regime').value") == "pa2023"  # choices kept
    page.keyboard.press("Tab")
    assert "with comments" in page.evaluate("document.activeElement.textContent")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == "home-care-spec-reviewed.docx"
    for _ in range(10):  # on to the report's filters, which work from the keyboard too
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.kind === 'sev'"):
            break
    before = page.locator("#report mark[data-f].off").count()
    page.keyboard.press("Space")
    assert page.locator("#report mark[data-f].off").count() > before


def test_several_files_are_judged_as_one_pack_unless_the_box_is_unticked(page):
    assert not page.is_visible("#pack-choice")  # offered only once several files are chosen
    page.set_input_files("#files", str(DOCX))
    assert not page.is_visible("#pack-choice")
    page.set_input_files("#files", [str(p) for p in PACK])
    assert page.is_visible("#pack-choice") and page.is_checked("#pack")
    assert page.get_by_label("These files are one tender pack (judge them together)").is_checked()
    assert page.evaluate(STRUCTURE) == [] and page.evaluate(CONTRAST) == []
    page.click("button#check")
    page.wait_for_selector("#results-h")
    together = sum(len(f["findings"]) for f in cli_files(ROOT, "--pack", *map(str, PACK)))
    assert f"{len(PACK)} documents checked: {together} findings" in page.inner_text("#results .lead")
    note = page.inner_text("#pack-note")
    assert "Judged together as one tender pack, “Uploaded tender pack”" in note
    assert f"Files checked: {', '.join(p.name for p in PACK)}." in note
    assert page.locator("#report details.finding").count() == together
    assert "Tender pack “Uploaded tender pack”" in page.inner_text("#report")
    page.set_input_files("#files", [str(p) for p in PACK])
    page.uncheck("#pack")
    page.click("button#check")
    page.wait_for_selector("#results-h")
    apart = sum(len(f["findings"]) for p in PACK for f in cli_files(ROOT, str(p)))
    assert page.inner_text("#pack-note") == "Each file was checked as a separate document."
    assert page.locator("#report details.finding").count() == apart > together


def test_contrast_labels_and_headings_meet_wcag_aa(page):
    for state in ("form", "results"):
        if state == "results":
            check_docx(page)
        assert page.evaluate(CONTRAST) == [], state
        assert page.evaluate(STRUCTURE) == [], state
        assert page.evaluate("document.documentElement.lang") == "en-GB"


def test_phone_width_has_no_sideways_scroll(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(server.url)
    check_docx(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    context.close()
