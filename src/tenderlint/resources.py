"""Where the built-in rule packs live: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).with_name("_rules")
_CHECKOUT = Path(__file__).resolve().parents[2] / "rules"


def builtin_rules_dir() -> Path:
    """The folder holding the built-in YAML packs and citations.yaml."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT
