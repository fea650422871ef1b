"""Build results as plain JSON, and back: data that cannot run code when it is read.

Every value is written as JSON: strings, numbers, booleans, None and lists as
themselves; anything else as an object with one key naming what it is, e.g.
`{"tuple": [...]}`, `{"dict": [[key, value], ...]}`, `{"Word": [text, trad, ...]}`.
Reading turns such an object back into a value only through the tables below: a
dataclass named in the file is looked up among the `classes()` listed here, never
imported by name, so a file can only ever make the values jiedu itself stores.

A dataclass's fields are written as declared, which keeps an article's file small and
quick to read; each saving is exact, and checked as it is written. A field declared
`tuple[X, ...]` (X a scalar, a listed dataclass or a tuple of scalars: a word's
syllables, a block's words) is a bare array, made a tuple again by its class. A long
string in a field declared `str` (a sentence, repeated in each of its words'
vocabulary items) is written once, on a first line of its own, and referred to by number.
"""

import dataclasses
import datetime
import json
import typing
from functools import cache
from itertools import chain
from operator import attrgetter

from ..lexicon.vocabulary import VocabularyItem
from ..model import Article, Block, Cleaned, Edit, Finding, Place, Source, Word
from ..output.digest import Digest
from ..stages.crosscheck import Disagreement
from ..stages.overrides import Overrides, ReadingOverride, SplitOverride
from .result import BuildResult
from .write import Written

SHARED = 16
"""Strings at least this long are written once and referred to by number."""
SCALARS = frozenset((str, int, float, bool, type(None)))
DATES = {kind.__name__: kind.fromisoformat for kind in (datetime.datetime, datetime.date, datetime.time)}
BUILDERS = {"tuple": tuple, "dict": dict, "frozenset": frozenset, "set": set, **DATES}
COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


class Damaged(ValueError):
    """The text is not a value this module wrote."""


@cache
def classes() -> dict[str, type]:
    """Tag -> class of every dataclass a cache file may hold (a new one an Article or
    Digest holds must be listed)."""
    known = (Article, Block, Cleaned, Edit, Finding, Place, Source, Word, Disagreement, VocabularyItem, Digest,
             Overrides, ReadingOverride, SplitOverride, Written, BuildResult)
    return {kind.__name__: kind for kind in known}


@dataclasses.dataclass(frozen=True)
class Layout:
    """One dataclass's fields by sort (`_sort`), as positions."""

    kind: type
    size: int
    values: typing.Callable
    strings: tuple[int, ...]
    """`str` or `str | None`: a long one as its number in the strings line."""
    arrays: tuple[int, ...]
    """`tuple[X, ...]` of scalars or listed dataclasses: a bare array."""
    pairs: tuple[int, ...]
    """`tuple[tuple[scalar, ...], ...]`: an array of arrays."""
    others: tuple[int, ...]
    """Anything else (dict, an undeclared tuple, a dataclass): self-described."""
    checked: tuple[tuple[str, int], ...]
    """(sort, position) of the fields written as they are, checked to be what they declare."""


@cache
def layout(kind: type) -> Layout:
    hints = typing.get_type_hints(kind)
    names = tuple(field.name for field in dataclasses.fields(kind))
    sorts = [_sort(hints[name]) for name in names]
    where = lambda sort: tuple(i for i, found in enumerate(sorts) if found == sort)  # noqa: E731
    values = attrgetter(*names) if len(names) > 1 else lambda value: (getattr(value, names[0]),)
    return Layout(kind, len(names), values, where("string"), where("array"), where("pairs"), where("other"),
                  tuple((sort, i) for i, sort in enumerate(sorts) if sort in ("scalar", "array", "pairs")))


def _sort(hint) -> str:
    options = set(typing.get_args(hint)) if typing.get_origin(hint) in (typing.Union, type(str | None)) else {hint}
    if options <= SCALARS:
        return "string" if options in ({str}, {str, type(None)}) else "scalar"
    args = typing.get_args(hint)
    if typing.get_origin(hint) is not tuple or len(args) != 2 or args[1] is not Ellipsis:
        return "other"
    if args[0] in SCALARS or args[0] in classes().values():
        return "array"
    inner = set(typing.get_args(args[0])) - {Ellipsis}
    return "pairs" if typing.get_origin(args[0]) is tuple and inner and inner <= SCALARS else "other"


def dumps(value) -> str:
    """`value` as two lines of JSON; TypeError for a value of a kind not listed here."""
    writer = _Writer()
    body = json.dumps(writer.plain(value), default=writer.tagged, **COMPACT)
    return json.dumps(writer.strings, **COMPACT) + "\n" + body


def loads(text: str):
    """The value `dumps` wrote; `Damaged` for anything else."""
    try:
        strings, body = text.split("\n")
        strings = json.loads(strings)
        if type(strings) is not list:
            raise Damaged("no line of strings")
        return json.loads(body, object_hook=_Reader(strings).rebuilt)
    except Damaged:
        raise
    except (ValueError, TypeError, IndexError, RecursionError) as error:
        raise Damaged(f"{type(error).__name__}: {error}") from None


class _Writer:
    def __init__(self):
        self.strings: list[str] = []
        self.numbers: dict[str, int] = {}
        self.layouts = {kind: layout(kind) for kind in classes().values()}
        self.items = SCALARS | self.layouts.keys()
        """What a bare array may hold: json.dumps writes these itself (dataclasses by `tagged`)."""
        self.checks = {
            "scalar": lambda item: type(item) in SCALARS,
            "array": lambda items: type(items) is tuple and self.items.issuperset(map(type, items)),
            "pairs": lambda items: type(items) is tuple and all(type(pair) is tuple for pair in items)
            and SCALARS.issuperset(map(type, chain.from_iterable(items)))}

    def plain(self, value):
        """`value` as lists, scalars and one-key objects; a listed dataclass is left as it
        is, for json.dumps to hand to `tagged`."""
        kind = type(value)
        if kind in self.items:
            return value
        if kind is list:
            return [self.plain(item) for item in value]
        if kind is tuple:
            return {"tuple": [self.plain(item) for item in value]}
        if kind is dict:
            return {"dict": [[self.plain(key), self.plain(item)] for key, item in value.items()]}
        if kind is frozenset or kind is set:  # sorted: the same set is always written the same
            return {kind.__name__: sorted((self.plain(item) for item in value), key=repr)}
        if kind.__name__ in DATES and kind.__module__ == "datetime":
            return {kind.__name__: value.isoformat()}
        raise TypeError(f"cannot store a {kind.__module__}.{kind.__qualname__} in the cache")

    def tagged(self, value) -> dict:
        """A listed dataclass as {its name: [its fields]}."""
        kind = type(value)
        if kind not in self.layouts:
            raise TypeError(f"cannot store a {kind.__module__}.{kind.__qualname__}: not in plainvalues.classes()")
        places = self.layouts[kind]
        values = list(places.values(value))
        for index in places.strings:
            text = values[index]
            if type(text) is str and len(text) >= SHARED:
                values[index] = self.number(text)
            elif text is not None and type(text) is not str:
                raise TypeError(f"{kind.__name__}: a field declared str holds {text!r:.80}")
        if not all(self.checks[sort](values[i]) for sort, i in places.checked):
            raise TypeError(f"{kind.__name__}: a field does not hold what it declares: {value!r:.200}")
        for index in places.others:
            values[index] = self.plain(values[index])
        return {kind.__name__: values}

    def number(self, text: str) -> int:
        if text not in self.numbers:
            self.numbers[text] = len(self.strings)
            self.strings.append(text)
        return self.numbers[text]


class _Reader:
    def __init__(self, strings: list):
        self.strings = strings
        self.layouts = {name: layout(kind) for name, kind in classes().items()}

    def rebuilt(self, tagged: dict):
        """One JSON object, its contents already rebuilt (json calls this innermost first)."""
        if len(tagged) != 1:
            raise Damaged(f"an object with {len(tagged)} keys")
        (tag, contents), = tagged.items()
        places = self.layouts.get(tag)
        if places is None and tag in BUILDERS:
            return BUILDERS[tag](contents)
        if places is None or type(contents) is not list or len(contents) != places.size:
            raise Damaged(f"not a value jiedu stores: {tag!r}")
        for index in places.strings:
            if type(contents[index]) is int:
                contents[index] = self.strings[contents[index]]
        for index in places.arrays:
            contents[index] = tuple(contents[index])
        for index in places.pairs:
            contents[index] = tuple(map(tuple, contents[index]))
        return places.kind(*contents)
