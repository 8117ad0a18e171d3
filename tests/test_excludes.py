"""`exclude` and `extend-exclude` are matched like .gitignore lines, relative to the config file."""

from __future__ import annotations

from conftest import run_json

TEXT = "The Council will pay an hourly rate of £18 per hour.\n"


def _project(tmp_path):
    project = tmp_path / "project"
    for name in ("keep.md", "drafts/s.md", "drafts/old/s.md", "archive/2019/a.md", "archive/2020/a.md"):
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
    for name in ("notes/x.md", "sub/notes/y.md", "sub/z.md"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(TEXT, encoding="utf-8")
    (project / ".tenderlint.toml").write_text(
        'exclude = ["drafts/*", "notes/"]\nextend-exclude = ["archive/2019/*"]\n', encoding="utf-8"
    )
    return project


def _linted(report, project):
    names = set()
    for entry in report["files"]:
        path = entry["path"].replace("\\", "/")
        names.add(path.split("project/", 1)[-1].removeprefix("./"))
    return names


def test_exclude_globs_apply_relative_to_the_config_file(tmp_path):
    project = _project(tmp_path)
    expected = {"keep.md", "archive/2020/a.md", "sub/z.md"}
    # From the project folder, from its parent, and with an absolute path, from anywhere.
    assert _linted(run_json(".", cwd=project)[1], project) == expected
    assert _linted(run_json("project", cwd=tmp_path)[1], project) == expected
    assert _linted(run_json(str(project), cwd=tmp_path.parent)[1], project) == expected
    assert _linted(run_json("sub", cwd=project)[1], project) == {"sub/z.md"}


def test_force_exclude_uses_the_same_patterns(tmp_path):
    project = _project(tmp_path)
    assert run_json("drafts/old/s.md", "--force-exclude", cwd=project)[1]["files"] == []
    assert run_json("project/notes/x.md", "--force-exclude", cwd=tmp_path)[1]["files"] == []
    assert len(run_json("drafts/old/s.md", cwd=project)[1]["files"]) == 1
