"""Issue #13, nothing lost: a build replaces only a folder that is jiedu's; what the system
refuses (a read-only folder, a full disk, a port in use), Ctrl-C and a bad SOURCE_DATE_EPOCH
end with one clear line and an exit code, never a traceback; two builds of one output take
turns; `serve` answers a burst of requests."""

import contextlib
import os
import select
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
import zipfile
from pathlib import Path

import pytest

from jiedu.cli import main
from jiedu.builder import build_site

from conftest import CONTENT, ROOT, TEMPLATES, tree

GOLDEN = ROOT / "tests" / "golden" / "site"


def listing(folder: Path) -> dict:
    """Every folder (None), file (its bytes) and link (its target) under folder, hidden ones too."""
    found = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(parent, name)
            found[os.path.relpath(path, folder)] = (("link", os.readlink(path)) if os.path.islink(path) else
                                                    None if name in folders else Path(path).read_bytes())
    return found


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """tmp_path/proj holding content/, templates/ and a user's own files; a home folder; other files."""
    root = tmp_path / "proj"
    shutil.copytree(CONTENT, root / "content")
    shutil.copytree(TEMPLATES, root / "templates")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (root / "notes.txt").write_text("mine")
    (tmp_path / "users" / "me").mkdir(parents=True)
    (tmp_path / "users" / "me" / ".bashrc").write_text("export X=1\n")
    monkeypatch.setenv("HOME", str(tmp_path / "users" / "me"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "a.txt").write_text("keep me")
    (tmp_path / "fake").mkdir()
    (tmp_path / "fake" / ".jiedu-site").write_text("not jiedu's words")
    (tmp_path / "fake" / "b.txt").write_text("keep me too")
    (tmp_path / "linked").symlink_to(root / "content")
    return root


def jiedu(command: str, content: Path, output: Path, *extra: str, templates: Path = TEMPLATES) -> int:
    return main([command, "--content", str(content), "--templates", str(templates), "--output", str(output), *extra])


@pytest.mark.parametrize("output, reason", [
    ("proj", "is the project folder"),
    ("proj/content", "is the content folder"),
    ("proj/content/articles", "is inside the content folder"),
    ("proj/content/new", "is inside the content folder"),
    ("linked", "is the content folder"),
    ("proj/templates", "is the templates folder"),
    ("proj/templates/assets", "is inside the templates folder"),
    (".", "holds the project folder"),
    ("users/me", "is your home folder"),
    ("users", "holds your home folder"),
    ("stuff", "holds files jiedu did not write"),
    ("fake", "holds files jiedu did not write"),
    ("stuff/a.txt", "is a file, not a folder"),
])
def test_a_folder_that_is_not_jiedus_is_refused_and_untouched(project, tmp_path, capsys, output, reason):
    before = listing(tmp_path)
    for command in ("build", "serve"):
        assert jiedu(command, project / "content", tmp_path / output, templates=project / "templates") == 2
        err = capsys.readouterr().err
        assert err.startswith(f"jiedu: error: --output {tmp_path / output}: {reason}") and "Traceback" not in err
    assert listing(tmp_path) == before


def test_the_root_folder_is_refused(project):
    from jiedu.incremental.guard import Refused, check_output  # not through a build: a regression must not reach "/"

    with pytest.raises(Refused, match="--output /: holds the project folder"):
        check_output(Path("/"), project / "content", project / "templates")


def test_folders_beside_the_output_survive_and_only_jiedus_stale_staging_goes(copy_content, tmp_path, resources):
    marker = (GOLDEN / ".jiedu-site").read_bytes()
    for name in (".site.bak", ".site.old", ".site.x", ".jiedu-staging-site-0123456789ab"):  # a user's
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep").write_text(name)
    for name in (".jiedu-staging-site-aaaaaaaaaaaa", ".jiedu-staging-site-2-bbbbbbbbbbbb"):  # killed builds'
        (tmp_path / name / "articles").mkdir(parents=True)
        (tmp_path / name / ".jiedu-site").write_bytes(marker)
    before = listing(tmp_path)
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    after = listing(tmp_path)
    assert {k: v for k, v in before.items() if not k.startswith(".jiedu-staging-site-a")} == \
        {k: v for k, v in after.items() if not k.startswith("site")}  # site-2's staging is not site's
    assert tree(tmp_path / "site") == tree(GOLDEN)


def test_an_empty_or_marked_folder_is_built_and_rebuilt(copy_content, tmp_path, resources, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    output = tmp_path / "empty"
    output.mkdir()
    build_site(copy_content, output, TEMPLATES, resources)
    assert tree(output) == tree(GOLDEN) and ".jiedu-site" in tree(output)
    (copy_content / "articles/baotou-zuofeng/translation.en.md").write_text("Changed.\n", encoding="utf-8")
    build_site(copy_content, output, TEMPLATES, resources)
    assert b"Changed." in (output / "articles/baotou-zuofeng.html").read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["content", "empty"]  # no lock, no staging left


def test_ctrl_c_exits_130_and_leaves_the_previous_site(copy_content, tmp_path, resources, monkeypatch, capsys):
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    before = listing(tmp_path)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("jiedu.builder.gather_digests", interrupted)
    assert jiedu("build", copy_content, tmp_path / "site") == 130
    assert capsys.readouterr().err == "jiedu: interrupted\n"
    assert listing(tmp_path) == before


@contextlib.contextmanager
def read_only(folder: Path):
    """folder made read-only for its owner: by its mode, or for root (whom modes do not stop)
    by mounting it on itself read-only."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    mount = lambda *args: subprocess.run(["mount", *args, str(folder), str(folder)], capture_output=True).returncode
    if mount("--bind") or mount("-o", "remount,bind,ro"):
        subprocess.run(["umount", str(folder)], capture_output=True)
        pytest.skip("cannot make a read-only bind mount here")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_output_folder_is_one_clear_line(copy_content, tmp_path, resources, capsys):
    parent = tmp_path / "public"
    build_site(copy_content, parent / "site", TEMPLATES, resources)
    before = listing(parent)
    with read_only(parent):
        assert jiedu("build", copy_content, parent / "site", "--clean") == 4
    err = capsys.readouterr().err
    assert err in (f"jiedu: error: {parent}/.jiedu-lock-site: {reason}\n"
                   for reason in ("Read-only file system", "Permission denied"))
    assert listing(parent) == before


def test_a_full_disk_is_one_clear_line_and_leaves_nothing(copy_content, tmp_path, capsys):
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)]).returncode:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        assert jiedu("build", copy_content, disk / "site") == 4  # the site needs 2 MB
        err = capsys.readouterr().err
        assert err.startswith(f"jiedu: error: {disk}/.jiedu-staging-site-") and err.endswith(": No space left on device\n")
        assert os.listdir(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_cache_under_a_file_only_costs_time(copy_content, tmp_path, resources, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "cache").write_text("")
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources, cache_folder=tmp_path / "cache" / "jiedu")
    assert tree(tmp_path / "site") == tree(GOLDEN)


def test_a_read_only_cache_only_costs_time(copy_content, tmp_path, resources, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "cache").mkdir()
    with read_only(tmp_path / "cache"):
        build_site(copy_content, tmp_path / "site", TEMPLATES, resources, cache_folder=tmp_path / "cache")
    assert tree(tmp_path / "site") == tree(GOLDEN) and os.listdir(tmp_path / "cache") == []


@pytest.mark.parametrize("value", ["4354819200", "99999999999", "soon", "-1", "1.5", " 1700000000", "١٧٠٠٠٠٠٠٠٠"])
def test_a_bad_source_date_epoch_is_refused(copy_content, tmp_path, monkeypatch, capsys, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for command in ("build", "serve"):
        assert jiedu(command, copy_content, tmp_path / "site") == 2
        assert capsys.readouterr().err.startswith(f"jiedu: error: SOURCE_DATE_EPOCH={value!r}: must be whole seconds")
    assert sorted(os.listdir(tmp_path)) == ["content"]


def test_the_last_date_a_zip_holds_is_accepted(copy_content, tmp_path, resources, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819199")
    build_site(copy_content, tmp_path / "site", TEMPLATES, resources)
    with zipfile.ZipFile(tmp_path / "site" / "glossary.apkg") as deck:
        assert {info.date_time for info in deck.infolist()} == {(2107, 12, 31, 23, 59, 58)}  # zip: even seconds


def test_serve_on_a_port_in_use_or_out_of_range_is_refused(copy_content, tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert jiedu("serve", copy_content, tmp_path / "site", "--port", str(port)) == 2
    assert capsys.readouterr().err == (f"jiedu: error: cannot serve on 127.0.0.1:{port}: Address already in use; "
                                       f"choose another with --port\n")
    for port in ("70000", "-1", "http"):
        assert jiedu("serve", copy_content, tmp_path / "site", "--port", port) == 2
        assert f"argument --port: '{port}' is not a port: 0 to 65535" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["content"]


def test_serve_answers_a_burst_of_requests(tmp_path):
    from jiedu.authoring.serve import Server

    for name in ("content", "templates", "site"):
        (tmp_path / name).mkdir()
    (tmp_path / "site" / "index.html").write_text("<body>home</body>")
    server = Server(tmp_path / "content", tmp_path / "templates", tmp_path / "site", lambda: None, log=lambda _: None)
    answers, start = [], threading.Barrier(200)

    def get():
        start.wait()
        with contextlib.suppress(OSError), urllib.request.urlopen(server.url, timeout=10) as response:
            answers.append((response.status, response.read().startswith(b"<body>home<script>")))

    threads = [threading.Thread(target=get) for _ in range(200)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.stop()
    assert answers == [(200, True)] * 200


def build_command(content: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "jiedu", "build", "--content", str(content), "--output", str(output),
            "--templates", str(TEMPLATES)]


def quiet_environment() -> dict:
    return {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}


def test_three_builds_of_one_output_at_once_all_succeed(copy_content, tmp_path):
    builds = [subprocess.Popen(build_command(copy_content, tmp_path / "site"), cwd=ROOT, env=quiet_environment(),
                               stderr=subprocess.PIPE, text=True) for _ in range(3)]
    errors = [build.communicate()[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0, 0], errors
    assert tree(tmp_path / "site") == tree(GOLDEN)
    assert sorted(os.listdir(tmp_path)) == [".cache", "content", "site"]  # no lock, no staging left


def test_a_second_build_waits_for_the_first(copy_content, tmp_path):
    from jiedu.incremental.guard import output_lock

    with output_lock(tmp_path / "site", say=print):
        build = subprocess.Popen(build_command(copy_content, tmp_path / "site"), cwd=ROOT, env=quiet_environment(),
                                 stderr=subprocess.PIPE, text=True)
        assert select.select([build.stderr], [], [], 60)[0], "no word from the second build in 60 s"
        first = build.stderr.readline()
        assert first == f"jiedu: waiting for another build of {tmp_path / 'site'} to finish\n"
        assert sorted(os.listdir(tmp_path)) == [".jiedu-lock-site", "content"]  # it wrote nothing yet
    assert build.wait() == 0 and "1 annotated" in build.stderr.read()
    assert tree(tmp_path / "site") == tree(GOLDEN)
