"""Issue #13, "0 tracebacks over the hostile cases you write": one table of hostile and
careless inputs, each run end to end through `jiedu.cli.main` against a private copy of
content/ in tmp_path.

Every row damages the copy (or the environment), runs one command and names the exit
code README's table promises. For every row: that exit code; no traceback (an exception
main() lets out counts as one); every error line in the promised form
(`path:line:col: error:` for content, `jiedu: error:` for the command line and the
system); nothing touched when the command is refused or is `check`. For rows that build:
a new site whose feed and sitemap parse as XML, with one feed entry per article, no
`javascript:` or `data:` link, no planted markup unescaped, and no planted secret.
"""

import os
import re
import shutil
import stat
import sys
import tomllib
import traceback
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from jiedu.cli import main
from jiedu.incremental.guard import MARKER, MARKER_TEXT

from conftest import CONTENT, TEMPLATES, deadline

SEED = "articles/baotou-zuofeng"
SOURCE = f"{SEED}/source.zh-Hant.txt"
SECRET = "SECRET-3f9c"
"""Planted in files outside content/ that a link points at: it must never be published."""
MARKUP = ("<script>alert(1)", "<img src=x onerror", "</title><entry>")
"""Planted in metadata and translations: never unescaped in a published page, feed or script."""
SCRIPT_LINK = re.compile(rb"""(?i)(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data|vbscript):""")
CONTENT_ERROR = re.compile(r"\S[^\n]*?:\d+:\d+: error: \S")
COMMAND_ERROR = re.compile(r"jiedu(?: [a-z]+)?: error: \S")
ROW_SECONDS = 120


@dataclass(frozen=True)
class Place:
    """Where a row runs: tmp_path (the current folder), the copy of content/ in it, and
    the output a previous build left there."""

    tmp: Path
    content: Path
    out: Path
    monkeypatch: pytest.MonkeyPatch

    def at(self, relative: str) -> Path:
        return self.content / relative

    def argv(self, words: tuple[str, ...]) -> list[str]:
        names = {"{content}": self.content, "{out}": self.out, "{tmp}": self.tmp, "{templates}": TEMPLATES}
        for name, value in names.items():
            words = tuple(word.replace(name, str(value)) for word in words)
        return list(words)


def prepare(tmp: Path, monkeypatch) -> Place:
    """content/ copied, with a site URL so every build writes a feed and a sitemap; an
    output folder a previous build left (marked, with an old index); cwd = tmp."""
    content = tmp / "content"
    shutil.copytree(CONTENT, content)
    with open(content / "site.toml", "a", encoding="utf-8") as settings:
        settings.write('site_url = "https://example.org/jiedu/"\n')
    out = tmp / "site"
    out.mkdir()
    (out / MARKER).write_bytes(MARKER_TEXT)
    (out / "index.html").write_bytes(b"the previous site\n")
    monkeypatch.chdir(tmp)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return Place(tmp, content, out, monkeypatch)


# --- damages: each returns a function of the Place -----------------------------------------

def put(relative: str, data, encoding: str = "utf-8"):
    """Write `data` (text in `encoding`, or bytes) at content/<relative>."""
    def damage(place: Place):
        path = place.at(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return damage


def edit(relative: str, old: str, new: str):
    """Replace the first `old` in a UTF-8 file of the copy."""
    def damage(place: Place):
        path = place.at(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{relative} lacks {old!r}: the row no longer damages anything"
        path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")
    return damage


def edit_bytes(relative: str, old: bytes, new: bytes):
    def damage(place: Place):
        path = place.at(relative)
        assert old in path.read_bytes(), f"{relative} lacks {old!r}"
        path.write_bytes(path.read_bytes().replace(old, new, 1))
    return damage


def append(relative: str, text: str):
    def damage(place: Place):
        with open(place.at(relative), "a", encoding="utf-8") as file:
            file.write(text)
    return damage


def recode(relative: str, encoding: str, bom: bytes = b""):
    """The file's text saved in another encoding (optionally after a byte order mark)."""
    def damage(place: Place):
        path = place.at(relative)
        path.write_bytes(bom + path.read_text(encoding="utf-8").encode(encoding))
    return damage


def endings(relative: str, ending: bytes):
    def damage(place: Place):
        path = place.at(relative)
        path.write_bytes(path.read_bytes().replace(b"\n", ending))
    return damage


def link_out(relative: str, old: str = "", new: str = ""):
    """Replace the file with a symbolic link to a copy outside content/ that carries the
    secret (in place of `old`, else appended): followed, it would be published."""
    def damage(place: Place):
        path = place.at(relative)
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        text = text.replace(old, new.replace("SECRET", SECRET), 1) if old else text + f"\n\n{SECRET}\n"
        outside = place.tmp / "outside" / path.name
        outside.parent.mkdir(exist_ok=True)
        outside.write_text(text, encoding="utf-8")
        path.unlink(missing_ok=True)
        path.symlink_to(outside)
    return damage


def link(relative: str, target: str):
    """content/<relative> made a symbolic link to `target` (placeholders allowed)."""
    def damage(place: Place):
        path = place.at(relative)
        path.unlink(missing_ok=True)
        path.symlink_to(place.argv((target,))[0])
    return damage


def fifo(relative: str):
    def damage(place: Place):
        place.at(relative).unlink(missing_ok=True)
        os.mkfifo(place.at(relative))
    return damage


def folder_at(relative: str):
    def damage(place: Place):
        path = place.at(relative)
        path.unlink(missing_ok=True)
        path.mkdir(parents=True)
    return damage


def remove(relative: str):
    def damage(place: Place):
        path = place.at(relative)
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    return damage


def article(slug: str, source, meta: str = 'title = "标题"\ndate = "2024-01-02"\npublisher = "P"\n'):
    """A second, small article beside the seed."""
    return both(put(f"articles/{slug}/meta.toml", meta), put(f"articles/{slug}/source.txt", source))


def seed_copy(name: str):
    def damage(place: Place):
        shutil.copytree(place.at(SEED), place.at(f"articles/{name}"))
    return damage


def setenv(name: str, value: str):
    def damage(place: Place):
        place.monkeypatch.setenv(name, place.argv((value,))[0])
    return damage


def outside(relative: str, data: bytes = b"keep me\n"):
    """A file at tmp/<relative>, outside content/ (a folder a user owns, say)."""
    def damage(place: Place):
        path = place.tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return damage


def copy_templates(place: Place):
    shutil.copytree(TEMPLATES, place.tmp / "templates")


def untouched(place: Place):
    pass


def both(*damages):
    def damage(place: Place):
        for one in damages:
            one(place)
    return damage


# --- commands -------------------------------------------------------------------------

def build(*extra: str, out: str = "{out}", templates: str = "{templates}") -> tuple[str, ...]:
    return ("build", "--content", "{content}", "--templates", templates, "--output", out, *extra)


def check(*extra: str) -> tuple[str, ...]:
    return ("check", "--content", "{content}", "--templates", "{templates}", *extra)


def new(file: str, *extra: str) -> tuple[str, ...]:
    return ("new", file, "--content", "{content}", *extra)


META = f"{SEED}/meta.toml"
REPAIRS = f"{SEED}/repairs.toml"
TRANSLATION = f"{SEED}/translation.en.md"
OVERRIDES = f"{SEED}/overrides.toml"
DATE = 'date = "2022-06"'
LINE_REPAIR = "line = 4\ncolumn = 3"  # the second repair
LONG_LINE = "包头市干部作风建设。" * 6900  # about 200 KB of UTF-8 on one line
HAN_RUN = "包头市干部作风建设" * 7600  # the same without punctuation: one run of 68,400 Han characters


def row(id_: str, damage, argv, code: int, says: str = "", *, seconds: int = ROW_SECONDS):
    """One case: its damage, its command, the exit code and a piece of stderr it must give,
    within `seconds` (a build in linear time; a FIFO never waited on)."""
    return pytest.param(damage, argv, code, says, seconds, id=id_)


TABLE = [
    # --- the output folder and the command line: refused (2) before anything is touched ---
    row("out-is-project", untouched, build(out="{tmp}"), 2, "is the project folder"),
    row("out-dot-in-project", untouched, build(out="."), 2, "is the project folder"),
    row("out-empty-string", untouched, build(out=""), 2, "is the project folder"),
    row("out-is-content", untouched, build(out="{content}"), 2, "is the content folder"),
    row("out-content-via-dotdot", untouched, build(out="{content}/articles/.."), 2, "is the content folder"),
    row("out-inside-article", untouched, build(out="{content}/" + SEED), 2, "is inside the content folder"),
    row("out-link-to-content", lambda p: (p.tmp / "linked").symlink_to(p.content), build(out="{tmp}/linked"), 2,
        "is the content folder"),
    row("out-is-templates", copy_templates, build(out="{tmp}/templates", templates="{tmp}/templates"), 2,
        "is the templates folder"),
    row("out-inside-templates", copy_templates, build(out="{tmp}/templates/assets", templates="{tmp}/templates"), 2,
        "is inside the templates folder"),
    row("out-is-home", both(outside("home/.bashrc"), setenv("HOME", "{tmp}/home")), build(out="{tmp}/home"), 2,
        "is your home folder"),
    row("out-holds-home", both(outside("users/me/.bashrc"), setenv("HOME", "{tmp}/users/me")),
        build(out="{tmp}/users"), 2, "holds your home folder"),
    row("out-unrelated-folder", outside("stuff/a.txt"), build(out="{tmp}/stuff"), 2, "holds files jiedu did not write"),
    row("out-fake-marker", both(outside("fake/.jiedu-site", b"not jiedu's\n"), outside("fake/b.txt")),
        build(out="{tmp}/fake"), 2, "holds files jiedu did not write"),
    row("out-marker-is-a-link", both(outside("real/.jiedu-site", MARKER_TEXT), outside("linked/b.txt"),
                                     lambda p: (p.tmp / "linked" / MARKER).symlink_to(p.tmp / "real" / MARKER)),
        build(out="{tmp}/linked"), 2, "holds files jiedu did not write"),
    row("out-link-to-unrelated", both(outside("stuff/a.txt"), lambda p: (p.tmp / "to-stuff").symlink_to("stuff")),
        build(out="{tmp}/to-stuff"), 2, "holds files jiedu did not write"),
    row("out-is-a-file", outside("file.txt"), build(out="{tmp}/file.txt"), 2, "is a file, not a folder"),
    row("site-url-javascript", untouched, build("--site-url", "javascript:alert(1)//"), 2, "argument --site-url"),
    row("site-url-data", untouched, build("--site-url", "data:text/html,<b>x</b>"), 2, "argument --site-url"),
    row("site-url-quote", untouched, build("--site-url", 'https://example.org/a"b/'), 2, "argument --site-url"),
    row("site-url-newline", untouched, build("--site-url", "https://example.org/\n<x>"), 2, "argument --site-url"),
    row("epoch-words", setenv("SOURCE_DATE_EPOCH", "soon"), build(), 2, "SOURCE_DATE_EPOCH='soon'"),
    row("epoch-after-2107", setenv("SOURCE_DATE_EPOCH", "99999999999"), build(), 2, "must be whole seconds"),
    row("content-missing", untouched, ("build", "--content", "{tmp}/nothing", "--templates", "{templates}",
                                       "--output", "{out}"), 2, "no such folder"),
    row("content-is-a-file", outside("content.txt"), ("check", "--content", "{tmp}/content.txt",
                                                      "--templates", "{templates}"), 2, "no such folder"),
    row("unknown-option", untouched, build("--frobnicate"), 2, "unrecognized arguments"),
    # --- jiedu new ---------------------------------------------------------------------------
    row("new-slug-escapes", outside("in.txt", "标题\n\n正文。\n".encode()), new("{tmp}/in.txt", "--slug", "../../x"),
        2, "argument --slug"),
    row("new-slug-space", outside("in.txt", "标题\n".encode()), new("{tmp}/in.txt", "--slug", "Bad Slug"), 2,
        "argument --slug"),
    row("new-slug-capitals", outside("in.txt", "标题\n".encode()), new("{tmp}/in.txt", "--slug", "Baotou"), 2,
        "argument --slug"),
    row("new-slug-dash-first", outside("in.txt", "标题\n".encode()), new("{tmp}/in.txt", "--slug=-x"), 2,
        "argument --slug"),
    row("new-slug-han", outside("in.txt", "标题\n".encode()), new("{tmp}/in.txt", "--slug", "包头"), 2,
        "argument --slug"),
    row("new-slug-81", outside("in.txt", "标题\n".encode()), new("{tmp}/in.txt", "--slug", "x" * 81), 2,
        "argument --slug"),
    row("new-missing-file", untouched, new("{tmp}/nothing.txt"), 2, "does not exist"),
    row("new-folder", lambda p: (p.tmp / "dir.txt").mkdir(), new("{tmp}/dir.txt"), 2, "is a folder"),
    row("new-fifo", lambda p: os.mkfifo(p.tmp / "pipe.txt"), new("{tmp}/pipe.txt"), 2, "is not a regular file"),
    row("new-existing-slug", outside("in.txt", "标题\n\n正文。\n".encode()),
        new("{tmp}/in.txt", "--slug", "baotou-zuofeng"), 3, "an article with this slug exists"),
    row("new-gbk-crlf", outside("in.txt", "标题：作风\r\n\r\n包头市干部作风建设。\r\n".encode("gbk")),
        new("{tmp}/in.txt", "--slug", "gbk"), 0, "encoding gb18030"),
    row("new-utf16-no-bom", outside("in.txt", "标题\n\n包头市干部作风建设。\n".encode("utf-16-le")),
        new("{tmp}/in.txt", "--slug", "utf16"), 0),
    row("new-empty-file", outside("Empty File.TXT", b""), new("{tmp}/Empty File.TXT"), 0, "added"),
    # --- content/site.toml: refused (3) before any article is read ----------------------------
    row("site-unknown-key", append("site.toml", 'colour = "red"\n'), build(), 3, "content/site.toml:5:1: error: unknown key 'colour'"),
    row("site-title-integer", edit("site.toml", 'title = "jiedu 解读"', "title = 5"), build(), 3,
        "content/site.toml:2:1: error: 'title' must be a string"),
    row("site-title-date", edit("site.toml", 'title = "jiedu 解读"', "title = 2024-01-01"), build(), 3,
        "content/site.toml:2:1: error: 'title' must be a string"),
    row("site-title-huge-number", edit("site.toml", 'title = "jiedu 解读"', "title = " + "9" * 41), build(),
        3, "content/site.toml:2:1: error: "),
    row("site-title-control", edit("site.toml", 'title = "jiedu 解读"', 'title = "jiedu\\u0007"'), build(), 3,
        "control character U+0007"),
    row("site-url-javascript-toml", edit("site.toml", "https://example.org/jiedu/", "javascript:alert(1)//"),
        build(), 3, "content/site.toml:4:1: error: site_url must be an absolute http(s)"),
    row("site-url-quote-toml", edit("site.toml", "https://example.org/jiedu/", 'https://example.org/\\"x/'),
        build(), 3, "content/site.toml:4:1: error: site_url"),
    row("site-duplicate-key", append("site.toml", 'title = "again"\n'), build(), 3,
        "content/site.toml:5:16: error: malformed TOML"),
    row("site-reader-sandhi-zero", append("site.toml", "[reader]\nsandhi = 0\n"), build(), 3,
        "content/site.toml:6:1: error: reader.sandhi must be one of false, true"),
    row("site-gbk", recode("site.toml", "gbk"), build(), 3, "content/site.toml:2:16: error: the file must be UTF-8"),
    row("site-utf16-bom", recode("site.toml", "utf-16"), build(), 3, "content/site.toml:1:1: error: the file must be "
        "UTF-8; it looks like UTF-16"),
    row("articles-is-a-file", lambda p: (shutil.rmtree(p.at("articles")), p.at("articles").write_text("x")), build(), 3,
        "content/articles:1:1: error: articles must be a folder"),
    row("site-folder", folder_at("site.toml"), build(), 3, "content/site.toml:1:1: error: expected a regular file, "
        "found a folder"),
    row("site-fifo", fifo("site.toml"), build(), 3, "found a FIFO"),
    row("site-glossary-outside", append("site.toml", 'glossary = ["../outside/g.toml"]\n'), build(), 3,
        "content/site.toml:5:1: error: glossary file '../outside/g.toml' is not inside content/"),
    row("site-glossary-absolute", append("site.toml", 'glossary = ["/etc/passwd"]\n'), build(), 3,
        "is not inside content/"),
    row("site-glossary-empty-name", append("site.toml", 'glossary = [""]\n'), build(), 3, "is not inside content/"),
    row("site-url-ampersand", untouched, build("--site-url", "https://example.org/a&b='c'/"), 0),
    row("templates-empty", lambda p: (p.tmp / "empty").mkdir(), build(templates="{tmp}/empty"), 2,
        "no template 'search.html' there"),
    row("site-crlf-and-header-comment", both(append("site.toml", "[reader]   # the first visit\npinyin = \"hover\"\n"),
                                             endings("site.toml", b"\r\n")), build("--strict"), 0),
    # --- the glossary and the site-wide overrides ------------------------------------------
    row("glossary-pinyin-integer", edit("glossary.toml", 'pinyin = "zuò fēng"', "pinyin = 5"), build(), 3,
        "content/glossary.toml:26:1: error: 'pinyin' must be a string on one line, not an integer (5)"),
    row("glossary-header-comment", edit("glossary.toml", "[[term]]\nid = \"zuofeng\"", "[[term]] # first\nid = \"zuofeng\""),
        build("--strict"), 0, "201 glossary terms"),
    row("glossary-duplicate-id", edit("glossary.toml", 'id = "zuofeng"\n', 'id = "zuofeng"\nid = "again"\n'), build(),
        3, "content/glossary.toml:24:13: error: malformed TOML"),
    row("glossary-unknown-key", edit("glossary.toml", 'id = "zuofeng"\n', 'id = "zuofeng"\nhanzi = "作风"\n'), build(),
        3, "content/glossary.toml:24:1: error: unknown key 'hanzi' in a glossary entry"),
    row("glossary-gbk", recode("glossary.toml", "gb18030"), build(), 3, "content/glossary.toml:4:70: error: the file "
        "must be UTF-8"),
    row("glossary-utf16", recode("glossary.toml", "utf-16"), build(), 3, "it looks like UTF-16"),
    row("glossary-invalid-utf8", edit_bytes("glossary.toml", b'english = "work style', b'english = "work \xff'),
        build(), 3, "content/glossary.toml:28:17: error: the file must be UTF-8, but byte"),
    # The default content/glossary.toml may be absent; the seed's own glossary then links to entries that are gone.
    row("glossary-missing", remove("glossary.toml"), build(), 3, "content/articles/baotou-zuofeng/glossary.toml:11:1: "
        "error: related entries not in the glossary"),
    row("glossary-link-out", link_out("glossary.toml", 'english = "work style; conduct"', 'english = "SECRET"'),
        build(), 3, "content/glossary.toml:1:1: error: is a symbolic link to a file outside content/"),
    row("glossary-utf8-bom", lambda p: p.at("glossary.toml").write_bytes(b"\xef\xbb\xbf" + p.at("glossary.toml")
                                                                           .read_bytes()), build("--strict"), 0),
    row("glossary-markup", both(edit("glossary.toml", 'english = "work style; conduct"',
                                     'english = "<script>alert(1)</script> & </title><entry>"'),
                                edit("glossary.toml", 'literal = "conduct + style"', 'literal = "<img src=x onerror=x>"')),
        build("--strict"), 0),
    row("glossary-control-character", edit("glossary.toml", 'english = "work style; conduct"', 'english = "a\\u0085"'),
        build(), 3, "content/glossary.toml:28:1: error: 'english' holds the control character U+0085"),
    row("overrides-misspelt-table", put("overrides.toml", '[[readings]]\ncontext = "数据量"\n'), build(), 3,
        "content/overrides.toml:1:1: error: unknown table or key 'readings'"),
    row("overrides-fifo", fifo("overrides.toml"), build(), 3, "content/overrides.toml:1:1: error: expected a regular "
        "file, found a FIFO"),
    row("overrides-link-out", link_out("overrides.toml"), build(), 3, "content/overrides.toml:1:1: error: is a "
        "symbolic link to a file outside content/"),
    # --- the article folders -------------------------------------------------------------
    row("articles-empty-folder", lambda p: p.at("articles/empty").mkdir(), build(), 3,
        "content/articles/empty:1:1: error: missing meta.toml"),
    row("articles-bad-slug", seed_copy("Bad Slug"), build(), 3,
        "content/articles/Bad Slug:1:1: error: article folder names are slugs"),
    row("articles-hidden-folder", seed_copy(".draft"), build(), 3, "content/articles/.draft:1:1: error: "),
    row("articles-link-out", lambda p: (p.at("articles/leak").symlink_to(p.tmp / "elsewhere"),
                                        shutil.copytree(p.at(SEED), p.tmp / "elsewhere")),
        build(), 3, "content/articles/leak:1:1: error: the article folder is a link to outside content/"),
    row("articles-stray-file", put("articles/README.md", "notes\n"), build("--strict"), 0),
    # --- an article's meta.toml ---------------------------------------------------------------
    row("meta-unquoted-date", edit(META, DATE, "date = 2022-06-01"), build("--strict"), 0),
    row("meta-datetime", edit(META, DATE, "date = 2022-06-01T08:00:00+08:00"), build(), 3,
        f"content/{META}:4:1: error: 'date' must be a date"),
    row("meta-month-13", edit(META, DATE, 'date = "2022-13"'), check(), 1, f"content/{META}:4:1: error: 'date'"),
    row("meta-encoding-integer", append(META, "encoding = 5\n"), build(), 3,
        f"content/{META}:11:1: error: 'encoding' must be a string"),
    row("meta-unknown-key", append(META, 'colour = "red"\n'), build("--strict"), 1,
        f"content/{META}:11:1: unknown-meta-key"),
    row("meta-source-url-javascript", edit(META, 'source_url = ""', 'source_url = "javascript:alert(1)"'), build(),
        3, f"content/{META}:8:1: error: source_url must be an http:// or https:// address"),
    row("meta-source-url-data", edit(META, 'source_url = ""', 'source_url = "data:text/html,x"'), check(), 1,
        f"content/{META}:8:1: error: source_url"),
    row("meta-source-url-quote", edit(META, 'source_url = ""', 'source_url = "https://e.org/\\"><script>alert(1)"'),
        build(), 3, f"content/{META}:8:1: error: source_url"),
    row("meta-title-control", edit(META, 'title = "', 'title = "\\u001b'), build(), 3,
        f"content/{META}:2:1: error: 'title' holds the control character U+001B"),
    row("meta-title-markup", both(edit(META, 'title = "', 'title = "<script>alert(1)</script>]]></title><entry>'),
                                  edit(META, 'title_en = "', 'title_en = "<img src=x onerror=alert(1)> &amp; ')),
        build("--strict"), 0),
    row("meta-encoding-undefined", append(META, 'encoding = "undefined"\n'), build(), 3,
        f"content/{SOURCE}:1:1: error: cannot decode the source"),
    row("meta-encoding-rot13", append(META, 'encoding = "rot13"\n'), build(), 3,
        f"content/{SOURCE}:1:1: error: cannot decode the source as rot13"),
    row("meta-unknown-datetime-and-nesting", append(META, "extra = 2022-06-01T08:00:00\nmore = [[[[nan]]]]\n"),
        build("--strict"), 1, f"content/{META}:12:1: unknown-meta-key"),
    row("meta-gbk", recode(META, "gb18030"), build(), 3, f"content/{META}:2:10: error: the file must be UTF-8"),
    row("meta-utf16-bom", recode(META, "utf-16"), build(), 3, "it looks like UTF-16"),
    row("meta-utf16-no-bom", recode(META, "utf-16-le"), check(), 1, "it looks like UTF-16"),
    row("meta-cr-only", endings(META, b"\r"), build(), 3, f"content/{META}:1:"),
    row("meta-duplicate-key", append(META, 'title = "again"\n'), build(), 3, f"content/{META}:11:"),
    row("meta-empty", put(META, ""), build("--strict"), 1, "missing-meta"),
    row("meta-authors-string", edit(META, "authors = [", 'authors = "x"\nauthor = ['), build(), 3,
        f"content/{META}:6:1: error: 'authors' must be a list of strings"),
    row("meta-folder", folder_at(META), build(), 3, f"content/{META}:1:1: error: expected a regular file, found a folder"),
    row("meta-link-out", link_out(META, 'title = "', 'title = "SECRET'), build(), 3,
        f"content/{META}:1:1: error: is a symbolic link to a file outside content/"),
    # --- repairs.toml -----------------------------------------------------------------
    row("repairs-line-string", edit(REPAIRS, LINE_REPAIR, 'line = "4"\ncolumn = 3'), build(), 3,
        f"content/{REPAIRS}:13:1: error: 'line' must be an integer"),
    row("repairs-negative-line", edit(REPAIRS, LINE_REPAIR, "line = -4\ncolumn = 3"), build(), 3,
        f"content/{REPAIRS}:12:1: error: "),
    row("repairs-negative-column", edit(REPAIRS, LINE_REPAIR, "line = 4\ncolumn = -3"), check(), 1,
        f"content/{REPAIRS}:12:1: error: "),
    row("repairs-huge-line", edit(REPAIRS, LINE_REPAIR, "line = 9223372036854775807\ncolumn = 3"), build(), 3,
        f"content/{REPAIRS}:12:1: error: "),
    row("repairs-empty-find", edit(REPAIRS, 'find = "?jīng)_"', 'find = ""'), build("--strict"), 1,
        f"content/{SOURCE}:4:3: damaged-text"),  # an insertion: the damage after it is still reported
    row("repairs-header-comment", edit(REPAIRS, "[[repair]]\nline = 4", "[[repair]]   # 衝\nline = 4"),
        build("--strict"), 0),
    row("repairs-unknown-key", edit(REPAIRS, LINE_REPAIR, f"{LINE_REPAIR}\nreplacement = 1"), build(), 3,
        f"content/{REPAIRS}:15:1: error: unknown key 'replacement' in a repair"),
    row("repairs-top-level-key", lambda p: p.at(REPAIRS).write_text("version = 2\n" + p.at(REPAIRS).read_text()),
        build(), 3, f"content/{REPAIRS}:1:1: error: unknown table or key 'version'"),
    row("repairs-utf16-no-bom", recode(REPAIRS, "utf-16-le"), build(), 3, "it looks like UTF-16"),
    # --- translation.en.md -------------------------------------------------------------------
    row("translation-utf16-bom", recode(TRANSLATION, "utf-16"), build("--strict"), 0),
    row("translation-utf16-no-bom", recode(TRANSLATION, "utf-16-be"), build(), 3, "it looks like UTF-16"),
    row("translation-cp1252", lambda p: p.at(TRANSLATION).write_bytes("Title\n\n“Body”\n".encode("cp1252")), build(), 3,
        f"content/{TRANSLATION}:3:1: error: the file must be UTF-8"),
    row("translation-link-out", link_out(TRANSLATION), build(), 3,
        f"content/{TRANSLATION}:1:1: error: is a symbolic link to a file outside content/"),
    row("translation-fifo", fifo(TRANSLATION), build(), 3, "found a FIFO"),
    row("translation-script-links", edit(TRANSLATION, "Building Up Inner Mongolia’s Image",
                                         "[Building](javascript:alert(1)) <img src=x onerror=alert(1)> "
                                         "[Up](data:text/html,x) <script>alert(1)</script>"), build("--strict"), 0),
    # --- the source text -----------------------------------------------------------------
    row("article-files-crlf", both(*(endings(f"{SEED}/{name}", b"\r\n") for name in (
        "source.zh-Hant.txt", "meta.toml", "repairs.toml", "translation.en.md", "overrides.toml"))), build("--strict"), 0),
    row("source-cr-only", endings(SOURCE, b"\r"), build("--strict"), 0),
    row("source-gb18030", recode(SOURCE, "gb18030"), build("--strict"), 0),
    row("source-utf16-bom", recode(SOURCE, "utf-16"), build("--strict"), 0),
    row("source-two-files", put(f"{SEED}/source.txt", "标题\n"), build(), 3,
        f"content/{SEED}:1:1: error: expected exactly one source*.txt, found 2"),
    row("source-none", remove(SOURCE), build(), 3, "found 0"),
    row("source-link-out", link_out(SOURCE), build(), 3,
        f"content/{SOURCE}:1:1: error: is a symbolic link to a file outside content/"),
    row("source-link-environ", link(SOURCE, "/proc/self/environ"), build(), 3, "is a symbolic link to a file outside"),
    row("source-dangling-link", link(SOURCE, "{tmp}/gone.txt"), build(), 3, "outside content/"),
    row("source-link-loop", link(SOURCE, "{content}/" + SOURCE), build(), 3,
        f"content/{SOURCE}:1:1: error: cannot read the file: Too many levels of symbolic links"),
    row("source-link-proc-mem", link(SOURCE, "/proc/self/mem"), build(), 3,
        f"content/{SOURCE}:1:1: error: is a symbolic link to a file outside content/"),
    row("source-fifo", fifo(SOURCE), build(), 3, f"content/{SOURCE}:1:1: error: expected a regular file, found a FIFO"),
    row("source-folder", folder_at(SOURCE), build(), 3, "found a folder"),
    row("source-undecodable", put(SOURCE, b"\x80\x80\xff\xff\x80"), build(), 3, f"content/{SOURCE}:1:1: error: "),
    row("source-empty", article("empty", b""), build(), 3, "content/articles/empty/source.txt:1:1: error: the source is empty"),
    row("source-only-punctuation", article("punct", "。，！？……——《》\n“”\n"), build("--strict"), 1,
        "content/articles/punct/"),
    row("source-control-characters", article("ctrl", "标题\n\n正文\x00\x07\x1b。\n"), build("--strict"), 1,
        "damaged-text"),
    row("source-200kb-line", article("long", f"标题\n\n{LONG_LINE}\n"), build("--strict"), 0, seconds=60),
    row("source-200kb-han-run", article("run", f"标题\n\n{HAN_RUN}\n"), build("--strict"), 0, seconds=60),
    row("source-only-newlines", article("blank", "\r\n\n\r\n"), build(), 3, "content/articles/blank/source.txt:1:1: error: "),
    row("source-latin-only", article("latin", "Hello world.\n\nNo Chinese here.\n"), build("--strict"), 1,
        "content/articles/latin/"),
    row("source-title-controls", article("ctrl-title", "标\x01题\x1b]]>\ufffe\n\n正文。\n",
                                         meta='date = "2024-01-02"\npublisher = "P"\n'), build("--strict"), 1,
        "content/articles/ctrl-title/source.txt:1:2: damaged-text"),
    row("article-overrides-wrong-type", edit(OVERRIDES, 'split = ["董事局"', 'split = "董事局"\nwords = ["董事局"'),
        build(), 3, f"content/{OVERRIDES}:11:1: error: 'split' must be a list of strings"),
    # --- check, which reports every article and writes nothing ------------------------------
    row("check-two-bad-articles", both(seed_copy("second"), edit(META, DATE, "date = 08:00:00"),
                                       edit("articles/second/meta.toml", DATE, "date = 1.5")), check(), 1,
        "content/articles/second/meta.toml:4:1: error: 'date' must be"),
]


# --- running a row ----------------------------------------------------------------------

def listing(folder: Path) -> dict:
    """Every entry under folder, hidden ones too, links not followed: files by bytes,
    links by target, anything else by its kind (a FIFO is never opened)."""
    found = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(parent, name)
            mode = os.lstat(path).st_mode
            found[os.path.relpath(path, folder)] = (
                ("link", os.readlink(path)) if stat.S_ISLNK(mode) else Path(path).read_bytes()
                if stat.S_ISREG(mode) else stat.S_IFMT(mode))
    return found




def run(argv: list[str], capfd, seconds: int) -> tuple[int | None, str]:
    """main()'s exit code and everything written to stderr (worker processes' too); an
    exception main() lets out is what a user would see as a traceback."""
    try:
        with deadline(seconds):
            code = main(argv)
    except BaseException:  # noqa: BLE001 -- KeyboardInterrupt and SystemExit escaping main() are bugs too
        code = None
        sys.stderr.write(traceback.format_exc())
    return code, capfd.readouterr().err


def without_cache(found: dict) -> dict:
    """A failed build may still have cached the articles it did annotate (.cache/, beside content/)."""
    return {name: value for name, value in found.items() if name.split(os.sep)[0] != ".cache"}


def assert_error_lines(err: str, code: int) -> None:
    lines = [line for line in err.splitlines() if "error:" in line]
    for line in lines:
        assert CONTENT_ERROR.match(line) or COMMAND_ERROR.match(line), f"an error line of no known form: {line}"
    if code == 3:
        assert lines and CONTENT_ERROR.match(lines[0]) and not COMMAND_ERROR.match(lines[0]), err
    elif code in (2, 4):
        assert lines and COMMAND_ERROR.match(lines[0]), err
    elif code == 0:
        assert not lines, err


def published(place: Place) -> dict[str, bytes]:
    """What a build wrote and keeps: the output and the project's cache."""
    return {f"{top}/{name}": data for top in (place.out, place.tmp / ".cache")
            for name, data in listing(top).items() if isinstance(data, bytes)} if place.out.is_dir() else {}


def assert_site(place: Place, before: set[str]) -> None:
    """A whole new site, its feed and sitemap well-formed, one feed entry per article;
    nothing beside it but the cache (no lock or staging folder left)."""
    assert (place.out / "index.html").read_bytes() != b"the previous site\n"
    assert (place.out / MARKER).read_bytes() == MARKER_TEXT
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(place.out / "feed.xml").getroot()
    articles = [p for p in (place.content / "articles").iterdir() if p.is_dir()]
    assert len(feed.findall(f"{atom}entry")) == len(articles)
    urls = ElementTree.parse(place.out / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    assert all(url.text.startswith("https://") for url in urls)
    assert set(os.listdir(place.tmp)) - before <= {".cache", place.out.name}


def assert_nothing_leaked(place: Place) -> None:
    for name, data in published(place).items():
        assert SECRET.encode() not in data, f"{name} publishes the secret"
        if name.endswith((".html", ".xml", ".js", ".json")):
            assert not SCRIPT_LINK.search(data), f"{name} links to a script URL"
            assert not [bad for bad in MARKUP if bad.encode() in data], f"{name} holds planted markup unescaped"


def assert_new_article(place: Place, argv: list[str], before: set[str]) -> None:
    """`jiedu new` copied the file byte for byte into one new folder, with a meta.toml stub TOML can read."""
    (added,) = set(os.listdir(place.content / "articles")) - before
    (source,) = (place.content / "articles" / added).glob("source*.txt")
    assert source.read_bytes() == Path(argv[1]).read_bytes()
    tomllib.loads((source.parent / "meta.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("damage, words, code, says, seconds", TABLE)
def test_hostile_input_is_one_clear_line_or_a_valid_site(tmp_path, monkeypatch, capfd, damage, words, code, says,
                                                         seconds):
    place = prepare(tmp_path, monkeypatch)
    damage(place)
    argv = place.argv(words)
    before, names = listing(tmp_path), set(os.listdir(tmp_path))
    articles_before = set(os.listdir(place.content / "articles")) if (place.content / "articles").is_dir() else set()
    capfd.readouterr()
    status, err = run(argv, capfd, seconds)
    assert "Traceback" not in err, err
    assert status == code, err
    assert says in err, err
    assert_error_lines(err, code)
    if code in (2, 3, 4) or argv[0] == "check":  # refused, or only looking: nothing touched
        assert without_cache(listing(tmp_path)) == without_cache(before)
    elif argv[0] == "build":
        assert_site(place, names)
    elif argv[0] == "new":
        assert_new_article(place, argv, articles_before)
    assert_nothing_leaked(place)
