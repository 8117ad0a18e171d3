"""`tenderlint serve` over HTTP: safe defaults, limits, hostile uploads beside a good one, clean shutdown."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from server import CORPORA, ROOT, Server, alive, cli_findings, comparable, multipart

from hostile_files import BILLION_LAUGHS_DTD, docx_with_dtd, slow_text, zip_bomb_docx  # isort: skip (path set by server)

DOCX = CORPORA / "home-care-spec.docx"
TIMEOUT = 8  # timeout-seconds for the hostile server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    running = Server(folder, ("-j", "2", "--max-upload-mb", "12")).start()
    yield running
    running.stop()


def test_help_does_not_import_the_web_stack():
    code = (
        "import sys; from tenderlint.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'multipart')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip().endswith("[]"), proc.stdout


def test_binds_to_loopback_by_default():
    proc = subprocess.run(
        [sys.executable, "-m", "tenderlint", "serve", "--help"], capture_output=True, text=True, timeout=60
    )
    assert "[default: 127.0.0.1]" in proc.stdout


def test_healthz_and_strict_headers_on_every_page(server):
    health = server.get("/healthz")
    assert health.status == 200 and '"status":"ok"' in health.body and '"workers":2' in health.body
    for answer in (health, server.get("/"), server.get("/static/serve.js"), server.get("/nowhere")):
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["cache-control"] == "no-store"
    assert server.get("/nowhere").status == 404


def test_page_loads_nothing_from_elsewhere(server):
    page = server.get("/").body
    assert "http://" not in page and "https://" not in page
    assert '<html lang="en-GB">' in page and '<label for="files"' in page


def test_upload_gives_the_cli_findings_and_downloads(server, tmp_path):
    answer = server.upload([("home-care-spec.docx", DOCX.read_bytes())])
    assert answer.status == 200
    report = answer.report()
    assert comparable(report["files"][0]["findings"]) == cli_findings(DOCX, ROOT)
    sarif = answer.download("tenderlint.sarif")
    assert b'"version": "2.1.0"' in sarif
    copy = tmp_path / "copy.docx"
    copy.write_bytes(answer.download("home-care-spec-reviewed.docx"))
    import docx

    ours = [c for c in docx.Document(str(copy)).comments if c.author == "tenderlint"]
    assert len(ours) == len(report["files"][0]["findings"])  # the draft's own comments are kept beside them


def test_options_reach_the_engine(server):
    fields = {"choices": "1", "family": ["TL2"], "min_severity": "error", "regime": "pcr2015"}
    answer = server.upload([("spec.docx", DOCX.read_bytes())], fields)
    findings = answer.report()["files"][0]["findings"]
    assert findings and all(f["code"].startswith("TL2") and f["severity"] == "error" for f in findings)
    assert server.upload([("spec.docx", b"x")], {"regime": "pa1999"}).status == 400


def test_unreadable_file_gets_the_cli_message(server):
    answer = server.upload([("legacy.doc", (CORPORA / "broken/legacy.doc").read_bytes())])
    assert answer.status == 422
    assert "could not be read" in answer.body and "E001" in answer.body and "save" in answer.body.lower()


def test_names_and_text_never_reach_the_log(server):
    text = b"The Council will pay an unforgettable-phrase hourly rate of \xc2\xa321.50 per hour.\n"
    assert server.upload([("secret-project-name.md", text)]).status == 200
    log = server.output()
    assert "checked 1 files" in log
    assert "secret-project-name" not in log and "unforgettable" not in log


def test_cross_origin_post_is_refused(server):
    body = [("spec.md", b"The Council will pay an hourly rate.\n")]
    refused = server.upload(body, headers={"Origin": "http://evil.example"})
    assert refused.status == 403 and "Not sent from this page" in refused.body
    site = server.upload(body, headers={"Origin": server.url, "Sec-Fetch-Site": "same-origin"})
    assert site.status == 200
    assert server.upload(body, headers={"Origin": "null"}).status == 403


def test_upload_over_the_limit_is_413_before_and_while_reading(server):
    body, content_type = multipart([("big.md", b"x" * (12 * 1024 * 1024 + 65536))], {})
    # A declared length over the ceiling is refused at once, before a byte of the body is sent.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        conn.putrequest("POST", "/lint")
        conn.putheader("Content-Type", content_type)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        response = conn.getresponse()
        assert response.status == 413 and b"too large" in response.read()
    finally:
        conn.close()
    # Without a length (chunked), the ceiling is found while reading: send just past it, then listen.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        conn.putrequest("POST", "/lint")
        conn.putheader("Content-Type", content_type)
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        step = 256 * 1024
        for start in range(0, len(body), step):
            chunk = body[start : start + step]
            conn.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        response = conn.getresponse()
        assert response.status == 413 and b"too large" in response.read()
    finally:
        conn.close()
    assert server.get("/healthz").status == 200


def hostile_uploads(folder) -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, error code expected)."""
    import io

    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(CORPORA / "home-care-spec.pdf"))
    huge = pdfium.PdfDocument.new()
    while len(huge) <= 3000:
        huge.import_pages(source)
    buffer = io.BytesIO()
    huge.save(buffer)
    return {
        "bomb.docx": (zip_bomb_docx(folder / "bomb.docx", 600).read_bytes(), "E008"),
        "laughs.docx": (docx_with_dtd(BILLION_LAUGHS_DTD, "lol9"), "E004"),
        "huge.pdf": (buffer.getvalue(), "E008"),
        "slow.txt": (slow_text(400_000).encode(), "E009"),
    }


def test_hostile_uploads_fail_in_time_while_a_good_one_succeeds(tmp_path):
    (tmp_path / ".tenderlint.toml").write_text(f"timeout-seconds = {TIMEOUT}\n")
    server = Server(tmp_path, ("-j", "2")).start()
    try:
        expected = cli_findings(DOCX, ROOT)
        for name, (data, code) in hostile_uploads(tmp_path).items():
            with ThreadPoolExecutor(2) as pool:
                bad = pool.submit(server.upload, [(name, data)])
                time.sleep(0.2)
                good = pool.submit(server.upload, [("good.docx", DOCX.read_bytes())])
                bad_answer, good_answer = bad.result(), good.result()
            assert bad_answer.status == 422, name
            assert bad_answer.seconds < TIMEOUT + 10, (name, bad_answer.seconds)
            assert bad_answer.report()["files"][0]["error"]["code"] == code, name
            assert good_answer.status == 200, name
            assert comparable(good_answer.report()["files"][0]["findings"]) == expected, name
            print(f"{name}: {code} in {bad_answer.seconds:.1f} s; good upload {good_answer.seconds:.1f} s")
        assert len(server.workers()) <= 2  # a stopped worker is replaced when next needed, never leaked
    finally:
        assert server.stop() == 0


def test_too_many_checks_at_once_get_503(tmp_path):
    (tmp_path / ".tenderlint.toml").write_text("timeout-seconds = 4\n")
    server = Server(tmp_path, ("-j", "1", "--max-concurrent", "1")).start()
    try:
        with ThreadPoolExecutor(1) as pool:
            slow = pool.submit(server.upload, [("slow.txt", slow_text(400_000).encode())])
            time.sleep(1.0)
            busy = server.upload([("spec.docx", DOCX.read_bytes())])
            assert busy.status == 503 and busy.headers.get("retry-after") == "30"
            assert "try again" in busy.body
            assert slow.result().status == 422
        assert server.upload([("spec.docx", DOCX.read_bytes())]).status == 200
    finally:
        server.stop()


def test_shutdown_leaves_no_worker_behind(tmp_path):
    server = Server(tmp_path, ("-j", "2")).start()
    assert server.upload([("spec.docx", DOCX.read_bytes())]).status == 200
    workers = server.workers()
    assert len(workers) == 2
    assert server.stop() == 0
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
