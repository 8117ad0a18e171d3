"""The built-in plugin: tenderlint's own parsers, rule packs, rules and reporters, via the public hooks."""

from __future__ import annotations

from pathlib import Path

from tenderlint.plugin.hookspecs import hookimpl
from tenderlint.resources import builtin_rules_dir


@hookimpl
def tenderlint_parsers() -> list:
    from tenderlint.parsers.lazy import LazyParser

    return [
        LazyParser("docx", (".docx",), "tenderlint.parsers.docx", "DocxParser"),
        LazyParser("pdf", (".pdf",), "tenderlint.parsers.pdf", "PdfParser"),
        LazyParser("odt", (".odt",), "tenderlint.parsers.odt", "OdtParser"),
        LazyParser("md", (".md", ".markdown"), "tenderlint.parsers.markdown", "MarkdownParser"),
        LazyParser("html", (".html", ".htm"), "tenderlint.parsers.html", "HtmlParser"),
        LazyParser("txt", (".txt", ".text"), "tenderlint.parsers.text", "TextParser"),
    ]


@hookimpl
def tenderlint_rule_packs() -> list[Path]:
    return [builtin_rules_dir()]


@hookimpl
def tenderlint_citations() -> list[Path]:
    return [builtin_rules_dir() / "citations.yaml"]


@hookimpl
def tenderlint_rules() -> list:
    from tenderlint.rules.absence import (
        EqualityBlind,
        FairWorkAbsent,
        NoCoproduction,
        NoMarketEngagement,
        PreventionAbsent,
    )
    from tenderlint.rules.contract_term import ShortContractTerm
    from tenderlint.rules.deficit_language import DeficitOnlyLanguage
    from tenderlint.rules.evaluation import EvaluationNotFound, PriceDominant
    from tenderlint.rules.prescriptive import PrescriptiveMethod
    from tenderlint.rules.regime import RegimeMismatch
    from tenderlint.rules.social_value import SocialValueWeighting
    from tenderlint.rules.tender_window import TenderWindowFromDates
    from tenderlint.rules.unused_suppression import UnusedSuppression

    return [
        SocialValueWeighting,
        PriceDominant,
        PrescriptiveMethod,
        EvaluationNotFound,
        ShortContractTerm,
        RegimeMismatch,
        TenderWindowFromDates,
        DeficitOnlyLanguage,
        NoCoproduction,
        FairWorkAbsent,
        EqualityBlind,
        NoMarketEngagement,
        PreventionAbsent,
        UnusedSuppression,
    ]


@hookimpl
def tenderlint_reporters() -> dict:
    from tenderlint.reporters.lazy import LazyReporter

    classes = {
        "text": ("text", "TextReporter"),
        "concise": ("concise", "ConciseReporter"),
        "json": ("json", "JsonReporter"),
        "jsonl": ("jsonl", "JsonlReporter"),
        "sarif": ("sarif", "SarifReporter"),
        "github": ("github", "GithubReporter"),
        "junit": ("junit", "JunitReporter"),
        "gitlab": ("gitlab", "GitlabReporter"),
        "html": ("html", "HtmlReporter"),
    }
    return {
        name: LazyReporter(f"tenderlint.reporters.{module}", cls) for name, (module, cls) in classes.items()
    }
