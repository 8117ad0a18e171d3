"""Regenerate the generated blocks of README.md (rule index, options table) from the code's metadata.

python scripts/update_readme.py          rewrite README.md
python scripts/update_readme.py --check  exit 1 if README.md is out of date (used by the tests)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tenderlint.cli.rules import rules_markdown
from tenderlint.config import describe_options
from tenderlint.ruleset import load_ruleset

README = Path(__file__).resolve().parents[1] / "README.md"


def options_markdown() -> str:
    lines = ["| option | default | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{key}` | `{default}` | {doc} |" for key, default, doc in describe_options()]
    return "\n".join(lines) + "\n"


def render(text: str) -> str:
    blocks = {"rules": rules_markdown(load_ruleset().metas), "options": options_markdown()}
    for name, body in blocks.items():
        pattern = re.compile(rf"(<!-- {name}:start[^\n]*-->\n).*?(<!-- {name}:end -->)", re.DOTALL)
        text, count = pattern.subn(lambda m, body=body: m.group(1) + body + m.group(2), text)
        if count != 1:
            raise SystemExit(f"README.md: expected one '{name}:start' ... '{name}:end' block")
    return text


def main() -> int:
    current = README.read_text(encoding="utf-8")
    updated = render(current)
    if "--check" in sys.argv:
        if updated != current:
            print("README.md is out of date: run python scripts/update_readme.py")
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
