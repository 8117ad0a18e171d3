"""Tables typed with pipes in plain text are read as tables: one cell per column, wrapped cells joined,
and a header kept with its rows across the rule line under it."""

from __future__ import annotations

import json

from conftest import run_cli

KPIS = """11. MONITORING

  KPI | Indicator | Target
  ------------------------------------------------------------
  KPI 1 | Percentage of commissioned Sessions delivered | 98%
  KPI 2 | Number of complaints received and resolved within 20 working days | 100%

+----------------------+------------------------------+
| Risk                 | Mitigation                   |
+----------------------+------------------------------+
| Market does not      | Early engagement; a ten-week |
| respond              | tender period                |
+----------------------+------------------------------+

Lots are shown as A | B in the plan.
"""


def outline(tmp_path) -> list[dict]:
    path = tmp_path / "spec.txt"
    path.write_text(KPIS, encoding="utf-8")
    proc = run_cli("outline", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    return (data[0] if isinstance(data, list) else data)["blocks"]


def test_pipe_rows_become_cells_with_their_header(tmp_path):
    cells = [b for b in outline(tmp_path) if b["kind"] == "table-cell"]
    first = [c["text"] for c in cells if "table 1, row 1," in c["where"]]
    assert first == ["KPI", "Indicator", "Target"]
    kpi = [c for c in cells if c["text"] == "Percentage of commissioned Sessions delivered"]
    assert kpi and "table 1, row 2, cell 2" in kpi[0]["where"]


def test_wrapped_cells_are_joined_and_prose_with_a_pipe_stays_prose(tmp_path):
    blocks = outline(tmp_path)
    texts = [b["text"] for b in blocks if b["kind"] == "table-cell" and "table 2" in b["where"]]
    assert "Early engagement; a ten-week tender period" in texts
    assert "Market does not respond" in texts
    assert any(
        b["kind"] == "paragraph" and b["text"] == "Lots are shown as A | B in the plan." for b in blocks
    )


def test_findings_read_each_cell_on_its_own(tmp_path):
    path = tmp_path / "spec.txt"
    path.write_text(
        "Day services specification. The Provider shall report quarterly.\n\n" + KPIS, encoding="utf-8"
    )
    proc = run_cli(str(path), "--select", "TL303,TL803", "--format", "json", "--no-cache")
    codes = [f["code"] for entry in json.loads(proc.stdout)["files"] for f in entry["findings"]]
    assert "TL303" in codes  # the output measure is read in its own cell, not beside the complaints KPI
    assert "TL803" not in codes  # the ten weeks are the tender period, not a consultation
