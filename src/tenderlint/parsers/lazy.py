"""A parser that imports its module on first use, so linting Markdown never loads the PDF stack."""

from __future__ import annotations

from importlib import import_module

from tenderlint.document import Document


class LazyParser:
    def __init__(self, format: str, extensions: tuple[str, ...], module: str, class_name: str) -> None:
        self.format = format
        self.extensions = extensions
        self._target = (module, class_name)
        self._parser = None

    def parse(self, data: bytes, path: str) -> Document:
        if self._parser is None:
            module, class_name = self._target
            self._parser = getattr(import_module(module), class_name)()
        return self._parser.parse(data, path)
