"""The read stage: encodings, metadata, translation paragraphs."""

import codecs
import hashlib

import pytest

from jiedu.errors import ContentError
from jiedu.files.meta import read_meta
from jiedu.files.tomlfile import parse_toml
from jiedu.stages.read import decode, read_article, split_paragraphs

from conftest import SEED

TEXT = "包頭市作風建設，幹部擔當作為。內蒙古日報記者報道。"
SIMPLIFIED = "包头市作风建设，干部担当作为。内蒙古日报记者报道。"


@pytest.mark.parametrize("data, encoding, text", [
    (TEXT.encode("utf-8"), "utf-8", TEXT),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", TEXT),
    (TEXT.encode("utf-16"), "utf-16", TEXT),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", TEXT),
    (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
    (TEXT.encode("big5"), "big5", TEXT),
])
def test_supported_encodings_decode_exactly(data, encoding, text, resources):
    assert decode(data, "a.txt", resources.char_frequency) == (text, encoding)


def test_undecodable_bytes_are_a_clear_error(resources):
    data = "作風".encode("utf-8") + b"\xff\xff\xff"
    with pytest.raises(ContentError) as error:
        decode(data, "content/articles/x/source.txt", resources.char_frequency)
    message = str(error.value)
    assert message.startswith("content/articles/x/source.txt:1:1: error: cannot decode the source")
    assert "utf-8 (byte 0xff at offset 6)" in message


def test_declared_encoding_wins_and_is_checked(resources):
    with pytest.raises(ContentError, match="cannot decode the source as big5"):
        decode(b"\xff\xfe\xfd", "a.txt", resources.char_frequency, encoding="big5")


def test_translation_paragraphs_keep_their_line_numbers():
    assert split_paragraphs("One.\n\nTwo\nlines.\n\n\nThree.\n") == (("One.", "Two\nlines.", "Three."), (1, 3, 7))


def write_article(folder, meta="date = \"2024-01-02\"\npublisher = \"P\"\n", source="包頭", **files):
    folder.mkdir(parents=True)
    (folder / "meta.toml").write_text(meta, encoding="utf-8")
    (folder / "source.txt").write_bytes(source.encode("utf-8"))
    for name, text in files.items():
        (folder / name.replace("_", ".", 1)).write_text(text, encoding="utf-8")


def test_malformed_metadata_names_file_and_line(tmp_path, resources):
    write_article(tmp_path / "articles" / "a", meta='date = "2024"\npublisher = \n')
    with pytest.raises(ContentError) as error:
        read_article(tmp_path / "articles" / "a", tmp_path, resources.char_frequency)
    assert str(error.value).startswith("articles/a/meta.toml:2:")


def test_unknown_and_missing_metadata_are_reported(tmp_path, resources):
    write_article(tmp_path / "a", meta='date = "2024"\ntitel = "x"\n')
    _, findings = read_article(tmp_path / "a", tmp_path, resources.char_frequency)
    assert [(f.code, f.message) for f in findings] == [
        ("unknown-meta-key", "unknown metadata key 'titel'"), ("missing-meta", "missing metadata 'publisher'")]


def test_seed_is_read_byte_for_byte(seed_source):
    data = (SEED / "source.zh-Hant.txt").read_bytes()
    # sha256 of shared/seed/baotou-zuofeng.zh-Hant.txt as received
    assert hashlib.sha256(data).hexdigest() == "b2a3be7edea5a9ac6cda3aaa63436927dae84864a8d6347536e0eb9ac09bde2b"
    assert seed_source.encoding == "utf-8"
    assert seed_source.text == data.decode("utf-8")
    assert len(seed_source.translation) == 38


def meta_of(text: str):
    return read_meta(parse_toml(text, "meta.toml"))


def test_empty_expected_metadata_is_reported():
    _, findings = meta_of('date = ""\npublisher = " "\n')
    assert [str(f) for f in findings] == ["meta.toml:1:1: missing-meta: metadata 'date' is empty",
                                          "meta.toml:2:1: missing-meta: metadata 'publisher' is empty"]


@pytest.mark.parametrize("layout", ["lines", "blank-lines"])
def test_meta_states_the_layout(layout):
    assert meta_of(f'date = "2024"\npublisher = "P"\nlayout = "{layout}"\n') == (
        {"date": "2024", "publisher": "P", "layout": layout}, [])


@pytest.mark.parametrize("value, message", [
    ('"paragraphs"', "meta.toml:2:1: error: layout must be \"lines\""),
    ("1", "meta.toml:2:1: error: 'layout' must be a string on one line"),
])
def test_a_wrong_layout_names_its_place(value, message):
    with pytest.raises(ContentError) as error:
        meta_of(f'date = "2024"\nlayout = {value}\n')
    assert str(error.value).startswith(message)
