"""Deterministic benchmark corpora, built by recombining paragraphs of tenderlint's own sample documents.

Recombining real sample text (rather than lorem ipsum) matters: the rules only do work when the prose
looks like a tender, so every built-in rule gets something to find and the timings reflect real use.
Everything is derived from a fixed seed, so two runs on the same checkout lint the same bytes.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
SEEDS = Path("/work/shared/seeds")
SEED = 20251123
WORDS_PER_PAGE = 380  # a typical A4 page of 10.5 pt prose; small enough never to spill onto a second page

TITLES = [
    "Domiciliary Care Service Specification",
    "Home Support Invitation to Tender",
    "Supported Living Framework: Specification and Evaluation",
    "Community Wellbeing Service: Statement of Requirements",
    "Reablement Service: Conditions of Contract and Award Criteria",
]
COUNCILS = [
    "Anyshire County Council",
    "Borsetshire Council",
    "Midsomer District Council",
    "Wessex City Council",
]


@dataclass(frozen=True)
class Block:
    """One markdown block: kind is heading, para, list or table; text is its markdown source."""

    kind: str
    text: str


def _kind(text: str) -> str:
    lines = text.splitlines()
    if text.startswith("#"):
        return "heading"
    if all(line.startswith("|") for line in lines):
        return "table"
    if all(re.match(r"(\d+\.|[-*]) ", line) for line in lines):
        return "list"
    return "para"


def _blocks_of(path: Path) -> list[Block]:
    """Split on blank lines; plain text has hard line breaks (seeds are PDF text), so those are joined."""
    text = path.read_text(encoding="utf-8", errors="replace")
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if path.suffix == ".txt":
            chunk = " ".join(chunk.split())
            # Page furniture, table fragments and sentences split by a page break in the PDF-derived seeds.
            if len(chunk.split()) < 8 or not re.match(r"[A-Z0-9\"“‘(]", chunk) or chunk[-1] not in '.!?:)”"':
                continue
        if not chunk or chunk.startswith("# ") or chunk.startswith("[^"):
            continue
        blocks.append(Block(_kind(chunk), chunk))
    return blocks


def source_files() -> list[Path]:
    """The sample documents (not corpora/README.md, which is about the samples) plus the shared seeds."""
    files = [p for p in sorted((ROOT / "corpora").glob("*.md")) if p.name != "README.md"]
    files += sorted((ROOT / "corpora").glob("*.txt"))
    if SEEDS.is_dir():
        files += sorted(SEEDS.glob("[0-9]*.txt"))
    return files


def rule_examples() -> list[Block]:
    """Each rule's own short 'flagged' examples, so the phrase and pattern rules all have matches.

    Long examples are whole mini-documents written for document-level rules; they are left out.
    """
    try:
        from tenderlint.ruleset import load_ruleset
    except ImportError:
        return []
    examples = [e for meta in load_ruleset().metas for e in meta.examples_fail if len(e.split()) <= 60]
    return [Block("para", e) for e in examples]


def load_blocks(conventional: bool = False) -> list[Block]:
    """All sample blocks, or (conventional) only the time-and-task sample and the rule examples.

    Conventional documents leave out the seeds, which discuss co-production, prevention and fair
    work at length; without them the rules that fire on what a document *lacks* get work too.
    """
    paths = [p for p in source_files() if not conventional or p.stem == "home-care-spec"]
    return [block for path in paths for block in _blocks_of(path)] + rule_examples()


def plain(text: str) -> str:
    """Markdown inline markup removed, for the .txt, .pdf and .docx renderings."""
    text = re.sub(r"\[\^\d+\]", "", text)
    text = re.sub(r"[*_`]{1,2}([^*_`]+)[*_`]{1,2}", r"\1", text)
    return re.sub(r"^#+\s*", "", text)


def compose(rng: random.Random, blocks: list[Block], words: int) -> str:
    """A markdown document of exactly `words` words: a title, then blocks drawn at random.

    The last paragraph is cut to land on the word count exactly, so words/s figures are exact.
    """
    title = f"# {rng.choice(COUNCILS)} — {rng.choice(TITLES)}"
    parts, count = [title], len(title.split())
    while count < words:
        block = rng.choice(blocks)
        n = len(block.text.split())
        if count + n > words:
            if block.kind != "para":
                continue
            parts.append(" ".join(block.text.split()[: words - count]) + ".")
            break
        parts.append(block.text)
        count += n
    return "\n\n".join(parts) + "\n"


def as_txt(markdown: str) -> str:
    """A plain-text rendering: headings keep their numbers, tables are dropped (they are markdown-only)."""
    keep = [b for b in markdown.split("\n\n") if not b.startswith("|")]
    return "\n\n".join(plain(b) for b in keep)


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def build_text(files: int = 200, words_per_file: int = 5000) -> tuple[Path, int]:
    """The throughput corpus: `files` .md files of `words_per_file` words each."""
    rng, pools = random.Random(SEED), (load_blocks(conventional=True), load_blocks())
    folder = fresh_dir(WORK / "text")
    for i in range(files):
        text = compose(rng, pools[i % 4 != 0], words_per_file)  # one in four is conventional
        (folder / f"tender-{i:03d}.md").write_text(text, encoding="utf-8")
    return folder, files * words_per_file


def build_one_page() -> Path:
    """A one-page .md for cold-start timing: start-up dominates, linting is a few milliseconds."""
    path = WORK / "one.md"
    path.write_text(compose(random.Random(SEED + 1), load_blocks(), WORDS_PER_PAGE), encoding="utf-8")
    return path


def build_warm(docs: int = 200, words: int = 1500) -> Path:
    """A mixed folder like a real tender archive: mostly .md/.txt, plus copies of the sample binaries."""
    rng, pools = random.Random(SEED + 2), (load_blocks(conventional=True), load_blocks())
    folder = fresh_dir(WORK / "warm")
    binaries = [ROOT / "corpora" / f"home-care-spec.{ext}" for ext in ("docx", "pdf", "odt")]
    binaries = [p for p in binaries if p.exists()] * 3  # 9 binary copies
    for i, src in enumerate(binaries):
        shutil.copy(src, folder / f"copy-{i}{src.suffix}")
    for i in range(docs - len(binaries)):
        text = compose(rng, pools[i % 4 != 0], words)
        name = folder / f"doc-{i:03d}"
        if i % 2:
            name.with_suffix(".txt").write_text(as_txt(text), encoding="utf-8")
        else:
            name.with_suffix(".md").write_text(text, encoding="utf-8")
    return folder


def _table_blocks(blocks: list[Block]) -> list[list[list[str]]]:
    """Markdown tables from the samples as rows of cells (separator rows dropped)."""
    tables = []
    for block in blocks:
        if block.kind == "table":
            rows = [[c.strip() for c in line.strip("|").split("|")] for line in block.text.splitlines()]
            tables.append([r for r in rows if not all(set(c) <= set("-: ") for c in r)])
    return tables


def pages(count: int = 100) -> list[tuple[str, list[str], list[list[str]] | None]]:
    """Page contents shared by the PDF and DOCX: (heading, paragraphs, table or None).

    Every tenth page carries a ruled table, so the PDF table extractor runs on ~10 pages, as in a
    real tender where weightings and price schedules are tables.
    """
    rng, blocks = random.Random(SEED + 3), load_blocks()
    paras = [plain(b.text) for b in blocks if b.kind == "para" and len(b.text.split()) <= 150]
    headings = [plain(b.text) for b in blocks if b.kind == "heading"]
    tables = _table_blocks(blocks)
    result = []
    for n in range(count):
        table = tables[n // 10 % len(tables)] if n % 10 == 5 and tables else None
        budget, body = WORDS_PER_PAGE - (120 if table else 0), []
        while budget > 0:
            para = rng.choice(paras)
            words = para.split()
            body.append(" ".join(words[:budget]) + ("." if len(words) > budget else ""))
            budget -= len(words)
        result.append((f"{n + 1} {rng.choice(headings).lstrip('0123456789. ')}", body, table))
    return result


def build_pdf(count: int = 100) -> Path:
    """A `count`-page A4 PDF: heading and prose on every page, a ruled table on every tenth, page footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    story: list = []
    for heading, body, table in pages(count):
        story.append(Paragraph(escape(heading), styles["Heading2"]))
        story += [Paragraph(escape(p), styles["BodyText"]) for p in body]
        if table:
            grid = Table([[Paragraph(escape(c), styles["BodyText"]) for c in row] for row in table])
            grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(grid)
        story.append(PageBreak())
    story.pop()

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, f"Invitation to tender ASC/2025/041 — page {doc.page}")

    path = WORK / "spec-100.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, invariant=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def build_docx(count: int = 100) -> Path:
    """A `count`-page .docx with explicit page breaks, and the same ruled tables as the PDF."""
    import docx

    document = docx.Document()
    for n, (heading, body, table) in enumerate(pages(count)):
        if n:
            document.add_page_break()
        document.add_heading(heading, level=2)
        for para in body:
            document.add_paragraph(para)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]), style="Table Grid")
            for cells, row in zip(grid.rows, table):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
    document.core_properties.created = document.core_properties.modified = datetime(2025, 11, 1)
    path = WORK / "spec-100.docx"
    document.save(str(path))
    return path


def page_count(path: Path) -> int:
    import pypdfium2

    with pypdfium2.PdfDocument(str(path)) as pdf:
        return len(pdf)
