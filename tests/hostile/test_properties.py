"""Property-based tests of the text pipeline: for any bytes or text at all, decoding, the text, Markdown
and HTML parsers, whitespace squashing, the context checks and the whole linter either work or raise
`InputError`, never anything else (which would be an E999 internal error for a user)."""

from __future__ import annotations

import tempfile

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

from tenderlint.config import Settings  # noqa: E402
from tenderlint.document import Block, BlockKind, Location  # noqa: E402
from tenderlint.engine import linter_for  # noqa: E402
from tenderlint.errors import InputError  # noqa: E402
from tenderlint.nlp import context  # noqa: E402
from tenderlint.nlp.normalise import squash  # noqa: E402
from tenderlint.parsers.html import HtmlParser  # noqa: E402
from tenderlint.parsers.markdown import MarkdownParser  # noqa: E402
from tenderlint.parsers.text import TextParser  # noqa: E402
from tenderlint.parsers.textdecode import decode_text  # noqa: E402

set_hypothesis_home_dir(tempfile.mkdtemp(prefix="tenderlint-hypothesis-"))  # keep the checkout clean

# Pieces of real tender documents and of markup, so examples reach deep into the parsers and rules.
FRAGMENTS = [
    "# ",
    "## 3 Payment\n",
    "1. ",
    "- ",
    "* ",
    "| a | b |\n|---|---|\n",
    "```\n",
    "> ",
    "<!-- tenderlint: disable=TL201 -->",
    "<!-- tenderlint: disable-next=all -->",
    "<!-- tenderlint: disable-file=TL2 -->",
    "<p>",
    "</p>",
    "<table><tr><td>",
    "<script>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#0;",
    "The Council will pay an hourly rate of £21.50 per hour.",
    "Price 70% Quality 30%.",
    "We will not pay hourly rates.",
    "“time and task”",
    "Time and task: a way of buying care.",
    "15-minute calls",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\t",
    "\x00",
    "\x1b[31m",
    "\u2028",
    "\ufeff",
    "\ud7ff",
    "   ",
    "---\ntitle: x\n---\n",
]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map("".join),
)
BYTES = st.one_of(
    st.binary(),
    TEXTS.flatmap(
        lambda text: st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]).map(
            lambda encoding: text.encode(encoding, errors="replace")
        )
    ),
)
FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(BYTES)
def test_decode_text_gives_text_or_input_error(data):
    try:
        text = decode_text(data)
    except InputError:
        return
    assert "\r" not in text


@pytest.mark.parametrize(
    "parser, name", [(TextParser(), "x.txt"), (MarkdownParser(), "x.md"), (HtmlParser(), "x.html")]
)
@FAST
@given(data=BYTES)
def test_text_parsers_never_crash(parser, name, data):
    try:
        document = parser.parse(data, name)
    except InputError:
        return
    for block in document.text_blocks():
        assert isinstance(block.text, str)


@FAST
@given(TEXTS)
def test_squash_maps_every_character_back(text):
    squashed, offsets = squash(text)
    assert len(offsets) == len(squashed) + 1
    assert list(offsets) == sorted(offsets) and offsets[-1] == len(text)
    for index, char in enumerate(squashed):
        if char != " ":
            assert text[offsets[index]] == char


@FAST
@given(TEXTS, st.data())
def test_context_checks_never_crash(text, data):
    engine = linter_for(Settings()).matcher.engine
    tokens = next(engine.tokenize([squash(text)[0]]))
    if not len(tokens):
        return
    start = data.draw(st.integers(0, len(tokens) - 1))
    end = data.draw(st.integers(start + 1, len(tokens)))
    kind = data.draw(st.sampled_from(list(BlockKind)))
    block = Block(kind, tokens.text, Location(line=1, trail=(text[:30],)))
    char_start, char_end = tokens.starts[start], tokens.ends[end - 1]
    context.contexts(tokens, start, end, block, char_start, char_end)
    context.is_quoted(text, data.draw(st.integers(0, len(text))), data.draw(st.integers(0, len(text))))
    context.fact_context(text, data.draw(st.integers(0, len(text))), (text[:30],))


@pytest.mark.parametrize("name", ["x.txt", "x.md", "x.html", "x"])
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTES)
def test_the_whole_linter_never_fails_internally(name, data):
    result = linter_for(Settings()).lint_bytes(data, name)
    assert result.error is None or result.error.code != "E999", result.error.detail
