"""Print a pip constraints file pinning each runtime dependency to the lower bound pyproject declares.

python scripts/lower_bounds.py > constraints.txt
pip install -c constraints.txt -e '.[test]'
python scripts/lower_bounds.py --check      exit 1 unless the installed versions are those bounds

Used by `make test-min` so the declared lower bounds are installed and tested, not just written down.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(?:;\s*(.*))?$")


def lower_bounds(requirements: list[str]) -> list[str]:
    """`name==X` for each requirement with a `>=X` bound whose environment marker holds here."""
    pins = []
    for requirement in requirements:
        match = REQUIREMENT.match(requirement)
        if not match:
            raise SystemExit(f"cannot read requirement {requirement!r}")
        name, specifiers, marker = match.groups()
        if marker and not _marker_holds(marker):
            continue
        bound = re.search(r">=\s*([^,\s]+)", specifiers or "")
        if bound:
            pins.append(f"{name}=={bound.group(1)}")
    return pins


def _marker_holds(marker: str) -> bool:
    """Only the markers pyproject uses: python_version comparisons."""
    found = re.fullmatch(r"python_version\s*(<|<=|>|>=|==)\s*['\"](\d+)\.(\d+)['\"]", marker.strip())
    if not found:
        raise SystemExit(f"unsupported environment marker {marker!r}")
    op, major, minor = found.group(1), int(found.group(2)), int(found.group(3))
    here, there = sys.version_info[:2], (major, minor)
    return {
        "<": here < there,
        "<=": here <= there,
        ">": here > there,
        ">=": here >= there,
        "==": here == there,
    }[op]


def check(pins: list[str]) -> list[str]:
    """The pins the running environment does not have installed exactly."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.version import Version

    wrong = []
    for pin in pins:
        name, wanted = pin.split("==")
        try:
            found = version(name)
        except PackageNotFoundError:
            found = "not installed"
        if found == "not installed" or Version(found) != Version(wanted):
            wrong.append(f"{name}: installed {found}, lower bound {wanted}")
    return wrong


def main() -> int:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    pins = lower_bounds(project["dependencies"])
    if "--check" in sys.argv:
        wrong = check(pins)
        for line in wrong:
            print(line, file=sys.stderr)
        print(f"{len(pins) - len(wrong)} of {len(pins)} dependencies at their lower bound")
        return 1 if wrong else 0
    print("\n".join(pins))
    return 0


if __name__ == "__main__":
    sys.exit(main())
