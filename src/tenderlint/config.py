"""Configuration: every option declared once (type, default, doc), found by walking up from each file.

`[tool.tenderlint]` in pyproject.toml or the top level of `.tenderlint.toml`; the nearest wins, and
command-line options override it. Unknown keys and bad values are errors naming the key and file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from tenderlint.errors import ConfigError
from tenderlint.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = (".tenderlint.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 16 * 1024 * 1024  # a configuration file is small; anything bigger is not read
SEVERITIES = tuple(s.value for s in Severity)


@dataclass(frozen=True)
class Option:
    key: str
    kind: type
    default: Any
    doc: str
    choices: tuple[str, ...] = ()
    # Largest value the code can act on (file reads, rlimits and poll timeouts have their own ceilings).
    maximum: int | None = None


OPTIONS: tuple[Option, ...] = (
    Option("select", list, [], "Rule codes, code prefixes (TL2) or names to run. Empty: every rule."),
    Option("ignore", list, [], "Rule codes, code prefixes or names never to run."),
    Option("fail-on", str, "warning", "Lowest severity that makes the exit code 1.", SEVERITIES),
    Option("severity", dict, {}, 'Per-rule severity overrides, e.g. {TL201 = "error"}.'),
    Option(
        "jurisdiction",
        str,
        "auto",
        "Whose law applies; `auto` reads Wales or Scotland from the document's own signs, else England.",
        ("auto", "england", "wales", "scotland", "northern-ireland"),
    ),
    Option(
        "regime",
        str,
        "auto",
        "Procurement regime: pa2023, pcr2015, or auto (PCR 2015 only for documents that cite it and "
        "carry no date on or after 24 February 2025).",
        ("auto", "pa2023", "pcr2015"),
    ),
    Option(
        "min-social-value-weighting",
        float,
        10.0,
        "Lowest acceptable social value weighting in %. 10 is the central-government minimum (PPN 002).",
    ),
    Option(
        "max-price-weighting",
        float,
        50.0,
        "Price weighting (%) at or above which TL203 fires: at 50% price outweighs everything else together.",
    ),
    Option(
        "short-visit-minutes",
        float,
        15.0,
        "Care visits of this many minutes or fewer are flagged (statutory guidance: 15 minutes or less is "
        "not appropriate for personal care).",
    ),
    Option(
        "short-term-months",
        float,
        24.0,
        "Initial contract terms of this many months or fewer for ongoing care are flagged.",
    ),
    Option(
        "min-tender-window-days",
        float,
        25.0,
        "Fewer days than this between a notice's publication and its tender deadline are flagged.",
    ),
    Option("rule-packs", list, [], "Extra YAML rule pack files or folders, relative to the config file."),
    Option(
        "pipeline",
        str,
        "default",
        "Language pipeline: 'default' (built in, offline, runs without loading spaCy), 'default-spacy' "
        "(the same pipeline run by spaCy: slower, same results) or an installed spaCy package.",
    ),
    Option(
        "exclude",
        list,
        [],
        "Files and folders not to lint when walking folders: .gitignore-style patterns (`drafts/`, "
        "`archive/2019/*`, `*.pdf`), relative to the config file.",
    ),
    Option("extend-exclude", list, [], "More patterns to exclude, on top of `exclude`."),
    Option("respect-gitignore", bool, True, "Skip files ignored by git (.gitignore) when walking folders."),
    Option(
        "per-file-ignores",
        dict,
        {},
        'Rules to ignore in matching files: {"archive/*.docx" = ["TL5"], ...}, globs relative to the config file.',
    ),
    # Limits: a file over any of them gets error E008 (E009 for time) and the run goes on.
    Option(
        "max-file-size-mb",
        int,
        100,
        "Largest file read, in MB; bigger files are reported, not read.",
        maximum=4096,
    ),
    Option("max-pages", int, 3000, "Most pages read from one PDF.", maximum=1_000_000),
    Option(
        "max-archive-mb",
        int,
        512,
        "Largest unpacked size of a .docx or .odt archive, in MB (zip bombs).",
        maximum=65536,
    ),
    Option("max-archive-entries", int, 10000, "Most entries in a .docx or .odt archive.", maximum=1_000_000),
    Option(
        "timeout-seconds",
        int,
        60,
        "Time allowed to read and lint one file; slower files are stopped.",
        maximum=86400,
    ),
    Option(
        "max-memory-mb", int, 1536, "Address space allowed to each worker process, in MB.", maximum=1_048_576
    ),
)
OPTION_BY_KEY = {option.key: option for option in OPTIONS}


def _default(key: str) -> Any:
    """A setting's default as `Settings` holds it (lists and tables as tuples), from its one declaration."""
    value = OPTION_BY_KEY[key].default
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return value


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = _default("select")
    ignore: tuple[str, ...] = _default("ignore")
    fail_on: str = _default("fail-on")
    severity: tuple[tuple[str, str], ...] = _default("severity")
    jurisdiction: str = _default("jurisdiction")
    regime: str = _default("regime")
    min_social_value_weighting: float = _default("min-social-value-weighting")
    max_price_weighting: float = _default("max-price-weighting")
    short_visit_minutes: float = _default("short-visit-minutes")
    min_tender_window_days: float = _default("min-tender-window-days")
    short_term_months: float = _default("short-term-months")
    rule_packs: tuple[str, ...] = _default("rule-packs")
    pipeline: str = _default("pipeline")
    exclude: tuple[str, ...] = _default("exclude")
    extend_exclude: tuple[str, ...] = _default("extend-exclude")
    respect_gitignore: bool = _default("respect-gitignore")
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = _default("per-file-ignores")
    max_file_size_mb: int = _default("max-file-size-mb")
    max_pages: int = _default("max-pages")
    max_archive_mb: int = _default("max-archive-mb")
    max_archive_entries: int = _default("max-archive-entries")
    timeout_seconds: int = _default("timeout-seconds")
    max_memory_mb: int = _default("max-memory-mb")
    source: str | None = field(default=None, compare=False)

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def parse_table(table: dict[str, Any], source: str) -> Settings:
    """Validate a raw config table into Settings; every problem names the key and the file."""
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: must be a table of options, not {type(table).__name__}")
    values: dict[str, Any] = {}
    for key, raw in table.items():
        option = OPTION_BY_KEY.get(key)
        if option is None:
            known = ", ".join(OPTION_BY_KEY)
            raise ConfigError(f"{source}: unknown option '{key}' (known options: {known})")
        values[key.replace("-", "_")] = _coerce(option, raw, source)
    if "rule_packs" in values:
        base = Path(source).parent
        values["rule_packs"] = tuple(_pack_path(base / p, source) for p in values["rule_packs"])
    return Settings(source=source, **values)


def _pack_path(path: Path, source: str) -> str:
    """The real path of a configured rule pack; a link loop is a configuration error, not a crash."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop, before Python 3.13
        raise ConfigError(f"{source}: option 'rule-packs': cannot follow {path}: {exc}") from None


def _coerce(option: Option, raw: Any, source: str) -> Any:
    where = f"{source}: option '{option.key}'"
    if option.kind is list:
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise ConfigError(f"{where} must be a list of strings")
        return tuple(raw)
    if option.kind is bool:
        if not isinstance(raw, bool):
            raise ConfigError(f"{where} must be true or false")
        return raw
    if option.key == "per-file-ignores":
        if not isinstance(raw, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in raw.values()
        ):
            raise ConfigError(f'{where} must be a table of glob = ["codes"]')
        return tuple((glob, tuple(codes)) for glob, codes in raw.items())
    if option.kind is dict:
        if not isinstance(raw, dict):
            raise ConfigError(f"{where} must be a table")
        for code, level in raw.items():
            if level not in SEVERITIES:
                raise ConfigError(f"{where}: '{code}' must be one of {', '.join(SEVERITIES)}, not {level!r}")
        return tuple(sorted(raw.items()))
    if option.kind is int:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise ConfigError(f"{where} must be a whole number, 1 or more")
        if option.maximum is not None and raw > option.maximum:
            raise ConfigError(f"{where} must be at most {option.maximum:,}, not {raw:,}")
        return raw
    if option.kind is float:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw <= 1000:
            raise ConfigError(f"{where} must be a number from 0 to 1000")
        return float(raw)
    if not isinstance(raw, str):
        raise ConfigError(f"{where} must be a string")
    if option.choices and raw not in option.choices:
        raise ConfigError(f"{where} must be one of {', '.join(option.choices)}, not {raw!r}")
    return raw


def load_file(path: Path) -> Settings | None:
    """Settings from one config file, or None when a pyproject.toml has no [tool.tenderlint]."""
    from tenderlint.readfile import read_regular

    try:
        data = tomllib.loads(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("tenderlint") if isinstance(tool, dict) else None
        if table is None:
            return None
        return parse_table(table, f"{path} [tool.tenderlint]")
    return parse_table(data, str(path))


@lru_cache(maxsize=256)
def settings_for_dir(directory: Path) -> Settings:
    """The nearest configuration at or above `directory`, or the defaults."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                settings = load_file(candidate)
                if settings is not None:
                    return settings
    return Settings()


def configured_keys(settings: Settings) -> set[str]:
    """The option keys the settings' own config file sets (for `--show-settings`)."""
    if not settings.source:
        return set()
    path = Path(settings.source.split(" [")[0])
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = data.get("tool", {}).get("tenderlint", {}) if path.name == "pyproject.toml" else data
    return set(table)


def describe_options() -> list[tuple[str, str, str]]:
    """(key, default, doc) for every option, for `tenderlint config` and the README."""
    names = {f.name for f in fields(Settings)}
    rows = []
    for option in OPTIONS:
        assert option.key.replace("-", "_") in names
        rows.append((option.key, repr(option.default), option.doc))
    return rows
