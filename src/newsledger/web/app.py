"""The FastAPI application: HTML pages and their JSON twins over one Ledger."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsledger._version import __version__
from newsledger.errors import BlockedAddressError, FetchError, NewsledgerError
from newsledger.web.errors import ApiError, error_body
from newsledger.web.rendering import render
from newsledger.web.security import (
    BodySizeLimitMiddleware,
    FailureThrottle,
    SecurityHeadersMiddleware,
    Sessions,
    UnexpectedErrorMiddleware,
)
from newsledger.web.settings import WebSettings
from newsledger.web.submit import Fetch, fetched_page
from newsledger.web.worker import PageWorker

WEB_DIR = Path(__file__).resolve().parent


def create_app(settings: WebSettings, *, ledger=None, fetch_page: Fetch = fetched_page) -> FastAPI:
    """The app for ``settings``; it opens the ledger at ``settings.db`` unless one is given.

    ``fetch_page(url, allow_private=...)`` fetches submitted URLs; tests give their own.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from newsledger.ledger import Ledger

        owned = ledger is None
        app.state.ledger = Ledger.open(settings.db) if owned else ledger
        try:
            yield
        finally:
            app.state.worker.close()
            if owned:
                app.state.ledger.close()

    app = FastAPI(
        title="newsledger",
        version=__version__,
        description="Articles and attributed statements kept in a newsledger ledger.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.fetch_page = fetch_page
    app.state.worker = PageWorker(settings.extract_timeout)
    app.state.throttle = FailureThrottle()
    app.state.sessions = Sessions(lifetime=settings.session_hours * 3600)
    if ledger is not None:
        app.state.ledger = ledger
    from newsledger.web.api import router as api_router
    from newsledger.web.pages import router as pages_router
    from newsledger.web.sources import api_router as sources_api
    from newsledger.web.sources import pages_router as sources_pages

    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(sources_api)
    app.include_router(sources_pages)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    install_error_handlers(app)
    app.openapi = lambda: openapi_schema(app)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str):
    if wants_json(request):
        return JSONResponse(error_body(code, message), status_code=status)
    return render(request, "error.html", {"status": status, "code": code, "message": message}, status=status)


STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, err: ApiError):
        return error_response(request, err.status, err.code, err.message)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, err: RequestValidationError):
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "body", "path"))
        message = (
            f"{where}: {first.get('msg', 'invalid value')}" if where else first.get("msg", "invalid request")
        )
        return error_response(request, 400, "bad_request", message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, err: StarletteHTTPException):
        code = STATUS_CODES.get(err.status_code, "http_error")
        return error_response(request, err.status_code, code, str(err.detail))

    @app.exception_handler(NewsledgerError)
    async def on_newsledger(request: Request, err: NewsledgerError):
        if isinstance(err, BlockedAddressError):
            return error_response(request, 400, "blocked_address", str(err))
        if isinstance(err, FetchError):
            return error_response(request, 422, "fetch_failed", str(err))
        return error_response(request, 400, err.stage, str(err))


def openapi_schema(app: FastAPI) -> dict:
    """The OpenAPI document, with the error shape in place of FastAPI's default 422 body."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            operation.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    schema.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = {
        "type": "http",
        "scheme": "bearer",
    }
    app.openapi_schema = schema
    return schema
