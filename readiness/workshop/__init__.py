"""Workshops: join codes, pseudonyms, the facilitator control file, group analysis, serving.

Plain Python without Textual: the dashboard, the join screen and the participant sessions are
thin TUI layers over these modules, and tests drive them without a terminal."""
