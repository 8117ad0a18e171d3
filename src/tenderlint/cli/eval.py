"""`tenderlint eval PATH`: measure precision and recall per rule on a folder of labelled documents."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tenderlint.errors import ConfigError


@click.command(name="eval")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--gate",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML file of minimum scores; exit 1 if any is not met.",
)
@click.option("--show-mistakes", is_flag=True, help="List every missed and unexpected finding.")
def evaluate(path: Path, output_format: str, gate: Path | None, show_mistakes: bool) -> None:
    """Score every rule against the gold labels (*.expect.yaml) under PATH.

    Prints true positives, false positives, misses, precision and recall per rule, and the overall
    micro-averages. A labelled document's findings must all be expected: anything else is a false positive.
    """
    from tenderlint.cli.reading import command_errors
    from tenderlint.evaluate import Scores, find_labels, score_document, table
    from tenderlint.ruleset import load_ruleset
    from tenderlint.runner import Runner, RunOptions

    with command_errors():
        labels = find_labels(path)
        known = [meta.code for meta in load_ruleset().metas]
        gate_limits = read_gate(gate) if gate else None
        scores = Scores()
        present = [label for label in labels if label.document.exists()]
        scores.missing += [str(label.document) for label in labels if not label.document.exists()]
        # Each document is linted as `lint` would, in a worker under its own limits, and on its own:
        # labels judge one document, so documents in a tender pack are not judged as a pack here.
        runner = Runner(RunOptions())
        for label in present:
            score_document(scores, label, runner.lint(str(label.document)))
    codes = sorted(set(known) | set(scores.rules))
    failures = check_gate(scores, gate_limits) if gate_limits is not None else []
    if output_format == "json":
        click.echo(json.dumps(as_json(scores, codes, failures), indent=2))
    else:
        lines = [f"{scores.documents} labelled documents", *table(scores, codes)]
        lines += [f"not found (skipped): {m}" for m in scores.missing]
        lines += [f"could not be linted: {e}" for e in scores.errors]
        if show_mistakes:
            lines += ["", *scores.mistakes]
        lines += [f"GATE FAILED: {f}" for f in failures]
        click.echo("\n".join(lines))
    sys.exit(2 if scores.errors else 1 if failures else 0)


GATE_KEYS = ("min-precision", "min-recall", "rule-min-instances", "rule-min-score")


def read_gate(gate: Path) -> dict:
    """The gate file's minimums, each a number; anything else is a configuration error."""
    from tenderlint.config import tomllib  # here, not at the top: `tenderlint --help` must stay fast
    from tenderlint.readfile import read_regular

    try:
        limits = tomllib.loads(read_regular(gate, 1024 * 1024).decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{gate}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ConfigError(f"{gate}: invalid TOML: {exc or 'nested too deeply'}") from None
    for key in GATE_KEYS:
        value = limits.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{gate}: '{key}' must be a number")
    return limits


def check_gate(scores, limits: dict) -> list[str]:
    """Minimums from the gate file: overall precision and recall, and per rule with enough instances."""
    failures = []
    total = scores.total
    for name, value in (("precision", total.precision), ("recall", total.recall)):
        minimum = limits[f"min-{name}"]
        if value is None or value < minimum:
            failures.append(f"overall {name} {value if value is None else round(value, 3)} < {minimum}")
    for code, score in sorted(scores.rules.items()):
        if score.instances < limits["rule-min-instances"]:
            continue
        for name in ("precision", "recall"):
            value = getattr(score, name)
            if value is not None and value < limits["rule-min-score"]:
                failures.append(f"{code} {name} {value:.3f} < {limits['rule-min-score']}")
    return failures


def as_json(scores, codes: list[str], failures: list[str]) -> dict:
    def entry(s) -> dict:
        return {
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
            "silent_cases": s.silent_cases,
            "precision": s.precision,
            "recall": s.recall,
        }

    return {
        "documents": scores.documents,
        "rules": {code: entry(scores.rules[code]) for code in codes if code in scores.rules},
        "micro": entry(scores.total),
        "missing": scores.missing,
        "errors": scores.errors,
        "gate_failures": failures,
    }
