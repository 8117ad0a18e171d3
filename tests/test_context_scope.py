"""Where context cues reach, through the CLI: a list item is read with the sentence that leads into it,
a past participle describes a thing rather than the past, and "has had" is the present perfect."""

from __future__ import annotations

import json

from conftest import run_cli


def codes(tmp_path, text: str, select: str) -> list[str]:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    proc = run_cli(str(path), "--select", select, "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return [f["code"] for entry in json.loads(proc.stdout)["files"] for f in entry["findings"]]


DAY_SERVICE = "# Day opportunities for adults with a learning disability\n\n"


def test_list_item_is_read_with_its_lead_in(tmp_path):
    led = (
        DAY_SERVICE
        + "In summary, the Provider shall:\n\n- deliver a minimum of five sessions per week\n- keep records\n"
    )
    assert codes(tmp_path, led, "TL101") == ["TL101"]
    unled = DAY_SERVICE + "Examples of what people enjoy:\n\n- five sessions per week of gardening\n"
    assert codes(tmp_path, unled, "TL101") == []


def test_a_things_past_is_not_a_statement_about_the_past(tmp_path):
    text = (
        "# Community support services\n\n"
        "The Council is required by procurement law to competitively tender all services previously "
        "funded through grant.\n"
    )
    assert codes(tmp_path, text, "TL405") == ["TL405"]
    past = (
        "# Community support services\n\nIn 2019 the Council was required by law to competitively tender.\n"
    )
    assert codes(tmp_path, past, "TL405") == []


def test_present_perfect_is_not_history(tmp_path):
    text = (
        "# Cyngor Sir Example: home care contract\n\nIssued by the Council under Sell2Wales. Llywodraeth Cymru "
        "guidance applies. The Council has had regard to its duties under section 5 of the Care Act 2014.\n"
    )
    assert codes(tmp_path, text, "TL804") == ["TL804"]


def test_a_bidders_question_gives_no_reasons(tmp_path):
    log = (
        "# Clarification log: community support services contract\n\n"
        "Question: Has the Council considered lots so that specialist providers can bid for parts of it?\n\n"
        "Response: The Council has decided not to divide the contract into lots.\n"
    )
    assert codes(tmp_path, log, "TL401") == ["TL401"]
    reasoned = log.replace("into lots.", "into lots, because one team must hold every case.")
    assert codes(tmp_path, reasoned, "TL401") == []


def test_a_current_financial_year_is_not_history(tmp_path):
    text = (
        "# Home care services contract\n\n"
        "The term is limited to 12 months to align with the review of the pathway during 2025/26. "
        "The annual contract value is fixed at £410,000 for the term, with no inflationary uplift.\n"
    )
    assert codes(tmp_path, text, "TL205") == ["TL205"]
    old = (
        text.replace("during 2025/26", "during 2019/20")
        .replace("is limited", "was limited")
        .replace("is fixed", "was fixed")
    )
    assert codes(tmp_path, old, "TL205") == []


def test_the_documents_own_question_in_quotation_marks_is_not_a_quotation(tmp_path):
    head = "# Social value\n\nTenders are evaluated on quality 60%, price 30% and social value 10%.\n\n"
    own = (
        head
        + 'Social value is assessed through a single question, SV1: "What social value will you provide?"\n'
    )
    assert codes(tmp_path, own, "TL302") == ["TL302"]
    asked = (
        head
        + 'One question is asked in every invitation: "What social value will your organisation provide?"\n'
    )
    assert codes(tmp_path, asked, "TL302") == ["TL302"]
    labelled = head + 'Q7 – "What social value will you provide?" (500 words).\n'
    assert codes(tmp_path, labelled, "TL302") == ["TL302"]
    reported = head + 'Providers told us that "what social value will you provide?" is a poor question.\n'
    assert codes(tmp_path, reported, "TL302") == []


def test_a_duty_on_the_provider_under_an_option_heading_is_a_requirement(tmp_path):
    text = (
        "# Home care specification\n\n## 6. Option 3: Service Schedules and visits\n\n"
        "6.2 The Provider shall carry out the tasks listed on the Service Schedule at each visit and shall not "
        "substitute other tasks.\n\n"
        "## 7. Options considered\n\n"
        "Option 2 was to carry out the tasks listed on the Service Schedule at each visit.\n"
    )
    assert codes(tmp_path, text, "TL103") == ["TL103"]


def test_the_question_half_of_an_entry_under_a_clarification_heading_is_the_bidders(tmp_path):
    log = (
        "# Invitation to tender for home care: clarification log\n\nIssued 9 December 2025.\n\n"
        "The Provider shall deliver home care. The Provider shall keep records. The Provider must train staff.\n\n"
        "## CQ01\n\n"
        "QUESTION:\nParagraph 1.4 says this procurement is run under the Light Touch Regime of the Public "
        "Contracts Regulations 2015. Please confirm which rules apply.\n"
        "RESPONSE:\nThat was an error: the procurement is run under the Procurement Act 2023.\n"
    )
    assert codes(tmp_path, log, "TL804") == []
    confirmed = log.replace(
        "That was an error: the procurement is run under the Procurement Act 2023.",
        "Confirmed: the procurement is run under the Public Contracts Regulations 2015.",
    )
    assert codes(tmp_path, confirmed, "TL804") == ["TL804"]


def test_a_table_under_options_we_looked_at_holds_options_not_decisions(tmp_path):
    table = (
        "| Option | What it meant | Decision |\n| --- | --- | --- |\n"
        "| B | A single large contract covering all areas and all groups | Not chosen |\n"
    )
    spec = "# Day opportunities specification\n\n## 3. What we are buying\n\n" + table
    considered = "# Day opportunities specification\n\n## 3. Options we looked at\n\n" + table
    assert codes(tmp_path, spec, "TL401") == ["TL401"]
    assert codes(tmp_path, considered, "TL401") == []


def test_the_tenders_own_evaluation_question_states_what_it_asks_about(tmp_path):
    head = "# Advocacy services: invitation to tender\n\n## Method statement questions\n\n"
    own = (
        head + "Q2. Bidders should describe how they will deliver at least 40 advocacy sessions per month.\n"
    )
    assert codes(tmp_path, own, "TL101") == ["TL101"]
    asked = (
        head
        + "Q2. The specification says the provider shall deliver 40 sessions per month. Is that a minimum?\n"
    )
    assert codes(tmp_path, asked, "TL101") == []


def test_measures_a_nearby_block_withdraws_do_not_count(tmp_path):
    kpis = (
        "# Day service contract variation\n\nKey performance indicators will be reported quarterly.\n\n"
        "KPI 1: Number of sessions delivered against planned sessions.\n\n"
        "Indicators 7 to 11 (carer-reported outcomes and goals achieved) {state} for the extension period.\n"
    )
    assert codes(tmp_path, kpis.format(state="are suspended"), "TL303") == ["TL303"]
    assert codes(tmp_path, kpis.format(state="continue to apply"), "TL303") == []


def test_the_past_tense_under_a_procurement_record_heading_is_this_procurements(tmp_path):
    report = "# Carers hub: contract award report\n\n## {heading}\n\nThe service was tendered as a single borough-wide contract.\n"
    assert codes(tmp_path, report.format(heading="6. Procurement process"), "TL401") == ["TL401"]
    assert codes(tmp_path, report.format(heading="4. Background"), "TL401") == []


def test_the_recommended_option_is_the_course_taken_not_an_option_considered(tmp_path):
    paper = "# Options appraisal: befriending service\n\n## 3. Options\n\n### Option {n} - {name}\n\n{text}\n"
    text = "The contract will run for 12 months from 1 April 2026 for this ongoing befriending service."
    chosen = paper.format(n=3, name="Single county-wide contract (recommended)", text=text)
    assert codes(tmp_path, chosen, "TL501") == ["TL501"]
    rejected = paper.format(n=2, name="Single county-wide contract (not recommended)", text=text)
    assert codes(tmp_path, rejected, "TL501") == []


def test_what_is_said_under_the_option_a_paper_recommends_is_the_decision(tmp_path):
    """ "Under Option 2, …" is an option considered, unless the paper recommends Option 2: then it is what
    will be done, in matches (lots) and in the facts the profile reads (the term)."""
    paper = (
        "# Cabinet report: community befriending service\n\n## 1. Recommendation\n\n{decision}\n\n"
        "## 6. Preferred route\n\n6.1 Under Option 2, the contract will not be divided into lots.\n\n"
        "6.2 Under Option 2 the contract will run for 12 months from 1 July 2026 for this ongoing befriending "
        "service.\n"
    )
    recommended = paper.format(decision="Cabinet is asked to approve Option 2 and delegate the award.")
    assert sorted(codes(tmp_path, recommended, "TL401,TL501")) == ["TL401", "TL501"]
    other = paper.format(decision="Cabinet is asked to approve Option 3 and delegate the award.")
    assert codes(tmp_path, other, "TL401,TL501") == []
    not_recommended = paper.format(decision="Option 2 is not recommended; Option 3 is recommended.")
    assert codes(tmp_path, not_recommended, "TL401,TL501") == []


def test_an_earlier_years_arrangement_in_the_past_tense_is_history(tmp_path):
    head = (
        "# Home care services: options report\n\nThe service supports people with personal care at home.\n\n"
    )
    past = head + "The 2019 framework bought home care in 15-minute units at a single hourly rate.\n"
    assert codes(tmp_path, past, "TL201") == []
    new = head + "The 2026 framework will pay home care providers an hourly rate.\n"
    assert codes(tmp_path, new, "TL201") == ["TL201"]


def test_what_is_required_now_ends_a_paragraphs_history(tmp_path):
    """A paragraph that opens with the current contracts goes on describing them, until a sentence says
    what is required now; the current contract's end named as a point in time is not its description."""
    head = "# Community support service: invitation to tender\n\nThe current contracts began in 2019 and end in March 2026. "
    required = (
        head
        + "Procurement rules require the Council to competitively tender this service when the current contract ends.\n"
    )
    assert codes(tmp_path, required, "TL405") == ["TL405"]
    described = (
        head + "Procurement rules required the Council to competitively tender this service in 2019.\n"
    )
    assert codes(tmp_path, described, "TL405") == []


def test_a_comma_and_starts_a_new_clause_for_negation_and_concepts(tmp_path):
    head = "# Decision notice: community mental health service\n\n"
    joined = head + "The ICB set out its plans at an open provider event, and no provider raised concerns.\n"
    assert codes(tmp_path, joined, "TL807") == []
    same_clause = head + "There was no provider event and no market engagement before the model was set.\n"
    assert codes(tmp_path, same_clause, "TL807") == ["TL807"]


def test_what_a_change_moved_away_from_is_not_the_practice(tmp_path):
    head = "# Reablement service specification\n\n"
    away = head + "Their feedback changed the payment model from an hourly rate to a block payment.\n"
    assert codes(tmp_path, away, "TL201") == []
    towards = head + "The Council has changed the payment model from block payments to an hourly rate.\n"
    assert codes(tmp_path, towards, "TL201") == ["TL201"]


def test_a_negation_inside_a_relative_clause_does_not_reach_the_main_verb(tmp_path):
    head = "# Home care specification\n\n"
    relative = head + "People who do not speak English are expected to arrange their own interpreter.\n"
    assert codes(tmp_path, relative, "TL706") == ["TL706"]
    main_verb = (
        head + "People are not expected to arrange their own interpreter; the Provider arranges one.\n"
    )
    assert codes(tmp_path, main_verb, "TL706") == []


def test_a_negation_after_and_negates_its_own_predicate(tmp_path):
    head = "# Children's residential framework guide\n\n"
    second = (
        head
        + "Staff pay and conditions are a matter for providers and will not be considered in evaluation.\n"
    )
    assert codes(tmp_path, second, "TL704") == ["TL704"]


def test_items_of_a_list_led_in_as_rejected_options_are_not_the_practice(tmp_path):
    head = "# Day opportunities evaluation methodology\n\n"
    rejected = head + (
        "We considered two other approaches and rejected them:\n\n"
        "- A closed framework with a maximum of eight providers.\n- A price-led tender with an e-auction.\n"
    )
    assert codes(tmp_path, rejected, "TL403,TL204") == []
    chosen = head + "The approach is:\n\n- A closed framework with a maximum of eight providers.\n"
    assert codes(tmp_path, chosen, "TL403") == ["TL403"]


def test_between_two_past_years_is_history(tmp_path):
    head = "# Carers' community grants prospectus\n\n"
    past = (
        head
        + "Between 2018 and 2024 the Council bought befriending through tenders scored 60:40 price to quality.\n"
    )
    assert codes(tmp_path, past, "TL203") == []
