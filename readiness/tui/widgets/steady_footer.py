"""A footer that shows its keys in the screen's first paint."""

from __future__ import annotations

from readiness.tui.widgets.footer import LocalFooter


class SteadyFooter(LocalFooter):
    """The translating footer, with its keys from the start.

    Textual's footer starts empty and fills in after the screen's first focus change, a frame
    or more after everything else; this one shows the screen's keys from its first paint,
    for screens whose keys do not depend on what has focus (the player, the debrief, the
    assessment's question and result), so that their first paint is complete."""

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._ready = True
