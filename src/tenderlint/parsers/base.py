"""The contract every parser fulfils: bytes in, one `Document` out, or an `InputError`."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from tenderlint.document import Document


@runtime_checkable
class Parser(Protocol):
    """A parser for one file format, registered through the `tenderlint_parsers` hook."""

    #: Short format name used in output and config, e.g. "docx".
    format: str
    #: File extensions (lower case, with dot) this parser claims when content does not decide.
    extensions: tuple[str, ...]

    def parse(self, data: bytes, path: str) -> Document:
        """Parse `data` (the file's bytes) into a Document, or raise `InputError`."""
        ...
