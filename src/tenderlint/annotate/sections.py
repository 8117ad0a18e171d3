"""Where a finding about the whole document belongs: the heading of the section it concerns.

"Social value is not weighted" is about the evaluation criteria; "no fair work terms" is about the
workforce section. Stacking every such comment on the title makes them hard to read and act on, so
each goes on the first heading that names its subject, and on the first paragraph only when the
document has no such heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from tenderlint.findings import Finding

# By rule code first, then by family (the code's first digit); each a regex over heading text.
BY_CODE = {
    "TL301": r"social value|evaluation|award|criteria",
    "TL302": r"social value",
    "TL305": r"prevent|outcome|independen|service description|service requirement|the service",
    "TL306": r"social value|evaluation|award|criteria",
    "TL601": r"co-?produc|engag|involv|people who|service users?|evaluation|panel",
    "TL602": r"evaluation|panel|moderat",
    "TL702": r"workforce|staff|fair work|pay|terms and conditions|employ",
    "TL703": r"equalit|accessib|divers|inclusi|communication|service requirement|the service",
    "TL704": r"workforce|staff|pay|price|pric|payment",
    "TL802": r"market engagement|engagement|procurement|background|consultation|introduction",
    "TL805": r"evaluation|award|criteria",
}
BY_FAMILY = {
    "1": r"specification|service description|outcome|requirement|scope|the service",
    "2": r"pric|payment|fee|financ|budget|evaluation|award",
    "3": r"social value|outcome|performance|kpi|evaluation|award",
    "4": r"lots?\b|procurement|market|framework|competition|route",
    "5": r"contract|term|duration|variation",
    "6": r"co-?produc|engag|involv|evaluation",
    "7": r"workforce|staff|pay|fair work|equalit",
    "8": r"procurement|timetable|timeline|process|engagement|consultation",
}


def is_document_level(finding: Finding, on_first_block: bool) -> bool:
    """A finding about the document as a whole: no words of its own, and either found by searching the
    whole document or placed on its first block."""
    if finding.matched.strip() or finding.location.part != "body":
        return False
    return on_first_block or finding.evidence.get("searched") == "whole document"


def section_heading(finding: Finding, headings: Sequence[tuple[str, Any]]) -> Any | None:
    """The element of the first heading that names the finding's subject, or None."""
    digits = finding.code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for pattern in (BY_CODE.get(finding.code), BY_FAMILY.get(digits[:1])):
        if not pattern:
            continue
        wanted = re.compile(pattern, re.I)
        for text, element in headings[1:] if len(headings) > 1 else headings:
            if wanted.search(text):
                return element
    return None
