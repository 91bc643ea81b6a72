"""What every API operation shares: the error body's schema, the error answers each kind of
operation declares in the OpenAPI, and a limit/offset pagination whose offset is bounded."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class ErrorOut(Schema):
    """Every error answer: a stable ``code``, a translated ``message``, details in ``extra`` (field
    errors in ``extra.fields`` or ``extra.errors``)."""

    code: str
    message: str
    extra: dict[str, Any]


# 400: a NUL character or a body that is not JSON; 413: a body over the size limit; 422: validation.
_ALWAYS = {400: ErrorOut, 413: ErrorOut, 422: ErrorOut}
# Anyone may call: no credentials to refuse.
PUBLIC_ERRORS: dict[int, type[Schema]] = dict(_ALWAYS)
# Authenticated: 401 without valid credentials, 403 without the right, 404 for what the user cannot see.
AUTH_ERRORS: dict[int, type[Schema]] = {**_ALWAYS, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """ninja's limit/offset with the offset bounded (``DANVAN_API_MAX_OFFSET``): a 30-digit offset is a
    422, not a database error."""

    class Input(Schema):
        limit: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=200)
        offset: int = Field(0, ge=0, le=settings.DANVAN_API_MAX_OFFSET)
