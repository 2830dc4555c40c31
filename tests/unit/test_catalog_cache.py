"""The parsed copy of the catalogs (`readiness.i18n.catalog_cache`): used when it matches the
catalog files, made again when one changed, ignored when it cannot be read or written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from readiness import i18n
from readiness.i18n import catalog_cache, t, use_catalogs


@pytest.fixture
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real catalogs and a cache folder of its own."""
    root = tmp_path / "i18n"
    for lang in ("en", "de"):
        shutil.copytree(Path(i18n.__file__).parent / lang, root / lang)
    monkeypatch.setenv(catalog_cache.ENV_VAR, str(tmp_path / "cache"))
    return root


def test_the_copy_is_written_then_used(catalogs: Path, tmp_path: Path) -> None:
    with use_catalogs(catalogs):
        parsed = t("results.kind", "de")
    copy = tmp_path / "cache" / "catalog-de.json"
    assert copy.is_file()
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["entries"]["results.kind"] = "aus der Kopie"  # proves the copy is what is read
    copy.write_text(json.dumps(data), encoding="utf-8")
    with use_catalogs(catalogs):
        assert t("results.kind", "de") == "aus der Kopie" != parsed


def test_an_edited_catalog_is_read_again(catalogs: Path) -> None:
    with use_catalogs(catalogs):
        t("results.kind", "de")
    screens = catalogs / "de" / "screens.toml"
    text = screens.read_text(encoding="utf-8")
    screens.write_text(
        text.replace('"results.kind" = "Art"', '"results.kind" = "Neu geschrieben"'),
        encoding="utf-8",
    )
    stat = screens.stat()
    os.utime(screens, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    with use_catalogs(catalogs):
        assert t("results.kind", "de") == "Neu geschrieben"


def test_a_broken_copy_is_ignored(catalogs: Path, tmp_path: Path) -> None:
    with use_catalogs(catalogs):
        expected = t("results.kind", "de")
    (tmp_path / "cache" / "catalog-de.json").write_text("{not json", encoding="utf-8")
    with use_catalogs(catalogs):
        assert t("results.kind", "de") == expected


def test_a_cache_folder_that_cannot_be_written_costs_nothing(
    catalogs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(catalog_cache.ENV_VAR, str(blocked / "cache"))
    with use_catalogs(catalogs):
        assert t("results.kind", "en")
    monkeypatch.setenv(catalog_cache.ENV_VAR, "off")
    assert catalog_cache.cache_folder() is None
