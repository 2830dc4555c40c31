"""Gap analysis: one analysis object from a participant's results, used by every renderer."""
