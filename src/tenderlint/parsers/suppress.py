"""Inline suppression comments, shared by every parser that can carry them.

Syntax (in an HTML comment in .md/.html/.txt, or as the whole text of a Word/ODT comment):

    tenderlint: disable=TL201,hourly-rate-payment   from here until a matching enable (or the end)
    tenderlint: enable=TL201                       ends an earlier disable
    tenderlint: disable-next=TL201                 the next paragraph, list item, table or heading only
    tenderlint: disable-file=TL201                 the whole file

`all` (or no list) means every rule. In a Word or ODT comment, `disable=` applies to the
paragraphs the comment is anchored on.
"""

from __future__ import annotations

import re

from tenderlint import errors
from tenderlint.document import Document
from tenderlint.errors import InputError

DIRECTIVE = re.compile(
    r"tenderlint:\s*(?P<verb>disable-next|disable-file|disable|enable)\s*(?:=\s*(?P<codes>[\w\-, ]+))?",
    re.IGNORECASE,
)
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def parse_codes(raw: str | None) -> tuple[str, ...]:
    if not raw or not raw.strip():
        return ("all",)
    return tuple(code.strip() for code in raw.split(",") if code.strip())


def directives(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """All `tenderlint:` directives in a piece of comment text, as (verb, codes)."""
    return [(m["verb"].lower(), parse_codes(m["codes"])) for m in DIRECTIVE.finditer(text)]


DIRECTIVE_ID = "#"  # prefix of the marker naming which directive a block's codes came from


class SuppressionTracker:
    """Feeds comments and blocks in reading order; answers which codes each block suppresses.

    Each block's codes also carry a marker "#N" naming the directive they came from, so that two
    neighbouring `disable-next` comments are told apart when unused suppressions are reported.
    Markers never match a rule; `rule_codes()` strips them.
    """

    def __init__(self) -> None:
        self.active: set[str] = set()
        self.pending_next: set[str] = set()
        # disable-next comments met inside a block: they apply to the block after it.
        self.deferred: set[str] = set()
        self.file_wide: set[str] = set()
        self.origin: dict[str, int] = {}
        self.count = 0

    def feed_comment(self, text: str, inside_block: bool = False) -> None:
        """Apply the directives in one comment; inside a block, a disable-next waits for the next one."""
        if inside_block:
            before = set(self.pending_next)
            self.feed_comment(text)
            self.deferred |= self.pending_next - before
            self.pending_next = before
            return
        for verb, codes in directives(text):
            self.count += 1
            if verb in ("disable", "disable-next"):
                self.origin.update(dict.fromkeys(codes, self.count))
            if verb == "disable":
                self.active.update(codes)
            elif verb == "enable":
                if "all" in codes:
                    self.active.clear()
                else:
                    self.active.difference_update(codes)
            elif verb == "disable-next":
                self.pending_next.update(codes)
            elif verb == "disable-file":
                self.file_wide.update(codes)

    def next_block(self) -> tuple[str, ...]:
        """The suppressions for the block about to be emitted (consumes any disable-next)."""
        codes = self.active | self.pending_next
        self.pending_next, self.deferred = self.deferred, set()
        if not codes:  # the usual case: nothing suppressed, no markers to build
            return ()
        markers = {f"{DIRECTIVE_ID}{self.origin.get(code, 0)}" for code in codes}
        return tuple(sorted(codes)) + tuple(sorted(markers))

    def feed_text(self, text: str, inside_block: bool = False) -> str:
        """Apply HTML comments found in `text` and return the text with them removed."""
        for match in HTML_COMMENT.finditer(text):
            self.feed_comment(match.group(1), inside_block)
        return HTML_COMMENT.sub("", text)


def rule_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The codes of a block's suppressions without the directive markers."""
    return tuple(code for code in codes if not code.startswith(DIRECTIVE_ID))


def finish(document: Document, tracker: SuppressionTracker) -> Document:
    """Common last step of the text-format parsers: file-wide suppressions, and no text is an error."""
    document.file_suppressions = tuple(sorted(tracker.file_wide))
    if not document.blocks:
        raise InputError(
            errors.EMPTY, "The file is empty: it has no text.", "Check that it saved completely."
        )
    return document
