"""Build the default spaCy pipeline shipped inside the package.

Blank English + sentencizer + lookup lemmatizer (English table from spacy-lookups-data), saved with
`nlp.to_disk` so that users never need spacy-lookups-data or a model download. Re-run after upgrading
spaCy:  pip install spacy-lookups-data && python scripts/build_pipeline.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

import spacy

TARGET = Path(__file__).resolve().parents[1] / "src" / "tenderlint" / "nlp" / "model"


def main() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    if TARGET.exists():
        shutil.rmtree(TARGET)
    nlp.to_disk(TARGET)
    size = sum(f.stat().st_size for f in TARGET.rglob("*") if f.is_file())
    print(f"wrote {TARGET} ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
