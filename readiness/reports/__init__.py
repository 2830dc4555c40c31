"""Renderers of the gap report: Markdown, HTML (self-contained, printable), JSON."""
