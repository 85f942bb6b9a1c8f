"""A long-running process (a crawl, a batch worker) does not keep what each page held: the
caches of class names, meta names and date lines stay bounded in size, not only in entries."""

from __future__ import annotations

import gc
import random
import tracemalloc

from newsledger import extract
from newsledger.caching import short_key_cache


def _page_of_long_class_names(seed: int) -> str:
    rng = random.Random(seed)

    def class_words(n: int) -> str:
        return " ".join(f"w{rng.randrange(10**9)}" for _ in range(n))

    boxes = "".join(
        f'<div class="{class_words(5000)}" id="{class_words(300)}"><p>Paragraph {i} of the council '
        "story, long enough to be read as prose in the body of the article.</p></div>"
        for i in range(8)
    )
    return f"<html><head><title>Council</title></head><body><article>{boxes}</article></body></html>"


def test_pages_with_class_attributes_of_many_kilobytes_leave_nothing_behind() -> None:
    # Each page carries eight class strings of about 55 KB; every one cached used to stay,
    # about half a megabyte a page.
    for seed in range(3):
        extract(_page_of_long_class_names(seed), f"https://example.com/{seed}")
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for seed in range(3, 23):
            extract(_page_of_long_class_names(seed), f"https://example.com/{seed}")
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert retained < 4_000_000, f"{retained / 1e6:.1f} MB kept after 20 pages"


def test_a_short_key_is_cached_and_a_long_one_computed_each_time() -> None:
    calls: list[str] = []

    @short_key_cache(maxsize=8, longest=10)
    def upper(text: str, suffix: str = "") -> str:
        calls.append(text)
        return text.upper() + suffix

    assert upper("short") == upper("short") == "SHORT"
    assert calls == ["short"]
    long_key = "x" * 11
    assert upper(long_key) == upper(long_key) == "X" * 11
    assert calls == ["short", long_key, long_key]
    assert upper("abc", "defghij") == upper("abc", "defghij")  # ten characters together: cached
    assert upper("abc", "defghijk") == upper("abc", "defghijk")  # eleven: computed
    assert calls[3:] == ["abc", "abc", "abc"]
    assert upper.cache_info().currsize == 2
