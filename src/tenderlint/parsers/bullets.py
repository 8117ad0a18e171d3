"""Bullets typed as characters ("• ", "- ") or letters ("(a) ", "b) ", "(iv) "), not made by a list style:
a paragraph that opens with one is a list item in any format, so it is read with the sentence that
leads into it. Numbers ("1.", "3.2") are left alone: they number clauses more often than list items."""

from __future__ import annotations

import re

#: The characters typed as bullets (a set's contents, for this and the plain-text parser's markers).
BULLET_CHARS = r"•●▪■◦○►➢\-–*"
TYPED_BULLET = re.compile(rf"[{BULLET_CHARS}]\s|\(?[a-z]\)\s|\([ivx]{{1,5}}\)\s")


def opens_with_bullet(text: str) -> bool:
    """Whether the paragraph's text starts with a typed bullet or letter and a space."""
    return TYPED_BULLET.match(text.lstrip()) is not None
