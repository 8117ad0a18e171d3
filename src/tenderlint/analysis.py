"""A parsed document ready for rules: its text blocks (as the matcher sees them), profile and settings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tenderlint.citations import Citation, cite
from tenderlint.config import Settings
from tenderlint.document import Block, BlockKind, Document, title_index
from tenderlint.findings import Finding, RuleMeta
from tenderlint.nlp.caseless import Caseless, Regex, caseless, lowers_in_place
from tenderlint.nlp.context import section_is
from tenderlint.nlp.normalise import squash
from tenderlint.profile import Profile, build_profile, lead_in

EXCERPT_LIMIT = 240
DEFINITION_HEADER = caseless(
    r"\b(terms?|definitions?|meanings?|glossary|abbreviations?|acronyms?|explanation)\b"
)


def mark_definition_tables(document: Document) -> None:
    """Glossary tables ("Term | Meaning", or any table in a definitions section) define, like entries."""
    for table in document.tables():
        if not table.rows:
            continue
        header = " ".join(cell.text for cell in table.rows[0])
        in_section = section_is("definition", tuple(table.location.trail))
        if in_section or (len(table.rows[0]) == 2 and DEFINITION_HEADER.search(header) and len(header) < 60):
            for row in table.rows:
                for cell in row:
                    cell.defines = True


@dataclass
class Analysis:
    document: Document
    blocks: list[Block]
    # Block texts with whitespace squashed: what the matcher sees (offsets map back to the blocks).
    texts: list[str]
    profile: Profile
    settings: Settings
    regime: str
    jurisdiction: str
    # offsets[i][j]: index in blocks[i].text of character j of the text the matcher saw.
    offsets: list[Sequence[int]] = field(default_factory=list, repr=False)
    registry: dict[str, Citation] = field(default_factory=dict, repr=False)
    # Filled by the engine after suppressions are applied: (block index or None, codes) left unused.
    unused_suppressions: list[tuple[int | None, tuple[str, ...]]] = field(default_factory=list, repr=False)
    _full_text: str | None = field(default=None, repr=False)
    _document_matches: dict[Regex, bool] = field(default_factory=dict, repr=False)
    _block_matches: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)
    _tables: dict[int, list[Block]] | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls, document: Document, settings: Settings, registry: dict[str, Citation] | None = None
    ) -> Analysis:
        mark_definition_tables(document)
        blocks = list(document.text_blocks())
        squashed = [squash(block.text) for block in blocks]
        texts = [text for text, _ in squashed]
        profile = build_profile(document, blocks)
        regime = profile.detected_regime() if settings.regime == "auto" else settings.regime
        jurisdiction = profile.jurisdiction if settings.jurisdiction == "auto" else settings.jurisdiction
        offsets = [mapping for _, mapping in squashed]
        return cls(document, blocks, texts, profile, settings, regime, jurisdiction, offsets, registry or {})

    def citations_for(self, meta: RuleMeta) -> tuple[str, ...]:
        """The rule's citations under this document's regime and jurisdiction."""
        return cite(meta.citations_for(self.regime, self.jurisdiction), self.registry, self.jurisdiction)

    @property
    def full_text(self) -> str:
        """Every block's text, joined once per document."""
        if self._full_text is None:
            self._full_text = "\n".join(block.text for block in self.blocks)
        return self._full_text

    def document_matches(self, pattern: Regex) -> bool:
        """Whether the whole text contains `pattern` (asked per match, so answered once per pattern)."""
        if pattern not in self._document_matches:
            self._document_matches[pattern] = bool(pattern.search(self.full_text))
        return self._document_matches[pattern]

    def count_in_blocks(self, pattern: Caseless) -> int:
        """How many times `pattern` matches the blocks' texts, for a pattern no match of which can span a
        line break: counted in the whole text in one search, not one search per block. Lower-casing
        keeps the whole text's length exactly when it keeps every block's, so each block would have been
        searched the same way; otherwise they are."""
        text = self.full_text
        if lowers_in_place(text):
            return len(pattern.findall(text))
        return sum(len(pattern.findall(block.text)) for block in self.blocks)

    def block_matches(self, pattern: Regex, block: Block) -> bool:
        """Whether `pattern` is found in one of this document's blocks: rules ask it of the blocks around
        each match, so neighbouring matches would search the same blocks again."""
        key = (id(pattern), id(block))  # patterns live as long as the process, blocks as this analysis
        found = self._block_matches.get(key)
        if found is None:
            found = self._block_matches[key] = pattern.search(block.text) is not None
        return found

    def lead_in(self, index: int) -> str:
        """The sentence a list item completes: "In summary, the Provider shall:" above "deliver five
        sessions per week". Empty when the block is not a list item under such a sentence."""
        if self.blocks[index].kind is not BlockKind.LIST_ITEM:
            return ""
        return lead_in(self.blocks, index)

    def table_blocks(self, table: int) -> list[Block]:
        """The cells of one table (grouped once per document)."""
        if self._tables is None:
            self._tables = {}
            for block in self.blocks:
                if block.location.table is not None:
                    self._tables.setdefault(block.location.table, []).append(block)
        return self._tables.get(table, [])

    @property
    def title_block(self) -> int:
        """Where findings about the whole document are anchored: its title, never page furniture."""
        return title_index(self.blocks)

    def first_block_about(self, pattern: Regex) -> int:
        """The first body block that `pattern` finds (the section a document-level finding is about),
        else the title."""
        for index, block in enumerate(self.blocks):
            if block.location.part == "body" and pattern.search(block.text):
                return index
        return self.title_block

    def block_finding(
        self,
        meta: RuleMeta,
        index: int,
        message: str | None = None,
        match: str = "",
        evidence: dict | None = None,
    ) -> Finding:
        """A finding anchored on a whole block, marking `match` inside it when given."""
        block = self.blocks[index]
        text = block.text.strip()
        start = text.find(match) if match else -1
        if len(text) > EXCERPT_LIMIT:
            left = max(0, min(start - EXCERPT_LIMIT // 3, len(text) - EXCERPT_LIMIT)) if start >= 0 else 0
            text = ("…" if left else "") + text[left : left + EXCERPT_LIMIT].strip() + "…"
            start = text.find(match) if match else -1
        span = (start, start + len(match)) if start >= 0 else (0, 0)
        return Finding(
            code=meta.code,
            name=meta.name,
            severity=meta.severity,
            message=message or meta.message,
            fix=meta.fix,
            citations=self.citations_for(meta),
            location=block.locate(block.text.find(match) if match and match in block.text else 0),
            excerpt=text,
            span=span,
            block_index=index,
            evidence=evidence or {},
        )
