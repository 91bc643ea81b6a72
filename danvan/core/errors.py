"""Domain errors with stable codes. Each app defines a ``StrEnum`` of codes in its ``errors.py``."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain was broken. ``code`` is stable (API clients rely on it); ``message`` is
    translated for people; ``status`` is the HTTP status the adapters answer with."""

    status: int = 400

    def __init__(
        self,
        code: StrEnum,
        message: str | Promise,
        *,
        extra: dict[str, Any] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.extra = extra or {}
        if status is not None:
            self.status = status

    def as_dict(self) -> dict[str, Any]:
        return {"code": str(self.code), "message": str(self.message), "extra": self.extra}
