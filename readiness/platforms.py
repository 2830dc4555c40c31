"""Character limits per platform, so a reply step shows the limit the participant would meet."""

from __future__ import annotations

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
