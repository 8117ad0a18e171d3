"""Language processing: tokenizing and pattern matching (built in, or by spaCy), and shared guards."""
