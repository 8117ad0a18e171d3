"""Build the default pipeline shipped inside the package, and the tables tenderlint's own matcher reads.

Blank English + sentencizer + lookup lemmatizer (English table from spacy-lookups-data), saved with
`nlp.to_disk` so that users never need spacy-lookups-data or a model download. The same pipeline's
tokenizer rules, sentence punctuation, number words and lemma table are also written as plain JSON to
`nlp/tables/`: the built-in engine tokenizes and matches with them without importing spaCy, and a test
checks it gives the same tokens and matches as spaCy. Re-run after upgrading spaCy:
    pip install spacy-lookups-data && python scripts/build_pipeline.py
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.lang.en import lex_attrs

from tenderlint.nlp.caseless import top_level_alternatives

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tenderlint" / "nlp"
MODEL = PACKAGE / "model"
TABLES = PACKAGE / "tables"


def build_model() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    if MODEL.exists():
        shutil.rmtree(MODEL)
    nlp.to_disk(MODEL)
    # The sentencizer saves its punctuation set in hash order: sort it so that rebuilds are identical.
    import srsly

    settings_path = MODEL / "sentencizer.json"
    settings = srsly.read_json(settings_path)
    settings["punct_chars"] = sorted(settings["punct_chars"])
    srsly.write_json(settings_path, settings)
    return nlp


def tokenizer_table(nlp: spacy.language.Language) -> dict:
    """The tokenizer's rules as data: affix regexes and special cases (as their token texts)."""
    tokenizer = nlp.tokenizer

    def source(attribute: str) -> str | None:
        bound = getattr(tokenizer, attribute)
        return bound.__self__.pattern if bound is not None else None

    return {
        "spacy": spacy.__version__,
        "prefix": source("prefix_search"),
        "suffix": source("suffix_search"),
        "suffix_parts": split_suffixes(source("suffix_search")),
        "infix": source("infix_finditer"),
        "token_match": source("token_match"),
        "url_match": source("url_match"),
        "faster_heuristics": tokenizer.faster_heuristics,
        "special_cases": {
            text: [piece[ORTH] for piece in pieces] for text, pieces in sorted(tokenizer.rules.items())
        },
        "sentence_punct": sorted(nlp.get_pipe("sentencizer").punct_chars),
        "number_words": list(lex_attrs._num_words),
        "ordinal_words": list(lex_attrs._ordinal_words),
    }


def split_suffixes(pattern: str | None) -> dict | None:
    """The suffix alternatives in two groups: those at most `width` characters long, and the rest.

    Every alternative ends at "$", so the bounded ones only need searching in the last `width`
    characters of a long chunk, instead of from every position in it.
    """
    from re import _parser  # build time only: the widths are computed here and shipped as data

    if not pattern:
        return None
    parts = top_level_alternatives(pattern)
    if "|".join(parts) != pattern or not all(
        part.endswith("$") and not part.endswith("\\$") for part in parts
    ):
        return None
    widths = [_parser.parse(part).getwidth()[1] for part in parts]
    bounded = [part for part, width in zip(parts, widths) if width < 1000]
    unbounded = [part for part, width in zip(parts, widths) if width >= 1000]
    return {
        "bounded": "|".join(bounded),
        "width": max((width for width in widths if width < 1000), default=0),
        "unbounded": "|".join(unbounded) or None,
    }


def lemma_lookup(nlp: spacy.language.Language) -> dict[str, str]:
    """The lemma table with its words (spaCy's copy is keyed by hashes), checked against the pipeline's."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    lemmas = json.loads(gzip.decompress(path.read_bytes()))
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert len(table) == len(lemmas) and all(table.get(word) == lemma for word, lemma in lemmas.items())
    return lemmas


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")


def main() -> None:
    nlp = build_model()
    TABLES.mkdir(exist_ok=True)
    write_json(TABLES / "tokenizer.json", tokenizer_table(nlp))
    lemmas = lemma_lookup(nlp)
    write_json(TABLES / "lemmas.json", lemmas)
    for folder in (MODEL, TABLES):
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        print(f"wrote {folder} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
