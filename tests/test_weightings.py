"""The weighting extractor against real notices: UK tender notices (OCDS) rendered as documents by the
committed script corpora/ocds_notices.py, compared with the weightings in the structured data."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import CORPORA, run_cli, shared_or_skip

sys.path.insert(0, str(CORPORA))
from ocds_notices import expected_weightings, lots_of, render


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    source = shared_or_skip("corpus/ocds/uk_notices.json")
    folder = tmp_path_factory.mktemp("notices")
    expected = {}
    for index, release in enumerate(json.loads(source.read_text(encoding="utf-8"))["releases"]):
        lots = lots_of(release)
        weights = expected_weightings(lots[0]) if lots else None
        if weights:
            path = folder / f"notice-{index:03}.md"
            path.write_text(render(release), encoding="utf-8")
            expected[str(path)] = {k: v for k, v in weights.items() if v}
    return expected


def test_extractor_matches_every_notice_that_states_weightings(notices):
    assert len(notices) >= 50
    proc = run_cli("profile", "--format", "json", *notices)
    assert proc.returncode == 0, proc.stderr.decode()
    profiles = {p["path"]: p["weightings"] for p in json.loads(proc.stdout)}
    wrong = {path: (want, profiles[path]) for path, want in notices.items() if profiles[path] != want}
    assert not wrong, f"{len(wrong)} of {len(notices)} notices misread: {list(wrong.items())[:5]}"


def test_split_table_and_prose_weightings(tmp_path):
    table = tmp_path / "table.md"
    table.write_text(
        "## Evaluation\n\n| Criterion | Weighting (%) |\n| --- | --- |\n| Quality | 55 |\n| Social value | 15 |\n"
        "| Price | 30 |\n| Total | 100 |\n",
        encoding="utf-8",
    )
    prose = tmp_path / "prose.txt"
    prose.write_text("Bids are scored 60% on price and 40% on quality.\n", encoding="utf-8")
    template = tmp_path / "template.md"
    template.write_text(
        "## Award criteria\n\nWeightings: «Insert_Price_Weight»% price, «Insert_Quality_Weight»% quality. "
        "Tenders will be evaluated against the award criteria.\n",
        encoding="utf-8",
    )
    proc = run_cli("profile", "--format", "json", str(table), str(prose), str(template))
    got = {p["path"].rsplit("/", 1)[-1]: p for p in json.loads(proc.stdout)}
    assert got["table.md"]["weightings"] == {"price": 30.0, "quality": 55.0, "social_value": 15.0}
    assert got["prose.txt"]["weightings"] == {"price": 60.0, "quality": 40.0}
    assert got["template.md"]["weightings"] == {} and got["template.md"]["template_weightings"] is True


def test_a_table_per_lot_restates_the_weightings_and_a_maximum_row_is_a_total(tmp_path):
    lot = (
        "| Question | Weighting |\n| --- | --- |\n| Social Value | 10% |\n| Quality of service | 30% |\n"
        "| Price | 60% |\n| Maximum quality score (including Social Value) | 40% |\n"
    )
    path = tmp_path / "lots.md"
    path.write_text(f"## Evaluation\n\n### Lot 1\n\n{lot}\n### Lot 2\n\n{lot}", encoding="utf-8")
    proc = run_cli("profile", "--format", "json", str(path))
    assert json.loads(proc.stdout)[0]["weightings"] == {"price": 60.0, "quality": 30.0, "social_value": 10.0}
