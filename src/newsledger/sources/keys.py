"""Stable page keys: the same page read twice gets the same key, a changed page a new one."""

from __future__ import annotations

import hashlib
from pathlib import Path


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:32]


def file_key(path: str | Path, content: bytes) -> str:
    return f"file:{Path(path).resolve()}#{content_hash(content)}"


def stdin_key(content: bytes) -> str:
    return f"stdin:#{content_hash(content)}"


def url_key(url: str, content: bytes) -> str:
    return f"{url}#{content_hash(content)}"


def warc_key(url: str, record_id: str) -> str:
    return f"{url} {record_id}"
