"""`tenderlint serve`: the upload page for people who do not use a terminal (needs `tenderlint[serve]`)."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 serves other machines (put it behind your HTTPS proxy).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Settings for every check (default: the config found from the current folder).",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@click.option(
    "--max-upload-mb",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest upload (413 above).",
)
@click.option(
    "--max-files", default=20, show_default=True, type=click.IntRange(min=1), help="Most files per check."
)
@click.option(
    "--max-concurrent",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    help="Checks running or waiting for a worker at once; more get 503 until one finishes.",
)
def serve(host: str, port: int, config_file: str | None, jobs: int | None, **limits: int) -> None:
    """Serve a web page where documents are uploaded and checked, with the report and annotated copies."""
    try:
        import uvicorn

        from tenderlint.serve.app import ServeConfig, create_app
    except ImportError as exc:
        raise click.ClickException(
            f"tenderlint serve needs the web extra ({exc.name} is missing): pip install 'tenderlint[serve]'"
        ) from None
    from tenderlint.config import load_file, settings_for_dir
    from tenderlint.errors import ConfigError
    from tenderlint.workers import can_isolate

    if not can_isolate():  # the limits depend on killable forked workers
        raise click.ClickException("tenderlint serve needs Linux or macOS (or the Docker image)")

    try:
        settings = load_file(Path(config_file)) if config_file else settings_for_dir(Path.cwd())
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    _log_counts()
    config = ServeConfig(settings, jobs=jobs or os.cpu_count() or 1, **limits)
    click.echo(f"tenderlint serve: http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(
        create_app(config),
        host=host,
        port=port,
        access_log=False,  # client addresses and paths are not kept; the app logs counts and timings
        server_header=False,
        log_level="info",
        timeout_graceful_shutdown=10,
    )


def _log_counts() -> None:
    """Show the application's lines (counts and timings only) beside uvicorn's own on stderr."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    logger = logging.getLogger("tenderlint.serve")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
