"""Errors of the web API, and the one JSON shape every error response has.

::

    ApiError                 status 500, code "internal_error"
    ├── BadRequest           400 "bad_request"      (a parameter or body that cannot be used)
    ├── Unauthorized         401 "unauthorized"     (no token, or a wrong one)
    ├── NotFound             404 "not_found"
    ├── MethodNotAllowed     405 "method_not_allowed"
    ├── PayloadTooLarge      413 "payload_too_large"
    ├── InvalidRequest       422 "invalid_request"  (FastAPI's validation of query and body)
    └── ServiceUnavailable   503 "unavailable"      (the store cannot be read)

Every error, whatever raised it, is answered as::

    {"error": {"status": 404, "code": "not_found", "message": "No story 'x'.", "details": []}}

to JSON clients, and as an HTML page with the same status to browsers.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel

log = logging.getLogger(__name__)


class ApiError(Exception):
    """Base of the API's errors: a status, a stable code, a message that says what to do."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.code, self.message, self.details)


class BadRequest(ApiError):
    status, code = 400, "bad_request"


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"


class NotFound(ApiError):
    status, code = 404, "not_found"


class MethodNotAllowed(ApiError):
    status, code = 405, "method_not_allowed"


class PayloadTooLarge(ApiError):
    status, code = 413, "payload_too_large"


class InvalidRequest(ApiError):
    status, code = 422, "invalid_request"


class ServiceUnavailable(ApiError):
    status, code = 503, "unavailable"


_BY_STATUS: dict[int, type[ApiError]] = {
    cls.status: cls
    for cls in (
        BadRequest,
        Unauthorized,
        NotFound,
        MethodNotAllowed,
        PayloadTooLarge,
        InvalidRequest,
        ServiceUnavailable,
    )
}


def for_status(status: int, message: str) -> ApiError:
    """The API error for an HTTP status raised elsewhere (routing, Starlette)."""
    cls = _BY_STATUS.get(status)
    if cls is None:
        error = ApiError(message)
        error.status, error.code = status, f"http_{status}"
        return error
    return cls(message)


def error_body(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The one JSON shape of every error."""
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


def validation_error(errors: list[Any]) -> InvalidRequest:
    """FastAPI's validation errors as one InvalidRequest listing each bad field."""
    details = [
        {
            "field": ".".join(
                str(part) for part in e.get("loc", ()) if part not in ("query", "body", "path")
            ),
            "location": str(e.get("loc", ("",))[0]),
            "message": str(e.get("msg", "")),
        }
        for e in errors
    ]
    fields = ", ".join(d["field"] or d["location"] for d in details)
    return InvalidRequest(f"Invalid request: check {fields or 'the parameters'}.", details)


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]]


class ErrorResponse(BaseModel):
    """The body of every error response (OpenAPI schema)."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (401, "No token or a wrong one"),
        (404, "Not found"),
        (422, "Invalid parameters"),
    )
}
