"""The HTTP API and the web UI: server-rendered pages, each with a JSON twin under /api."""

from newsledger.web.app import create_app
from newsledger.web.settings import WebSettings, load_settings

__all__ = ["WebSettings", "create_app", "load_settings"]
