"""Regenerate the binary documents of the synthetic corpus (run from anywhere: `python corpora/build_synthetic.py`).

corpora/synthetic/ holds made-up council and NHS documents with gold labels (`X.ext.expect.yaml`). The .md and
.txt documents and every label file are committed as written; this script writes the .docx, .pdf and .odt
documents from the wording in build_synthetic_docs.py, using the renderers in build_synthetic_render.py (which
reuse the helpers of the sample builders). Every run writes byte-identical files: fixed document dates, zip
members dated 1980-01-01, reportlab with invariant=1.

`--check` also compares the gold labels with what tenderlint reports (see build_synthetic_check.py).
Build-only dependencies: python-docx, reportlab and lxml.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # leave no __pycache__ beside the committed files

from build_synthetic_docs import DOCUMENTS  # noqa: E402
from build_synthetic_render import RENDERERS  # noqa: E402

OUT = HERE / "synthetic"


def outputs() -> dict[str, bytes]:
    """Every generated file, by name inside corpora/synthetic/."""
    files: dict[str, bytes] = {}
    for doc in DOCUMENTS:
        suffix = Path(doc.filename).suffix
        if doc.filename in files:
            raise ValueError(f"two documents are named {doc.filename}")
        files[doc.filename] = RENDERERS[suffix](doc)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=OUT, help="directory to write to (default: corpora/synthetic/)"
    )
    parser.add_argument("--quiet", action="store_true", help="do not list the files written")
    parser.add_argument(
        "--check",
        action="store_true",
        help="after building, compare the gold labels with tenderlint's findings",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in outputs().items():
        path = args.out / name
        path.write_bytes(data)
        if not args.quiet:
            print(f"{hashlib.sha256(data).hexdigest()[:12]}  {len(data):>7}  {path}")
    if args.check:
        from build_synthetic_check import main as check

        return check([str(args.out)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
