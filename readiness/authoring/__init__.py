"""Tools for trainers who write content: scaffolds, warnings' helpers, graph, stats, simulation.

Plain Python (no Textual): the CLI commands `new`, `graph`, `stats` and `simulate` are thin
wrappers around these modules."""
