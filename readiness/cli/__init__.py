"""The `readiness` command line."""
