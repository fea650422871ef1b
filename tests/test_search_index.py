"""The sharded search index without a browser: its files on the seed, the keys a query
looks up always listing the chunks that match it, and the number lists' encoding.
(tests/test_search_scale.py drives the search page in Chromium.)"""

import json
import re

import pytest

from jiedu.output.search import INDEX_FILE, article_record
from jiedu.output.searchfiles import chunks_of
from jiedu.output.searchkeys import block_keys, decode_numbers, encode_numbers, shard_of
from jiedu.syllables import toneless

SCRIPT = re.compile(r'^jieduSearch\("(\w)",(\d+),(.*)\);$', re.M)


def load(site, path):
    kind, number, data = SCRIPT.search((site / path).read_text(encoding="utf-8")).groups()
    return json.loads(data)


def test_the_chunks_hold_every_block_in_both_scripts_with_pinyin(built_site, seed_article):
    script = (built_site / INDEX_FILE).read_text(encoding="utf-8")
    manifest = json.loads(script.split("var JIEDU_INDEX = ", 1)[1].rstrip().rstrip(";"))
    assert manifest["schema"] == "jiedu.search/2" and "<" not in script.split("*/", 1)[1]
    chunks = [load(built_site, f"search/c{n}.js") for n in range(manifest["chunks"])]
    blocks = [block for chunk in chunks for block in chunk["blocks"]]
    assert blocks == article_record(seed_article)["blocks"]
    assert [c["from"] for c in chunks] == [sum(len(c["blocks"]) for c in chunks[:i]) for i in range(len(chunks))]
    title = blocks[1]
    assert title[0] == "包头市作风积弊“大扫除”如火如荼" and title[1].startswith("包頭市")
    assert title[2].startswith("bao tou shi zuo feng") and title[3].startswith("Baotou")
    terms = [t for n in range(manifest["terms"]) for t in load(built_site, f"search/t{n}.js")]
    assert next(t for t in terms if t[0] == "ganbu")[1:4] == ["干部", "幹部", "gàn bù"]
    assert len(list(built_site.glob("search/k*.js"))) == manifest["shards"]


def test_every_key_is_in_its_shard(built_site, seed_article):
    manifest = json.loads((built_site / INDEX_FILE).read_text(encoding="utf-8").split(" = ", 1)[1].rstrip()[:-1])
    shards = {n: load(built_site, f"search/k{n}.js") for n in range(manifest["shards"])}
    for chunk_number, chunk in enumerate(chunks_of(article_record(seed_article))):
        keys: set[str] = set()
        for block in chunk["blocks"]:
            block_keys(block, keys)
        assert keys and all(chunk_number in decode_numbers(shards[shard_of(k, manifest["shards"])][k]) for k in keys)


def query_keys(query: str) -> set[str]:
    """The keys find.js looks up for a query (before it keeps three of each kind)."""
    q = query.lower()
    han = re.findall(r"[\u4e00-\u9fff]", q)
    if han:
        pairs = {a + b for a, b in zip(q, q[1:]) if re.fullmatch(r"[\u4e00-\u9fff]{2}", a + b)}
        return pairs or set(han)
    joined = re.sub(r"[\s'’·-]+|[1-5]", "", toneless(q, umlaut="v"))
    size, pinyin = min(len(q), 3), 6 if len(joined) >= 6 else min(len(joined), 3)
    english = {"e" + q[i:i + size] for i in range(len(q) - size + 1)} if size > 1 else set()
    return english | ({"p" + joined[:pinyin]} if pinyin > 1 else set())


@pytest.mark.parametrize("pick", range(6))
def test_a_block_holds_every_key_of_a_query_it_matches(seed_article, pick):
    """Queries cut from the block itself (its text, its Traditional form, its English,
    its pinyin from a syllable): each of their keys of that kind is among the block's."""
    for block in article_record(seed_article)["blocks"][pick::6]:
        keys: set[str] = set()
        block_keys(block, keys)
        syllables = block[2].split()
        queries = [block[0][3:9], block[1][2:5], block[3][5:17].lower(), block[3][8:10].lower(),
                   "".join(syllables[1:4]), " ".join(syllables[2:3]), syllables[0][:2] if syllables else ""]
        for query in filter(None, queries):
            wanted = query_keys(query)
            kind = {"e", "p"} if not re.search(r"[\u4e00-\u9fff]", query) else None
            assert (wanted <= keys) if kind is None else any(k in keys for k in wanted) or not wanted, (query, wanted - keys)


@pytest.mark.parametrize("numbers", [[], [0], [0, 1, 2, 40], [5, 31, 32, 33, 1000, 1_000_000], list(range(0, 5000, 7))])
def test_number_lists_round_trip(numbers):
    text = encode_numbers(numbers)
    assert decode_numbers(text) == numbers and re.fullmatch(r"[A-Za-z0-9_-]*", text)
    assert encode_numbers(list(range(100))) == "b" * 100  # a term in every chunk costs a letter each


def test_shards_hash_utf16_code_units_as_javascript_does():
    assert shard_of("a", 1 << 32) == 0xE40C292C  # FNV-1a of "a"
    assert shard_of("𠀀", 97) == shard_of("\ud840\udc00".encode("utf-16", "surrogatepass").decode("utf-16"), 97)
