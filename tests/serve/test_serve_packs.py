"""Several uploads judged as one tender pack, exactly as `tenderlint --pack` judges the same files; or,
with the page's box unticked, each on its own as the CLI lints them one by one. The report, the JSON,
the SARIF and the annotated copy all carry the judged findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from server import CORPORA, ROOT, Server, by_name, cli_files

PACK = CORPORA / "packs" / "fernley-home-support"
DOCUMENTS = sorted(p for p in PACK.iterdir() if p.suffix in (".md", ".txt", ".html"))  # not the marker
NAMES = [p.name for p in DOCUMENTS]
FAMILIES = ["TL1", "TL2", "TL3", "TL4", "TL5", "TL6", "TL7", "TL8"]
PAGE_PACK = {"choices": "1", "family": FAMILIES, "pack": "1"}  # what the page sends, box ticked
PAGE_APART = {"choices": "1", "family": FAMILIES}  # an unticked box sends nothing
NOTE = "(Tender pack “Uploaded tender pack”: none of its {count} files has it: {names}.)"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("packs"), ("-j", "2")).start()
    yield running
    running.stop()


def upload_all(server: Server, paths: list[Path], fields: dict | None):
    answer = server.upload([(p.name, p.read_bytes()) for p in paths], fields)
    assert answer.status == 200, answer.body[-2000:]
    return answer


def spec_docx(folder: Path) -> Path:
    """The pack's specification as a Word file: alone it lacks fair work, equality and market engagement
    wording, which the invitation to tender and the contract particulars hold."""
    document = docx.Document()
    for block in (PACK / "2-service-specification.txt").read_text(encoding="utf-8").split("\n\n"):
        text = " ".join(block.split())
        if text[:1].isdigit() and text.isupper():
            document.add_heading(text.title(), 1)
        else:
            document.add_paragraph(text)
    path = folder / "specification.docx"
    document.save(str(path))
    return path


def test_ticked_box_gives_the_cli_pack_findings_in_report_json_and_sarif(server):
    answer = upload_all(server, DOCUMENTS, PAGE_PACK)
    expected = by_name(cli_files(ROOT, "--pack", *map(str, DOCUMENTS)))
    report = answer.report()
    assert by_name(report["files"]) == expected
    assert {name: [f[0] for f in found] for name, found in expected.items() if found} == {
        "1-invitation-to-tender.md": ["TL305"],  # missing from every file: said once, for the pack
        "4-pricing-schedule.html": ["TL201"],  # the schedule's own wording
    }
    [pack_finding] = [f for file in report["files"] for f in file["findings"] if f["pack"]]
    assert pack_finding["pack"] == {"name": "Uploaded tender pack", "files": NAMES}
    assert pack_finding["message"].endswith(NOTE.format(count=4, names=", ".join(NAMES)))
    sarif = json.loads(answer.download("tenderlint.sarif"))
    assert sorted(r["ruleId"] for r in sarif["runs"][0]["results"]) == ["TL201", "TL305"]
    # The page says how the files were judged, naming the pack and the files as the finding does.
    assert "4 documents checked: 2 findings" in answer.body
    assert (
        "Judged together as one tender pack, “Uploaded tender pack”" in answer.body
        and f"Files checked: {', '.join(NAMES)}." in answer.body
    )
    assert answer.body.split('id="report"', 1)[1].count('<details class="finding') == 2  # judged ones only
    assert 'name="pack" value="1" checked' in answer.body  # the choice is kept for the next check


def test_a_script_posting_only_files_gets_a_pack_too(server):
    answer = upload_all(server, DOCUMENTS, None)
    assert [f["code"] for file in answer.report()["files"] for f in file["findings"]] == ["TL305", "TL201"]


def test_unticked_box_gives_the_separate_file_findings(server, tmp_path):
    for path in DOCUMENTS:
        shutil.copy(path, tmp_path / path.name)  # no tenderlint.pack marker beside them
    separate = by_name(cli_files(ROOT, *(str(tmp_path / name) for name in NAMES)))
    assert "TL703" in [f[0] for f in separate["2-service-specification.txt"]]
    answer = upload_all(server, DOCUMENTS, PAGE_APART)
    report = answer.report()
    assert by_name(report["files"]) == separate
    assert not any(f["pack"] for file in report["files"] for f in file["findings"])
    assert "Each file was checked as a separate document." in answer.body
    assert "Uploaded tender pack" not in answer.body
    assert 'name="pack" value="1" aria-describedby' in answer.body  # left unticked for the next check


def test_annotated_copy_in_a_pack_has_no_comment_for_a_finding_judged_away(server, tmp_path):
    spec = spec_docx(tmp_path)
    others = [PACK / "1-invitation-to-tender.md", PACK / "3-contract-particulars.md"]
    for path in others:
        shutil.copy(path, tmp_path / path.name)
    files = [str(spec), *(str(tmp_path / p.name) for p in others)]
    alone = [f["code"] for f in cli_files(ROOT, files[0])[0]["findings"]]
    assert {"TL702", "TL703", "TL802"} <= set(alone)  # each covered by another file of the pack
    expected = by_name(cli_files(ROOT, "--pack", *files))
    paths = [spec, *others]

    def comments(answer) -> list[str]:
        copy = tmp_path / "copy.docx"
        copy.write_bytes(answer.download("specification-reviewed.docx"))
        return [c.text for c in docx.Document(str(copy)).comments if c.author == "tenderlint"]

    together = upload_all(server, paths, PAGE_PACK)
    assert by_name(together.report()["files"]) == expected
    kept = [f[0] for f in expected["specification.docx"]]
    written = comments(together)
    assert [text.split()[0] for text in written] == kept == ["TL305"]
    assert "Tender pack “Uploaded tender pack”: none of its 3 files has it" in written[0]
    apart = upload_all(server, paths, PAGE_APART)
    assert sorted(text.split()[0] for text in comments(apart)) == sorted(alone)
