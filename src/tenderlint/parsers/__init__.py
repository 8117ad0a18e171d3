"""Parsers: one per format, each producing the same Document."""
