"""URL normalisation for following outlets: one spelling per article, tracking parameters dropped.

Two links to the same article differ by a campaign tag, a fragment, the case of the host or a
default port; normalised, they compare equal, so an article found in a feed and in a sitemap is
fetched once. Pure.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a click came from; the page they open is the same.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "ga_", "hsa_", "oly_", "__hs", "_hs")
TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "icid",
        "ncid",
        "ito",
        "xtor",
        "wt.mc_id",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "s_kwcid",
        "ref_src",
        "smid",
        "sr_share",
        "cmp",
        "spm",
        "vero_id",
        "rss",
        "feedtype",
        "from_rss",
        "rss_id",
    }
)
DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_NAMES or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(url: str, base: str | None = None) -> str | None:
    """``url`` (resolved against ``base``) in one canonical spelling, or None when it is not a
    web address: scheme and host lower-cased, default port, fragment and tracking parameters
    dropped, an empty path made ``/``, percent-escapes in capitals and other characters escaped
    (an escaped ``/`` stays escaped: it is not the same path)."""
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _ESCAPE.sub(lambda m: m.group(0).upper(), quote(parts.path, safe="/%:@!$&'()*+,;=~-._")) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def host_of(url: str) -> str:
    """The host (with a non-default port) that politeness rules are kept per."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port and parts.port != DEFAULT_PORTS.get(parts.scheme) else host
