"""Shortcuts taken for speed give exactly what the plain way gives."""

import json

from jiedu.export import article_data, indented_json
from jiedu.render import relative_url


def test_indented_json_is_json_dumps_indent_1(seed_article, resources):
    data = article_data(seed_article, resources.glossary)
    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=1)
    odd = {**data, "blocks": [{**data["blocks"][0], "words": []}, {**data["blocks"][1], "text": "\0words\0"}]}
    assert indented_json(odd) == json.dumps(odd, ensure_ascii=False, indent=1)


def test_relative_url_is_remembered_per_folder():
    assert relative_url("articles/x.html#b2", "vocabulary/x.html") == "../articles/x.html#b2"
    assert relative_url("articles/x.html#b3", "articles/y.html") == "x.html#b3"
    assert relative_url("index.html", "index.html") == "index.html"
