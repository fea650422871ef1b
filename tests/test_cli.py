"""The command line: build, annotate, exit codes, messages with file:line:col."""

import json
import re
import subprocess
import sys

from jiedu.cli import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, EXIT_WARNINGS, main

from conftest import ROOT


def build(content, output, *extra):
    return main(["build", "--content", str(content), "--output", str(output),
                 "--templates", str(ROOT / "templates"), *extra])


def test_build_succeeds_and_says_where_to_open(copy_content, tmp_path, capsys):
    assert build(copy_content, tmp_path / "site", "--strict") == EXIT_OK
    assert (tmp_path / "site" / "articles" / "baotou-zuofeng.html").exists()
    assert re.search(r"jiedu: 1 article\(s\) \(1 annotated, 0 from cache\), 1[5-7][0-9][0-9] words", capsys.readouterr().err)


def test_unrepaired_damage_is_a_warning_and_strict_fails(copy_content, tmp_path, capsys):
    (copy_content / "articles" / "baotou-zuofeng" / "repairs.toml").unlink()
    assert build(copy_content, tmp_path / "site") == EXIT_OK
    err = capsys.readouterr().err
    assert ("content/articles/baotou-zuofeng/source.zh-Hant.txt:4:3: damaged-text: looks like mojibake "
            "(characters lost and replaced by '?'): '?jīng)_'") in err
    assert err.count("damaged-text") == 6
    assert build(copy_content, tmp_path / "site", "--strict") == EXIT_WARNINGS


def test_a_repair_that_no_longer_matches_stops_the_build(copy_content, tmp_path, capsys):
    repairs = copy_content / "articles" / "baotou-zuofeng" / "repairs.toml"
    repairs.write_text(repairs.read_text(encoding="utf-8").replace("column = 229", "column = 228"), encoding="utf-8")
    assert build(copy_content, tmp_path / "site") == EXIT_CONTENT
    err = capsys.readouterr().err
    assert err.startswith("content/articles/baotou-zuofeng/repairs.toml:5:1: error: repair does not match: "
                          "expected '?lián)?dāng)' at content/articles/baotou-zuofeng/source.zh-Hant.txt:2:228")
    assert not (tmp_path / "site").exists()  # nothing half-written


def test_translation_count_mismatch_is_reported(copy_content, tmp_path, capsys):
    translation = copy_content / "articles" / "baotou-zuofeng" / "translation.en.md"
    paragraphs = translation.read_text(encoding="utf-8").split("\n\n")
    translation.write_text("\n\n".join(paragraphs[:-1]) + "\n", encoding="utf-8")
    assert build(copy_content, tmp_path / "site", "--strict") == EXIT_WARNINGS
    err = capsys.readouterr().err
    assert "translation.en.md:" in err and "translation has 37 paragraphs but the article has 38 blocks" in err


def test_usage_errors(tmp_path, capsys):
    assert main(["frobnicate"]) == EXIT_USAGE
    assert build(tmp_path / "missing", tmp_path / "site") == EXIT_USAGE
    assert "no such folder" in capsys.readouterr().err


def test_annotate_reads_stdin_and_writes_json_lines():
    result = subprocess.run([sys.executable, "-m", "jiedu", "annotate"], cwd=ROOT, capture_output=True, check=True,
                            input="銀行行長在重慶\n干部作風建設\n", text=True)
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert "".join(w["text"] for w in first["words"]) == first["text"] == "银行行长在重庆"
    assert [s for w in first["words"] for s in w["pinyin"]] == ["yín", "háng", "háng", "zhǎng", "zài", "Chóng", "qìng"]
    assert first["words"][0]["trad"].startswith("銀行")
    assert second["words"][0] == {"text": "干部", "trad": "幹部", "pinyin": ["gàn", "bù"], "term": "ganbu"}
    assert result.stderr == ""  # jieba's loading chatter is silenced


def test_second_build_of_unchanged_content_does_nothing(copy_content, tmp_path, capsys):
    def files():
        return {p.relative_to(tmp_path / "site"): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}

    assert build(copy_content, tmp_path / "site") == EXIT_OK
    first = files()
    assert build(copy_content, tmp_path / "site") == EXIT_OK
    assert build(copy_content, tmp_path / "site", "--clean") == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert "(1 annotated, 0 from cache)" in err[0]
    assert "(nothing changed, nothing written)" in err[1]
    assert "(1 annotated, 0 from cache)" in err[2]
    assert files() == first
