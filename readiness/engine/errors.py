"""Errors the scenario engine raises when asked for something the current step does not allow."""

from __future__ import annotations

from readiness.errors import ReadinessError


class EngineError(ReadinessError):
    """An action the current node does not allow (unknown choice, reply too long, run over)."""

    exit_code = 1


class ReplayError(EngineError):
    """A saved run cannot be replayed on this scenario, usually because the file changed since."""
