"""Language processing: one lazily built spaCy pipeline, pattern matching and shared guards."""
