"""Reporters: every output format takes the same list of file results."""
