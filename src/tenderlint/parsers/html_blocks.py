"""Small builders the HTML parser fills while it walks tags: block text, list numbers and tables."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from tenderlint.document import Block, BlockKind, Location

ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass
class Pending:
    """Text of the block being read, one entry per source line: [text, line, column].

    HTML collapses whitespace, but keeping the source's line breaks lets every offset in the
    text map back to a real line and column.
    """

    kind: BlockKind
    level: int | None = None
    number: str | None = None
    owner: Any = None
    lines: list[list[Any]] = field(default_factory=list)
    newline: bool = False
    space: bool = False
    #: Read inside page furniture: kept apart from the body.
    furniture: bool = False

    def add(self, data: str, line: int, column: int) -> None:
        """Append character data that starts at (line, column) in the source."""
        for index, segment in enumerate(data.split("\n")):
            if index:
                line, column, self.newline = line + 1, 1, True
            words = segment.split()
            if not words:
                self.space = self.space or bool(segment)
                continue
            lead = len(segment) - len(segment.lstrip())
            text = " ".join(words)
            if not self.lines or self.newline:
                self.lines.append([text, line, column + lead])
            else:
                self.lines[-1][0] += (" " if self.space or lead else "") + text
            self.newline = False
            self.space = segment[-1].isspace()

    def break_line(self) -> None:
        """A <br> or a nested block element: the next text starts a new line of this block."""
        self.newline = True

    def block(self, location: Location) -> Block:
        first = self.lines[0]
        return Block(
            kind=self.kind,
            text="\n".join(entry[0] for entry in self.lines),
            location=replace(location, line=first[1], column=first[2]),
            level=self.level,
            number=self.number,
            line_starts=tuple((entry[1], entry[2]) for entry in self.lines),
        )


@dataclass
class ListCounter:
    """Numbers the items of an <ol> as a reader sees them (start, type and value attributes)."""

    ordered: bool
    value: int = 1
    style: str = "1"

    @classmethod
    def from_attrs(cls, tag: str, attrs: dict[str, str | None]) -> ListCounter:
        return cls(ordered=tag == "ol", value=_integer(attrs.get("start"), 1), style=attrs.get("type") or "1")

    def next(self, value: str | None = None) -> str | None:
        """The marker of the next item, e.g. "3." or "b."; None for bullets."""
        if not self.ordered:
            return None
        self.value = _integer(value, self.value)
        number = self.value
        self.value += 1
        return f"{format_number(number, self.style)}."


def format_number(number: int, style: str) -> str:
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < number < 4000:
        roman = ""
        for value, numeral in ROMAN:
            while number >= value:
                roman += numeral
                number -= value
        return roman.upper() if style == "I" else roman
    return str(number)


def _integer(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


@dataclass
class TableBuilder:
    """Rows of cells for one outermost <table>; nested tables flatten into their cell's text."""

    line: int
    column: int
    rows: list[list[Block]] = field(default_factory=list)

    def new_row(self) -> None:
        self.rows.append([])

    def add_cell(self, pending: Pending | None, location: Location, start: tuple[int, int] | None) -> None:
        if not self.rows:
            self.new_row()
        if pending is not None and pending.lines:
            cell = pending.block(location)
            cell.kind = BlockKind.TABLE_CELL
        else:
            line, column = start or (self.line, self.column)
            cell = Block(BlockKind.TABLE_CELL, "", replace(location, line=line, column=column))
        self.rows[-1].append(cell)

    def block(self, location: Location, suppressions: tuple[str, ...]) -> Block | None:
        """The TABLE block, with row and cell numbers filled in; None if it had no cells."""
        rows = [row for row in self.rows if row]
        if not rows:
            return None
        for row_number, row in enumerate(rows, start=1):
            for cell_number, cell in enumerate(row, start=1):
                cell.location = replace(cell.location, row=row_number, cell=cell_number)
                cell.suppressions = suppressions
        table_location = replace(location, line=self.line, column=self.column)
        return Block(BlockKind.TABLE, "", table_location, rows=rows, suppressions=suppressions)
