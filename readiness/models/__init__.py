"""Pydantic models of content files and result files. No Textual here."""

from readiness.models.assessment import Assessment
from readiness.models.results import AssessmentResult, ScenarioResult
from readiness.models.scenario import Scenario

__all__ = ["Assessment", "AssessmentResult", "Scenario", "ScenarioResult"]
