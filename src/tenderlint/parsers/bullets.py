"""Bullets typed as characters ("• ", "- "), not made by a list style: a paragraph that opens with one
is a list item in any format, so it is read with the sentence that leads into it."""

from __future__ import annotations

import re

TYPED_BULLET = re.compile(r"[•●▪■◦○►➢\-–*]\s")


def opens_with_bullet(text: str) -> bool:
    """Whether the paragraph's text starts with a typed bullet and a space."""
    return TYPED_BULLET.match(text.lstrip()) is not None
