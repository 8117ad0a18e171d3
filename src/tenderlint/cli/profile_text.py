"""`tenderlint profile` as a person reads it: one short block per document, same facts as the JSON."""

from __future__ import annotations

from typing import Any

from tenderlint.reporters.text import clean

LABELS = {"price": "price", "quality": "quality", "social_value": "social value"}


def _months(value: float | None) -> str:
    if value is None:
        return "not stated"
    if value % 12 == 0:
        years = int(value // 12)
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{value:g} month{'s' if value != 1 else ''}"


def _safe(value: object) -> str:
    """Document text and file names are untrusted: no control characters, and bytes that are not
    UTF-8 (in file names) shown as escapes rather than stopping the output."""
    return clean(str(value)).encode("utf-8", "backslashreplace").decode("utf-8")


def render(entry: dict[str, Any]) -> str:
    """One document's profile as aligned `label: value` lines under its path."""
    if "error" in entry:
        error = entry["error"]
        return f"{_safe(entry['path'])}\n  error: {error['code']} {_safe(error['message'])}"
    weightings = entry["weightings"]
    if weightings:
        stated = ", ".join(f"{LABELS.get(k, k)} {v:g}%" for k, v in weightings.items())
    else:
        stated = "template fields, not yet filled in" if entry["template_weightings"] else "not found"
    term = _months(entry["term_months"])
    if entry["extension_months"]:
        term += f" + {_months(entry['extension_months'])} extension"
    window = entry["tender_window_days"]
    rows = [
        ("kind", ", ".join(entry["kinds"]) or "not recognised"),
        ("care service", "yes" if entry["care_service"] else "no"),
        ("weightings", stated),
        ("contract term", term),
        ("procurement start", entry["procurement_start"] or "not stated"),
        ("tender window", f"{window:g} days" if window is not None else "not stated"),
        ("regime", f"{entry['regime']} ({entry['regime_basis']})"),
        ("jurisdiction", entry["jurisdiction"]),
    ]
    if entry["template_fields"]:
        rows.append(("template fields", ", ".join(map(str, entry["template_fields"]))))
    width = max(len(label) for label, _ in rows)
    lines = [f"  {label + ':':<{width + 1}} {_safe(value)}" for label, value in rows]
    return "\n".join([_safe(entry["path"]), *lines])
