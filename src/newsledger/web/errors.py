"""One error shape for the whole API: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

from pydantic import BaseModel


class ApiError(Exception):
    """An error the web layer answers with ``status`` and the shared shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict:
        return error_body(self.code, self.message)


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorDetail


def documented(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI ``responses`` entries for the error statuses a route may answer."""
    descriptions = {
        400: "Bad request",
        401: "Token missing or wrong",
        403: "Forbidden",
        404: "Not found",
        413: "Request too large",
        429: "Too many wrong tokens from this address, or too many pages waiting to be processed",
        422: "The page at the URL could not be fetched",
    }
    return {status: {"model": ErrorResponse, "description": descriptions[status]} for status in statuses}
