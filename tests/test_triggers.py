"""The reading rules' triggers (jiedu/stages/triggers.py): the annotate stage skips the
rules for a word with none of their characters or tags, so each trigger must cover every
word its rule can change."""

import pytest

from jiedu.model import Word
from jiedu.stages.names import name_capitals
from jiedu.stages.rules import RULES
from jiedu.stages.triggers import ANY_TRIGGER, TRIGGERS, untouched

CHECKED = [(name, rule) for name, rule in RULES if name in TRIGGERS]
CHECKED += [("personal_names", name_capitals)]  # what apply_rules runs instead for a name a dictionary knows


def test_every_rule_has_a_trigger():
    """Without one, untouched() is always False: correct, but every word runs every rule."""
    missing = [name for name, _ in RULES if name not in TRIGGERS]
    assert not missing, f"list these rules' characters and tags in jiedu/stages/triggers.py: {missing}"
    assert ANY_TRIGGER is not None


@pytest.mark.parametrize("name, rule", CHECKED, ids=[f"{name}-{rule.__name__}" for name, rule in CHECKED])
def test_a_rule_leaves_words_without_its_trigger_alone(resources, seed_article, name, rule):
    """Each word of the seed in its own block, under every tag jieba or the seed gives it
    (but the rule's own): without the rule's characters, its syllables stay as they are."""
    characters, tags = TRIGGERS[name]
    all_tags = set(getattr(resources.segmenter.tagger, "word_tag_tab", {}).values())
    all_tags |= {w.tag for block in seed_article.blocks for w in block.words} | {"nr", "ns", "v", "a", "d", "m"}
    checked = 0
    for block in seed_article.blocks:
        for index, word in enumerate(block.words):
            if not word.pinyin or set(characters) & set(word.text):
                continue
            for tag in sorted(all_tags - set(tags)):
                retagged = block.words[:index] + (Word(word.text, word.trad, (), None, tag),) + block.words[index + 1:]
                assert rule(retagged, index, word.pinyin) == word.pinyin, (name, word.text, tag)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("text, tag, expected", [
    ("发展", "v", True),
    ("为", "p", False),
    ("一起", "d", False),
    ("下调", "v", False),
    ("李强", "nr", False),
    ("包头", "ns", False),
    ("包头", "n", True),
])
def test_untouched(text, tag, expected):
    assert untouched(Word(text, text, (), None, tag)) is expected
