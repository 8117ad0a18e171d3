"""tenderlint: a linter for public-sector tender documents.

`tenderlint.lint_paths(paths)` and `tenderlint.lint_text(text)` are the Python API (see
`tenderlint.api`); they are imported on first use, so `import tenderlint` stays instant.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: `import tenderlint` stays instant
__version__ = "0.1.0"
__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from tenderlint.api import lint_paths, lint_text


def __getattr__(name: str) -> object:
    if name in ("lint_paths", "lint_text"):
        from tenderlint import api

        return getattr(api, name)
    raise AttributeError(f"module 'tenderlint' has no attribute {name!r}")
