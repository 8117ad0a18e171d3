"""What the HTML report knows about each document beyond its FileResult: its blocks, profile and where
each finding sits in the text.

Reporters only receive results, so the document is parsed again here (the same parser, so the block
indexes findings carry point into the same list). Nothing else in tenderlint changes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from tenderlint.document import Block, BlockKind, Document, title_index
from tenderlint.engine import FileResult
from tenderlint.findings import FAMILIES, Finding
from tenderlint.profile import Profile, build_profile

SEVERITIES = ("error", "warning", "info")
# C0/C1 controls (bar tab and newline) are not allowed in HTML; lone surrogates cannot be encoded;
# bidi overrides would reorder the text a reader sees.
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
LOTS = re.compile(r"\b(lots?|lotted|lotting)\b(?!\s+of\b)", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
STATEMENT_LIMIT = 240


def esc(text: object) -> str:
    """Every piece of text from a document, path or plugin goes through here: escaped, quotes included."""
    return html.escape(UNSAFE.sub("\ufffd", str(text)), quote=True)


def path_html(path: str) -> str:
    """A path that may wrap on a phone after any slash, rather than in the middle of a name."""
    return esc(path).replace("/", "/<wbr>")


def family_of(code: str) -> str:
    return FAMILIES.get(code[:3], "other")


@dataclass
class Placed:
    """One finding, its id in the page and, when it is marked in the text, its span in the block."""

    finding: Finding
    fid: str
    start: int = -1
    end: int = -1

    @property
    def family(self) -> str:
        return family_of(self.finding.code)

    @property
    def severity(self) -> str:
        return self.finding.severity.value


@dataclass
class DocView:
    index: int
    result: FileResult
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    profile: Profile | None = None
    # Block index -> findings marked inside that block's text.
    marked: dict[int, list[Placed]] = field(default_factory=dict)
    # Block index -> findings with no matched words that point at that block (listed in the top box).
    pinned: dict[int, list[Placed]] = field(default_factory=dict)
    # Findings with no matched words: about the document or a whole passage.
    top: list[Placed] = field(default_factory=list)
    # Findings whose words could not be found in the re-read text (e.g. stdin, or the file changed).
    loose: list[Placed] = field(default_factory=list)
    problem: str = ""

    @property
    def anchor(self) -> str:
        return f"doc-{self.index}"

    @property
    def all_placed(self) -> list[Placed]:
        marked = [p for group in self.marked.values() for p in group]
        return sorted([*self.top, *marked, *self.loose], key=lambda p: int(p.fid.rsplit("f", 1)[1]))


def load_view(index: int, result: FileResult, data: bytes | None = None) -> DocView:
    """Parse the file (or `data`, its bytes) again and place every finding; any failure leaves a view
    without text, never raises."""
    view = DocView(index, result)
    try:
        from tenderlint.engine import parsers_by_format
        from tenderlint.parsers.detect import detect_format

        data = Path(result.path).read_bytes() if data is None else data
        parser = parsers_by_format()[detect_format(data, result.path)]
        view.document = parser.parse(data, result.path)
        view.blocks = list(view.document.text_blocks())
        view.profile = build_profile(view.document, view.blocks)
        if result.words and view.document.word_count != result.words:
            view.document, view.blocks, view.profile = None, [], None
            view.problem = (
                "The file on disk is not the text that was linted (it has changed, or the text came from "
                "standard input), so it is not shown; findings are listed below."
            )
    except OSError:  # standard input, or a file moved since
        view.document, view.blocks, view.profile = None, [], None
        view.problem = "The text came from standard input or the file has moved, so it is not shown; findings are listed below."
    except Exception as exc:  # a plugin parser that fails the second time: show findings anyway
        view.document, view.blocks, view.profile = None, [], None
        view.problem = f"The document text cannot be shown ({type(exc).__name__}); findings are listed below."
    for number, finding in enumerate(result.findings):
        _place(view, Placed(finding, f"d{index}-f{number}"))
    return view


def _place(view: DocView, placed: Placed) -> None:
    finding = placed.finding
    index = finding.block_index
    in_text = index is not None and 0 <= index < len(view.blocks)
    if not finding.matched:
        view.top.append(placed)
        if in_text and index != title_index(view.blocks):
            view.pinned.setdefault(index, []).append(placed)
        return
    if in_text:
        text = view.blocks[index].text
        at = text.find(finding.excerpt) if finding.excerpt else -1
        start = at + finding.span[0] if at >= 0 else text.find(finding.matched)
        if start >= 0 and text[start : start + len(finding.matched)] != finding.matched:
            start = text.find(finding.matched)
        if start >= 0:
            placed.start, placed.end = start, start + len(finding.matched)
            view.marked.setdefault(index, []).append(placed)
            return
    view.loose.append(placed)


def lots_statement(blocks: list[Block]) -> str:
    """The first sentence that talks about lots ("will not be divided into lots"), or ''."""
    for block in blocks:
        if block.kind is BlockKind.HEADING or not LOTS.search(block.text):
            continue
        for sentence in SENTENCE_END.split(" ".join(block.text.split())):
            if LOTS.search(sentence):
                return sentence if len(sentence) <= STATEMENT_LIMIT else sentence[:STATEMENT_LIMIT] + "…"
    return ""


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:g}%"


def weightings_text(profile: Profile | None) -> dict[str, str]:
    """Price, quality and social value as stated, or a reason they are not shown."""
    labels = {"price": "Price", "quality": "Quality", "social_value": "Social value"}
    if profile is None:
        return {label: "unknown" for label in labels.values()}
    out = {label: percent(profile.weighting(key)) for key, label in labels.items()}
    if profile.template_weightings and not profile.weightings:
        out = {label: "template field" for label in labels.values()}
    return out


def months_text(months: float) -> str:
    """Terms as tenders state them: "12 months", "18 months", "3 years"."""
    if months >= 24 and months % 12 == 0:
        years = int(months // 12)
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{months:g} month{'s' if months != 1 else ''}"


def term_text(profile: Profile | None) -> str:
    if profile is None or profile.term_months is None:
        return "not stated"
    text = months_text(profile.term_months)
    if profile.extension_months:
        text += f" + {months_text(profile.extension_months)} extension"
    return text


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    return {level: sum(1 for f in findings if f.severity.value == level) for level in SEVERITIES}
