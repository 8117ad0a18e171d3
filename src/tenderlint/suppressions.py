"""Apply inline and Word-comment suppressions, and find the ones that suppressed nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from tenderlint.document import Block, Document
from tenderlint.findings import Finding
from tenderlint.ruleset import matches


@dataclass
class SuppressionOutcome:
    kept: list[Finding]
    suppressed: int
    # (block index, codes) of each directive that suppressed nothing; block None = file-wide.
    unused: list[tuple[int | None, tuple[str, ...]]] = field(default_factory=list)


def apply_suppressions(
    document: Document, blocks: list[Block], findings: list[Finding]
) -> SuppressionOutcome:
    """Drop suppressed findings. A run of consecutive blocks carrying the same codes is one directive
    (a disable ... enable range, or one comment spanning paragraphs)."""
    kept: list[Finding] = []
    used_blocks: set[int] = set()
    file_used = False
    for finding in findings:
        index = finding.block_index
        local = blocks[index].suppressions if index is not None else ()
        if local and matches(finding.code, finding.name, local):
            used_blocks.add(index)
        elif document.file_suppressions and matches(finding.code, finding.name, document.file_suppressions):
            file_used = True
        else:
            kept.append(finding)
    unused: list[tuple[int | None, tuple[str, ...]]] = []
    for start, end in _runs(blocks):
        if not used_blocks.intersection(range(start, end)):
            unused.append((start, tuple(blocks[start].suppressions)))
    if document.file_suppressions and not file_used:
        unused.append((None, tuple(document.file_suppressions)))
    return SuppressionOutcome(kept, len(findings) - len(kept), unused)


def _runs(blocks: list[Block]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for index, block in enumerate([*blocks, None]):
        codes = block.suppressions if block is not None else ()
        if start is not None and (not codes or codes != blocks[start].suppressions):
            runs.append((start, index))
            start = None
        if codes and start is None:
            start = index
    return runs
