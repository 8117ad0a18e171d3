"""Every hook tenderlint calls. Plugins implement them with `@tenderlint.plugin.hookimpl`.

A plugin is any module or object registered under the `tenderlint` entry point group; the built-in
rules, parsers and reporters are registered the same way.
"""

from __future__ import annotations

from pathlib import Path

import pluggy

hookspec = pluggy.HookspecMarker("tenderlint")
hookimpl = pluggy.HookimplMarker("tenderlint")


@hookspec
def tenderlint_parsers() -> list:
    """Return parser objects (see `tenderlint.parsers.base.Parser`)."""


@hookspec
def tenderlint_rule_packs() -> list[Path]:
    """Return YAML rule pack files or folders of them."""


@hookspec
def tenderlint_rules() -> list:
    """Return document-level rule classes (subclasses of `tenderlint.rules.base.DocumentRule`)."""


@hookspec
def tenderlint_citations() -> list[Path]:
    """Return citations registry YAML files."""


@hookspec
def tenderlint_reporters() -> dict:
    """Return {format name: reporter}; a reporter has `render(results, context) -> str`."""
