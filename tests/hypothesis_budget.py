"""How many examples a property test draws: few by default, the full budget under `deep`.

The default run must stay under three minutes on two cores, so every property test asks
for its budget through `examples(n)`, where `n` is what it needs for a thorough search.
`HYPOTHESIS_PROFILE=deep` (CI nightly, or before a release) draws all `n`, and more;
the quick default draws a tenth (at least five), which still catches regressions
that break a property for most inputs.
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")

settings.register_profile("quick", deadline=None, print_blob=True)
settings.register_profile("deep", deadline=None, print_blob=True)
settings.load_profile(PROFILE if PROFILE in ("quick", "deep") else "quick")


def examples(n: int) -> int:
    """The number of examples for a test whose thorough budget is `n`."""
    if PROFILE == "deep":
        return n * 5
    return max(5, n // 10)
