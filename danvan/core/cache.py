"""A cache that is never a requirement of a request.

``FailSafeCache`` wraps the real backend (Redis in production, named in ``OPTIONS["BACKEND"]``). When the
backend cannot be reached, every call degrades instead of raising: a read is a miss (the caller computes
from the database), a write is dropped, ``add`` answers True (a guard built on it — the form token, a rate
limit — is open while the cache is down), ``incr``/``decr`` answer None. A warning is logged once per
outage and an info line when the cache answers again. Errors that are not about reaching the cache (a
missing key for ``incr``, a value that cannot be pickled) still raise.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import InvalidCacheBackendError
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

T = TypeVar("T")


def _unreachable_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError]  # ConnectionError, TimeoutError, socket errors
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - redis is a dependency
        pass
    else:
        errors.append(RedisError)
    return tuple(errors)


UNREACHABLE = _unreachable_errors()


class FailSafeCache(BaseCache):
    """``CACHES = {"default": {"BACKEND": "danvan.core.cache.FailSafeCache", "LOCATION": ...,
    "OPTIONS": {"BACKEND": "django.core.cache.backends.redis.RedisCache", ...}}}``: the other OPTIONS,
    LOCATION, TIMEOUT and KEY_PREFIX go to the wrapped backend."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        backend = options.pop("BACKEND", None)
        if not backend:
            raise InvalidCacheBackendError("FailSafeCache needs OPTIONS['BACKEND'], the cache it wraps.")
        inner_params = {k: v for k, v in params.items() if k not in {"OPTIONS", "BACKEND"}} | {"OPTIONS": options}
        super().__init__(inner_params)
        self.inner: BaseCache = import_string(backend)(location, inner_params)
        self._down = False
        self._lock = threading.Lock()

    def _call(self, name: str, fallback: T, call: Callable[[], T]) -> T:
        try:
            result = call()
        except UNREACHABLE as exc:
            with self._lock:
                first, self._down = not self._down, True
            if first:
                logger.warning("cache unreachable (%s: %s): reading from the database instead", name, exc)
            return fallback
        if self._down:
            with self._lock:
                back, self._down = self._down, False
            if back:
                logger.info("cache reachable again")
        return result

    @property
    def is_down(self) -> bool:
        """True after a call failed and until one succeeds."""
        return self._down

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._call("add", True, lambda: self.inner.add(key, value, timeout, version))

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._call("get", default, lambda: self.inner.get(key, default, version))

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        self._call("set", None, lambda: self.inner.set(key, value, timeout, version))

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._call("touch", False, lambda: self.inner.touch(key, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._call("delete", False, lambda: self.inner.delete(key, version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._call("get_many", {}, lambda: self.inner.get_many(keys, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._call("has_key", False, lambda: self.inner.has_key(key, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        return self._call("incr", None, lambda: self.inner.incr(key, delta, version))

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        return self._call("decr", None, lambda: self.inner.decr(key, delta, version))

    def set_many(self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[Any]:
        return self._call("set_many", list(data), lambda: self.inner.set_many(data, timeout, version))

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._call("delete_many", None, lambda: self.inner.delete_many(keys, version))

    def clear(self) -> None:
        self._call("clear", None, self.inner.clear)

    def close(self, **kwargs: Any) -> None:
        self._call("close", None, lambda: self.inner.close(**kwargs))


class UnreachableCache(BaseCache):
    """A cache whose server is down: every call raises ``ConnectionError``. For tests and the fault bench."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("Error 111 connecting to cache: Connection refused.")

    add = get = set = touch = delete = get_many = has_key = incr = decr = set_many = delete_many = _refuse

    def clear(self) -> None:
        self._refuse()

    def close(self, **kwargs: Any) -> None:
        pass
