"""The shape of a document-level rule: metadata as data, and one `check` generator."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding, RuleMeta
from tenderlint.rules.pattern import build_meta


class DocumentRule(ABC):
    """Subclass, fill `definition` (the same keys as a YAML rule) and write `check`."""

    definition: ClassVar[dict]
    meta: ClassVar[RuleMeta]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "definition" not in cls.__dict__:  # an intermediate base such as AbsenceRule
            return
        cls.meta = build_meta(cls.definition, f"{cls.__module__}.{cls.__name__}", source=cls.__module__)

    @abstractmethod
    def check(self, analysis: Analysis) -> Iterable[Finding]:
        """Yield the findings for one analysed document."""

    def covers(self, analysis: Analysis) -> bool | None:
        """For rules about something missing: whether this document has it. In a tender pack the
        rule then speaks once for the pack, and only if no file has it. None: judged file by file."""
        return None
