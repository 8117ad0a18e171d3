"""`tenderlint outline FILE...`: the structure tenderlint read from a document, before any rule ran.

Rules read each block with the heading trail above it (a "Definitions" or "Options considered"
section changes what a sentence means), so when a finding looks wrong the first question is whether
the document was read the way its author structured it. This shows the headings and their levels,
and what was kept apart as page furniture.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tenderlint.document import Document
    from tenderlint.engine import FileResult
    from tenderlint.workers import Task


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
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
    from tenderlint.cli.reading import entry, read_files
    from tenderlint.reporters.common import json_text
    from tenderlint.reporters.text import clean, no_command

    found = read_files(paths, outline_task)
    results = [entry(result) for result in found]
    if output_format == "json":
        click.echo(json_text(json.dumps(results, indent=2, ensure_ascii=False)))
    else:
        for result in results:
            click.echo("\n".join(no_command(clean(line)) for line in _text_lines(result)))
    sys.exit(2 if any(r.error for r in found) else 0)


def outline_task(task: Task) -> FileResult:
    """Runs in a worker: parse the file and describe its structure, under the same guard as linting."""
    from tenderlint.engine import linter_for

    def read(document: Document, result: FileResult) -> None:
        result.data = _describe(document)

    return linter_for(task.settings).read_bytes(task.data, task.display, read)


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
    return {"format": document.format, "blocks": blocks, "furniture": furniture}


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
