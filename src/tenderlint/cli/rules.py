"""`tenderlint rules` lists every rule; `tenderlint rule CODE` explains one, like `ruff rule`."""

from __future__ import annotations

import json
import sys
import textwrap

import click


def _ruleset():
    from tenderlint.ruleset import load_ruleset
    from tenderlint.yamlload import PackError

    try:
        return load_ruleset()
    except PackError as exc:
        click.echo(f"tenderlint: error: {exc}", err=True)
        sys.exit(2)


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules(output_format: str) -> None:
    """List every rule: code, name, family, default severity and message."""
    metas = _ruleset().metas
    if output_format == "markdown":
        click.echo(rules_markdown(metas), nl=False)
        return
    if output_format == "json":
        rows = [
            {
                "code": m.code,
                "name": m.name,
                "family": m.family,
                "severity": m.severity.value,
                "message": m.message,
            }
            for m in metas
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for m in metas:
        click.echo(f"{m.code}  {m.name:<34} {m.severity.value:<8} {m.family:<26} {m.message}")


def rules_markdown(metas) -> str:
    """The rule index table kept in README.md (a test checks they match)."""
    lines = ["| Code | Name | Family | Severity | What it finds |", "| --- | --- | --- | --- | --- |"]
    for m in metas:
        lines.append(f"| {m.code} | `{m.name}` | {m.family} | {m.severity.value} | {m.message} |")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("code")
def rule(code: str) -> None:
    """Explain one rule (by code or name): why it matters, what to write instead, and the law."""
    ruleset = _ruleset()
    meta = ruleset.find(code)
    if meta is None:
        from tenderlint.selectors import suggestion

        near = suggestion(code, ruleset.metas)
        hint = f"did you mean '{near}'?" if near else "see `tenderlint rules`"
        click.echo(f"tenderlint: error: no rule called {code!r} ({hint})", err=True)
        sys.exit(2)
    pattern_rule = next((r for r in ruleset.pattern_rules if r.meta.code == meta.code), None)
    click.echo(render_rule(meta, ruleset.citations, pattern_rule))


def render_how(rule) -> list[str]:
    """How a wording rule matches: its concepts per clause, and the contexts that cancel it."""
    from tenderlint.nlp.context import CONTEXTS

    out = ["", "How it matches"]
    if rule.patterns or rule.phrases:
        out.append(f"  {len(rule.patterns)} token pattern(s) and {len(rule.phrases)} phrase(s)")
    concepts = {c.name: c for c in rule.concepts}
    for clause in rule.clauses:
        needs = " + ".join(" or ".join(group) for group in clause.groups)
        line = f"  in one {clause.within}: {needs}"
        if clause.absent:
            line += f"; not with {', '.join(clause.absent)}"
        out.append(line)
    for name in sorted(concepts):
        out.append(f"    {name}: {concepts[name].about}")
    cancelled = [c for c in CONTEXTS if c in rule.cancelled_by]
    kept = [c for c in CONTEXTS if c not in rule.cancelled_by]
    out.append(f"  cancelled when: {', '.join(cancelled) or 'never'}")
    if kept:
        out.append(f"  not cancelled when: {', '.join(kept)} (its own wording)")
    if rule.number_concept or rule.at_least is not None or rule.at_most is not None:
        bounds = []
        if rule.at_least is not None:
            bounds.append(f"at least {rule.at_least:g}")
        if rule.at_most is not None:
            bounds.append(f"at most {rule.at_most:g}")
        where = f" in {rule.number_concept}" if rule.number_concept else ""
        setting = f" (setting {rule.number_setting})" if rule.number_setting else ""
        out.append(f"  number{where}: {' and '.join(bounds)}{setting}")
    return out


def render_rule(meta, citations, pattern_rule=None) -> str:
    """The explanation page for one rule, with fixed headings (also used for the README index)."""
    wrap = lambda text: textwrap.fill(" ".join(text.split()), width=100)  # noqa: E731
    out = [
        f"{meta.code} {meta.name}  ({meta.family}, default severity {meta.severity.value})",
        "",
        "What it finds",
        wrap(meta.message),
        "",
        "Why it matters",
        wrap(meta.rationale or meta.message),
        "",
        "What to write instead",
        wrap(meta.fix),
    ]
    if pattern_rule is not None:
        out += render_how(pattern_rule)
    if meta.examples_fail:
        out += ["", "Flagged"] + [f"  ✗ {example}" for example in meta.examples_fail]
    if meta.examples_pass:
        out += ["", "Not flagged"] + [f"  ✓ {example}" for example in meta.examples_pass]
    out += ["", "Citations"]
    for cid in meta.citations:
        c = citations[cid]
        out.append(f"  {c.title} — {c.url}")
        out.append(textwrap.indent(wrap(c.summary), "    "))
    for key, ids in meta.alt_citations.items():
        out.append(f"  under {key}: " + "; ".join(f"{citations[i].title} — {citations[i].url}" for i in ids))
    return "\n".join(out)
