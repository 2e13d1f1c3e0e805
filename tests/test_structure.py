"""Structure-aware units (issue 16 item 4): Markdown and template markup is code, and list
items, headings, table rows and blocks of short lines are units of their own."""

from __future__ import annotations

import pytest

import texthygiene
from texthygiene.clean import FRAGMENT_KINDS
from texthygiene.segment import line_ranges, tokenize
from texthygiene.structure import markup_as_code, unit_lines

HOST = (
    "Gisteren zijn we met de hele familie naar het strand geweest. Het water was nog koud, "
    "maar de kinderen hebben urenlang zandkastelen gebouwd."
)
AFTER = "Op de terugweg hebben we patat gegeten bij het kraampje op de boulevard."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('Zie {{< ref "docs/start" >}} hier', ['{{< ref "docs/start" >}}']),
        ("{{count}} reacties", ["{{count}}"]),
        ("Controversieel: {value}", ["{value}"]),
        ("Lees [de gids](docs/start) eerst", ["](docs/start)"]),
        ('Tekst <abbr title="x y">GIF</abbr> hier', ['<abbr title="x y">', "</abbr>"]),
        ('Eerst\n```toml\ntheme = "congo"\n```\nDan', ["```toml", 'theme = "congo"', "```"]),
        ("---\ntitle: Over ons\n---\nTekst", ["---", "title: Over ons", "---"]),
        ("Gewone tekst zonder opmaak, 3 < 4 en 5 > 2.", []),
    ],
)
def test_markup_is_code(text: str, code: list[str]) -> None:
    tokens = markup_as_code(text, tokenize(text))
    assert [t.text for t in tokens if t.kind == "code"] == code
    assert "".join(t.text for t in tokens) == text  # the tokens still tile the text


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("- een schop\n- een gieter", [True, True]),
        ("1. eerst\n2. dan", [True, True]),
        ("## Kopje\n\nTekst.", [True, False, False]),
        ("| naam | leeftijd |\n| Bob | 27 |", [True, True]),
        ("Start\nOver ons\nContact", [True, True, True]),
        # a block of short lines, most without a full stop: interface strings
        ("Annuleren\nGekopieerd!\nBericht verwijderd\nTerug naar boven", [True] * 4),
        # a lone line after a paragraph is where spam is pasted: no unit
        (f"{HOST}\nbonus casino online", [False, False]),
        (f"{HOST}\n\nbonus casino online\n\n{AFTER}", [False, False, False, False, False]),
        # short sentences with full stops are a paragraph, not a list
        ("Het regent.\nWe blijven thuis.\nbonus casino online", [False, False, False]),
    ],
)
def test_unit_lines(text: str, units: list[bool]) -> None:
    tokens = tokenize(text)
    assert unit_lines(text, tokens, line_ranges(tokens)) == units


def _fragments(report: texthygiene.Report) -> list[str]:
    return [f.text for f in report.findings if f.kind in FRAGMENT_KINDS]


@pytest.mark.parametrize(
    "text",
    [
        # widget strings with placeholders: each line a unit, the placeholders code
        "{{count}} reactie\n{{count}} reacties\nReageren\n{{count}} antwoorden\nVerbergen\n"
        "{{count}} stemmen voor\n{{count}} verborgen berichten\nEr ging iets mis: {{message}}",
        "- een goede schop\n- tuinhandschoenen\n- zaden voor de moestuin\n- een gieter",
    ],
)
def test_structure_is_not_flagged(text: str) -> None:
    assert _fragments(texthygiene.scan(text)) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"{HOST}\n\nbonus casino online gratis\n\n{AFTER}", "bonus casino online gratis"),
        (f"{HOST}\nкупить диплом недорого\n\n{AFTER}", "купить диплом недорого"),
        # spam terms in a list item are strong word evidence
        ("- een goede schop\n- bonus casino online gratis\n- een gieter", "casino online"),
    ],
)
def test_a_spam_line_is_still_found(text: str, found: str) -> None:
    assert any(found in fragment for fragment in _fragments(texthygiene.scan(text)))


def test_html_units_come_from_elements() -> None:
    items = "".join(f"<li>{item}</li>" for item in ("Startpagina", "Over ons", "stemmen voor"))
    html = f"<p>{HOST}</p><ul>{items}</ul>"
    assert _fragments(texthygiene.scan_html(html)) == []
