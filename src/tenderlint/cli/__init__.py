"""The `tenderlint` command: a click group whose default command lints paths.

`tenderlint spec.docx` is short for `tenderlint lint spec.docx`. Heavy libraries (spaCy, parsers) are
imported only inside commands, so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import sys

import click

from tenderlint import __version__
from tenderlint.cli.guard import guarded


class DefaultToLint(click.Group):
    """Treat anything that is not a subcommand as arguments to `lint`, like ruff's implicit `check`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)

    def main(self, args=None, *rest, standalone_mode: bool = True, **extra):  # type: ignore[override]
        """Every way out is exit code 0, 1 (findings), 2 (any error) or 130 (Ctrl-C): see guard.py."""
        if not standalone_mode:
            return super().main(args, *rest, standalone_mode=False, **extra)
        argv = sys.argv[1:] if args is None else list(args)
        run = super().main
        sys.exit(guarded(lambda: run(argv, *rest, standalone_mode=False, **extra), argv))

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list:
        """Complete `lint`'s options too, since `tenderlint --sel<TAB>` means `tenderlint lint --sel`."""
        items = super().shell_complete(ctx, incomplete)
        lint = self.commands.get("lint")
        if incomplete.startswith("-") and lint is not None:
            seen = {item.value for item in items}
            items += [i for i in lint.shell_complete(ctx, incomplete) if i.value not in seen]
        return items


@click.group(cls=DefaultToLint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tenderlint")
def main() -> None:
    """Lint public-sector tender documents for conventional commissioning patterns.

    \b
    Examples:
      tenderlint spec.docx                 lint one document
      tenderlint tenders/ --format json    lint a folder, machine-readable output
      tenderlint rules                     list every rule
      tenderlint rule TL201                explain one rule
    """


@click.command()
def clean() -> None:
    """Remove the result cache (.tenderlint_cache/ in this folder, or $TENDERLINT_CACHE_DIR)."""
    from tenderlint.cache import cache_dir
    from tenderlint.cache import clean as remove
    from tenderlint.errors import ConfigError

    try:
        removed = remove()
    except ConfigError as exc:
        click.echo(f"tenderlint: error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"removed {cache_dir()}" if removed else f"no cache at {cache_dir()}")


def _register() -> None:
    from tenderlint.cli.eval import evaluate
    from tenderlint.cli.lint import lint
    from tenderlint.cli.outline import outline
    from tenderlint.cli.profile import profile
    from tenderlint.cli.rules import rule, rules
    from tenderlint.cli.serve import serve

    main.add_command(lint)
    main.add_command(clean)
    main.add_command(evaluate)
    main.add_command(profile)
    main.add_command(outline)
    main.add_command(rules)
    main.add_command(rule)
    main.add_command(serve)


_register()
