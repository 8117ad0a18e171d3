"""Rule selectors (codes, code prefixes, names, ALL) are checked against the rules that exist.

A typo in `--select` or `ignore = [...]` must never turn a CI run green by selecting nothing: an
unknown selector is an error that suggests the nearest real one, as ruff does.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from tenderlint.errors import ConfigError
from tenderlint.findings import RuleMeta


def is_known(selector: str, metas: Iterable[RuleMeta]) -> bool:
    """True for ALL, a rule's name, or a code or code prefix of at least one rule (any case)."""
    wanted = selector.strip()
    if not wanted or wanted.upper() == "ALL":
        return True
    return any(wanted == m.name or m.code.startswith(wanted.upper()) for m in metas)


def suggestion(selector: str, metas: Iterable[RuleMeta]) -> str | None:
    """The closest code or name to a mistyped selector, if any is close."""
    metas = list(metas)
    wanted = selector.strip()
    if re.match(r"[A-Za-z]+[0-9]", wanted):  # meant as a code: TL2O1, tl9999
        candidates, wanted, cutoff = [m.code for m in metas], wanted.upper(), 0.5
    else:
        candidates, cutoff = [m.name for m in metas] + [m.code for m in metas], 0.6
    close = difflib.get_close_matches(wanted, candidates, n=1, cutoff=cutoff)
    return close[0] if close else None


def unknown_message(selector: str, metas: Iterable[RuleMeta]) -> str:
    """ "unknown rule 'X' (did you mean 'Y'?)", or a pointer to the rule list when nothing is close."""
    near = suggestion(selector, metas)
    hint = f"did you mean '{near}'?" if near else "see `tenderlint rules`"
    return f"unknown rule {selector.strip()!r} ({hint})"


def check_selectors(selectors: Iterable[str], metas: Iterable[RuleMeta], where: str) -> None:
    """Raise ConfigError naming `where` for the first selector that matches no rule."""
    metas = list(metas)
    for selector in selectors:
        if not is_known(selector, metas):
            raise ConfigError(f"{where}: {unknown_message(selector, metas)}")


def check_exact(keys: Iterable[str], metas: Iterable[RuleMeta], where: str) -> None:
    """Keys that must name one rule exactly (severity overrides): a code or a name."""
    metas = list(metas)
    exact = {m.code for m in metas} | {m.name for m in metas}
    for key in keys:
        if key not in exact:
            raise ConfigError(f"{where}: {unknown_message(key, metas)}")
