"""What the profile reads, through `tenderlint profile`: weightings as people write them, the procurement's
own date and regime, template fields, and facts about the past or rejected options left out."""

from __future__ import annotations

import json
from datetime import date

from conftest import run_cli

HEAD = "Invitation to tender for home care services.\n\nIssued 3 March 2026.\n\n"


def profile_of(tmp_path, text: str) -> dict:
    path = tmp_path / "itt.txt"
    path.write_text(HEAD + text + "\n", encoding="utf-8")
    proc = run_cli("profile", "--format", "json", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)[0]


def test_ratio_and_points_are_weightings(tmp_path):
    ratio = profile_of(tmp_path, "Tenders will be evaluated on a 60:40 price/quality split.")
    assert ratio["weightings"] == {"price": 60.0, "quality": 40.0}
    points = profile_of(tmp_path, "Evaluation: Quality 400 points, Price 600 points.")
    assert points["weightings"] == {"price": 60.0, "quality": 40.0}


def test_criteria_and_percentages_in_a_row_pair_in_the_texts_own_order(tmp_path):
    row = "SECTION 5  EVALUATION\n\n   Price       60%\n   Quality     35%\n   Community Benefits  5%"
    assert profile_of(tmp_path, row)["weightings"] == {"price": 60.0, "quality": 35.0, "social_value": 5.0}
    backwards = profile_of(
        tmp_path, "Tenders will be evaluated on 70% quality, 20% price and 10% social value."
    )
    assert backwards["weightings"] == {"price": 20.0, "quality": 70.0, "social_value": 10.0}


def test_a_weighting_verb_reaches_further_from_its_criterion(tmp_path):
    text = (
        "The weightings are Price 60% and Quality 40%. Social value is evaluated as part of the Quality "
        "weighting and carries 10% of the total marks."
    )
    assert profile_of(tmp_path, text)["weightings"]["social_value"] == 10.0


def test_past_and_rejected_weightings_are_not_this_tenders(tmp_path):
    text = (
        "In 2019 the tender gave price 60% of the marks.\n\n"
        "This tender will be evaluated on quality 60%, social value 15% and price 25%."
    )
    assert profile_of(tmp_path, text)["weightings"] == {"price": 25.0, "quality": 60.0, "social_value": 15.0}
    capped = profile_of(tmp_path, "The Council does not intend to weight price above 30% of the total marks.")
    assert capped["weightings"] == {}


def test_extension_is_not_the_term_and_a_table_row_gives_context(tmp_path):
    text = "The contract will run for five years. The Council may extend it for a further 24 months."
    found = profile_of(tmp_path, text)
    assert found["term_months"] == 60


def test_start_date_regime_and_template_fields(tmp_path):
    found = profile_of(
        tmp_path, "Award criteria: quality [insert weighting]%, price XX%. The term is XX months."
    )
    assert found["procurement_start"] == "2026-03-03"
    assert found["regime"] == "pa2023"
    assert "on or after 24 February 2025" in found["regime_basis"]
    assert "XX%" in found["template_fields"] and "[insert weighting]" in found["template_fields"]
    assert found["weightings"] == {}


def test_terms_as_people_write_them(tmp_path):
    assert profile_of(tmp_path, "This is a one-year contract.")["term_months"] == 12
    dated = profile_of(tmp_path, "Contract period\n\n1 July 2025 to 30 June 2026")
    assert dated["term_months"] == 12
    listed = profile_of(
        tmp_path, "Contract term\n\n1 + 1 (one year, with the option to extend by one further year)"
    )
    assert (listed["term_months"], listed["extension_months"]) == (12, 12)
    call_off = (
        "The framework runs for four years. Call-off contracts will be for 12 months with no extension."
    )
    assert profile_of(tmp_path, call_off)["call_off_months"] == 12


def test_a_term_in_academic_or_contract_years(tmp_path):
    found = profile_of(tmp_path, "The Contract shall run for an initial period of two (2) Academic Years.")
    assert found["term_months"] == 24


def test_periods_that_are_not_the_contract_term(tmp_path):
    engagement = profile_of(tmp_path, "Engagement period: 9 February 2026 to 29 May 2026 (16 weeks).")
    assert engagement["term_months"] is None
    reviews = profile_of(tmp_path, "Longer-term rehabilitation includes six-month reviews.")
    assert reviews["term_months"] is None
    experience = profile_of(
        tmp_path,
        "Bidders must have delivered advocacy services under contract to a local authority for a minimum "
        "of three years.\n\nThe contract will be for an initial period of 24 months.",
    )
    assert experience["term_months"] == 24


def test_a_no_after_the_term_negates_what_follows_it_not_the_term(tmp_path):
    found = profile_of(
        tmp_path, "The Contract will be for a fixed period of two (2) years with no option to extend."
    )
    assert found["term_months"] == 24
    negated = profile_of(tmp_path, "The Contract will not be for two years: the term is seven years.")
    assert negated["term_months"] == 84


def test_weightings_in_lines_or_a_list_led_in_by_an_evaluation_sentence(tmp_path):
    lines = "The contract will be awarded on the basis of the following criteria:\n\nPrice - 70%\nQuality - 25%\nSocial value - 5%"
    assert profile_of(tmp_path, lines)["weightings"] == {"price": 70.0, "quality": 25.0, "social_value": 5.0}
    listed = (
        "Bids will be evaluated with the following relative importance:\n\n- Quality and innovation: 35%\n"
        "- Integration and collaboration: 20%\n- Value: 35%\n- Social value: 10%"
    )
    assert profile_of(tmp_path, listed)["weightings"] == {"quality": 35.0, "social_value": 10.0}


def test_a_notice_s_description_list_is_read_field_by_field(tmp_path):
    """A published notice lays out its fields as a description list (GOV.UK summary list): each term is
    read with its value, so "Weighting" then "60%" is a weighting of the criterion named above it."""
    page = tmp_path / "notice.html"
    rows = "".join(
        f'<div class="govuk-summary-list__row"><dt>{key}</dt><dd><p>{value}</p></dd></div>'
        for criterion, weight in (("Quality", "40%"), ("Price", "60%"))
        for key, value in (("Name", criterion), ("Type", criterion), ("Weighting", weight))
    )
    page.write_text(
        "<html><body><h1>Tender notice: community support service</h1><h2>Award criteria</h2>"
        f'<dl class="govuk-summary-list">{rows}</dl></body></html>',
        encoding="utf-8",
    )
    proc = run_cli("profile", "--format", "json", str(page))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)[0]["weightings"] == {"price": 60.0, "quality": 40.0}


def test_a_notice_s_award_criteria_field_by_field(tmp_path):
    """Notice fields typed as paragraphs of their own, or each label above its value: one record per
    criterion, read as a whole; a "Description" of any length stays part of its record."""
    by_paragraph = (
        "Award criteria\n\nName: Quality\n\nType: Quality\n\nDescription: Method statements on outcomes, "
        "workforce and safeguarding, scored 0 to 5 by a panel that includes people who use the service.\n\n"
        "Weighting: 35%\n\nName: Social value\n\nType: Quality\n\nWeighting: 10%\n\nName: Price\n\nType: Cost"
        "\n\nWeighting: 55%"
    )
    assert profile_of(tmp_path, by_paragraph)["weightings"] == {
        "quality": 35.0,
        "social_value": 10.0,
        "price": 55.0,
    }
    label_above_value = "Award criteria\n\nQuality\n\nWeighting\n30%\n\nPrice\n\nWeighting\n70%"
    assert profile_of(tmp_path, label_above_value)["weightings"] == {"quality": 30.0, "price": 70.0}
    run_together = (
        "Award criteria\nName\nQuality\nDescription\nWritten responses on outcomes and workforce\nType\nQuality\n"
        "Weighting\n41%\nName\nSocial value\nDescription\nCommitments against the Social Value Framework\n"
        "Type\nQuality\nWeighting\n10%\nName\nPrice\nType\nPrice\nWeighting\n49%"
    )
    assert profile_of(tmp_path, run_together)["weightings"] == {
        "quality": 41.0,
        "social_value": 10.0,
        "price": 49.0,
    }
    outside_award_criteria = "Service levels\n\nName: Quality\n\nWeighting: 30%"
    assert profile_of(tmp_path, outside_award_criteria)["weightings"] == {}


def test_a_notice_s_dates_read_with_the_field_labels_above_them(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(
        "Tender notice\n\nCommunity support service\n\nPublication date of tender notice\n\n2 January 2026\n\n"
        "Tender submission deadline\n\n20 January 2026, 12:00pm\n",
        encoding="utf-8",
    )
    proc = run_cli("profile", "--format", "json", str(path))
    assert json.loads(proc.stdout)[0]["tender_window_days"] == 18
    lint = run_cli(str(path), "--select", "TL808", "--no-cache")
    assert lint.returncode == 1 and b"TL808" in lint.stdout, lint.stdout.decode()


def test_a_term_stated_as_a_notice_s_start_and_end_date_fields(tmp_path):
    fields = "Contract start date: 1 June 2026\n\nSuitable for SMEs: Yes\n\nContract end date: 31 May 2027"
    assert profile_of(tmp_path, fields)["term_months"] == 12
    apart = (
        "Contract start date: 1 June 2026\n\n"
        + "Other field: value\n\n" * 6
        + "Contract end date: 31 May 2029"
    )
    assert profile_of(tmp_path, apart)["term_months"] is None
    older_form = "II.2.7) Duration of the contract\nStart: 01/06/2026\nEnd: 31/05/2028\nRenewal: No"
    assert profile_of(tmp_path, older_form)["term_months"] == 24


def test_a_notice_s_fields_as_a_two_column_table(tmp_path):
    path = tmp_path / "notice.md"
    rows = "".join(
        f"| {key} | {value} |\n"
        for criterion, weight in (("Quality", "45%"), ("Price", "55%"))
        for key, value in (("Name", criterion), ("Type", criterion), ("Weighting", weight))
    )
    path.write_text(
        f"# Tender notice\n\n## Award criteria\n\n| Field | Value |\n| --- | --- |\n{rows}", "utf-8"
    )
    proc = run_cli("profile", "--format", "json", str(path))
    assert json.loads(proc.stdout)[0]["weightings"] == {"quality": 45.0, "price": 55.0}


def test_a_tender_deadline_is_not_the_date_the_procurement_began(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(
        "Contract notice\n\nIV.2.2) Time limit for receipt of tenders or requests to participate\n"
        "Date: 20/03/2026\nLocal time: 12:00\n\nVI.5) Date of dispatch of this notice\n03/03/2026\n",
        encoding="utf-8",
    )
    facts = json.loads(run_cli("profile", "--format", "json", str(path)).stdout)[0]
    assert facts["procurement_start"] == "2026-03-03"
    assert facts["tender_window_days"] == 17


def test_a_clarification_log_table_states_weightings_in_its_answers_not_its_questions(tmp_path):
    path = tmp_path / "log.md"
    path.write_text(
        "# Clarification log: supported housing tender\n\n| No. | Question | Answer |\n| --- | --- | --- |\n"
        "| 1 | Is price weighted at 60% as in the previous tender? | No. Price is weighted at 40%, quality at "
        "50% and social value at 10%. |\n",
        encoding="utf-8",
    )
    proc = run_cli("profile", "--format", "json", str(path))
    assert json.loads(proc.stdout)[0]["weightings"] == {"price": 40.0, "quality": 50.0, "social_value": 10.0}


def test_a_nation_s_acts_are_signs_whatever_punctuation_surrounds_them(tmp_path):
    """ "(Scotland) Act 1994" and "Public Procurement (Wales) Act" begin or end with a bracket."""
    scottish = (
        "The Council is a local authority constituted under the Local Government etc. (Scotland) Act 1994. "
        "Signatures follow the Requirements of Writing (Scotland) Act 1995."
    )
    assert profile_of(tmp_path, scottish)["jurisdiction"] == "scotland"
    welsh = "The Council follows the Public Procurement (Wales) Act 2024 and the Welsh Government's guidance."
    assert profile_of(tmp_path, welsh)["jurisdiction"] == "wales"
    assert profile_of(tmp_path, "The law of England and Wales applies.")["jurisdiction"] == "england"


def test_every_sign_of_a_nation_names_one_of_the_words_screened_for():
    """The profile looks for a nation's signs only in a text holding one of NATION_WORDS: a sign added
    without one of those words would never be found."""
    import re._parser as sre_parse

    from tenderlint.profile import NATION_SIGNS, NATION_WORDS

    for place, signs in NATION_SIGNS.items():
        tree = sre_parse.parse(signs.pattern, signs.flags)
        branches = [av for op, av in tree.data if op is sre_parse.SUBPATTERN]
        (_, _, _, group), *_ = branches
        (op, (_, alternatives)), *_ = group.data
        assert op is sre_parse.BRANCH
        for alternative in alternatives:
            literal = "".join(chr(av) if op is sre_parse.LITERAL else "\0" for op, av in alternative.data)
            assert any(word in literal for word in NATION_WORDS[place]), (place, literal)


def test_dates_screen_on_the_year_both_ways_of_writing_a_date_end_in():
    """`dates_in` passes over texts without "20": each date pattern ends in a year written "20dd"."""
    from tenderlint.profile import DATE, NUMERIC_DATE, dates_in

    for pattern in (DATE.pattern, NUMERIC_DATE.pattern):
        assert pattern.endswith(r"(20\d\d)\b")
    assert [found for found, _ in dates_in("From 3 March 2026, or 04/05/2027.")] == [
        date(2026, 3, 3),
        date(2027, 5, 4),
    ]
    assert dates_in("3 March 1999 and 12 May") == []


def test_term_screen_names_what_every_term_pattern_holds():
    """`may_state_term` passes over blocks none of the term patterns can match: kept in step with them."""
    from tenderlint.profile import (
        DATE_RANGE,
        LABELLED_TERM,
        NUM,
        PLUS_TERM,
        TERM,
        TERM_ADJECTIVE,
        may_state_term,
    )

    assert "(?P<unit>years?|months?)" in TERM.pattern
    assert "(?P<unit>year|month)" in TERM_ADJECTIVE.pattern
    assert "(?P<unit>months|years)" in LABELLED_TERM.pattern
    assert PLUS_TERM.pattern.startswith(rf"\b{NUM}\s*\+")
    assert DATE_RANGE.pattern.count(r"(20\d\d)") == 2
    assert may_state_term("A 2 + 1 arrangement", "")
    assert may_state_term("Three YEARS", "")
    assert may_state_term("1 July to 30 June", "Term: 1 July 2025 to 30 June 2026")
    assert not may_state_term("The contract runs for the period set out below.", "")
