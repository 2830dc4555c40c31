"""The debrief of one scenario run as a Markdown journal: timeline, decisions, replies."""

from __future__ import annotations

from readiness.content.translations import marked_title
from readiness.engine.debrief import debrief_for
from readiness.i18n import Lang, addressing
from readiness.models.results import ScenarioResult
from readiness.models.scenario import Scenario
from readiness.reports.render import environment
from readiness.reports.rubric_note import rubric_note


def render_journal(
    scenario: Scenario, result: ScenarioResult, lang: Lang, *, changed: bool = False
) -> str:
    """Markdown for wikis and the group discussion; content and replies are escaped.

    The journal retells the run as it was played, in the words of the file it was played
    on; a file in another language than `lang` is marked so at the title. Its own words
    ("your choice") address the reader as that file does (du or Sie), so a run of a file
    that says du is not retold with Sie around it.

    `changed`: the file changed since the run (its hash differs from the run's). The steps
    are replayed on `scenario` as it is now, so the journal says at its top that its
    situations, options, feedback, ending and scores are the current version's."""
    debrief = debrief_for(scenario, result)
    template = environment(lang).get_template("journal.md.j2")
    with addressing(scenario.address):
        return template.render(
            s=scenario,
            title=marked_title(scenario.title, scenario.language, lang),
            d=debrief,
            r=result,
            changed=changed,
            rubric_note=lambda reason, words: rubric_note(reason, words, lang),
        )
