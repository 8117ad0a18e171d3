"""Regenerate the sample documents in corpora/ (run from anywhere: `python corpora/build.py`).

The same fictional conventional home care specification (build_source.SPEC) is written as .md, .txt,
.docx, .pdf and .odt, plus the outcomes-based good-practice specification and the broken inputs in
corpora/broken/. The outputs are committed, so users never need to run this.

Build-only dependencies: python-docx, reportlab (with Pillow), lxml and msoffcrypto-tool.
Every run writes byte-identical files: fixed dates, fixed zip timestamps, reportlab invariant=1,
and pinned salts for the encrypted fixture.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # leave no __pycache__ beside the committed samples

from build_broken import broken_files  # noqa: E402
from build_docx import build_docx  # noqa: E402
from build_odt import build_odt  # noqa: E402
from build_pdf import build_pdf  # noqa: E402
from build_source import GOOD_PRACTICE_MD  # noqa: E402
from build_text import render_markdown, render_text  # noqa: E402


def outputs() -> dict[str, bytes]:
    """Every generated file, by path relative to corpora/."""
    docx = build_docx()
    files = {
        "home-care-spec.md": render_markdown().encode("utf-8"),
        "home-care-spec.txt": render_text().encode("utf-8"),
        "home-care-spec.docx": docx,
        "home-care-spec.pdf": build_pdf(),
        "home-care-spec.odt": build_odt(),
        "good-practice-spec.md": GOOD_PRACTICE_MD.encode("utf-8"),
    }
    files.update({f"broken/{name}": data for name, data in broken_files(docx).items()})
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="directory to write to (default: corpora/)")
    parser.add_argument("--quiet", action="store_true", help="do not list the files written")
    args = parser.parse_args(argv)
    for name, data in outputs().items():
        path = args.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if not args.quiet:
            print(f"{hashlib.sha256(data).hexdigest()[:12]}  {len(data):>7}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
