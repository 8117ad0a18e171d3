"""The last line of defence around every command: an exit code is 0, 1 or 2 (130 after Ctrl-C).

Exit code 1 means "there are findings", and CI acts on it, so nothing else may ever produce it: not a
click error (click's own code for some is 1), not "Aborted!", not an uncaught exception (Python's 1).
A bug or an unusable environment is an error like any other: one line on stderr, exit 2, and the
traceback only with `--debug`.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable

import click

EXIT_ERROR, EXIT_INTERRUPTED = 2, 130


def guarded(run: Callable[[], object], argv: list[str]) -> int:
    """Run a click command in non-standalone mode and turn whatever happens into an exit code."""
    try:
        code = run()
    except SystemExit as exc:
        return _system_exit(exc)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):
            return _interrupted()
        _say("aborted")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (e.g. `| head`): nothing more can be said there
        return EXIT_ERROR
    except BaseException as exc:  # a bug, or memory or recursion exhausted: an error, never a finding
        if _debug(argv):
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        _say(f"internal error ({detail[:500]}). Please report it; run with --debug for the traceback.")
        return EXIT_ERROR
    return code if isinstance(code, int) else 0


def _system_exit(exc: SystemExit) -> int:
    """Our own sys.exit(code) passes through; anything else (a message, a code we never use) is 2."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int) and exc.code in (0, 1, 2, EXIT_INTERRUPTED):
        return exc.code
    _say(f"stopped: {exc.code}")
    return EXIT_ERROR


def _debug(argv: list[str]) -> bool:
    options = argv[: argv.index("--")] if "--" in argv else argv
    return "--debug" in options


def _interrupted() -> int:
    _say("interrupted", prefix="tenderlint: ")
    return EXIT_INTERRUPTED


def _say(message: str, prefix: str = "tenderlint: error: ") -> None:
    try:
        click.echo(prefix + message, err=True)
    except OSError:
        pass


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
