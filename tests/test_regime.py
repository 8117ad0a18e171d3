"""Which law governs: the Act named where it does not apply (a Scottish council, a health care service
under the Provider Selection Regime), and a contract's own recital of how it was awarded."""

from __future__ import annotations

import json

from conftest import run_cli

SCOTTISH = (
    "Glenmorran Council Health and Social Care Partnership. Invitation to tender for care at home, issued "
    "3 March 2026. Providers must be registered with the Care Inspectorate.\n\n"
)
DRUGS = (
    "Invitation to tender for an adult drug and alcohol treatment service, issued 3 March 2026.\n\n"
    "The drug and alcohol treatment service supports recovery.\n\n"
)


def regime_findings(tmp_path, text: str) -> list[dict]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    proc = run_cli(str(path), "--select", "TL804", "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)["files"][0]["findings"]


def test_scottish_council_running_its_procurement_under_the_act(tmp_path):
    [finding] = regime_findings(
        tmp_path, SCOTTISH + "This procurement is conducted under the Procurement Act 2023."
    )
    assert "Public Contracts (Scotland) Regulations 2015" in finding["message"]
    assert [c["provision"] for c in finding["citations"]] == ["s.2(5)"]
    right = (
        SCOTTISH
        + "The Procurement Act 2023 does not apply; this procurement follows the Public Contracts (Scotland) Regulations 2015."
    )
    assert regime_findings(tmp_path, right) == []


def test_health_care_service_run_under_the_act_instead_of_the_provider_selection_regime(tmp_path):
    [finding] = regime_findings(
        tmp_path, DRUGS + "The Contract was awarded following a competitive flexible procedure."
    )
    assert "Provider Selection Regime" in finding["message"]
    right = DRUGS + "The service is arranged under the Provider Selection Regime, competitive process."
    assert regime_findings(tmp_path, right) == []


def test_english_care_under_the_act_is_right(tmp_path):
    text = "Invitation to tender for home care, issued 3 March 2026.\n\nThis procurement is run under the Procurement Act 2023."
    assert regime_findings(tmp_path, text) == []
