"""Compression of stored raw pages: zstd when the ``zstandard`` package is there, else zlib.

Each page row names its codec, so a ledger written with one can be read wherever the other is
installed (zlib is always available; zstd pages need ``zstandard`` to be read back).
"""

from __future__ import annotations

import threading
import zlib

from newsledger.errors import LedgerError

ZSTD_LEVEL = 1  # level 3 saves 6% of the space at a third more time per page
ZLIB_LEVEL = 3

try:
    import zstandard
except ImportError:  # the ledger still works, with larger and slower-to-write pages
    zstandard = None

# A compressor holds a sizeable context that is costly to set up; one per thread is reused
# (a compressor must not be shared between threads).
_local = threading.local()


def _compressor():
    compressor = getattr(_local, "compressor", None)
    if compressor is None:
        compressor = _local.compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    return compressor


def compress(data: bytes) -> tuple[str, bytes]:
    """(codec name, compressed bytes)."""
    if zstandard is not None:
        return "zstd", _compressor().compress(data)
    return "zlib", zlib.compress(data, ZLIB_LEVEL)


def decompress(codec: str, data: bytes, *, name: str = "") -> bytes:
    if codec == "zlib":
        return zlib.decompress(data)
    if codec == "zstd":
        if zstandard is None:
            raise LedgerError("this page is stored with zstd: pip install zstandard", input_name=name or None)
        return zstandard.ZstdDecompressor().decompress(data)
    raise LedgerError(f"page stored with an unknown codec {codec!r}", input_name=name or None)
