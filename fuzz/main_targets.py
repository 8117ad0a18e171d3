"""The fuzz targets of `main_process.py`: each takes mutated bytes, runs one main-process path (or
`profile`'s and `--annotate`'s reading) and returns an outcome name. The refusals each path documents
are outcomes; any other exception escapes and is counted as a crash."""

from __future__ import annotations

import dataclasses
import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
CRASHERS = ROOT / "tests" / "hostile" / "crashers"
DOCUMENTS = [CORPORA / f"home-care-spec{suffix}" for suffix in (".docx", ".odt", ".pdf")]
CONFIGS = {
    ".tenderlint.toml": b'ignore = ["TL105"]\nfail-on = "error"\nmin-social-value-weighting = 15\n'
    b'rule-packs = []\ntimeout-seconds = 30\nmax-memory-mb = 512\n[severity]\nTL201 = "error"\n'
    b'[per-file-ignores]\n"archive/*.docx" = ["TL5"]\n',
    "pyproject.toml": b'[project]\nname = "x"\n[tool.tenderlint]\nselect = ["TL2", "hourly-rate-payment"]\n'
    b'jurisdiction = "wales"\nmax-archive-mb = 64\nexclude = ["old/*"]\n',
}
# How often each target is picked: the document-reading ones cost a parse each.
WEIGHTS = {
    "detect": 6,
    "config": 4,
    "pack": 3,
    "baseline": 3,
    "cache": 3,
    "eval": 3,
    "annotate": 1,
    "profile": 1,
}


# How often each target is picked: the document-reading ones cost a parse each.
WEIGHTS = {
    "detect": 6,
    "config": 4,
    "pack": 3,
    "baseline": 3,
    "cache": 3,
    "eval": 3,
    "annotate": 1,
    "profile": 1,
}


class Targets:
    """Seeds and runners for every target, set up once in `scratch`."""

    def __init__(self, scratch: Path) -> None:
        os.environ["TENDERLINT_CACHE_DIR"] = str(scratch / "cache")
        from tenderlint import cache
        from tenderlint.baseline import write_baseline
        from tenderlint.runner import Runner, RunOptions

        self.scratch = scratch
        runner = Runner(RunOptions(use_cache=False, isolate=False))
        documents = [*DOCUMENTS, CORPORA / "home-care-spec.md"]
        self.linted = {path.suffix: runner.lint(str(path)) for path in documents}
        self.documents = {path: path.read_bytes() for path in [*DOCUMENTS, *sorted(CRASHERS.glob("*.*[tx]"))]}
        self.settings = runner.settings_for(str(documents[0]))
        results = list(self.linted.values())
        self.baseline = write_baseline(results, "0")
        self.key = "ab" * 32
        cache.store(self.key, self.linted[".md"])
        self.cache_entry = (cache.cache_dir() / self.key[:2] / f"{self.key}.json").read_bytes()
        self.packs = [_renamed(path.read_bytes()) for path in sorted((ROOT / "rules").glob("tl*.yaml"))]
        self.labels = [path.read_bytes() for path in sorted(CORPORA.glob("*.expect.yaml"))]
        self.gate = (CORPORA / "gate.toml").read_bytes()

    def seed(self, name: str, rng: random.Random) -> tuple[str, str, bytes]:
        """(kind, seed name, bytes) to mutate for target `name`."""
        if name in ("detect", "annotate", "profile"):
            pool = DOCUMENTS[:2] if name == "annotate" else list(self.documents)
            path = rng.choice(pool)
            return path.suffix, path.name, self.documents[path]
        if name == "config":
            file = rng.choice(sorted(CONFIGS))
            return "toml", file, CONFIGS[file]
        if name == "pack":
            index = rng.randrange(len(self.packs))
            return "yaml", f"pack{index}", self.packs[index]
        if name == "eval":
            if rng.random() < 0.3:
                return "toml", "gate.toml", self.gate
            index = rng.randrange(len(self.labels))
            return "yaml", f"label{index}", self.labels[index]
        return "json", name, self.baseline if name == "baseline" else self.cache_entry

    def run(self, name: str, data: bytes, kind: str) -> str:
        return getattr(self, f"_{name}")(data, kind)

    def _detect(self, data: bytes, kind: str) -> str:
        from tenderlint.config import Settings
        from tenderlint.errors import InputError
        from tenderlint.parsers.detect import detect_format
        from tenderlint.runner import _refused_by_header
        from tenderlint.workers import Task

        _refused_by_header(Task(0, f"x{kind}", data, Settings()))
        try:
            return detect_format(data, f"x{kind}")
        except InputError as exc:
            return exc.code

    def _config(self, data: bytes, kind: str) -> str:
        from tenderlint.config import load_file
        from tenderlint.errors import ConfigError
        from tenderlint.limits import Limits

        folder = self.scratch / "config"
        folder.mkdir(exist_ok=True)
        name = "pyproject.toml" if b"[tool" in data else ".tenderlint.toml"
        (folder / name).write_bytes(data)
        try:
            settings = load_file(folder / name)
        except ConfigError:
            return "refused"
        if settings is not None:
            Limits.from_settings(settings)
            hash(settings)
        return "loaded"

    def _pack(self, data: bytes, kind: str) -> str:
        from tenderlint.rules.pattern import load_pack
        from tenderlint.ruleset import _load_ruleset
        from tenderlint.yamlload import PackError

        path = self.scratch / "pack.yaml"
        path.write_bytes(data)
        try:
            load_pack(path)
            if random.random() < 0.1:  # the whole assembly, patterns compiled, as before forking
                from tenderlint.nlp.engines import choose_engine
                from tenderlint.nlp.patterns import PatternMatcher

                rules = _load_ruleset.__wrapped__((str(path),)).pattern_rules
                PatternMatcher(choose_engine("default", rules), rules)
        except PackError:
            return "refused"
        return "loaded"

    def _baseline(self, data: bytes, kind: str) -> str:
        from tenderlint.baseline import apply_baseline
        from tenderlint.errors import ConfigError

        path = self.scratch / "baseline.json"
        path.write_bytes(data)
        results = [
            dataclasses.replace(result, findings=list(result.findings)) for result in self.linted.values()
        ]
        try:
            apply_baseline(results, path)
        except ConfigError:
            return "refused"
        return "applied"

    def _cache(self, data: bytes, kind: str) -> str:
        from tenderlint import cache
        from tenderlint.reporters.base import ReportContext
        from tenderlint.ruleset import load_ruleset

        (cache.cache_dir() / self.key[:2] / f"{self.key}.json").write_bytes(data)
        result = cache.load(self.key)
        if result is None:
            return "ignored"
        context = ReportContext(citations=load_ruleset().citations, version="0")
        for reporter in _reporters().values():
            reporter.render([result], context)
        return "used"

    def _eval(self, data: bytes, kind: str) -> str:
        from tenderlint.cli.eval import read_gate
        from tenderlint.errors import ConfigError
        from tenderlint.evaluate import read_label
        from tenderlint.yamlload import PackError

        path = self.scratch / ("gate.toml" if kind == "toml" else "x.md.expect.yaml")
        path.write_bytes(data)
        try:
            read_gate(path) if kind == "toml" else read_label(path)
        except (ConfigError, PackError):
            return "refused"
        return "read"

    def _annotate(self, data: bytes, kind: str) -> str:
        from tenderlint.annotate import AnnotateError, write_annotated
        from tenderlint.ruleset import load_ruleset

        source = self.scratch / f"source{kind}"
        source.write_bytes(data)
        result = dataclasses.replace(self.linted[kind], path=str(source))
        target = self.scratch / f"copy{kind}"
        target.unlink(missing_ok=True)
        try:
            write_annotated(result, target, load_ruleset().citations, self.settings)
        except AnnotateError:
            return "refused"
        return "written"

    def _profile(self, data: bytes, kind: str) -> str:
        from tenderlint.cli.profile import profile_task
        from tenderlint.workers import Task

        result = profile_task(Task(0, f"x{kind}", data, self.settings))
        if result.error is None:
            return "profiled"
        if result.error.code == "E999":
            raise RuntimeError(result.error.message + "\n" + result.error.detail)
        return result.error.code


def _renamed(pack: bytes) -> bytes:
    """A built-in pack with its codes and names changed, so it loads beside the built-in rules."""
    pack = re.sub(rb"code: TL(\d)", rb"code: XY\1", pack)
    return re.sub(rb"\bname: ([a-z])", rb"name: x-\1", pack)


def _reporters() -> dict:
    from tenderlint.plugin.host import collect

    return {
        name: reporter for group in collect("tenderlint_reporters", dict) for name, reporter in group.items()
    }
