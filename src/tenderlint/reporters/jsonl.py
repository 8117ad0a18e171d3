"""JSON Lines: one object per finding and per input error, for streaming into log tools and jq.

Each finding object is exactly the json reporter's (json.finding_dict) with "path" added, so a
consumer of either format reads the same fields.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tenderlint.engine import FileResult
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.common import json_text
from tenderlint.reporters.json import error_dict, finding_dict


class JsonlReporter:
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        records: list[dict] = []
        for result in results:
            if result.error:
                records.append({"path": result.path, "error": error_dict(result.error)})
            records += [{"path": result.path, **finding_dict(f, context)} for f in result.findings]
        return "".join(json_line(record) + "\n" for record in records)


def json_line(record: dict) -> str:
    """One record on one line, whatever splits it: json.dumps escapes \\n, but not NEL, LS or PS."""
    text = json.dumps(record, ensure_ascii=False)
    return json_text(text.translate(LINE_BREAKS))


# Left raw, these split a line for str.splitlines() and some editors; they only occur inside strings.
LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
