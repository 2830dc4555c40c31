"""Widgets, one per visual idea."""
