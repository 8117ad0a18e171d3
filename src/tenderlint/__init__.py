"""tenderlint: a linter for public-sector tender documents."""

__version__ = "0.1.0"
