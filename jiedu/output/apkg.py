"""An .apkg file's bytes: genanki's collection database, in a zip dated by the caller.

genanki (pinned: this follows 0.13.1) writes the schema, the decks and the note types;
the notes and cards are written here with the statements genanki's `Note.write_to_db`
runs, in the same order, so the database is byte for byte the one genanki makes (the
golden site's decks check this). genanki's Note objects, their checks and property
look-ups took most of an article's deck time; the notes here come from `anki.py`,
already escaped and with their GUIDs.
"""

import copy
import io
import itertools
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

NOTE_ROW = "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);"
CARD_ROW = "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);"
NEW_CARD = (0, 0, 0, 0, 0, 0, 0, 0, "")
"""A new card's interval, ease, reviews, lapses, left, original due, original deck, flags, data."""


@dataclass(frozen=True, slots=True)
class Note:
    """What genanki.Note holds for a front/back note type: `fields` are HTML."""

    model: genanki.Model
    guid: str
    fields: list[str]
    tags: tuple[str, ...]
    """Without spaces (Anki separates tags with them): slugs and category ids are."""
    due: int = 0
    """Orders new cards."""


def package_bytes(decks: list[genanki.Deck], timestamp: int) -> bytes:
    """The .apkg: the collection, in a zip whose members all carry `timestamp`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        # A scratch file read back at once: waiting for the disk after each statement was
        # most of the time (journal and sync settings leave the file's bytes alone).
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA journal_mode = MEMORY")
        write_collection(connection.cursor(), decks, timestamp, itertools.count(timestamp * 1000))
        connection.commit()
        connection.close()
        collection = path.read_bytes()
    return zipped({"collection.anki2": collection, "media": b"{}"}, timestamp)


def write_collection(cursor, decks: list[genanki.Deck], timestamp: int, ids) -> None:
    """What `genanki.Package.write_to_db` writes: for each deck, genanki writes a copy
    without notes (the deck and its note types), then its notes follow."""
    cursor.executescript(APKG_SCHEMA)
    cursor.executescript(APKG_COL)
    for deck in decks:
        bare = copy.copy(deck)
        bare.notes, bare.models = [], dict(deck.models)
        for note in deck.notes:
            bare.add_model(note.model)
        bare.write_to_db(cursor, timestamp, ids)
        write_notes(cursor, deck.deck_id, deck.notes, int(timestamp), ids)


def write_notes(cursor, deck_id: int, notes: list[Note], mod: int, ids) -> None:
    """Each note's row, then its cards' rows, as `genanki.Note.write_to_db` does."""
    for note in notes:
        note_id, fields = next(ids), note.fields
        cursor.execute(NOTE_ROW, (note_id, note.guid, note.model.model_id, mod, -1, f" {' '.join(note.tags)} ",
                                  "\x1f".join(fields), fields[note.model.sort_field_index], 0, 0, ""))
        for card in card_ords(note.model, fields):  # type 0 and queue 0: new, not suspended
            cursor.execute(CARD_ROW, (next(ids), note_id, deck_id, card, mod, -1, 0, 0, note.due, *NEW_CARD))


def card_ords(model: genanki.Model, fields: list[str]) -> list[int]:
    """The note's cards, as genanki's `Note._front_back_cards`: a template whose required
    fields (genanki's `_req`, remembered on the model) are filled."""
    test = {"any": any, "all": all}
    return [card for card, mode, required in model._req if test[mode](fields[i] for i in required)]


def zipped(members: dict[str, bytes], timestamp: int) -> bytes:
    stamp = max(time.gmtime(timestamp)[:6], (1980, 1, 1, 0, 0, 0))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
