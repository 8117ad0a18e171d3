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
    """A rule pack, citations or labels file as data. Only a regular file of at most MAX_BYTES is read,
    and aliases may not expand the document past MAX_NODES nodes ("billion laughs"): both would
    otherwise hang the run or exhaust memory before a single document is linted."""
    import yaml

    from tenderlint.readfile import read_regular

    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
        loader = _loader()(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _check_expansion(node, path)
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: cannot read: not UTF-8 text ({exc.reason})") from None
    except RecursionError:
        raise PackError(f"{path}: invalid YAML: nested too deeply") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror or exc}") from None


MAX_BYTES = 16 * 1024 * 1024
MAX_NODES = 1_000_000  # the built-in packs together have under 10,000


def _check_expansion(root: Any, path: Path) -> None:
    """Refuse a document whose aliases would expand it past MAX_NODES nodes, or refer to themselves.

    Sizes are computed on the node graph (each distinct node once), so the check itself never expands.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Any) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise PackError(f"{path}: an alias refers to the node that contains it")
        open_nodes.add(key)
        total = 1
        if isinstance(node.value, list):
            for item in node.value:
                parts = item if isinstance(item, tuple) else (item,)
                total += sum(size(part) for part in parts)
                if total > MAX_NODES:
                    raise PackError(
                        f"{path}: YAML aliases expand to more than {MAX_NODES:,} values; "
                        "write the values out instead of repeating aliases"
                    )
        open_nodes.discard(key)
        sizes[key] = total
        return total

    size(root)
