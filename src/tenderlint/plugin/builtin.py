"""The built-in plugin: tenderlint's own parsers, rule packs, rules and reporters, via the public hooks."""

from __future__ import annotations

from pathlib import Path

from tenderlint.plugin.hookspecs import hookimpl
from tenderlint.resources import builtin_rules_dir


@hookimpl
def tenderlint_parsers() -> list:
    from tenderlint.parsers.docx import DocxParser
    from tenderlint.parsers.html import HtmlParser
    from tenderlint.parsers.markdown import MarkdownParser
    from tenderlint.parsers.odt import OdtParser
    from tenderlint.parsers.pdf import PdfParser
    from tenderlint.parsers.text import TextParser

    return [DocxParser(), PdfParser(), OdtParser(), MarkdownParser(), HtmlParser(), TextParser()]


@hookimpl
def tenderlint_rule_packs() -> list[Path]:
    return [builtin_rules_dir()]


@hookimpl
def tenderlint_citations() -> list[Path]:
    return [builtin_rules_dir() / "citations.yaml"]


@hookimpl
def tenderlint_rules() -> list:
    from tenderlint.rules.social_value import SocialValueWeighting

    return [SocialValueWeighting]


@hookimpl
def tenderlint_reporters() -> dict:
    from tenderlint.reporters.json import JsonReporter
    from tenderlint.reporters.text import TextReporter

    return {"text": TextReporter(), "json": JsonReporter()}
