"""Errors that stop one file from being linted, each with a stable code and advice a person can follow."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be linted. The run continues with the other files; exit code becomes 2."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


# Stable codes for input errors, shown to users and in JSON output.
UNSUPPORTED_FORMAT = "E001"  # legacy binary formats, unknown types
ENCRYPTED = "E002"  # password-protected or encrypted files
NO_TEXT = "E003"  # images-only PDF, no text layer
CORRUPT = "E004"  # damaged archive or document structure
EMPTY = "E005"  # zero bytes or no text at all
UNREADABLE = "E006"  # missing, permission denied, vanished mid-run
CONFIG = "E007"  # bad configuration file
LIMIT = "E008"  # over a configured limit: file size, pages, archive size or entries, memory
TIMEOUT = "E009"  # reading and linting the file took longer than timeout-seconds
INTERNAL = "E999"  # a bug in tenderlint or a plugin: reported, never fatal to the run

ERROR_CODES = {
    UNSUPPORTED_FORMAT: "unsupported-format",
    ENCRYPTED: "encrypted-file",
    NO_TEXT: "no-text-layer",
    CORRUPT: "corrupt-file",
    EMPTY: "empty-file",
    UNREADABLE: "unreadable-file",
    CONFIG: "bad-config",
    LIMIT: "limit-exceeded",
    TIMEOUT: "timeout",
    INTERNAL: "internal-error",
}


class ConfigError(Exception):
    """A configuration file or option that is wrong; names the file and key."""
