"""Which words the reading rules can change: each rule's trigger, so that the annotate
stage runs `apply_rules` only for the few words that hold one (most words hold none).

A trigger is (characters, tags): a rule leaves a word's syllables as they are unless the
word has one of its characters or one of its tags. A rule missing here (a new one in
rules.RULES) turns the skipping off until it is listed. tests/test_readings.py checks each
trigger on every word of the seed under every tag.
"""

from ..model import Word
from .rules import RULES
from .wordclass import ALONE

TRIGGERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "citation_tones": ("一不", ()),
    "wei_for": ("为", ()),
    "wei_after_verbs": ("为", ()),
    "yi_x_wei_y": ("为", ()),
    "adverbial_de": ("地", ()),
    "de_after_set_phrase": ("地", ()),
    "de_complement": ("得", ()),
    "by_part_of_speech": ("".join(ALONE), ()),
    "cha_short_of": ("差", ()),
    "pu_spread": ("铺", ()),
    "tiao_adjust": ("调", ()),  # 调 itself, 下调 and 上调 (wordclass.ADJUSTED)
    "meng_mongolia": ("蒙", ()),
    "gan_by_part_of_speech": ("干", ()),
    "hao_after_verbs": ("好", ()),
    "jin_alone": ("劲", ()),
    "jia_leave": ("假", ()),
    "zhong_heavy": ("重", ()),
    "personal_names": ("", ("nr",)),  # and name_capitals, which apply_rules may run instead
    "place_names": ("", ("ns",)),
}


def _any_trigger() -> tuple[frozenset[str], frozenset[str]] | None:
    """Every rule's characters and tags together; None when some rule has no trigger."""
    if any(name not in TRIGGERS for name, _rule in RULES):
        return None
    return (frozenset("".join(TRIGGERS[name][0] for name, _ in RULES)),
            frozenset(tag for name, _ in RULES for tag in TRIGGERS[name][1]))


ANY_TRIGGER = _any_trigger()


def untouched(word: Word) -> bool:
    """No rule can change this word's syllables: it has none of their characters or tags."""
    return ANY_TRIGGER is not None and word.tag not in ANY_TRIGGER[1] and ANY_TRIGGER[0].isdisjoint(word.text)
