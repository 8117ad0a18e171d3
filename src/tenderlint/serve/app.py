"""The web application: routes, limits on uploads and on concurrent checks, and the workers' lifetime.

Starlette, because it is a small, well-kept ASGI toolkit with no templating or ORM to carry, and
uvicorn runs it. Nothing about an upload is logged or kept: the log says how many files, findings and
errors a check had and how long it took, never a name or a word of text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from tenderlint import __version__
from tenderlint.config import Settings
from tenderlint.reporters.base import ReportContext
from tenderlint.serve import page
from tenderlint.serve.check import Check, Checked
from tenderlint.serve.guard import SecurityHeaders, UploadLimit, UploadTooLarge, same_origin
from tenderlint.serve.service import LintService, ServiceClosed
from tenderlint.serve.uploads import BadForm, LintRequest, Upload, safe_name

LOG = logging.getLogger("tenderlint.serve")
MB = 1024 * 1024
STATIC = {
    "report.css": (Path(__file__).parents[1] / "reporters/html_assets/report.css", "text/css"),
    "report.js": (Path(__file__).parents[1] / "reporters/html_assets/report.js", "text/javascript"),
    "serve.css": (Path(__file__).with_name("assets") / "serve.css", "text/css"),
    "serve.js": (Path(__file__).with_name("assets") / "serve.js", "text/javascript"),
}


@dataclass(frozen=True)
class ServeConfig:
    """How the server behaves; the lint settings are the organisation's (from --config or the folder)."""

    settings: Settings
    jobs: int = 2
    max_upload_mb: int = 20
    max_files: int = 20
    max_concurrent: int = 10


def create_app(config: ServeConfig) -> Starlette:
    """The application, with its own worker service started on startup and stopped on shutdown."""
    service = LintService(config.jobs)
    state = {"active": 0, "checks": 0}
    context = ReportContext(citations={}, version=__version__)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        from tenderlint.ruleset import load_ruleset

        nonlocal context
        context = ReportContext(citations=load_ruleset().citations, version=__version__)
        service.start(config.settings)
        LOG.info("tenderlint serve: %d worker processes ready", service.size)
        try:
            yield
        finally:
            service.close()

    def blank(status: int = 200) -> HTMLResponse:
        body = page.layout("Check a tender document — tenderlint", page.form(LintRequest(), *_limits(config)))
        return HTMLResponse(body, status)

    async def home(_request: Request) -> Response:
        return blank()

    async def lint(request: Request) -> Response:
        if not same_origin(request.headers, request.url.scheme):
            return _message(
                403, "Not sent from this page", "Open the upload page and send the documents from there."
            )
        if state["active"] >= config.max_concurrent:
            return _message(
                503,
                "Too busy just now",
                "Other documents are being checked. Please try again in a minute.",
                {"Retry-After": "30"},
            )
        state["active"] += 1
        started = time.monotonic()
        try:
            return await _check(request, started)
        finally:
            state["active"] -= 1

    async def _check(request: Request, started: float) -> Response:
        try:
            form = await request.form(max_files=config.max_files, max_fields=40)
        except UploadTooLarge:
            return _too_large(config)
        except HTTPException as exc:
            return _message(
                400,
                "The upload could not be read",
                f"{exc.detail} Choose at most {config.max_files} documents.",
            )
        try:
            try:
                options = LintRequest.from_form(form, form.getlist("family"))
            except BadForm as exc:
                return _message(400, "Something in the form was not understood", str(exc))
            files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
            if not files:
                body = page.form(options, *_limits(config))
                note = '<p class="problem" role="alert">Choose at least one document to check.</p>'
                return HTMLResponse(page.layout("Choose a document — tenderlint", note + body), 400)
            uploads = [Upload(safe_name(f.filename, i), await f.read()) for i, f in enumerate(files)]
        finally:
            await form.close()
        check = Check(uploads, options.settings(config.settings), options)
        del uploads
        try:
            checked: Checked = await asyncio.wrap_future(service.submit(check))
        except ServiceClosed:
            return _message(
                503, "The checker is stopping", "Please try again in a minute.", {"Retry-After": "30"}
            )
        del check
        results = checked.results
        state["checks"] += 1
        errors = sum(1 for r in results if r.error)
        count = sum(len(r.findings) for r in results)
        LOG.info(
            "checked %d files%s: %d findings, %d unreadable, %.2f s",
            len(results),
            " as one tender pack" if checked.pack_files else "",
            count,
            errors,
            time.monotonic() - started,
        )
        body = page.results(checked, context) + page.form(options, *_limits(config))
        title = f"Results: {count} finding{'s' if count != 1 else ''} — tenderlint"
        return HTMLResponse(page.layout(title, body, report=True), 200 if errors < len(results) else 422)

    async def healthz(_request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "version": __version__,
                "workers": len(service.worker_pids()),
                "checking": state["active"],
                "checks": state["checks"],
            }
        )

    async def static(request: Request) -> Response:
        entry = STATIC.get(request.path_params["name"])
        if entry is None:
            return _message(404, "Not found", "There is nothing at this address.")
        path, kind = entry
        return Response(path.read_bytes(), media_type=kind)

    async def not_found(_request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        if status == 405:
            return _message(405, "Not allowed", "Use the upload page.")
        return _message(404, "Not found", "There is nothing at this address.")

    async def server_error(_request: Request, _exc: Exception) -> Response:
        LOG.error("internal error while checking an upload")  # never the traceback: it may quote text
        return _message(500, "Something went wrong", "The check failed inside tenderlint. Please try again.")

    middleware = [
        Middleware(SecurityHeaders),
        Middleware(UploadLimit, max_bytes=config.max_upload_mb * MB, refusal=lambda: _too_large_body(config)),
    ]
    return Starlette(
        routes=[
            Route("/", home),
            Route("/lint", lint, methods=["POST"]),
            Route("/healthz", healthz),
            Route("/static/{name}", static),
            Route("/favicon.ico", lambda _request: Response(status_code=204)),
        ],
        middleware=middleware,
        exception_handlers={404: not_found, 405: not_found, 500: server_error},
        lifespan=lifespan,
    )


def _limits(config: ServeConfig) -> tuple[int, int]:
    return config.max_upload_mb, config.max_files


def _message(status: int, title: str, text: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(page.message(title, text), status, headers=headers)


def _too_large_body(config: ServeConfig) -> tuple[int, str]:
    return 413, page.message(
        "The upload is too large",
        f"All the documents together may be at most {config.max_upload_mb} MB. "
        "Check fewer documents at a time, or save large PDFs as Word documents first.",
    )


def _too_large(config: ServeConfig) -> Response:
    status, body = _too_large_body(config)
    return HTMLResponse(body, status, headers={"Connection": "close"})
