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


def test_provider_selection_regime_argued_away_is_still_a_mismatch(tmp_path):
    argued = DRUGS + (
        "The council considered whether the Provider Selection Regime applies. It concluded that the Provider "
        "Selection Regime does not apply, and the service will be procured under the Procurement Act 2023."
    )
    assert [f["code"] for f in regime_findings(tmp_path, argued)] == ["TL804"]
    described = DRUGS + (
        "The PSR governs health care services arranged by the NHS, for example by integrated care boards. As "
        "the Council is not an NHS body, it has concluded that the PSR does not apply. This procurement "
        "is run under the Procurement Act 2023."
    )
    [finding] = regime_findings(tmp_path, described)
    assert finding["message"].endswith("runs the procurement under the Procurement Act 2023.")
    followed = (
        DRUGS + "This service is arranged under the Provider Selection Regime, using the competitive process."
    )
    assert regime_findings(tmp_path, followed) == []


def test_a_welsh_council_with_regard_to_english_law_and_names_wrapped_across_lines(tmp_path):
    welsh = (
        "Cyngor Sir Example. Issued on Sell2Wales, 3 March 2026. Llywodraeth Cymru guidance applies.\n\n"
        "The Council has had regard to its duties under section 5 of the Care\nAct 2014."
    )
    [finding] = regime_findings(tmp_path, welsh)
    assert "cites Care Act 2014" in finding["message"]
    noted = (
        "Cyngor Sir Example. Issued on Sell2Wales, 3 March 2026. Llywodraeth Cymru guidance applies.\n\n"
        "The Care Act 2014 applies in England only and is not referred to in this specification."
    )
    assert regime_findings(tmp_path, noted) == []


def test_an_existing_contract_under_transitional_arrangements_keeps_the_old_law(tmp_path):
    head = (
        "Contract variation for the dementia day service, issued 12 January 2026. The Provider shall deliver "
        "the service. The Provider shall keep records. The Provider must train staff.\n\n"
    )
    kept = head + (
        "The Contract was awarded under the Public Contracts Regulations 2015 and, under the transitional "
        "arrangements, those Regulations continue to govern its modification."
    )
    assert regime_findings(tmp_path, kept) == []
    new = head + "The Contract was awarded under the Public Contracts Regulations 2015."
    assert [f["code"] for f in regime_findings(tmp_path, new)] == ["TL804"]


def test_an_award_notice_for_a_procurement_begun_before_the_act_keeps_the_old_law(tmp_path):
    head = "Contract award notice. Published 11 June 2025.\n\nHome based reablement service.\n\n"
    cited = "IV.1.11) Main features of the award procedure\nLight touch regime under the Public Contracts Regulations 2015."
    begun = (
        "\n\nVI.3) Additional information\nThis procurement was commenced before 24 February 2025 and has "
        "therefore been conducted and awarded under the Public Contracts Regulations 2015."
    )
    assert regime_findings(tmp_path, head + cited + begun) == []
    assert [f["code"] for f in regime_findings(tmp_path, head + cited)] == ["TL804"]


def test_an_award_notice_s_account_of_how_this_service_was_procured_is_its_own(tmp_path):
    notice = (
        "Contract award notice (UK6). Published 2 March 2026.\n\nAdult drug and alcohol treatment service: "
        "community drug and alcohol treatment services for adults.\n\n"
        "The service was procured using the open procedure under the Procurement Act 2023, light touch regime."
    )
    assert [f["code"] for f in regime_findings(tmp_path, notice)] == ["TL804"]
    report = notice.replace("Contract award notice (UK6)", "Service review")
    assert regime_findings(tmp_path, report) == []
