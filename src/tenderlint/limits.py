"""Per-file resource limits, so one hostile or broken document cannot stall or sink a whole run.

The limits come from the file's settings (`max-file-size-mb`, `max-pages`, ...). Parsers take only
`(data, path)`, so the limits for the file being parsed are published here, in a context variable that
`Linter.lint_bytes` sets around each file, and read by the parsers' checks with `current()`.
Every exceeded limit is an `InputError` with code E008 (E009 for time) naming the setting to raise.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, fields

from tenderlint import errors
from tenderlint.config import Settings
from tenderlint.errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limit settings of one file; the defaults are the settings' defaults."""

    max_file_size_mb: int = Settings.max_file_size_mb
    max_pages: int = Settings.max_pages
    max_archive_mb: int = Settings.max_archive_mb
    max_archive_entries: int = Settings.max_archive_entries
    timeout_seconds: int = Settings.timeout_seconds
    max_memory_mb: int = Settings.max_memory_mb

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """The limits part of a `Settings`."""
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_size_mb * MB

    @property
    def max_archive_bytes(self) -> int:
        return self.max_archive_mb * MB


DEFAULT = Limits()
_CURRENT: ContextVar[Limits | None] = ContextVar("tenderlint_limits", default=None)


def current() -> Limits:
    """The limits of the file being linted now (the defaults outside `Linter.lint_bytes`)."""
    return _CURRENT.get() or DEFAULT


@contextlib.contextmanager
def active(limits: Limits) -> Iterator[Limits]:
    """Make `limits` the current ones for the duration of one file."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def raise_hint(setting: str) -> str:
    return (
        f"If the file is genuine, raise {setting} in .tenderlint.toml "
        "(or [tool.tenderlint] in pyproject.toml) and lint it again."
    )


def exceeded(what: str, setting: str, limit: int, unit: str = "", note: str = "") -> InputError:
    """An E008 error: `what` (e.g. "The PDF has 4,100 pages") is over `setting` = `limit`."""
    message = f"{what}, more than the limit of {limit:,}{unit} (setting {setting})"
    return InputError(errors.LIMIT, f"{message}; {note}." if note else f"{message}.", raise_hint(setting))


def check_file_size(size: int, limits: Limits | None = None) -> None:
    """Refuse a file bigger than max-file-size-mb before it is read or parsed."""
    limits = limits or current()
    if size > limits.max_file_bytes:
        raise exceeded(f"The file is {size / MB:,.1f} MB", "max-file-size-mb", limits.max_file_size_mb, " MB")


def memory_error(limits: Limits | None = None) -> InputError:
    """A MemoryError (the worker's address-space ceiling was reached) as an E008 error."""
    limits = limits or current()
    return InputError(
        errors.LIMIT,
        "Reading the file needed more memory than the limit of "
        f"{limits.max_memory_mb:,} MB (setting max-memory-mb), so it was stopped.",
        raise_hint("max-memory-mb") + " Otherwise the file may be damaged or crafted to exhaust memory.",
    )


def out_of_memory(exc: BaseException) -> bool:
    """True for the ways running out of address space shows in Python: MemoryError, or a library that
    could not be mapped (ImportError/OSError "failed to map segment", ENOMEM)."""
    if isinstance(exc, MemoryError):
        return True
    if isinstance(exc, OSError) and exc.errno == errno.ENOMEM:
        return True
    text = str(exc).lower()
    return isinstance(exc, (ImportError, OSError)) and (
        "failed to map segment" in text or "cannot allocate memory" in text
    )


def timeout_error(seconds: float) -> InputError:
    """An E009 error for a file whose worker was stopped after `seconds`."""
    return InputError(
        errors.TIMEOUT,
        f"Reading and linting the file took longer than the limit of {seconds:g} "
        f"second{'' if seconds == 1 else 's'} "
        "(setting timeout-seconds), so it was stopped.",
        raise_hint("timeout-seconds") + " Otherwise the file may be damaged or crafted to be slow.",
    )


def peak_memory() -> int:
    """This process's peak address space in bytes (VmPeak; 0 where /proc is not available)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def oom_kills() -> int | None:
    """How many processes the kernel's OOM killer has killed since boot (None where it is not told)."""
    try:
        with open("/proc/vmstat", encoding="ascii") as vmstat:
            for line in vmstat:
                if line.startswith("oom_kill "):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def cap_memory(wanted: int) -> None:
    """Cap this worker's address space, so a runaway parse raises MemoryError instead of swapping."""
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, ValueError, OSError, OverflowError):  # not here: the timeout still applies
        pass
