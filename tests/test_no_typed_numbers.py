"""No number that comes from data is typed into the prose.

Every chapter is scanned for digits after removing what may hold them: shortcodes
(`{{< var … >}}`, `{{< include … >}}`), cross-references and citations, attributes, comments,
URLs and years. What is left must be on the list below, each with its reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FILES = [REPO / "index.qmd", *sorted((REPO / "chapters").glob("*.qmd"))]

LAW = "a paragraph or regulation number (folketrygdloven § 8-7a, forskriften §§ 1–6, nr. 1105)"
LIST = "a numbered list label: research questions 1)–4), steps 1a–5, tracks (1)/(2)"
CATEGORY = "a category label from the codebook (size band «21 til 50», «over 100», age band)"
DEFINITION = "a definition in a regulation or the report's method (32 timer, 40 dager, 20 dager)"

ALLOWED: dict[str, dict[str, str]] = {
    "index.qmd": {"10.": "the signature date «10. juni 2024»"},
    "chapters/01-bakgrunn.qmd": {
        **{d: LIST for d in ("1", "2", "3", "4", "1)", "2)", "3)", "4)")},
        "5.^[Kravet": LAW, "6": LAW, "8-7a": LAW, "9a.": LAW, "22-14": LAW,
    },
    "chapters/02-metode.qmd": {
        "(ICPC-2)": "the name of the diagnosis classification",
        **{d: LIST for d in ("1", "1a", "1b", "2:**", "3:**", "4:**", "5:**")},
        "21": CATEGORY, "50": CATEGORY, "100": CATEGORY,
    },
    "chapters/03-bruk.qmd": {
        "1,96·√(p(1": "the z value of the margin-of-error formula",
        "21": CATEGORY, "50": CATEGORY, "100": CATEGORY, "40": CATEGORY, "54": CATEGORY,
    },
    "chapters/04-innhold.qmd": {"«24-timersmennesket».": "an informant's expression"},
    "chapters/05-virkninger.qmd": {
        "1-prosentnivået": "the conventional significance level the report names",
        "20": DEFINITION, "32": DEFINITION, "40": DEFINITION,
    },
    "chapters/06-utproving.qmd": {"5,": LAW, "6": LAW, "9": LAW, "9a,": LAW},
    "chapters/07-vurderinger.qmd": {"(1)": LIST, "(2)": LIST, "2": LIST, "3": LIST},
    "chapters/a1-kravspesifikasjon.qmd": {"1105": LAW, "29.": "the regulation's date"},
    "chapters/a2-avvik.qmd": {
        **{d: "a table or chapter number of the published report, named in the deviations list"
           for d in ("2", "3.1", "4", "5", "6", "7,")},
    },
    "chapters/a4-galleri.qmd": {"`notebooks/99-galleri.py`.": "a file name"},
}


def typed_numbers(text: str) -> list[tuple[int, str]]:
    """(line, token) for every token with a digit that is not a shortcode, reference or year."""
    def blank(match: re.Match) -> str:  # keep line numbers
        return re.sub(r"[^\n]", " ", match.group(0))

    for pattern in (r"<!--.*?-->", r"\{\{<.*?>\}\}", r"\{[#.][^}]*\}", r"\[?-?@[\w:.-]+",
                    r"https?://\S+", r"\b(19|20)\d\d\b"):
        text = re.sub(pattern, blank, text, flags=re.S)
    return [(text[: m.start()].count("\n") + 1, m.group(0))
            for m in re.finditer(r"\S*\d\S*", text)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_number_from_data_is_typed(path: Path):
    rel = path.relative_to(REPO).as_posix()
    allowed = ALLOWED.get(rel, {})
    found = typed_numbers(path.read_text(encoding="utf-8"))
    typed = [f"{rel}:{line}: «{token}»" for line, token in found if token not in allowed]
    assert not typed, (
        "numbers typed into the prose; publish them as facts and use {{< var … >}}, or add them "
        "to ALLOWED with the reason:\n  " + "\n  ".join(typed))


def test_the_scan_catches_a_typed_number():
    assert typed_numbers("Det er gitt tilsagn for 34,7 millioner kroner.") == [(1, "34,7")]
    assert typed_numbers("I 2023 var det {{< var tilsagn.sum_2023 >}} (@tbl-x).") == []
