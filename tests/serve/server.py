"""A real `tenderlint serve` in a subprocess on 127.0.0.1, and a plain HTTP client for it (no stubs)."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from base64 import b64decode
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
sys.path.insert(0, str(ROOT / "tests" / "hostile"))  # the hostile file builders


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float = 0.0

    def download(self, name: str) -> bytes:
        """The bytes behind the page's download link for `name` (a data: URL)."""
        match = re.search(
            rf'href="data:[^;"]+;base64,([A-Za-z0-9+/=]+)" download="{re.escape(name)}"', self.body
        )
        assert match, f"no download {name} in the page"
        return b64decode(match.group(1))

    def report(self) -> dict:
        return json.loads(self.download("tenderlint.json"))


@dataclass
class Server:
    """`tenderlint serve ARGS` run from `folder` (whose .tenderlint.toml, if any, it reads)."""

    folder: Path
    args: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None
    log: Path | None = None

    def start(self) -> Server:
        self.log = Path(tempfile.mkstemp(prefix="tenderlint-serve-", suffix=".log")[1])
        env = {**os.environ, "NO_COLOR": "1", "TENDERLINT_CACHE_DIR": str(self.folder / "cache")}
        command = [sys.executable, "-m", "tenderlint", "serve", "--port", str(self.port), *self.args]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=self.folder,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                # a runner started in the background ignores SIGINT, and the child would inherit that
                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"server did not start: {self.output()}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log else ""

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Answer:
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            return Answer(response.status, dict(response.getheaders()), text, time.monotonic() - started)
        finally:
            conn.close()

    def upload(
        self, files: list[tuple[str, bytes]], fields: dict | None = None, headers: dict | None = None
    ) -> Answer:
        """Post files as the page's form does (multipart/form-data)."""
        body, content_type = multipart(files, fields or {})
        return self.request("POST", "/lint", body, {"Content-Type": content_type, **(headers or {})})

    def workers(self) -> list[int]:
        """Process ids whose parent is the server."""
        assert self.proc is not None
        return children(self.proc.pid)

    def peak_rss_mb(self) -> dict[str, float]:
        assert self.proc is not None
        peaks = {"server": vm_hwm(self.proc.pid)}
        for number, pid in enumerate(self.workers()):
            peaks[f"worker {number + 1}"] = vm_hwm(pid)
        return peaks

    def stop(self) -> int:
        """Ctrl-C, as a terminal sends it; returns the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise


def multipart(files: list[tuple[str, bytes]], fields: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
            )
    for filename, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def vm_hwm(pid: int) -> float:
    """Peak resident memory of a process in MB."""
    for line in (Path("/proc") / str(pid) / "status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cli_findings(path: Path, cwd: Path) -> list[tuple]:
    """The CLI's findings for one file, as comparable tuples."""
    return comparable(cli_files(cwd, str(path))[0]["findings"])


def cli_files(cwd: Path, *args: str) -> list[dict]:
    """The files of the CLI's JSON report for `args`."""
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "tenderlint", *args, "--format", "json", "--no-cache"],
        cwd=cwd,
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")
    return json.loads(proc.stdout)["files"]


def by_name(files: list[dict]) -> dict[str, list[tuple]]:
    """A JSON report's findings per file name (the CLI names files by path, the page by name)."""
    return {Path(f["path"]).name: comparable(f["findings"]) for f in files}


def comparable(findings: list[dict]) -> list[tuple]:
    return [
        (
            f["code"],
            f["severity"],
            json.dumps(f["location"], sort_keys=True),
            f["match"]["text"],
            f["excerpt"],
        )
        for f in findings
    ]
