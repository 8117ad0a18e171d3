"""Safety that applies to every response: headers, the upload size ceiling and the same-origin check.

Plain ASGI middleware, so a response refused for size is sent before the body is read at all (when the
client says how big it is) or as soon as the ceiling is crossed (when it does not).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Only this server's own files may load or run; no frames, no plugins, no posting elsewhere.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'; connect-src 'none'; font-src 'none'; object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"no-store"),
    # not no-referrer: with it a browser sends "Origin: null" on the page's own post, which is refused
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeaders:
    """Add the headers above to every response, replacing any the application set."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = kept + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class UploadTooLarge(Exception):
    """The request body went over the ceiling while it was being read."""


class UploadLimit:
    """Refuse a body over `max_bytes` with 413: at once from Content-Length, or while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int, refusal: Callable[[], tuple[int, str]]) -> None:
        self.app, self.max_bytes, self.refusal = app, max_bytes, refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers", [])).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            status, body = self.refusal()
            await _send_html(send, status, body)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise UploadTooLarge()
            return message

        await self.app(scope, counting_receive, send)


async def _send_html(send: Send, status: int, body: str) -> None:
    data = body.encode("utf-8")
    headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(data)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": [*headers, (b"connection", b"close")]}
    )
    await send({"type": "http.response.body", "body": data})


def same_origin(headers: Mapping[str, str], scheme: str) -> bool:
    """A browser's form post must come from this server's own page. Browsers send Origin with every
    post (and Sec-Fetch-Site); a post that has neither comes from a script or curl, which cannot be
    tricked into posting someone else's file, so it is let through."""
    origin = headers.get("origin")
    host = headers.get("host", "")
    if origin is None or origin == "null":
        site = headers.get("sec-fetch-site")
        return origin is None and site in (None, "same-origin", "none")
    parts = urlsplit(origin)
    return parts.netloc.lower() == host.lower() and parts.scheme in (scheme, "http", "https")
