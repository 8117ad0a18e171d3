"""Safe YAML loading that keeps line numbers, so errors in rule packs point at file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class PackError(Exception):
    """A rule pack or citations file that cannot be used; the message names file, line and key."""


def load_yaml(path: Path) -> Any:
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror}") from None
