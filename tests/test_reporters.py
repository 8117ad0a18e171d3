"""Output formats for CI (sarif, github, junit, gitlab, jsonl), end to end through the real CLI."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, run_cli

MD, PDF, DOCX = (f"corpora/home-care-spec.{ext}" for ext in ("md", "pdf", "docx"))
LEGACY = "corpora/broken/legacy.doc"
CORPUS = (MD, PDF, DOCX, LEGACY)
FORMATS = ("sarif", "github", "junit", "gitlab", "jsonl")
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
HOURLY_RATE_URL = "https://www.legislation.gov.uk/ukpga/2014/23/section/5"
HOSTILE = (
    "# Specification\n\n## Payment\n\n"
    "The Council will pay an hourly rate of £21.50 for home care ::error::forged\n"
    "::error file=x.md,line=1::forged too\n"
    '::warning::forged %0A rate, with "quotes" and a \\ backslash.\n'
)


@cache
def report(fmt: str, *paths: str) -> str:
    """The corpus (three formats and one unreadable file) in one format; cached: each run loads spaCy."""
    proc = run_cli(*(paths or CORPUS), "--format", fmt)
    assert proc.returncode == 2, proc.stderr.decode()  # 2: legacy.doc could not be linted
    return proc.stdout.decode("utf-8")


@cache
def baseline() -> dict:
    """The json reporter's view of the same run: what every other format must agree with."""
    return json.loads(report("json"))


def findings_by_path() -> dict[str, list[dict]]:
    return {f["path"]: f["findings"] for f in baseline()["files"]}


def total_findings_and_errors() -> int:
    summary = baseline()["summary"]
    return summary["findings"] + summary["errors"]


def test_corpus_has_findings_in_every_format_and_one_error():
    counts = {path: len(found) for path, found in findings_by_path().items()}
    assert counts[LEGACY] == 0 and all(counts[p] > 5 for p in (MD, PDF, DOCX))
    assert baseline()["summary"]["errors"] == 1


@pytest.mark.parametrize("fmt", (*FORMATS, "json", "text"))
def test_output_file_matches_stdout_and_stdout_is_empty(fmt, tmp_path):
    """json and text are written to standard output as the run goes, and whole to a file at the end."""
    target = tmp_path / f"report.{fmt}"
    proc = run_cli(*CORPUS, "--format", fmt, "-o", str(target))
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert target.read_text(encoding="utf-8") == report(fmt)


def test_unknown_format_lists_the_new_ones():
    proc = run_cli(MD, "--format", "nope")
    assert proc.returncode == 2
    for fmt in FORMATS:
        assert fmt in proc.stderr.decode()


# --- SARIF ---------------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft4Validator  # as the schema says
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def sarif_run(*paths: str) -> dict:
    return json.loads(report("sarif", *paths))["runs"][0]


def test_sarif_is_valid_against_the_official_schema():
    validator = sarif_validator()
    log = json.loads(report("sarif"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    broken = copy.deepcopy(log)  # the validator really checks: a bad level and a bad line are caught
    broken["runs"][0]["results"][0]["level"] = "warn"
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(validator.iter_errors(broken))) == 2


def test_sarif_every_result_has_a_physical_location_and_region():
    run = sarif_run()
    by_uri: dict[str, list[dict]] = {}
    for result in run["results"]:
        location = result["locations"][0]
        by_uri.setdefault(location["physicalLocation"]["artifactLocation"]["uri"], []).append(location)
        assert location["physicalLocation"]["region"]["startLine"] >= 1
    assert {uri: len(locs) for uri, locs in by_uri.items()} == {
        path: len(found) for path, found in findings_by_path().items() if found
    }
    md_lines = [f["location"]["line"] for f in findings_by_path()[MD]]
    assert [loc["physicalLocation"]["region"]["startLine"] for loc in by_uri[MD]] == md_lines
    assert all(loc["physicalLocation"]["region"]["startColumn"] >= 1 for loc in by_uri[MD])
    pages = [loc["physicalLocation"]["region"]["properties"]["page"] for loc in by_uri[PDF]]
    assert pages == [f["location"]["page"] for f in findings_by_path()[PDF]] and 2 in pages
    trails = [loc["logicalLocations"][0]["fullyQualifiedName"] for loc in by_uri[DOCX]]
    assert "3 Payment > paragraph 22" in trails
    assert "4 Evaluation criteria > table 1, row 2, cell 1" in trails


def test_sarif_rules_carry_help_and_citation_urls():
    run = sarif_run()
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "tenderlint" and run["tool"]["driver"]["version"]
    assert {rule["id"] for rule in rules} == {result["ruleId"] for result in run["results"]}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].startswith("https://")
        assert rule["helpUri"] in rule["help"]["text"] and f"]({rule['helpUri']})" in rule["help"]["markdown"]
        assert rule["properties"]["tags"] and rule["defaultConfiguration"]["level"] in (
            "error",
            "warning",
            "note",
        )
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["TL201"]["name"] == "HourlyRatePayment"
    assert HOURLY_RATE_URL in by_id["TL201"]["help"]["text"]
    assert by_id["TL201"]["properties"]["tags"] == ["price-and-payment"]
    levels = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert {("TL104", "error"), ("TL201", "warning"), ("TL305", "note")} <= levels


def test_sarif_fingerprints_are_stable_and_ignore_line_numbers(tmp_path):
    first = [r["partialFingerprints"]["tenderlint/v1"] for r in sarif_run()["results"]]
    again = run_cli(*CORPUS, "--format", "sarif").stdout
    assert [
        r["partialFingerprints"]["tenderlint/v1"] for r in json.loads(again)["runs"][0]["results"]
    ] == first
    assert len(set(first)) == len(first)

    spec = tmp_path / "spec.md"
    text = (ROOT / MD).read_text(encoding="utf-8")
    results = []
    for version in (text, text.replace("\n\n", "\n\nA paragraph added in a later draft.\n\n", 1)):
        spec.write_text(version, encoding="utf-8")
        proc = run_cli("spec.md", "--format", "sarif", cwd=tmp_path)
        results.append(json.loads(proc.stdout)["runs"][0]["results"])
    before, after = ([r["partialFingerprints"]["tenderlint/v1"] for r in rs] for rs in results)
    assert before == after and before
    line = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results[0]]
    moved = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results[1]]
    assert line != moved  # the lines did move


def test_sarif_unreadable_file_is_a_tool_notification():
    invocation = sarif_run()["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"]["id"] == "E001"
    assert "E001" in note["message"]["text"] and "save as .docx" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == LEGACY
    clean = json.loads(run_cli("corpora/good-practice-spec.md", "--format", "sarif").stdout)["runs"][0]
    assert clean["invocations"][0]["executionSuccessful"] is True and clean["results"] == []


def test_sarif_hostile_document_text_stays_inside_json_strings(tmp_path):
    import docx  # python-docx: a dependency of tenderlint itself

    document = docx.Document()
    heading = 'Pay "rates" \\ </script> ]]> ::error::forged %0A'
    document.add_heading(heading, level=1)
    document.add_paragraph("The Council will pay an hourly rate of £21.50 for home care.")
    document.save(tmp_path / "hostile.docx")
    proc = run_cli("hostile.docx", "--format", "sarif", cwd=tmp_path)
    log = json.loads(proc.stdout)
    assert list(sarif_validator().iter_errors(log)) == []
    [result] = log["runs"][0]["results"]
    logical = result["locations"][0]["logicalLocations"][0]
    assert logical["fullyQualifiedName"] == f"{heading} > paragraph 2"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


# --- GitHub workflow commands ----------------------------------------------------------------------


def unescape(text: str, prop: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else []) + [("%25", "%")]
    for escaped, raw in pairs:
        text = text.replace(escaped, raw)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read one line the way the Actions runner does: '::name k=v,k=v::message'."""
    assert line.startswith("::"), line
    end = line.index("::", 2)
    name, _, props = line[2:end].partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, _, value = pair.partition("=")
        properties[key] = unescape(value, prop=True)
    return name, properties, unescape(line[end + 2 :], prop=False)


def test_github_every_line_is_one_annotation():
    lines = report("github").splitlines()
    assert len(lines) == total_findings_and_errors()
    commands = [parse_command(line) for line in lines]
    errors = [c for c in commands if c[2].startswith("This is a legacy Word")]
    assert [(name, props) for name, props, _ in errors] == [
        ("error", {"file": LEGACY, "title": "E001 unsupported-format"})
    ]
    findings = [c for c in commands if c not in errors]
    expected = [(path, f) for path, found in findings_by_path().items() for f in found]
    assert len(findings) == len(expected)
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for (name, props, message), (path, finding) in zip(findings, expected):
        assert name == level[finding["severity"]]
        assert props["file"] == path and int(props["line"]) >= 1
        assert props["title"] == f"{finding['code']} {finding['name']}"
        assert message.startswith(finding["message"]) and f"Fix: {finding['fix']}" in message
        if path == DOCX:
            assert props["line"] == "1" and f"At: {finding['location']['description']}" in message
        if path == MD:
            assert (int(props["line"]), int(props["col"])) == (
                finding["location"]["line"],
                finding["location"]["column"],
            )


def test_github_hostile_document_cannot_forge_a_command(tmp_path):
    name = "spec, draft: v2.md"
    (tmp_path / name).write_text(HOSTILE, encoding="utf-8")
    proc = run_cli(name, "--format", "github", cwd=tmp_path)
    out = proc.stdout.decode("utf-8")
    lines = out.splitlines()
    assert len(lines) == 1 and "\r" not in out, out
    command, props, message = parse_command(lines[0])
    assert (command, props["file"], props["line"], props["col"]) == ("warning", name, "5", "25")
    assert props["title"] == "TL201 hourly-rate-payment"
    assert "::error::forged ::error file=x.md,line=1::forged too ::warni" in message
    assert message.count("\n") == 2  # message, quoted words, fix: newlines only from tenderlint itself


def test_github_percent_and_unicode_line_breaks_in_documents(tmp_path):
    sentence = (
        "The Council will pay an hourly rate of £21.50 for home care (100% %0A %25)\u2028by\x85the\x1bhour."
    )
    (tmp_path / "spec.txt").write_text(f"Payment\n\n{sentence}\n", encoding="utf-8")
    out = run_cli("spec.txt", "--format", "github", cwd=tmp_path).stdout.decode()
    [line] = out.splitlines()  # str.splitlines() splits on U+2028 and NEL too: none may be left raw
    assert "(100%25 %250A %2525) by the hour" in line
    assert "(100% %0A %25) by the hour" in parse_command(line)[2]


# --- JUnit -------------------------------------------------------------------------------------------


def test_junit_counts_match_the_findings():
    root = ET.fromstring(report("junit").encode("utf-8"))
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert list(suites) == list(CORPUS)
    for path, found in findings_by_path().items():
        suite = suites[path]
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(found) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors")) == len(suite.findall("testcase/error"))
        assert [f.get("type") for f in suite.iter("failure")] == [f["code"] for f in found]
    [error] = suites[LEGACY].findall("testcase/error")
    assert error.get("type") == "E001" and "save as .docx" in error.text
    for key in ("tests", "failures", "errors"):
        assert int(root.get(key)) == sum(int(s.get(key)) for s in suites.values())
    assert int(root.get("failures")) == baseline()["summary"]["findings"]


def test_junit_clean_file_is_one_passing_testcase():
    proc = run_cli("corpora/good-practice-spec.md", "--format", "junit")
    assert proc.returncode == 0
    suite = ET.fromstring(proc.stdout).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "0")
    assert suite.find("testcase").get("name") == "no findings" and len(suite.find("testcase")) == 0


def test_junit_markup_and_control_characters_in_documents_stay_text(tmp_path):
    hostile = '<script>alert("x")</script> ]]> & </failure>'
    text = f"Payment\n\nThe Council will pay an hourly rate of £21.50 for home care {hostile} \x1b[31m\x0c.\n"
    (tmp_path / "spec.txt").write_text(text, encoding="utf-8")
    proc = run_cli("spec.txt", "--format", "junit", cwd=tmp_path)
    root = ET.fromstring(proc.stdout)  # raises if the XML were broken
    [failure] = root.iter("failure")
    assert hostile in failure.text and "\x1b" not in failure.text
    assert root.get("failures") == "1"


# --- GitLab Code Quality ------------------------------------------------------------------------------


def test_gitlab_code_quality_report():
    issues = json.loads(report("gitlab"))
    assert isinstance(issues, list) and len(issues) == total_findings_and_errors()
    severity = {"info": "info", "warning": "major", "error": "critical"}
    expected = [(path, f) for path, found in findings_by_path().items() for f in found]
    findings = [i for i in issues if i["check_name"].startswith("TL")]
    for issue, (path, finding) in zip(findings, expected, strict=True):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["check_name"] == finding["code"] and finding["message"] in issue["description"]
        assert issue["severity"] == severity[finding["severity"]]
        assert issue["location"]["path"] == path and issue["location"]["lines"]["begin"] >= 1
        assert len(issue["fingerprint"]) == 64 and int(issue["fingerprint"], 16) >= 0
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    [error] = [i for i in issues if i["check_name"] == "E001"]
    assert error["location"]["path"] == LEGACY and error["severity"] == "critical"


def test_gitlab_repeated_sentences_get_distinct_stable_fingerprints(tmp_path):
    sentence = "The Council will pay an hourly rate of £21.50 for home care."
    (tmp_path / "spec.md").write_text(f"# Spec\n\n{sentence}\n\n{sentence}\n", encoding="utf-8")
    runs = [json.loads(run_cli("spec.md", "--format", "gitlab", cwd=tmp_path).stdout) for _ in range(2)]
    assert [i["check_name"] for i in runs[0]] == ["TL201", "TL201"]
    assert [i["location"]["lines"]["begin"] for i in runs[0]] == [3, 5]
    first, second = ([i["fingerprint"] for i in issues] for issues in runs)
    assert first == second and len(set(first)) == 2


# --- JSON Lines ----------------------------------------------------------------------------------------


def test_jsonl_is_the_json_report_one_record_a_line():
    lines = report("jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == total_findings_and_errors()
    expected = []
    for file in baseline()["files"]:
        if file["error"]:
            expected.append({"path": file["path"], "error": file["error"]})
        expected += [{"path": file["path"], **finding} for finding in file["findings"]]
    assert records == expected


def test_jsonl_line_separators_in_documents_do_not_split_records(tmp_path):
    text = "Payment\n\nThe Council will pay an hourly rate of £21.50 for home care\u2028or\u2029by\x85the hour.\n"
    (tmp_path / "spec.txt").write_text(text, encoding="utf-8")
    out = run_cli("spec.txt", "--format", "jsonl", cwd=tmp_path).stdout.decode("utf-8")
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["code"] == "TL201" and "\u2028or\u2029by\x85the" in record["excerpt"]


def test_json_writes_each_finding_on_one_line():
    """Indented down to each file's fields, then one finding a line (encoded in C: large runs are fast)."""
    text = report("json")
    lines = [json.loads(line.strip().rstrip(",")) for line in text.splitlines() if '"code": "TL' in line]
    findings = [f for f in baseline()["files"] for f in f["findings"]]
    assert lines == findings and findings
    assert text.startswith('{\n  "version": 1,\n') and text.endswith("\n}\n")
