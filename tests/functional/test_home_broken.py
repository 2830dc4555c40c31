"""Home names each broken content file with its first error, and each file that replaces a
built-in one (issue 16, points 5 and 14)."""

from __future__ import annotations

from pathlib import Path

from readiness.content.loader import load_paths
from readiness.settings import Settings
from readiness.tui.app import make_app

DATA = Path(__file__).parent.parent / "data"


async def test_home_names_the_broken_file_and_its_first_error(
    results: Path, tmp_path: Path
) -> None:
    text = (DATA / "authoring" / "mini.en.toml").read_text("utf-8")
    broken = tmp_path / "mini.en.toml"
    broken.write_text(text.replace("time_limit = 60", 'time_limit = "60"'), "utf-8")
    line = next(n for n, t in enumerate(broken.read_text().splitlines(), 1) if "time_limit" in t)
    library = load_paths([DATA / "foundation", tmp_path], with_builtin=False)
    settings = Settings(lang="en", results_dir=results)  # type: ignore[arg-type]
    app = make_app(settings, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == [
            "1 content file could not be loaded; run: readiness validate\n"
            f"  mini.en.toml:{line}: nodes.d1.time_limit: must be a whole number without "
            'quotes, e.g. 60; found the text "60"'
        ]
