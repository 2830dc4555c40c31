"""One screen per job."""
