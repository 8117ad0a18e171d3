"""Run the selected rules over one file: parse, analyse, match, filter. One failure never stops a run."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from tenderlint import errors, limits
from tenderlint.analysis import Analysis
from tenderlint.config import Settings
from tenderlint.document import Document
from tenderlint.errors import ConfigError, InputError
from tenderlint.findings import Finding
from tenderlint.parsers.detect import detect_format
from tenderlint.parsers.package import archive_failure
from tenderlint.plugin.host import collect
from tenderlint.ruleset import RuleSet, load_ruleset
from tenderlint.suppressions import apply_suppressions
from tenderlint.yamlload import PackError


@dataclass
class FileError:
    code: str
    message: str
    hint: str = ""
    detail: str = ""  # traceback, shown only with --debug

    @property
    def name(self) -> str:
        return errors.ERROR_CODES.get(self.code, "error")


@dataclass
class FileResult:
    path: str
    format: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: FileError | None = None
    suppressed: int = 0
    words: int = 0
    # Things the reader should know that are not findings, e.g. parser warnings or rules not applied.
    notes: list[str] = field(default_factory=list)
    # The lowest severity that fails the run for this file (from its configuration).
    fail_on: str = "warning"
    # For rules about something missing: rule code -> whether this document has it (tender packs).
    coverage: dict[str, bool] = field(default_factory=dict)
    # What a command other than lint read from the file (`tenderlint profile`'s facts); never cached.
    data: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def parsers_by_format() -> dict[str, object]:
    return {parser.format: parser for group in collect("tenderlint_parsers") for parser in group}


class Linter:
    """Built once per distinct configuration; reused for every file that shares it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        full = load_ruleset(settings.rule_packs)
        _check_selectors(settings, full.metas)
        self.rules: RuleSet = full.selected(settings.select, settings.ignore, settings.severity)
        self._matcher = None

    @property
    def matcher(self):
        """Pattern rules compiled on first use, so that cached runs load nothing (and spaCy only if needed)."""
        if self._matcher is None:
            from tenderlint.nlp.engines import choose_engine
            from tenderlint.nlp.patterns import PatternMatcher

            engine = choose_engine(self.settings.pipeline, self.rules.pattern_rules)
            self._matcher = PatternMatcher(engine, self.rules.pattern_rules)
        return self._matcher

    def warm(self) -> None:
        """Compile patterns (and load spaCy, if used) now, before forking workers, so they share it."""
        _ = self.matcher

    def lint_bytes(self, data: bytes, path: str) -> FileResult:
        """Lint one file's bytes under its limits; every failure becomes this file's error, never the run's."""
        return self.read_bytes(data, path, self._lint_into)

    def _lint_into(self, document: Document, result: FileResult) -> None:
        findings, suppressed, result.coverage = self.lint_document(document)
        result.notes = list(document.warnings)
        result.findings, result.suppressed = findings, suppressed

    def read_bytes(self, data: bytes, path: str, use: Callable[[Document, FileResult], None]) -> FileResult:
        """Parse one file's bytes under its limits and hand the document to `use` (lint it, profile it);
        every failure becomes this file's error, never the run's."""
        result = FileResult(path=path)
        try:
            with limits.active(limits.Limits.from_settings(self.settings)):
                limits.check_file_size(len(data))
                result.format = detect_format(data, path)
                parser = parsers_by_format().get(result.format)
                if parser is None:
                    raise InputError(
                        errors.UNSUPPORTED_FORMAT, f"No parser is installed for {result.format} files."
                    )
                document = parser.parse(data, path)
                result.words = document.word_count
                use(document, result)
        except (ConfigError, PackError) as exc:  # found when patterns are compiled or spaCy is loaded
            result.error = FileError(errors.CONFIG, str(exc), "Fix the configuration.")
            return result
        except InputError as exc:
            if exc.__cause__ is not None and limits.out_of_memory(exc.__cause__):
                exc = limits.memory_error(limits.Limits.from_settings(self.settings))
            result.error = FileError(exc.code, exc.message, exc.hint)
            return result
        except Exception as exc:  # a bug in a parser, rule or plugin: report it for this file and go on
            # Running out of max-memory-mb, or a zip library failing on a damaged archive, is the file's
            # problem, not a bug.
            error = (
                limits.memory_error(limits.Limits.from_settings(self.settings))
                if limits.out_of_memory(exc)
                else archive_failure(exc)
            )
            if error is not None:
                result.error = FileError(error.code, error.message, error.hint)
                return result
            result.error = FileError(
                errors.INTERNAL,
                f"tenderlint failed on this file ({type(exc).__name__}: {exc}).",
                "Please report it with the file if you can; run with --debug for details.",
                traceback.format_exc(),
            )
            return result
        return result

    def lint_document(self, document: Document) -> tuple[list[Finding], int, dict[str, bool]]:
        """Findings after suppressions, how many were suppressed, and what the document covers of the
        rules about something missing (so a tender pack can be judged as a whole)."""
        if not any(block.text.strip() for block in document.text_blocks()):
            raise InputError(errors.EMPTY, "The document has no text to lint.", "Check it is the right file.")
        analysis = Analysis.build(document, self.settings, self.rules.citations)
        if analysis.profile.non_uk:
            document.warnings.append(
                "This looks like a procurement document from outside the UK; UK rules were not applied."
            )
            return [], 0, {}
        late = [rule for rule in self.rules.document_rules if getattr(rule, "after_suppressions", False)]
        findings = list(self.matcher.findings(analysis))
        for rule in self.rules.document_rules:
            if rule not in late:
                findings.extend(rule.check(analysis))
        outcome = apply_suppressions(document, analysis.blocks, findings)
        analysis.unused_suppressions = outcome.unused
        for rule in late:
            outcome.kept.extend(rule.check(analysis))
        coverage = {}
        for rule in self.rules.document_rules:
            covers = getattr(rule, "covers", None)  # plugin rules need not subclass DocumentRule
            covered = covers(analysis) if covers else None
            if covered is not None:
                coverage[rule.meta.code] = covered
        return sorted(outcome.kept, key=Finding.sort_key), outcome.suppressed, coverage


def _check_selectors(settings: Settings, metas: list) -> None:
    """Every configured selector must match a rule: a typo is an error, never a silently empty run."""
    from tenderlint.selectors import check_exact, check_selectors

    where = settings.source or "configuration"
    check_selectors(settings.select, metas, f"{where}: option 'select'")
    check_selectors(settings.ignore, metas, f"{where}: option 'ignore' or 'per-file-ignores'")
    check_exact((key for key, _ in settings.severity), metas, f"{where}: option 'severity'")


@lru_cache(maxsize=32)
def linter_for(settings: Settings) -> Linter:
    return Linter(settings)
