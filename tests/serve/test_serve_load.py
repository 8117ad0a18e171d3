"""A bounded load test against 127.0.0.1: 50 uploads from 10 concurrent clients, every answer the same
findings as the CLI, peak memory reported, no worker left after shutdown. Run with -s to see the figures."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from server import CORPORA, ROOT, Server, alive, cli_findings, comparable

UPLOADS, CLIENTS = 50, 10
SAMPLES = ["home-care-spec.docx", "home-care-spec.pdf", "home-care-spec.odt", "home-care-spec.md"]


def test_fifty_uploads_from_ten_clients(tmp_path):
    expected = {name: cli_findings(CORPORA / name, ROOT) for name in SAMPLES}
    data = {name: (CORPORA / name).read_bytes() for name in SAMPLES}
    server = Server(tmp_path, ("-j", "2", "--max-concurrent", str(CLIENTS))).start()
    peaks: dict[str, float] = {}
    try:

        def client(number: int) -> tuple[str, int, list[tuple], float]:
            name = SAMPLES[number % len(SAMPLES)]
            answer = server.upload([(name, data[name])])
            return name, answer.status, comparable(answer.report()["files"][0]["findings"]), answer.seconds

        started = time.monotonic()
        with ThreadPoolExecutor(CLIENTS) as pool:
            answers = list(pool.map(client, range(UPLOADS)))
        elapsed = time.monotonic() - started
        peaks = server.peak_rss_mb()
        workers = server.workers()
    finally:
        code = server.stop()
    same = [status == 200 and findings == expected[name] for name, status, findings, _ in answers]
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    slowest = max(seconds for *_, seconds in answers)
    print(
        f"\nload: {UPLOADS} uploads, {CLIENTS} concurrent clients, {elapsed:.1f} s in all, slowest answer "
        f"{slowest:.1f} s; same findings as the CLI: {sum(same)}/{UPLOADS}; peak resident memory: "
        + ", ".join(f"{who} {mb:.0f} MB" for who, mb in peaks.items())
        + f"; workers left after shutdown: {len(left)}"
    )
    assert all(same)
    assert code == 0 and not left
