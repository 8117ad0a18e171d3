"""The built wheel carries the MIT licence text and the project's links, as its metadata promises."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser

from conftest import ROOT


def test_wheel_has_license_file_and_project_urls(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = tmp_path.glob("tenderlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
        licence = next(n for n in names if n.endswith("/licenses/LICENSE"))
        assert archive.read(licence).decode("utf-8").startswith("MIT License")
    assert metadata["License-Expression"] == "MIT"
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL"))
    assert {"Homepage", "Source", "Issues", "Documentation"} <= set(urls)
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
