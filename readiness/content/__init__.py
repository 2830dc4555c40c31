"""Finding, parsing and checking content files."""
