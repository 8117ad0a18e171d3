"""One hardened XML parser for every zipped-XML format, so a hostile file cannot reach the network,
expand entities (billion laughs) or build an unbounded tree.

Defence in depth: `package.open_package` refuses parts whose prolog declares entities or an external
DTD (`unsafe_dtd`), before this parser or python-docx's own (`docx.oxml.parser.oxml_parser`, which also
has `resolve_entities=False`, and libxml2's amplification and depth limits of 256) ever sees them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tenderlint import errors
from tenderlint.errors import InputError

if TYPE_CHECKING:
    from lxml import etree

RESAVE_HINT = "Open it in the program that made it and save it again."
#: How much of each part is inspected for a DTD: the prolog, which comes before the root element.
PROLOG_BYTES = 64 * 1024
_EXTERNAL_DTD = re.compile(r"<!DOCTYPE\s+[^\s>\[]+\s+(?:SYSTEM|PUBLIC)\b")


def unsafe_dtd(head: bytes) -> bool:
    """True if the start of an XML part declares entities or points at an external DTD."""
    text = _decode_head(head)
    doctype = text.find("<!DOCTYPE")
    if doctype < 0:
        return False
    return "<!ENTITY" in text[doctype:] or _EXTERNAL_DTD.search(text, doctype) is not None


def _decode_head(head: bytes) -> str:
    """Enough of a decode to find ASCII markup, in UTF-8, UTF-16 or any ASCII-compatible encoding."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", errors="ignore")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", errors="ignore")
    return head.decode("latin-1")


def hardened_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads DTDs or touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        # Office suites write duplicate xml:id values; libxml2 would reject the file for that alone.
        collect_ids=False,
    )


def parse_xml(data: bytes, what: str, hint: str = RESAVE_HINT) -> etree._Element:
    """Parse `data` (the part named `what`, e.g. "content.xml") or raise InputError(CORRUPT)."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=hardened_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(
            errors.CORRUPT, f"The document's {what} is damaged ({describe_error(exc)}).", hint
        ) from exc
    if root is None:
        raise InputError(errors.CORRUPT, f"The document's {what} is empty.", hint)
    return root


def describe_error(exc: Exception) -> str:
    """The first line of a parser error, without libxml2's advice about options meant for programmers."""
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else type(exc).__name__
    return text.replace(", use XML_PARSE_HUGE option", "")
