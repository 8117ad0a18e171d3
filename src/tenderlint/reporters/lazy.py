"""A built-in reporter imported when it is first used: a run writes one format, and importing all nine
(the HTML report's templates and charts, JUnit's XML) took a noticeable part of a one-page run."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any

from tenderlint.engine import FileResult
from tenderlint.reporters.base import ReportContext


class LazyReporter:
    """Stands for `module.name()`, created on the first `render`."""

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name
        self._reporter: Any = None

    def load(self) -> Any:
        """The reporter itself, imported now if it was not yet."""
        if self._reporter is None:
            self._reporter = getattr(import_module(self.module), self.name)()
        return self._reporter

    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        return self.load().render(results, context)

    def __repr__(self) -> str:
        return f"LazyReporter({self.module}.{self.name})"
