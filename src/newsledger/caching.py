"""Caches for functions of the strings pages repeat (class names, meta names, date lines).

An ``lru_cache`` bounds its entries, not their size: a page whose class attribute is 100 KB
long would leave 100 KB in the cache, and a process extracting many such pages (a crawl, a
batch worker) would keep megabytes of them. ``short_key_cache`` caches a call only when its
string arguments are short together; a longer key is computed directly, which costs no more
than the first sight of it would.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")

# Real class strings, meta names and date lines are far shorter; a key past this is pathological
# or a one-off, and caching it would only keep it alive.
LONGEST_CACHED_KEY = 256


def short_key_cache(
    maxsize: int, longest: int = LONGEST_CACHED_KEY
) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """``lru_cache(maxsize)`` for calls whose arguments, each a string or None, total at most
    ``longest`` characters; longer calls are computed and not kept."""

    def decorate(function: Callable[..., R]) -> Callable[..., R]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        # Hot paths call these for every element, hence a lean wrapper per arity.
        if function.__code__.co_argcount == 1:

            def call(key: str) -> R:  # type: ignore[misc]
                return function(key) if len(key) > longest else cached(key)

        else:

            def call(*args: str | None) -> R:  # type: ignore[misc]
                size = 0
                for arg in args:
                    if arg:
                        size += len(arg)
                return function(*args) if size > longest else cached(*args)

        functools.update_wrapper(call, function)
        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return decorate
