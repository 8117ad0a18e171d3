"""tenderlint benchmark: text throughput, PDF/DOCX cost per page, start-up, cached re-runs and memory,
with proselint and textlint timed on the same text. Run it from the project's virtualenv:

    python bench/run.py [--quick] [--runs N] [--install-others] [--json FILE]

Absolute times depend on the machine, so the report leads with ratios (to proselint and textlint, and
-j 2 to -j 1). Corpora and outputs go to bench/.work/ (git-ignored). See bench/README.md.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import re
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from measure import CACHE, OUT, Run, capture, find_tool, timed
from others import NOT_INSTALLED, proselint_command, textlint_command

TEXTLINT_STARTUP_REFERENCE = (
    0.54  # s: textlint 15.8 + write-good, measured elsewhere on these 2-core machines
)
SUMMARY_ORDER = ["j2", "j1", "pdf", "docx", "start", "help", "warm", "memory"]


class Bench:
    """The tenderlint under test, what its build supports, and the numbers and summary rows so far."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.runs = 1 if args.quick else args.runs
        self.tl = [args.tenderlint] if args.tenderlint else find_tool("tenderlint")
        if not self.tl:
            sys.exit("tenderlint not found: activate the project's virtualenv or pass --tenderlint PATH")
        help_text = capture([*self.tl, "lint", "--help"])[1]
        self.has_jobs = bool(re.search(r"(^|[\s,])(-j|--jobs)\b", help_text))
        self.has_no_cache = "--no-cache" in help_text
        self.numbers: dict[str, object] = {"runs": self.runs, "cores": os.cpu_count()}
        self.summary: dict[str, tuple[str, str, str, str]] = {}
        self.notes: list[str] = []

    def lint(self, name: str, args: list[str], runs: int, memory: bool = False) -> Run:
        """An uncached tenderlint run: --no-cache when the build has it, and the cache folder deleted."""
        run = timed(
            [*self.tl, *args, *(["--no-cache"] if self.has_no_cache else [])],
            runs,
            name,
            memory=memory,
            uncached=True,
        )
        note = "--no-cache runs still write .tenderlint_cache/ (timings here delete it before each run)"
        if run.cache_written and self.has_no_cache and note not in self.notes:
            self.notes.append(note)
        return run

    def row(self, key: str, metric: str, value: str, target: str, ok: bool | None) -> None:
        self.summary[key] = (metric, value, target, "n/a" if ok is None else ("yes" if ok else "NO"))

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The summary in a fixed order, whatever order the measurements ran in."""
        return [self.summary[k] for k in SUMMARY_ORDER if k in self.summary]


def documents(folder: Path) -> list[str]:
    """Files named one by one: tenderlint skips git-ignored files when it walks a folder, and
    bench/.work is git-ignored, so `tenderlint bench/.work/text` would lint nothing."""
    return sorted(str(p) for p in folder.iterdir() if p.is_file())


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×"


def show(label: str, run: Run, extra: str = "") -> None:
    """One result line: wall time, CPU time (user + system, all processes), then details."""
    cpu = f"cpu {run.cpu_s:6.2f} s" if run.cpu_s is not None else ""
    print(f"  {label:<30}{run.seconds:8.3f} s  {cpu}   {extra}".rstrip())


def load_note(at_end: bool = False) -> str:
    """Other processes on the machine stretch wall times: say so, since CPU times then read fairer.

    At the end the one-minute load average mostly counts the benchmark's own runs, so it is only shown.
    """
    if not hasattr(os, "getloadavg"):
        return ""
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    if at_end:
        return f"load average {load:.2f} on {cores} cores at the end, this benchmark's own runs included"
    busy = " (busy: wall times are inflated, compare CPU times)" if load > 0.5 * cores else ""
    return f"load average {load:.2f} on {cores} cores{busy}"


def rule_coverage(bench: Bench, report: Path) -> str:
    """Which built-in rules fired: the corpus only exercises tenderlint fully if all of them do."""
    all_rules = set(re.findall(r"^(TL\d+)", capture([*bench.tl, "rules"])[1], re.M))
    try:
        files = json.loads(report.read_text())["files"]
    except (ValueError, KeyError, OSError):
        return "rule coverage: the JSON report could not be read"
    fired = {f["code"] for file in files for f in file["findings"]}
    findings, errors = sum(len(f["findings"]) for f in files), sum(1 for f in files if f["error"])
    bench.numbers["text_rules"] = {"fired": sorted(fired), "total": len(all_rules), "findings": findings}
    silent = ", ".join(sorted(all_rules - fired)) or "none"
    return (
        f"{len(files)} files linted ({errors} errors), {findings:,} findings, "
        f"{len(fired & all_rules)}/{len(all_rules)} rules fired (silent: {silent})"
    )


def bench_text(bench: Bench, folder: Path, words: int) -> dict[str, float]:
    """1. The 1M-word corpus with -j 1 and -j 2: words/s end to end, and peak memory."""
    print(f"\n1. Text throughput: {words:,} words in {len(documents(folder))} .md files (--format json)")
    rates: dict[str, float] = {}
    for jobs in ("1", "2") if bench.has_jobs else ("",):
        key, flags = f"j{jobs or 1}", ["-j", jobs] if jobs else []
        run = bench.lint(
            f"text-{key}", [*documents(folder), "--format", "json", *flags], bench.runs, memory=True
        )
        rates[key] = words / run.seconds
        bench.numbers[f"text_{key}"] = asdict(run) | {"words_per_s": rates[key]}
        memory = f"peak RSS {run.max_rss_mb or 0:.0f} MB largest process, {run.tree_rss_mb or 0:.0f} MB all processes"
        show(
            f"tenderlint -j {jobs}" if jobs else "tenderlint (serial)",
            run,
            f"{rates[key]:>9,.0f} words/s   {memory}",
        )
    if bench.has_jobs:
        print(f"  -j 2 is {ratio(rates['j2'], rates['j1'])} the speed of -j 1 ({os.cpu_count()} cores)")
    else:
        print("  tenderlint -j 2: -j not available in this build")
    print("  " + rule_coverage(bench, OUT / "text-j1.out"))
    peak = max((bench.numbers[f"text_{k}"]["max_rss_mb"] or 0 for k in rates), default=0)
    bench.row(
        "memory",
        "peak memory, text run (largest process)",
        f"{peak:.0f} MB",
        "< 300 MB",
        peak < 300 if peak else None,
    )
    return rates


def compare(bench: Bench, rates: dict[str, float], rate: float) -> None:
    """Summary rows for the throughput targets, which are set relative to proselint."""
    if "j2" in rates:
        bench.row(
            "j2",
            "text -j 2, words/s",
            f"{rates['j2']:,.0f} = {ratio(rates['j2'], rate)} proselint",
            "≥ 2.5× proselint",
            rates["j2"] >= 2.5 * rate,
        )
    label = "text -j 1, words/s" if bench.has_jobs else "text (serial build), words/s"
    bench.row(
        "j1",
        label,
        f"{rates['j1']:,.0f} = {ratio(rates['j1'], rate)} proselint",
        "≥ 1× proselint",
        rates["j1"] >= rate,
    )


def bench_others(
    bench: Bench, folder: Path, words: int, rates: dict[str, float], install: bool
) -> dict[str, float]:
    """2. proselint and textlint on the same files; returns their start-up times."""
    print("\n2. Other linters on the same text")
    startups: dict[str, float] = {}
    for name, found in (("proselint", proselint_command()), ("textlint", textlint_command(install))):
        if not found:
            print(f"  {name:<30}{NOT_INSTALLED[name]}")
            continue
        cmd, version, cwd = found
        run = timed([*cmd, *documents(folder)], bench.runs, f"text-{name}", cwd=cwd)
        startups[name] = timed([*cmd, str(corpus.WORK / "one.md")], 5, f"start-{name}", cwd=cwd).seconds
        rate = words / run.seconds
        bench.numbers[name] = asdict(run) | {
            "version": version,
            "words_per_s": rate,
            "startup_s": startups[name],
        }
        show(version, run, f"{rate:>9,.0f} words/s   start-up {startups[name]:.2f} s")
        print(
            "  tenderlint words/s: "
            + ", ".join(f"-j {k[1]} = {ratio(v, rate)}" for k, v in rates.items())
            + f" {name}'s"
        )
        if name == "proselint":
            compare(bench, rates, rate)
    if "proselint" not in startups:
        bench.row("j1", "text words/s", f"{rates['j1']:,.0f}", "≥ proselint (not installed)", None)
    return startups


def bench_startup(bench: Bench, textlint: float | None) -> Run:
    """3. Start-up: a one-page .md and --help, fresh processes, median of 5."""
    print("\n3. Cold start (fresh process each time, median of 5)")
    one_run, help_run = bench.lint("start-one", ["one.md"], 5), timed([*bench.tl, "--help"], 5, "start-help")
    one, help_s = one_run.seconds, help_run.seconds
    bench.numbers |= {"cold_start": asdict(one_run), "help": asdict(help_run)}
    show("tenderlint one.md" + (" --no-cache" if bench.has_no_cache else ""), one_run)
    show("tenderlint --help", help_run)
    reference, source = (textlint, "measured") if textlint else (TEXTLINT_STARTUP_REFERENCE, "reference")
    bench.row(
        "start",
        "cold start, one-page .md",
        f"{one:.2f} s = {ratio(one, reference)} textlint",
        f"≤ textlint ({reference:.2f} s, {source})",
        one <= reference,
    )
    bench.row("help", "tenderlint --help", f"{help_s:.3f} s", "< 0.15 s", help_s < 0.15)
    return one_run


def bench_binary(bench: Bench, path: Path, pages: int, start: Run, target: float) -> None:
    """4. A 100-page document, less the one-page cold start, so the figure is the per-page work."""
    kind = path.suffix[1:]
    run = bench.lint(f"binary-{kind}", [str(path)], bench.runs)
    after = max(run.seconds - start.seconds, 0.0)
    cpu_after = max((run.cpu_s or 0) - (start.cpu_s or 0), 0.0)
    bench.numbers[f"{kind}_100"] = asdict(run) | {"after_startup_s": after, "cpu_after_startup_s": cpu_after}
    per_page = f"{1000 * after / pages:.1f} ms/page ({1000 * cpu_after / pages:.1f} ms/page cpu)"
    show(f"{path.name} ({pages} pages)", run, f"after start-up {after:.2f} s = {per_page}")
    bench.row(
        kind, f"{pages}-page .{kind}, after start-up", f"{after:.2f} s", f"< {target:g} s", after < target
    )


def bench_warm(bench: Bench, folder: Path) -> None:
    """5. The second run over a 200-document folder, which the result cache should make nearly free."""
    counts = ", ".join(
        f"{len(list(folder.glob('*' + e)))} {e}" for e in (".md", ".txt", ".docx", ".pdf", ".odt")
    )
    print(f"\n5. Warm re-run: {len(documents(folder))} documents ({counts}), cache on")
    first = timed([*bench.tl, *documents(folder)], 1, "warm-fill", uncached=True)
    cached = CACHE.is_dir()
    second = timed([*bench.tl, *documents(folder)], bench.runs, "warm-second")
    bench.numbers["warm"] = {"first": asdict(first), "second": asdict(second), "cache_dir": cached}
    show("first run (fills the cache)", first)
    show("second run", second, f"{ratio(first.seconds, second.seconds)} faster than the first")
    if not cached:
        print(
            "  result cache not available in this build (no .tenderlint_cache/ created): second run is uncached"
        )
    bench.row(
        "warm",
        "warm re-run, 200 docs",
        f"{second.seconds:.2f} s",
        "< 1 s",
        second.seconds < 1 if cached else None,
    )


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    head = ("metric", "tenderlint", "target", "ok?")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    for r in [head, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())


def build_corpora() -> dict:
    """Everything under bench/.work, rebuilt on every run (a few seconds) so it always matches the code."""
    start = time.perf_counter()
    text, words = corpus.build_text()
    corpus.build_one_page()
    pdf = corpus.build_pdf()
    built = {
        "text": text,
        "words": words,
        "pdf": pdf,
        "pages": corpus.page_count(pdf),
        "docx": corpus.build_docx(),
    }
    built["warm"] = corpus.build_warm()
    print(
        f"corpora: built in bench/.work in {time.perf_counter() - start:.1f} s from {len(corpus.source_files())} sample documents"
    )
    return built


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per measurement, reporting the median (default 3)"
    )
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument(
        "--install-others", action="store_true", help="npm install textlint into bench/.work/node"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every number to FILE as JSON")
    parser.add_argument(
        "--tenderlint", help="the tenderlint executable (default: next to this Python, then PATH)"
    )
    return parser.parse_args(argv)


def compile_bytecode() -> str:
    """Compile the package's bytecode before timing, as an installed copy has it (pip compiles a wheel at
    install). An editable install run with PYTHONDONTWRITEBYTECODE set never writes it, so every process
    would compile the source again and the start-up figures would measure the compiler."""
    spec = importlib.util.find_spec("tenderlint")
    if spec is None or spec.origin is None:
        return "tenderlint is not importable here: not compiled"
    folder = Path(spec.origin).parent
    compileall.compile_dir(str(folder), quiet=1)
    return f"compiled for {folder}"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    bench = Bench(args)
    version = capture([*bench.tl, "--version"])[1].strip()
    print(
        f"{version} | Python {platform.python_version()} | {platform.platform()} | {os.cpu_count()} cores | median of {bench.runs}"
    )
    for flag, present in (("-j", bench.has_jobs), ("--no-cache", bench.has_no_cache)):
        print(f"  {flag}: {'available' if present else 'not available in this build'}")
    print(f"  at start: {load_note()}")
    print(f"  bytecode: {compile_bytecode()}")
    corpus.fresh_dir(OUT)
    built = build_corpora()
    rates = bench_text(bench, built["text"], built["words"])
    startups = bench_others(bench, built["text"], built["words"], rates, args.install_others)
    start = bench_startup(bench, startups.get("textlint"))
    print("\n4. PDF and DOCX (time minus the one-page cold start above)")
    bench_binary(bench, built["pdf"], built["pages"], start, 1.0)
    bench_binary(bench, built["docx"], 100, start, 0.5)
    bench_warm(bench, built["warm"])
    print(f"\nSummary ({load_note(at_end=True)})")
    print_table(bench.rows())
    for note in bench.notes:
        print(f"note: {note}")
    if args.json:
        bench.numbers["summary"] = [
            dict(zip(("metric", "tenderlint", "target", "ok"), r)) for r in bench.rows()
        ]
        bench.numbers["notes"] = bench.notes
        args.json.write_text(json.dumps(bench.numbers, indent=2, default=str) + "\n")
        print(f"numbers written to {args.json}")


if __name__ == "__main__":
    main()
