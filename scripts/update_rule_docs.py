"""Regenerate docs/rules/ (one page per built-in rule, and an index) from the rules' metadata.

python scripts/update_rule_docs.py          rewrite docs/rules/
python scripts/update_rule_docs.py --check  exit 1 if any page is missing, stale or left over (used by the tests)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tenderlint.cli.rules import render_how
from tenderlint.rule_docs import index, is_builtin, page
from tenderlint.ruleset import load_ruleset

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def expected() -> dict[str, str]:
    """File name -> content for every page docs/rules/ should hold."""
    ruleset = load_ruleset()
    metas = [m for m in ruleset.metas if is_builtin(m)]
    pattern = {r.meta.code: r for r in ruleset.pattern_rules}
    pages = {
        f"{m.code}.md": page(
            m, ruleset.citations, render_how(pattern[m.code])[2:] if m.code in pattern else ()
        )
        for m in metas
    }
    pages["README.md"] = index(metas)
    return pages


def main() -> int:
    pages = expected()
    present = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")} if DOCS.is_dir() else {}
    if "--check" in sys.argv:
        stale = sorted(name for name, text in pages.items() if present.get(name) != text)
        extra = sorted(set(present) - set(pages))
        for name in stale:
            print(f"docs/rules/{name} is missing or out of date", file=sys.stderr)
        for name in extra:
            print(f"docs/rules/{name} documents no rule", file=sys.stderr)
        if stale or extra:
            print("run: python scripts/update_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    DOCS.mkdir(parents=True, exist_ok=True)
    for name in set(present) - set(pages):
        (DOCS / name).unlink()
    for name, text in pages.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} files to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
