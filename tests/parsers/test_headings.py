"""Headings from layout: the shared classifier, and the heading trail each format gives through
`tenderlint outline` (numbered clauses in .txt, capitals and larger type in .pdf, bold and typed
numbers in a .docx without heading styles, and a web page whose navigation is set aside)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from conftest import run_cli
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tenderlint.parsers.headings import Heading, classify, heads_next_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("PART A: KEY TERMS", Heading(1, "PART A")),
        ("Schedule 2 – Pricing Schedule", Heading(1, "Schedule 2")),
        ("Annex 3", Heading(1, "Annex 3")),
        ("2. CONTRACT PRICE", Heading(1, "2")),
        ("1. Introduction", Heading(1, "1")),
        ("4.2 Payment terms", Heading(2, "4.2")),
        ("4.2.1 Invoices", Heading(3, "4.2.1")),
        ("3.0 SCOPE AND OBJECTIVES", Heading(1, "3.0")),
        ("TERMS AND CONDITIONS", Heading(1)),
    ],
)
def test_layout_headings(line: str, expected: Heading) -> None:
    assert classify(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "2.2 The Council shall pay undisputed invoices within 60 days",  # a clause, not a title
        "1.5 hours per visit",
        "12 months contract",
        "PAYMENT.",
        "Part of the service is delivered at night",
        "Service description",  # sentence case needs bold or larger type
        "The price is £15 an hour",
        "The provider will:",
        "X" * 95,
    ],
)
def test_statements_are_not_headings(line: str) -> None:
    assert classify(line) is None


def test_emphasis_lets_a_short_title_count() -> None:
    assert classify("Service description", emphasis=True) == Heading(2)
    assert classify("The Council will pay monthly", emphasis=True) is None


def test_a_heading_line_above_its_first_clause_heads_it_but_a_list_does_not() -> None:
    assert heads_next_line(Heading(1, "2"), "2.1 The Contract Price is fixed.")
    assert heads_next_line(Heading(1), "The Council shall pay.")
    assert not heads_next_line(Heading(1, "1"), "2. Medication support")


def _outline(path: Path) -> dict:
    proc = run_cli("outline", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    [result] = json.loads(proc.stdout)
    return result


def _trail_of(result: dict, start: str) -> list[str]:
    return next(block["trail"] for block in result["blocks"] if block["text"].startswith(start))


def test_numbered_clause_txt_contract(tmp_path: Path) -> None:
    path = tmp_path / "contract.txt"
    path.write_text(
        "PART A: KEY TERMS\n\n"
        "1. COMMENCEMENT AND DURATION\n\n"
        "1.1 This Contract shall commence on 1 April 2026 and run for three years.\n\n"
        "2. CONTRACT PRICE\n"
        "2.1 The Contract Price is £148,000 a year.\n"
        "2.2 The Council shall pay undisputed invoices within 60 days of receipt.\n\n"
        "PART B: SPECIFICATION\n\n"
        "Schedule 2 – Pricing\n\n"
        "The Provider shall complete the pricing schedule.\n",
        encoding="utf-8",
    )
    result = _outline(path)
    headings = [(b["text"], b["level"]) for b in result["blocks"] if b["kind"] == "heading"]
    assert headings == [
        ("PART A: KEY TERMS", 1),
        ("1. COMMENCEMENT AND DURATION", 1),
        ("2. CONTRACT PRICE", 1),
        ("PART B: SPECIFICATION", 1),
        ("Schedule 2 – Pricing", 1),
    ]
    assert _trail_of(result, "2.1 The Contract Price") == ["2. CONTRACT PRICE"]
    assert _trail_of(result, "The Provider shall complete") == ["Schedule 2 – Pricing"]
    # The obligation under "Key terms" is read: the payment term is found.
    proc = run_cli(str(path), "--select", "TL206", "--format", "json", "--no-cache")
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [f["location"]["line"] for f in findings] == [9]


def test_all_capitals_and_larger_type_pdf(tmp_path: Path) -> None:
    path = tmp_path / "spec.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for text, size in [
        ("Service Specification for Day Opportunities", 16),
        ("1. BACKGROUND", 11),
        ("The Council has funded day centres in three towns since 2012.", 11),
        ("2. WHAT WE WANT TO ACHIEVE", 11),
        ("People are connected to their communities and do what matters to them.", 11),
        ("Payment and invoicing", 14),
        ("The Council pays invoices within 30 days of receipt.", 11),
    ]:
        pdf.setFont("Helvetica", size)
        pdf.drawString(72, y, text)
        y -= 40
    pdf.save()
    result = _outline(path)
    headings = [b["text"] for b in result["blocks"] if b["kind"] == "heading"]
    assert headings == [
        "Service Specification for Day Opportunities",
        "1. BACKGROUND",
        "2. WHAT WE WANT TO ACHIEVE",
        "Payment and invoicing",
    ]
    assert _trail_of(result, "People are connected") == ["2. WHAT WE WANT TO ACHIEVE"]
    assert _trail_of(result, "The Council pays") == ["2. WHAT WE WANT TO ACHIEVE", "Payment and invoicing"]


def test_docx_without_heading_styles(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("HOME SUPPORT SPECIFICATION").bold = True
    document.add_paragraph("1. Introduction")
    document.add_paragraph("The Council wants people to live well at home.")
    document.add_paragraph().add_run("Options considered").bold = True
    document.add_paragraph("Option 2 was to keep paying providers by the minute; it was rejected.")
    document.add_paragraph("Personal care", style="List Number")
    document.add_paragraph("Medication support", style="List Number")
    path = tmp_path / "spec.docx"
    document.save(str(path))
    result = _outline(path)
    headings = [(b["text"], b["level"]) for b in result["blocks"] if b["kind"] == "heading"]
    assert headings == [("HOME SUPPORT SPECIFICATION", 1), ("1. Introduction", 1), ("Options considered", 2)]
    assert _trail_of(result, "Option 2 was") == ["1. Introduction", "Options considered"]
    assert [b["kind"] for b in result["blocks"][-2:]] == ["list-item", "list-item"]


def test_web_page_navigation_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "tender.html"
    path.write_text(
        "<html><body>"
        '<a class="govuk-skip-link" href="#main">Skip to main content</a>'
        '<div class="cookie-banner"><p>We use cookies on this website.</p></div>'
        '<header class="site-header"><a href="/">Thornvale Council</a></header>'
        "<nav><ul><li>Bins and recycling</li><li>Adult social care</li></ul></nav>"
        '<ol class="breadcrumbs"><li>Home</li><li>Business</li></ol>'
        '<main id="main"><h1>Tender: supported living</h1>'
        "<p>We want to work with people who use the service to design support.</p>"
        "<h2>How bids are scored</h2><p>Tenders will be evaluated on price (60%) and quality (40%).</p></main>"
        '<footer><p>© Thornvale Council</p><a href="/cookies">Cookies</a></footer>'
        "</body></html>",
        encoding="utf-8",
    )
    result = _outline(path)
    texts = [b["text"] for b in result["blocks"]]
    assert texts[0] == "Tender: supported living"
    assert not any("Skip" in t or "cookies" in t or "Bins" in t or t == "Home" for t in texts)
    assert "Skip to main content" in result["furniture"]
    assert "Bins and recycling" in result["furniture"]
    assert _trail_of(result, "Tenders will be evaluated") == [
        "Tender: supported living",
        "How bids are scored",
    ]
    # Findings about the whole page anchor on its title, not on the skip link.
    proc = run_cli(str(path), "--format", "json", "--no-cache")
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert findings, proc.stderr.decode()
    assert all("Skip to main" not in f["excerpt"] and "cookies" not in f["excerpt"] for f in findings)


def test_short_line_above_a_paragraph_in_plain_text_is_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "Preliminary market engagement\n"
        "The Council does not intend to carry out preliminary market engagement for this\n"
        "care and support service. Requirements have been set by the commissioning team.\n\n"
        "The service supports adults who draw on care to live well at home and\n"
        "in their communities, with support that changes as their needs change.\n",
        encoding="utf-8",
    )
    result = _outline(path)
    assert [b["text"] for b in result["blocks"] if b["kind"] == "heading"] == [
        "Preliminary market engagement"
    ]
    assert _trail_of(result, "The service supports") == ["Preliminary market engagement"]
    # Read as a heading, not a glossary entry: the statement under it is found.
    proc = run_cli(str(path), "--select", "TL807", "--format", "json", "--no-cache")
    assert [f["code"] for f in json.loads(proc.stdout)["files"][0]["findings"]] == ["TL807"]
