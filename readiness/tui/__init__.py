"""The Textual UI: a thin layer over the core. Only this package imports Textual."""
