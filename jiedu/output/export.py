"""The annotated article as JSON data (schema documented in the README)."""

import json
from json.encoder import encode_basestring

from ..lexicon.glossary import Glossary
from ..model import Article, Edit, Finding, Word

SCHEMA = "jiedu.article/1"
TITLE = 100
"""The longest title used as the article's name (page title, index, Anki notes, search)."""


def edit_record(edit: Edit) -> dict:
    place = edit.place
    record = {"line": place.line, "column": place.column, "original": edit.original,
              "replacement": edit.replacement}
    if edit.kind == "artifact":
        record["reading"] = edit.note
    elif edit.kind == "repair":
        record["note"] = edit.note
    return record


def finding_record(finding: Finding) -> dict:
    return {"file": finding.place.path, "line": finding.place.line, "column": finding.place.column,
            "code": finding.code, "message": finding.message}


def word_record(word: Word) -> dict:
    record = {"text": word.text, "trad": word.trad, "pinyin": list(word.pinyin), "term": word.term}
    if word.sandhi:
        record["sandhi"] = list(word.sandhi)
    return record


def shared_record(word: Word, records: dict) -> dict:
    """`word_record(word)`: the same dict for every word with the same fields."""
    key = word.text, word.trad, word.pinyin, word.term, word.sandhi  # a tuple: hashed and compared in C
    record = records.get(key)
    if record is None:
        record = records[key] = word_record(word)
    return record


def article_data(article: Article, glossary: Glossary) -> dict:
    """The article as plain data; a recurring word's record is one dict, shared (and
    `indented_json` encodes each record once)."""
    meta, records = article.source.meta, {}
    edits = article.cleaned.edits
    return {
        "schema": SCHEMA,
        "slug": article.source.slug,
        "title": article_title(article),
        "title_en": meta.get("title_en"),
        "meta": {key: meta.get(key) for key in ("date", "publisher", "authors", "source_url", "script", "rights")},
        "blocks": [
            {"id": f"b{n}", "kind": b.kind, "text": b.text, "trad": b.trad, "translation": b.translation,
             "words": [shared_record(w, records) for w in b.words]}
            for n, b in enumerate(article.blocks, 1)
        ],
        "cleaning": {
            kind: [edit_record(e) for e in edits if e.kind == kind] for kind in ("artifact", "repair", "punctuation")
        } | {"findings": [finding_record(f) for f in article.findings],
             "disagreements": [{"line": d.place.line, "column": d.place.column, "char": d.char,
                                "source_reading": d.claimed, "jiedu_reading": d.ours, "context": d.context}
                               for d in article.disagreements]},
    }


def article_title(article: Article, trad: bool = False) -> str:
    """The title block's text (its Traditional form if `trad`), else meta's title, else the
    slug; cut to TITLE characters: a source whose first line is all its text would put
    all of it in every Anki note."""
    title = next((b.trad if trad else b.text for b in article.blocks if b.kind == "title"), None)
    title = str(article.source.meta.get("title", article.source.slug)) if title is None else title
    return title if len(title) <= TITLE else title[:TITLE - 1] + "…"


def article_json(article: Article, glossary: Glossary) -> str:
    """Readable UTF-8 JSON; < > & escaped so the data is safe to inline in HTML too."""
    return inline_safe(indented_json(article_data(article, glossary))) + "\n"


def indented_json(data: dict) -> str:
    """The text of `json.dumps(data, ensure_ascii=False, indent=1)` for `article_data`,
    faster: json's C encoder cannot indent and its Python one is slow, so each word record
    (`article_data` shares a recurring word's) is encoded once and put in place of its
    block's word list."""
    blocks, seen, holder = data["blocks"], {}, "\0words\0"
    text = json.dumps({**data, "blocks": [{**b, "words": holder} for b in blocks]}, ensure_ascii=False, indent=1)
    pieces = text.split(json.dumps(holder))
    if len(pieces) != len(blocks) + 1:  # the placeholder occurs in the text itself
        return json.dumps(data, ensure_ascii=False, indent=1)
    lists = [_word_list(block["words"], seen) for block in blocks]
    return pieces[0] + "".join(words + piece for words, piece in zip(lists, pieces[1:]))


def _word_list(records: list[dict], seen: dict) -> str:
    """The list as json.dumps(indent=1) writes it at its depth (inside a block)."""
    if not records:
        return "[]"
    items = []
    for record in records:
        key = id(record)  # every record stays alive in `data` meanwhile: no two share an id
        if key not in seen:
            seen[key] = _word_json(record)
        items.append(seen[key])
    return "[\n" + ",\n".join(items) + "\n   ]"


def _word_json(record: dict) -> str:
    """`json.dumps(record, ensure_ascii=False, indent=1)` indented by four more spaces,
    written out here for records of strings, None and lists of strings (what
    `word_record` makes): json's indenting encoder is Python, twenty times slower."""
    fields = []
    for name, value in record.items():
        if value is None:
            fields.append(f'     {encode_basestring(name)}: null')
        elif isinstance(value, str):
            fields.append(f'     {encode_basestring(name)}: {encode_basestring(value)}')
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            items = ",\n      ".join(map(encode_basestring, value))
            fields.append(f'     {encode_basestring(name)}: ' + (f"[\n      {items}\n     ]" if value else "[]"))
        else:
            return "    " + json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n    ")
    return "    {\n" + ",\n".join(fields) + "\n    }"


def inline_json(data) -> str:
    """Compact JSON that can sit inside <script> in HTML: no `</script>`, no `<!--`, no entity."""
    return inline_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def inline_safe(text: str) -> str:
    """JSON text with < > & as \\u escapes (still the same JSON value)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
