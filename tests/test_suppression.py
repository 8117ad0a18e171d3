"""Inline suppressions in text formats and Word comments in .docx."""

from __future__ import annotations

import io
import zipfile

from conftest import CORPORA, run_json

BAD = "The Council will pay an hourly rate of £21.50 for home care."


def codes(report):
    return [f["code"] for f in report["files"][0]["findings"]]


def test_markdown_disable_next_and_ranges(tmp_path):
    path = tmp_path / "spec.md"
    path.write_text(
        f"<!-- tenderlint: disable-next=TL201 -->\n{BAD}\n\n{BAD}\n\n"
        f"<!-- tenderlint: disable=hourly-rate-payment -->\n{BAD}\n\n{BAD}\n\n"
        f"<!-- tenderlint: enable=hourly-rate-payment -->\n{BAD}\n",
        encoding="utf-8",
    )
    _, report = run_json(str(path))
    lines = [f["location"]["line"] for f in report["files"][0]["findings"]]
    assert lines == [4, 12]
    assert report["files"][0]["suppressed"] == 3


def test_text_disable_file(tmp_path):
    path = tmp_path / "spec.txt"
    path.write_text(f"<!-- tenderlint: disable-file=TL2 -->\n\n{BAD}\n", encoding="utf-8")
    code, report = run_json(str(path))
    assert codes(report) == [] and code == 0


def _add_disable_comment(docx_bytes: bytes, anchor_text: str, directive: str) -> bytes:
    """Rewrite the sample .docx so that its existing comment reads `directive` (anchor stays put)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/comments.xml":
                data = data.replace(anchor_text.encode(), directive.encode())
            target.writestr(item, data)
    return out.getvalue()


def test_word_comment_suppresses_its_paragraph(tmp_path):
    original = (CORPORA / "home-care-spec.docx").read_bytes()
    _, before = run_json(str(CORPORA / "home-care-spec.docx"))
    assert "TL201" in codes(before)
    edited = tmp_path / "reviewed.docx"
    edited.write_bytes(
        _add_disable_comment(original, "Check this rate with finance.", "tenderlint: disable=TL201")
    )
    _, after = run_json(str(edited))
    assert "TL201" not in codes(after)
    assert after["files"][0]["suppressed"] == 1
    assert sorted(set(codes(before)) - {"TL201"}) == sorted(set(codes(after)))
