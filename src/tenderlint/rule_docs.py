"""One documentation page per built-in rule (docs/rules/TLxxx.md), generated from the rule's metadata.

The same metadata feeds `tenderlint rule CODE`, the README index and SARIF; the pages are what a SARIF
viewer's "rule help" link (`helpUri`) opens. `scripts/update_rule_docs.py` writes them and a test
keeps them in step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from tenderlint.citations import Citation
from tenderlint.findings import RuleMeta
from tenderlint.resources import builtin_rules_dir

# Used when tenderlint's own package metadata cannot be read (e.g. running from a bare checkout).
DOCS_FALLBACK = "https://github.com/OWNER/tenderlint/blob/main/docs/rules"


@lru_cache(maxsize=1)
def docs_base() -> str:
    """Where the rule pages are published: the `Rules` project URL in pyproject.toml."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("tenderlint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return DOCS_FALLBACK
    urls = dict(entry.split(", ", 1) for entry in entries if ", " in entry)
    return urls.get("Rules", DOCS_FALLBACK).rstrip("/")


def is_builtin(meta: RuleMeta) -> bool:
    """Rules shipped with tenderlint (Python rules in the package, or its own YAML packs)."""
    if meta.source.startswith("tenderlint."):
        return True
    try:
        return Path(meta.source).resolve().parent == builtin_rules_dir().resolve()
    except (OSError, ValueError):
        return False


def help_uri(meta: RuleMeta) -> str | None:
    """The rule's documentation page, for built-in rules; None for rules from other packs."""
    return f"{docs_base()}/{meta.code}.md" if is_builtin(meta) else None


def _quote(example: str) -> list[str]:
    return ["```text", *example.splitlines(), "```", ""]


def page(meta: RuleMeta, citations: Mapping[str, Citation], how: Sequence[str] = ()) -> str:
    """The Markdown page for one rule: what, why, what instead, how it matches, examples, citations."""
    out = [
        f"# {meta.code} `{meta.name}`",
        "",
        f"Family: **{meta.family}** · default severity: **{meta.severity.value}**",
        "",
        "## What it finds",
        "",
        meta.message,
        "",
        "## Why it matters",
        "",
        " ".join((meta.rationale or meta.message).split()),
        "",
        "## What to write instead",
        "",
        " ".join(meta.fix.split()),
        "",
    ]
    if how:
        out += [
            "## How it matches",
            "",
            "```text",
            *(line.strip() for line in how if line.strip()),
            "```",
            "",
        ]
    if meta.examples_fail:
        out += ["## Flagged", ""]
        for example in meta.examples_fail:
            out += _quote(example)
    if meta.examples_pass:
        out += ["## Not flagged", ""]
        for example in meta.examples_pass:
            out += _quote(example)
    out += ["## Citations", ""]
    for cid in meta.citations:
        citation = citations[cid]
        out.append(f"- [{citation.title}]({citation.url}): {' '.join(citation.summary.split())}")
    for key, ids in sorted(meta.alt_citations.items()):
        links = "; ".join(f"[{citations[i].title}]({citations[i].url})" for i in ids)
        out.append(f"- Under `{key}`: {links}")
    if not meta.citations and not meta.alt_citations:
        out.append("None: this rule is about tenderlint's own comments.")
    out += [
        "",
        "## Turning it off",
        "",
        f'`--ignore {meta.code}` (or `ignore = ["{meta.code}"]` in `.tenderlint.toml`) for a run; in a '
        f"Markdown, text or HTML document `<!-- tenderlint: disable-next={meta.code} -->` before the "
        f"paragraph, or a Word comment `tenderlint: disable={meta.code}` on it.",
        "",
    ]
    return "\n".join(out)


def index(metas: Sequence[RuleMeta]) -> str:
    """docs/rules/README.md: every rule with a link to its page."""
    lines = [
        "# Rules",
        "",
        "Generated from the rules' own metadata by `python scripts/update_rule_docs.py`; do not edit by hand.",
        "",
        "| Code | Name | Family | Severity | What it finds |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| [{m.code}]({m.code}.md) | `{m.name}` | {m.family} | {m.severity.value} | {m.message} |"
        for m in metas
    ]
    return "\n".join(lines) + "\n"
