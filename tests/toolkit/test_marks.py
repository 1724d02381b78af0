"""Review marks in the chapter sources: changed words and facts marked in plain prose only, the
line count kept, Markdown structure never touched (those changes stay on the change page)."""

from __future__ import annotations

import re

from rapport.pipeline import changes, marks

OLD = """---
title: x
---
# Resultater

Av de {{< var svar.n >}} som svarte, var {{< var svar.andel >}} fornøyde.
Tiltaket ble gjennomført om høsten.

| Region | Andel |
|---|---|
| Nord | 67 % |

- et punkt om høsten
"""


def edited(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def facts_changed(*keys: str) -> list[changes.FactChange]:
    return [changes.FactChange(k, "63 prosent", "65 prosent", ()) for k in keys]


def marked(new: str, facts: list[changes.FactChange] | None = None) -> marks.Marked:
    found = changes.Changes(facts=facts or [])
    hunks = changes.prose_hunks(OLD, new)
    if hunks:
        found.prose["chapters/01-a.qmd"] = hunks
    return marks.mark_chapters(found, {"chapters/01-a.qmd": OLD}, {"chapters/01-a.qmd": new})


def test_a_changed_word_in_prose_is_marked_with_words_for_screen_readers():
    new = edited(OLD, [("gjennomført om høsten.", "gjennomført om våren.")])
    out = marked(new)
    text = out.texts["chapters/01-a.qmd"]
    assert text.count("\n") == new.count("\n")
    assert ('<del class="rapport-endring"><span class="visually-hidden">Fjernet tekst: </span>'
            'høsten.</del> <ins class="rapport-endring" id="endring-tekst-01-a-1"><span '
            'class="visually-hidden">Ny tekst: </span>våren.</ins>') in text
    assert out.prose == {("chapters/01-a.qmd", 0): "01-a.html#endring-tekst-01-a-1"}
    assert out.count == 1


def test_changes_in_a_table_a_list_or_a_heading_are_not_marked():
    new = edited(OLD, [("| Nord | 67 % |", "| Nord | 78 % |"),
                       ("- et punkt om høsten", "- et punkt om våren"),
                       ("# Resultater", "# Resultatene")])
    out = marked(new)
    assert len(changes.prose_hunks(OLD, new)) == 3  # the change page still lists all three
    assert out.texts == {} and out.count == 0


def test_every_use_of_a_changed_fact_is_marked_with_the_old_value_in_words():
    new = OLD
    out = marked(new, facts_changed("svar.andel"))
    text = out.texts["chapters/01-a.qmd"]
    assert re.findall(r"<mark [^>]*>(.*?)</mark>", text) == [
        '{{< var svar.andel >}}<span class="rapport-for"> (før: 63 prosent)</span>']
    assert "{{< var svar.n >}} som" in text  # the unchanged fact is left alone
    assert out.facts == {("svar.andel", "chapters/01-a.qmd:6"):
                         "01-a.html#endring-tall-svar-andel-1"}


def test_a_fact_inside_an_attribute_is_not_marked():
    new = OLD.replace("Tiltaket ble", '[Tiltaket]{title="{{< var svar.andel >}}"} ble')
    out = marked(new, facts_changed("svar.andel"))
    text = out.texts["chapters/01-a.qmd"]
    assert text.count("<mark ") == 1
    assert 'title="{{< var svar.andel >}}"' in text
