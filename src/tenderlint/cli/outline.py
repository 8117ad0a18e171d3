"""`tenderlint outline FILE...`: the structure tenderlint read from a document, before any rule ran.

Rules read each block with the heading trail above it (a "Definitions" or "Options considered"
section changes what a sentence means), so when a finding looks wrong the first question is whether
the document was read the way its author structured it. This shows the headings and their levels,
and what was kept apart as page furniture.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tenderlint.document import Document


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: the headings, indented by level. json: every block with its kind, trail and part.",
)
def outline(paths: tuple[str, ...], output_format: str) -> None:
    """Show the headings tenderlint found in each document, and the page furniture it set aside."""
    from tenderlint.engine import parsers_by_format
    from tenderlint.errors import InputError
    from tenderlint.parsers.detect import detect_format

    failed = False
    results = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
            document = parsers_by_format()[detect_format(data, path)].parse(data, path)
        except InputError as exc:
            failed = True
            results.append({"path": path, "error": {"code": exc.code, "message": exc.message}})
            continue
        results.append(_describe(document))
    if output_format == "json":
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        for result in results:
            click.echo("\n".join(_text_lines(result)))
    sys.exit(2 if failed else 0)


def _describe(document: Document) -> dict:
    blocks = []
    for block in document.text_blocks():
        location = block.location
        blocks.append(
            {
                "kind": block.kind.value,
                "level": block.level,
                "text": " ".join(block.text.split())[:120],
                "trail": list(location.trail),
                "part": location.part,
                "where": location.describe(),
            }
        )
    furniture = [" ".join(block.text.split())[:120] for block in document.furniture]
    return {"path": document.path, "format": document.format, "blocks": blocks, "furniture": furniture}


def _text_lines(result: dict) -> list[str]:
    if "error" in result:
        return [f"{result['path']}: {result['error']['message']} [{result['error']['code']}]"]
    lines = [f"{result['path']} ({result['format']})"]
    headings = [block for block in result["blocks"] if block["kind"] == "heading"]
    for block in headings:
        indent = "  " * (block["level"] or 1)
        lines.append(f"{indent}{block['text']}  ({block['where']})")
    if not headings:
        lines.append("  no headings found: every block is read without a section")
    if result["furniture"]:
        lines.append(f"  page furniture set aside (not read by rules): {len(result['furniture'])} blocks")
    return lines
