"""The operating system's reason for a failed file operation, in the reader's language.

Python gives `strerror` in English whatever the language of the command ("Permission
denied", "No space left on device"), so a German message ended in English. The reasons a
user of this tool meets (rights, a full or read-only disk, a missing folder) are worded from
the catalog; any other keeps the system's words."""

from __future__ import annotations

import errno

from readiness.i18n.catalog_text import CatalogText

_KEYS = {
    errno.EACCES: "os.no_permission",
    errno.EPERM: "os.no_permission",
    errno.ENOENT: "os.not_found",
    errno.ENOTDIR: "os.not_a_folder",
    errno.EISDIR: "os.is_a_folder",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.quota",
    errno.EROFS: "os.read_only",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io",
    errno.EADDRINUSE: "os.address_in_use",
}


def os_reason(error: OSError) -> CatalogText:
    """Why `error` happened, as a few words for the end of a sentence."""
    key = _KEYS.get(error.errno) if error.errno is not None else None
    if key is not None:
        return CatalogText(key)
    return CatalogText.verbatim(error.strerror or str(error))
