"""Platforms: the character limit a reply meets there, and the name people write."""

from __future__ import annotations

from readiness.i18n import Lang, has_key
from readiness.i18n.catalog_text import CatalogText

PLATFORM_LIMITS: dict[str, int] = {
    "x": 280,
    "twitter": 280,
    "bluesky": 300,
    "threads": 500,
    "mastodon": 500,
    "instagram": 2200,
    "tiktok": 2200,
    "pinterest": 500,
    "linkedin": 3000,
    "facebook": 63206,
    "youtube": 10000,
    "teams": 28000,
    "slack": 40000,
    "email": 20000,
    "newspaper": 5000,
    "phone": 2000,
}
DEFAULT_LIMIT = 2000


def char_limit(platform: str, override: int | None = None) -> int:
    """The limit a reply on `platform` must respect."""
    if override is not None:
        return override
    return PLATFORM_LIMITS.get(platform.lower(), DEFAULT_LIMIT)


BRAND_NAMES: dict[str, str] = {
    "x": "X",
    "twitter": "Twitter",
    "bluesky": "Bluesky",
    "threads": "Threads",
    "mastodon": "Mastodon",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "pinterest": "Pinterest",
    "linkedin": "LinkedIn",
    "xing": "XING",
    "facebook": "Facebook",
    "youtube": "YouTube",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "reddit": "Reddit",
    "snapchat": "Snapchat",
    "teams": "Teams",
    "slack": "Slack",
    "google": "Google",
}
"""Brand names as their owners write them, the same in every language."""


def platform_name(platform: str, lang: Lang) -> str:
    """How a platform id from a content file reads on screen and in reports (see
    `platform_text`), in `lang`."""
    return platform_text(platform).text(lang)


def platform_text(platform: str) -> CatalogText:
    """How a platform id reads, for a message worded later in its reader's language: the
    brand's own spelling ("TikTok", "LinkedIn", "X"), a generic channel in the reader's
    language ("E-Mail", "Zeitung"; catalog `platform.<id>`), anything else as the author
    wrote it, with a capital first letter."""
    key = platform.strip().lower()
    if key in BRAND_NAMES:
        return CatalogText.verbatim(BRAND_NAMES[key])
    if key and has_key(f"platform.{key}", "en"):
        return CatalogText(f"platform.{key}")
    text = platform.strip()
    return CatalogText.verbatim(text[:1].upper() + text[1:])


KNOWN_PLATFORMS: frozenset[str] = frozenset(PLATFORM_LIMITS) | frozenset(BRAND_NAMES)
"""Every platform id with a limit or a name of its own: near misses of these are typos."""
