"""A screen is laid out once for the size it appears at, not twice."""

from __future__ import annotations

from textual import events
from textual.screen import ScreenResultType

from readiness.tui.prompt_paint import PromptPaint
from readiness.tui.textual_internals import breakpoint_classes, laid_out_size


class LaidOutOnce(PromptPaint[ScreenResultType]):
    """Mixin: a Resize to the size the screen is already laid out at changes nothing (and,
    from `PromptPaint`, changes are painted as soon as the screen is idle).

    Textual's first layout of a screen sends the screen a Resize of the size it was just laid
    out at, and Textual's handler lays the whole screen out again: every screen that appears
    was laid out twice (the CPU it saves is in docs/performance.md, "Start-up"). A real
    resize, or a change of breakpoints, always comes with another size and is handled as
    before; the breakpoint classes are set here as Textual's handler would. Modal screens
    are left as they are: they paint the screens below them, and those are known only by
    that second pass."""

    async def _on_resize(self, event: events.Resize) -> None:
        if event.size == laid_out_size(self):
            event.prevent_default()  # `Screen`'s handler: the second layout
            event.stop()
            self.apply_breakpoints()  # what Textual's handler does besides

    def apply_breakpoints(self) -> None:
        """Set the breakpoint classes (`-wide`, `-narrow`) for the terminal's size now.

        Textual sets them on the screen's first Resize, which comes after its first paint:
        a wide screen would first be painted narrow and then laid out again. Call at the start
        of `compose`: the widgets are then styled once, for the right width (called from
        `on_mount`, every widget was styled a second time before the first frame)."""
        width = self.app.size.width
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        matching = breakpoint_classes(self, width, breakpoints)
        self.update_classes({name: name in matching for _, name in breakpoints}, animate=False)
