"""Safe YAML loading that keeps line numbers, so errors in rule packs point at file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


class PackError(Exception):
    """A rule pack or citations file that cannot be used; the message names file, line and key."""


@lru_cache(maxsize=1)
def _loader():
    """A safe loader with YAML 1.2 booleans: only true/false, so words like "no" and "on" stay words
    (rule patterns are full of them)."""
    import re

    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ten times faster

    class RuleLoader(base):
        pass

    RuleLoader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for key, resolvers in base.yaml_implicit_resolvers.items()
    }
    RuleLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return RuleLoader


def load_yaml(path: Path) -> Any:
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror}") from None
