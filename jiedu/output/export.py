"""The annotated article as JSON data (schema documented in the README): compact, one
line, each word an array (`word_record`), each cleaning edit an array (`edit_record`)."""

import json

from ..lexicon.glossary import Glossary
from ..model import Article, Edit, Finding, Word

SCHEMA = "jiedu.article/2"
TITLE = 100
"""The longest title used as the article's name (page title, index, Anki notes, search)."""
EDIT_FIELDS = ("line", "column", "original", "replacement", "note")
"""An edit's array, in this order; `note` (an artifact's reading, a repair's note) only
where it has one."""
WORD_FIELDS = ("text", "pinyin", "term", "trad", "sandhi")
"""A word's array, in this order, cut after its last field that says something: pinyin
as syllables joined by spaces ("" for none), term null for none, trad and sandhi only
where they differ from text and pinyin."""


def edit_record(edit: Edit) -> list:
    place = edit.place
    record = [place.line, place.column, edit.original, edit.replacement]
    return record + [edit.note] if edit.kind in ("artifact", "repair") else record


def finding_record(finding: Finding) -> dict:
    return {"file": finding.place.path, "line": finding.place.line, "column": finding.place.column,
            "code": finding.code, "message": finding.message}


def word_record(word: Word) -> list:
    """[text, pinyin, term, trad, sandhi] without the trailing fields that add nothing."""
    record = [word.text, " ".join(word.pinyin), word.term,
              word.trad if word.trad != word.text else None, " ".join(word.sandhi) if word.sandhi else None]
    while len(record) > 1 and not record[-1]:
        record.pop()
    return record


def word_fields(record: list) -> dict:
    """A word's array read back, every field filled: what a consumer of the JSON does."""
    text, pinyin, term, trad, sandhi = record + [None] * (len(WORD_FIELDS) - len(record))
    return {"text": text, "pinyin": (pinyin or "").split(), "term": term, "trad": trad or text,
            "sandhi": sandhi.split() if sandhi else []}


def article_data(article: Article, glossary: Glossary) -> dict:
    """The article as plain data."""
    meta, edits, records = article.source.meta, article.cleaned.edits, {}
    return {
        "schema": SCHEMA,
        "slug": article.source.slug,
        "title": article_title(article),
        "title_en": meta.get("title_en"),
        "meta": {key: meta.get(key) for key in ("date", "publisher", "authors", "source_url", "script", "rights")},
        "blocks": [
            {"id": f"b{n}", "kind": b.kind, "text": b.text, "trad": b.trad, "translation": b.translation,
             "words": [_shared(w, records) for w in b.words]}
            for n, b in enumerate(article.blocks, 1)
        ],
        "cleaning": {
            kind: [edit_record(e) for e in edits if e.kind == kind] for kind in ("artifact", "repair", "punctuation")
        } | {"findings": [finding_record(f) for f in article.findings],
             "disagreements": [{"line": d.place.line, "column": d.place.column, "char": d.char,
                                "source_reading": d.claimed, "jiedu_reading": d.ours, "context": d.context}
                               for d in article.disagreements]},
    }


def _shared(word: Word, records: dict) -> list:
    """`word_record(word)`, made once per distinct word."""
    key = word.text, word.trad, word.pinyin, word.term, word.sandhi  # a tuple: hashed and compared in C
    record = records.get(key)
    if record is None:
        record = records[key] = word_record(word)
    return record


def article_title(article: Article, trad: bool = False) -> str:
    """The title block's text (its Traditional form if `trad`), else meta's title, else the
    slug; cut to TITLE characters: a source whose first line is all its text would put
    all of it in every Anki note."""
    title = next((b.trad if trad else b.text for b in article.blocks if b.kind == "title"), None)
    title = str(article.source.meta.get("title", article.source.slug)) if title is None else title
    return title if len(title) <= TITLE else title[:TITLE - 1] + "…"


def article_json(article: Article, glossary: Glossary) -> str:
    """Compact UTF-8 JSON, one line; < > & escaped so the data is safe to inline in HTML too."""
    return inline_json(article_data(article, glossary)) + "\n"


def inline_json(data) -> str:
    """Compact JSON that can sit inside <script> in HTML: no `</script>`, no `<!--`, no entity."""
    return inline_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def inline_safe(text: str) -> str:
    """JSON text with < > & as \\u escapes (still the same JSON value)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
