"""The built-in engine must give exactly what spaCy gives: same tokens, sentences, lemmas, matches, findings.

spaCy (loading the bundled pipeline) is the reference; the built-in engine only exists to be faster.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT, run_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenderlint.config import Settings
from tenderlint.engine import linter_for, parsers_by_format
from tenderlint.nlp.engines import BuiltinEngine, SpacyEngine, choose_engine
from tenderlint.nlp.matcher import TokenPattern, _lemma
from tenderlint.nlp.normalise import squash
from tenderlint.nlp.pipeline import get_nlp
from tenderlint.parsers.detect import detect_format
from tenderlint.ruleset import load_ruleset

RULES = load_ruleset(()).pattern_rules


@pytest.fixture(scope="module")
def engines() -> tuple[BuiltinEngine, SpacyEngine]:
    return BuiltinEngine(), SpacyEngine(get_nlp("default"))


def corpus_texts() -> list[str]:
    """Every block of every readable document in corpora/, as the matcher sees it, plus rule examples."""
    texts = []
    for path in sorted(p for p in CORPORA.rglob("*") if p.is_file() and ".expect" not in p.name):
        data = path.read_bytes()
        try:
            parser = parsers_by_format().get(detect_format(data, str(path)))
            document = parser.parse(data, str(path)) if parser else None
        except Exception:  # broken samples: nothing to compare
            continue
        if document is not None:
            texts.extend(squash(block.text)[0] for block in document.text_blocks())
    for rule in RULES:
        texts.extend(rule.meta.examples_fail + rule.meta.examples_pass)
    return texts


def assert_same_tokens(builtin, reference) -> None:
    assert builtin.words == reference.words, builtin.text
    assert builtin.starts == reference.starts, builtin.text
    assert builtin.sentence_starts == reference.sentence_starts, builtin.text
    assert [_lemma(builtin, i) for i in range(len(builtin))] == [t.lemma_ for t in reference.doc]


def test_same_tokens_sentences_and_lemmas_on_the_corpus(engines):
    builtin, spacy_engine = engines
    texts = corpus_texts()
    assert len(texts) > 2000
    for mine, theirs in zip(builtin.tokenize(texts), spacy_engine.tokenize(texts)):
        assert_same_tokens(mine, theirs)


def test_same_matches_for_every_rule_on_the_corpus(engines):
    builtin, spacy_engine = engines
    texts = corpus_texts()
    mine_all, theirs_all = list(builtin.tokenize(texts)), list(spacy_engine.tokenize(texts))
    total = 0
    for rule in (r for r in RULES if r.patterns or r.phrases):  # clause-only rules match by concepts
        mine_compiled, theirs_compiled = builtin.compile(rule), spacy_engine.compile(rule)
        matched = 0
        for mine, theirs in zip(mine_all, theirs_all):
            expected = sorted(spacy_engine.matches(theirs_compiled, theirs))
            assert sorted(builtin.matches(mine_compiled, mine)) == expected, (rule.meta.code, mine.text)
            matched += len(expected)
        assert matched, f"{rule.meta.code} never matched: the comparison proves nothing for it"
        total += matched
    assert total > 300
    concepts = {concept.name: concept for rule in RULES for concept in rule.concepts}
    concept_total = 0
    for concept in concepts.values():
        mine_compiled, theirs_compiled = builtin.compile(concept), spacy_engine.compile(concept)
        for mine, theirs in zip(mine_all, theirs_all):
            expected = sorted(spacy_engine.matches(theirs_compiled, theirs))
            assert sorted(builtin.matches(mine_compiled, mine)) == expected, (concept.name, mine.text)
            concept_total += len(expected)
    assert concept_total > 1000


WEIRD = [
    "n't", "U.K.", "e.g.", "i.e.", "a.m.", ":)", "and/or", "and / or", "http://x.org/a?b=c", "www.gov.uk",
    "can't", "’s", "'s", "Mr.", "etc.", "No.", "10am", "£21.50", "5km", "x@y.com", "1st", "15-minute",
    "per-hour", "(", ")", '"', "“", "”", "…", "--", "—", "–", "\u00a0", "\x1c", "\u2028", "  ", "\t", "\n",
]  # fmt: skip
TEXTS = st.lists(
    st.one_of(st.sampled_from(WEIRD), st.text(max_size=12), st.sampled_from([" ", ".", ",", "?", "!"])),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_same_tokens_on_generated_text(text):
    builtin, spacy_engine = BuiltinEngine(), SpacyEngine(get_nlp("default"))
    assert_same_tokens(next(builtin.tokenize([text])), next(spacy_engine.tokenize([text])))


AFFIXES = [*"()[]{}.,;:!?'\"’”“…-–—/%$£€#*&@_", "km", "5", "a", "x", "n't", "'s", "...", "U.K.", "°C", "a.m."]


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(AFFIXES), min_size=30, max_size=200).map("".join))
def test_same_tokens_on_long_runs_of_affixes(text):
    """Chunks over 64 characters search their suffixes in two parts; the split must not change a token."""
    builtin, spacy_engine = BuiltinEngine(), SpacyEngine(get_nlp("default"))
    assert_same_tokens(next(builtin.tokenize([text])), next(spacy_engine.tokenize([text])))


@pytest.mark.parametrize(
    "pattern, text",
    [
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "b", "OP": "?"}], "a b b c"),
        ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{0,2}"}, {"LOWER": "c"}], "a b b c a c a x c"),
        ([{"LOWER": "a"}, {"LOWER": "x", "OP": "!"}, {"LOWER": "c"}], "a b c a x c a c c"),
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}], "a b b b a"),
        ([{"LOWER": "b", "OP": "+"}, {"LOWER": "c"}], "a b b c b c"),
        ([{"LOWER": "b", "OP": "{2}"}, {"LOWER": {"NOT_IN": ["a"]}}], "b b b c b b a"),
        ([{"LEMMA": "pay"}, {"LOWER": "per"}], "Paid per hour, paying per visit, pays per call."),
        ([{"TEXT": {"REGEX": "^[A-Z]"}}, {"LIKE_NUM": True}], "Section 12 and section 13 or Part three"),
        ([{"IS_PUNCT": True}, {"LENGTH": 3}], "one, two; three: six"),
    ],
)
def test_operators_and_attributes_behave_like_spacy(pattern, text, engines):
    builtin, spacy_engine = engines
    from spacy.matcher import Matcher

    reference = Matcher(spacy_engine.nlp.vocab)
    reference.add("p", [pattern])
    doc = next(spacy_engine.tokenize([text]))
    expected = sorted({(start, end) for _, start, end in reference(doc.doc)})
    assert expected, "the example should match something"
    assert sorted(TokenPattern(pattern).matches(next(builtin.tokenize([text])))) == expected


def test_default_pipeline_uses_the_builtin_engine_and_spacy_on_request():
    rules = linter_for(Settings()).rules.pattern_rules
    assert isinstance(choose_engine("default", rules), BuiltinEngine)
    assert isinstance(choose_engine("default-spacy", rules), SpacyEngine)


def test_cli_findings_identical_with_spacy(tmp_path):
    """The whole labelled corpus through the real CLI, once per engine: the same report."""
    config = tmp_path / "spacy.toml"
    config.write_text('pipeline = "default-spacy"\n', encoding="utf-8")
    _, builtin = run_json("corpora", "--no-cache", "--exit-zero")
    _, reference = run_json("corpora", "--no-cache", "--exit-zero", "--config", str(config))
    assert builtin["summary"]["findings"] > 250
    assert builtin == reference


def test_linting_does_not_import_spacy():
    code = (
        "import sys, runpy; sys.argv = ['tenderlint', 'corpora/home-care-spec.md', '--no-cache', '-j', '1'];"
        "import atexit; atexit.register(lambda: print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY'));"
        "runpy.run_module('tenderlint', run_name='__main__')"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "18 findings" in proc.stdout, proc.stderr
    assert proc.stdout.strip().endswith("NO-SPACY")


def test_pack_using_a_spacy_only_attribute_falls_back_to_spacy(tmp_path):
    pack = tmp_path / "shapes.yaml"
    pack.write_text(
        """rules:
  - code: XS001
    name: two-digit-minutes
    family: specification
    severity: warning
    message: Minutes written as two digits.
    fix: Describe the support, not the minutes.
    citations: [careact-s1-wellbeing]
    patterns:
      - [{SHAPE: dd}, {LOWER: minute}, {LOWER: visits}]
""",
        encoding="utf-8",
    )
    (tmp_path / ".tenderlint.toml").write_text(f'rule-packs = ["{pack.name}"]\nselect = ["XS001"]\n')
    doc = tmp_path / "spec.md"
    doc.write_text("The provider will deliver 30 minute visits to each person.\n", encoding="utf-8")
    code, report = run_json(str(doc), "--no-cache", cwd=tmp_path)
    assert code == 1
    assert [f["code"] for f in report["files"][0]["findings"]] == ["XS001"]


def test_shipped_tables_match_the_bundled_pipeline():
    """nlp/tables/ is exported from nlp/model/ by scripts/build_pipeline.py; they must not drift apart."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_pipeline
    finally:
        sys.path.pop(0)
    shipped = json.loads((ROOT / "src/tenderlint/nlp/tables/tokenizer.json").read_text(encoding="utf-8"))
    exported = build_pipeline.tokenizer_table(get_nlp("default"))
    assert {k: v for k, v in exported.items() if k != "spacy"} == {
        k: v for k, v in shipped.items() if k != "spacy"
    }
    assert Path(ROOT / "src/tenderlint/nlp/tables/lemmas.json").stat().st_size > 500_000


PACK = """rules:
  - code: XB001
    name: broken-pattern
    family: specification
    severity: warning
    message: A rule with a broken pattern.
    fix: None.
    citations: [careact-s1-wellbeing]
    patterns:
{patterns}
"""


@pytest.mark.parametrize(
    "patterns",
    [
        "      - [{LOWER: visits, OP: '{2,1}'}]",  # fewest above most
        "      - []",  # empty pattern
        "      - [{LENGTH: -1}]",
        "      - [{LOWER: {IN: [15, 30]}}, {LOWER: minute}]",  # numbers where words belong
        "      - {LOWER: visits}",  # a token, not a pattern
        "      - [visits]",
        "      - [{LOWER: visits, OP: [1, 2]}]",
        "      - [{LOWR: visits}]",  # unknown attribute
        "      - [{LOWER: {REGEX: '('}}]",  # a regular expression that does not compile
        "      - [{_: {foo: true}}]",  # an extension attribute nobody registered
        "      - [{LOWER: visits, OP: '{99999999999999999999}'}]",  # spaCy would copy the token that often
    ],
)
@pytest.mark.parametrize("pipeline", ["default", "default-spacy"])
def test_invalid_patterns_are_configuration_errors_on_both_engines(tmp_path, patterns, pipeline):
    (tmp_path / "pack.yaml").write_text(PACK.format(patterns=patterns), encoding="utf-8")
    (tmp_path / ".tenderlint.toml").write_text(f'rule-packs = ["pack.yaml"]\npipeline = "{pipeline}"\n')
    (tmp_path / "spec.md").write_text("We deliver 30 minute visits.\n", encoding="utf-8")
    code, report = run_json("spec.md", "--no-cache", cwd=tmp_path)
    assert code == 2
    error = report["files"][0]["error"]
    assert error["code"] == "E007", error
    assert "XB001" in error["message"]


def test_blocks_over_a_million_characters_are_linted_by_both_engines(tmp_path):
    text = (
        "Support is flexible and agreed with each person. " * 21000
    ) + "Providers will be paid £19.80 per hour."
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "spacy.toml").write_text('pipeline = "default-spacy"\n', encoding="utf-8")
    _, builtin = run_json("long.txt", "--no-cache", "--select", "TL201", cwd=tmp_path)
    _, reference = run_json(
        "long.txt", "--no-cache", "--select", "TL201", "--config", "spacy.toml", cwd=tmp_path
    )
    assert builtin["files"][0]["error"] is None
    assert builtin == reference


def test_repeat_operators_are_matched_without_trying_every_path(engines):
    """Three unbounded wildcards over 400 words: as many paths as spaCy tries, but each end found once."""
    builtin, _ = engines
    pattern = [{"LOWER": "the"}] + [{"IS_ALPHA": True, "OP": "*"}] * 3 + [{"LOWER": "zzz"}]
    tokens = next(builtin.tokenize([" ".join(["the"] * 200 + ["word"] * 199 + ["zzz"])]))
    assert len(list(TokenPattern(pattern).matches(tokens))) == 200


def test_a_pipeline_that_is_not_installed_is_a_configuration_error(tmp_path):
    (tmp_path / ".tenderlint.toml").write_text('pipeline = "en_no_such_pipeline"\n', encoding="utf-8")
    (tmp_path / "spec.md").write_text(
        "Providers will be paid £19.80 per hour of home care.\n", encoding="utf-8"
    )
    code, report = run_json("spec.md", "--no-cache", cwd=tmp_path)
    assert code == 2
    error = report["files"][0]["error"]
    assert error["code"] == "E007" and "en_no_such_pipeline" in error["message"], error


@pytest.mark.parametrize(
    "pattern, text",
    [
        ("[{LIKE_NUM: true}, {LOWER: mph}]", "Drivers travel at 30mph in the village."),  # a unit split off
        ('[{LOWER: "n\'t"}, {LOWER: guarantee}]', "We can't guarantee a visit."),  # a contraction
        ('[{LOWER: do}, {LOWER: "n\'t"}, {LOWER: pay}]', "Providers don't pay for travel."),
    ],
)
@pytest.mark.parametrize("pipeline", ["default", "default-spacy"])
def test_words_split_inside_a_written_word_still_match(tmp_path, pattern, text, pipeline):
    """Rules are chosen for a block by its tokens, so pieces spaCy splits off are found too."""
    pack = PACK.replace("XB001", "XW001").replace("broken-pattern", "split-words")
    (tmp_path / "pack.yaml").write_text(pack.format(patterns=f"      - {pattern}"), encoding="utf-8")
    (tmp_path / ".tenderlint.toml").write_text(
        f'rule-packs = ["pack.yaml"]\npipeline = "{pipeline}"\nselect = ["XW001"]\n'
    )
    (tmp_path / "spec.md").write_text(text + "\n", encoding="utf-8")
    code, report = run_json("spec.md", "--no-cache", cwd=tmp_path)
    assert code == 1
    assert [f["code"] for f in report["files"][0]["findings"]] == ["XW001"], report
