"""Clause rules and typed context, through the real CLI: wording no rule was written from, in any order,
with each rule's own negation kept and other contexts cancelling it."""

from __future__ import annotations

import textwrap

from conftest import run_cli, run_json

CARE = "Home care service specification for adults who draw on care and support.\n\n"


def findings_for(tmp_path, text: str, *args: str) -> list[dict]:
    path = tmp_path / "doc.txt"
    path.write_text(CARE + text + "\n", encoding="utf-8")
    _, report = run_json(str(path), "--no-cache", *args)
    return report["files"][0]["findings"]


def codes(tmp_path, text: str) -> set[str]:
    return {f["code"] for f in findings_for(tmp_path, text)}


def test_prohibition_is_found_in_any_order(tmp_path):
    for text in (
        "Sub-contracting of any element of the Service will not be permitted.",
        "The Provider shall not sub-contract any part of the Service.",
        "Consortia will not be accepted and the Provider shall not sub-contract any part of it.",
    ):
        assert "TL404" in codes(tmp_path, text), text


def test_second_negation_or_permission_cancels_prohibition(tmp_path):
    for text in (
        "Consortium bids will not be barred.",
        "The Provider shall not sub-contract any part of the Service without the Council's prior written consent.",
        "For many years sub-contracting was not permitted under the old framework.",
    ):
        assert "TL404" not in codes(tmp_path, text), text


def test_numbers_as_people_write_them(tmp_path):
    assert "TL104" in codes(tmp_path, "The service includes quarter-hour personal care calls.")
    assert "TL104" in codes(tmp_path, "Care calls of up to fifteen minutes will be used for medication.")
    assert "TL104" not in codes(tmp_path, "Personal care calls will last at least forty-five minutes.")
    assert "TL206" in codes(tmp_path, "Valid invoices will be paid within sixty (60) days of receipt.")
    assert "TL206" not in codes(tmp_path, "Valid invoices will be paid within ten (10) days of receipt.")


def test_history_and_options_are_not_findings(tmp_path):
    for text in (
        "For many years the Council bought home care by time and task.",
        "Providers were paid an hourly rate for every visit.",
        "Officers considered using an electronic reverse auction (Option 5).",
    ):
        assert not codes(tmp_path, text) & {"TL103", "TL201", "TL204"}, text


def test_obligation_under_key_terms_heading_is_read(tmp_path):
    text = "PART A: KEY TERMS\n\n2.2 The Council shall pay valid invoices within 60 days of receipt."
    assert "TL206" in codes(tmp_path, text)
    glossary = "DEFINITIONS\n\nPayment Terms: payment within 60 days of receipt of an invoice."
    assert "TL206" not in codes(tmp_path, glossary)


def test_findings_carry_evidence(tmp_path):
    found = findings_for(tmp_path, "Sub-contracting of any element of the Service will not be permitted.")
    evidence = next(f["evidence"] for f in found if f["code"] == "TL404")
    assert evidence["concepts"] == {"subcontracting": "Sub-contracting", "prohibition": "not be permitted"}
    short = findings_for(tmp_path, "The service includes 15-minute personal care calls.")
    assert next(f["evidence"] for f in short if f["code"] == "TL104")["value"] == 15


def test_rule_command_shows_concepts_and_contexts():
    proc = run_cli("rule", "TL807")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "in one clause: market-engagement + not-done" in out
    assert "not cancelled when: historical (its own wording)" in out


PACK = textwrap.dedent(
    """
    concepts:
      night-support:
        about: Support through the night.
        words: [sitter]
        phrases: [night sitting, waking night, waking nights]
        patterns:
          - [{LOWER: sleep}, {ORTH: "-", OP: "?"}, {LOWER: {IN: [in, ins]}}]
    rules:
      - code: AC101
        name: night-support-barred
        family: specification
        severity: warning
        message: Night support is excluded.
        fix: Allow night support where people need it.
        citations: [careact-s1-wellbeing]
        clauses:
          - all: [night-support, prohibition]
            none: [permission]
        examples:
          fail: ["Sleep-ins will not be accepted."]
          pass: ["Sleep-ins are welcome."]
    """
)


def test_pack_adds_concepts_and_clause_rules(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".tenderlint.toml").write_text('rule-packs = ["pack.yaml"]\nselect = ["AC101"]\n')
    (tmp_path / "a.txt").write_text("Night sitters will not be accepted under this contract.\n")
    (tmp_path / "b.txt").write_text("Waking nights are not permitted without the Council's consent.\n")
    code, report = run_json(".", "--no-cache", cwd=tmp_path)
    found = {f["path"].rsplit("/", 1)[-1]: [x["code"] for x in f["findings"]] for f in report["files"]}
    assert found == {"a.txt": ["AC101"], "b.txt": []}
    assert code == 1


def test_unknown_concept_is_a_configuration_error(tmp_path):
    (tmp_path / "pack.yaml").write_text(
        PACK.replace("[night-support, prohibition]", "[night-suport, prohibition]")
    )
    (tmp_path / ".tenderlint.toml").write_text('rule-packs = ["pack.yaml"]\n')
    (tmp_path / "a.txt").write_text("Text.\n")
    proc = run_cli(".", "--no-cache", cwd=tmp_path)
    err = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 2
    assert "unknown concept 'night-suport'" in err and "did you mean 'night-support'" in err
    assert "Traceback" not in err
