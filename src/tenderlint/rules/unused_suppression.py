"""TL901: a suppression comment that suppressed nothing, like ruff's RUF100."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.parsers.suppress import rule_codes
from tenderlint.rules.base import DocumentRule


class UnusedSuppression(DocumentRule):
    #: Runs after suppressions are applied, on what they left unused; is itself never suppressed.
    after_suppressions: ClassVar[bool] = True
    definition: ClassVar[dict] = {
        "code": "TL901",
        "name": "unused-suppression",
        "family": "meta",
        "severity": "warning",
        "message": "This suppression comment does not suppress any finding.",
        "rationale": (
            "A suppression that no longer matches anything (the wording was fixed, or the code is wrong) hides "
            "nothing today but will silently hide a real finding tomorrow. Removing it keeps suppressions honest."
        ),
        "fix": "Remove the comment, or correct the rule code it names.",
        "citations": [],
        "examples": {
            "fail": [
                "<!-- tenderlint: disable-next=TL201 -->\nSupport follows each person's plan.",
                "<!-- tenderlint: disable-file=TL4 -->\nNo lots are needed for one small grant; not a contract.",
            ],
            "pass": [
                "<!-- tenderlint: disable-next=TL201 -->\nHome care will be paid by the hour, as agreed.",
                "No suppression comment is used here, and nothing is flagged.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for index, codes in analysis.unused_suppressions:
            message = f"The suppression of {', '.join(rule_codes(codes))} does not suppress any finding."
            yield analysis.block_finding(self.meta, analysis.title_block if index is None else index, message)
