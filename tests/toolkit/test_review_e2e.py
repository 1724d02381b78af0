"""Acceptance test of the review tools: the toolkit's review fixture (fixtures/review_book, a
small report with a notebook and a survey file) is built, marked as the baseline, then built
again with one survey answer and one sentence changed. The change summary (CI), the change page
and the marked chapter pages of the preview must show exactly those consequences, nothing
else, and the published book must carry none of it.

The expected consequences are computed here from the survey file with plain pandas (and the
codebook's labels read with PyYAML), independently of the notebook and of the comparison code.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from rapport.pipeline import cli, review
from tests.conftest import pdf_text
from tests.review_cycle import digits, pct, review_cycle

FIXTURE = Path(__file__).parent / "fixtures" / "review_book"
EXTENSION = Path(__file__).resolve().parents[2] / "_extensions"
SURVEY = "data/raw/svar.csv"
CHAPTER = "chapters/01-resultater.qmd"
# The two edits: respondent 2 (region Nord) changes the answer 3 to 5, and one sentence in
# chapter 1 changes one word.
ANSWER = ("2,1,3\n", "2,1,5\n")
pytestmark = pytest.mark.slow  # two builds with a notebook run (about a minute)

SENTENCE = ("Deltakerne ble spurt om tiltaket i løpet av høsten.",
            "Deltakerne ble spurt om tiltaket i løpet av våren.")


def expected_from_survey(root: Path) -> dict:
    """What the report shows of the survey file, computed with plain pandas."""
    data = pd.read_csv(root / SURVEY)
    codebook = yaml.safe_load((root / "data/codebook/svar.yml").read_text(encoding="utf-8"))
    answers = next(c for c in codebook["columns"] if c["name"] == "q_fornoyd")["codes"]
    regions = yaml.safe_load((root / "data/codebook/codes.yml").read_text(
        encoding="utf-8"))["region"]["codes"]
    counts = data["q_fornoyd"].value_counts()
    satisfied = data["q_fornoyd"].isin([4, 5])
    return {
        "facts": {
            "svar.n": str(len(data)),
            "svar.fornoyd": str(pct(satisfied.mean())),
            "svar.misfornoyd": str(pct(data["q_fornoyd"].isin([1, 2]).mean())),
        },
        "answers": {answers[code]: (int(counts.get(code, 0)), float(counts.get(code, 0) / len(data)))
                    for code in answers},
        "per_region": {regions[code]: str(len(group)) for code, group in data.groupby("region")},
        "satisfied_per_region": {regions[code]: str(pct(group.isin([4, 5]).mean()))
                                 for code, group in data.groupby("region")["q_fornoyd"]},
    }


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> dict:
    """Build, mark the baseline, edit, build again, render the preview with its review marks."""
    root = tmp_path_factory.mktemp("review") / "rapport"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(EXTENSION, root / "_extensions")
    return review_cycle(root, expected_from_survey, survey=SURVEY, answer=ANSWER,
                        chapter=CHAPTER, sentence=SENTENCE)


def expected_consequences(before: dict, after: dict) -> dict:
    """The consequences the two edits must have, from the two pandas computations."""
    facts = {k for k in before["facts"] if before["facts"][k] != after["facts"][k]}
    figure = set()
    for label, (count, share) in after["answers"].items():
        old_count, old_share = before["answers"][label]
        if count != old_count:
            figure.add((label, "count", str(old_count), str(count)))
        if share != old_share:
            figure.add((label, "share", repr(old_share), repr(share)))
    regions = {(label, before["satisfied_per_region"][label], value)
               for label, value in after["satisfied_per_region"].items()
               if value != before["satisfied_per_region"][label]}
    unchanged_counts = before["per_region"] == after["per_region"]
    return {"facts": facts, "figure": figure, "regions": regions,
            "unchanged_counts": unchanged_counts}


def test_the_edit_has_the_expected_size(reviewed):
    """The premise: one answer moves one share fact, two figure categories and one region."""
    want = expected_consequences(reviewed["before"], reviewed["after"])
    assert want["facts"] == {"svar.fornoyd"}
    assert len(want["figure"]) == 4 and len(want["regions"]) == 1
    assert want["unchanged_counts"]


def test_the_comparison_finds_exactly_the_consequences(reviewed):
    found, before, after = reviewed["changes"], reviewed["before"], reviewed["after"]
    want = expected_consequences(before, after)
    assert {f.key for f in found.facts} == want["facts"]
    for f in found.facts:
        assert digits(f.old) == before["facts"][f.key] and digits(f.new) == after["facts"][f.key]
        assert f.used == (f"{CHAPTER}:3",)
    assert found.added == [] and found.removed == []
    by_id = {ex.ident: ex for ex in found.exhibits}
    assert set(by_id) == {"fig-fornoyd", "tbl-fornoyd-per-region"}
    figure = by_id["fig-fornoyd"]
    assert figure.text == []
    assert {(c.row, c.column) for c in figure.cells} == {(r, c) for r, c, _, _ in want["figure"]}
    for c in figure.cells:
        (_, _, old, new), = [w for w in want["figure"] if w[:2] == (c.row, c.column)]
        assert float(c.old) == float(old) and float(c.new) == float(new)
    table = by_id["tbl-fornoyd-per-region"]
    assert table.text == []
    assert [(c.row, digits(c.old), digits(c.new)) for c in table.cells] == sorted(want["regions"])
    assert list(found.prose) == [CHAPTER]
    (hunk,) = found.prose[CHAPTER]
    assert (hunk.removed, hunk.added) == ("høsten.", "våren.")


def test_ci_summary_goes_to_the_step_summary_and_the_artifact(reviewed, tmp_path, monkeypatch):
    root = reviewed["root"]
    summary = tmp_path / "step-summary.md"
    summary.write_text("# Tidligere steg\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    artifact = tmp_path / "endringer.md"
    text = review.cmd_changes(root, cli.load_config(root), out=artifact, label="forrige bygg")
    assert artifact.read_text(encoding="utf-8") == text
    assert summary.read_text(encoding="utf-8") == "# Tidligere steg\n" + text + "\n"
    before, after = reviewed["before"], reviewed["after"]
    want = expected_consequences(before, after)
    assert text.startswith("## Endringer i rapporten siden forrige bygg\n")
    rows = [line for line in text.splitlines()
            if line.startswith("| ") and not line.startswith(("| nøkkel", "| rad"))]
    assert len(rows) == len(want["facts"]) + len(want["figure"]) + len(want["regions"])
    old, new = before["facts"]["svar.fornoyd"], after["facts"]["svar.fornoyd"]
    assert re.search(rf"\| `svar\.fornoyd` \| {old}\D[^|]*\| {new}\D[^|]*\| {CHAPTER}:3 \|", text)
    (region, old_pct, new_pct), = want["regions"]
    assert re.search(rf"\| {region} \| Andel fornøyde \| {old_pct}\D+ \| {new_pct}\D+ \|", text)
    assert [line for line in text.splitlines() if line.startswith("- …")] == [
        "- …spurt om tiltaket i løpet av ~~høsten.~~ **våren.** Svarene viser et tydelig "
        "mønster.…"]
    assert ("Endret: 1 tall i teksten, 2 tabeller og figurer, tekst i 1 kapittel."
            in text.splitlines())
    for untouched in ("svar.n", "svar.misfornoyd", "tbl-svar-per-region", "02-regioner",
                      "index.qmd"):
        assert untouched not in text, untouched


def _pages(site: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(site.glob("*.html"))}


def test_preview_change_page_is_linked_from_every_page(reviewed):
    site = reviewed["root"] / review.PREVIEW_SITE
    pages = _pages(site)
    assert set(pages) == {"index.html", "01-resultater.html", "02-regioner.html",
                          "endringer.html"}
    for name, text in pages.items():
        assert text.count('href="endringer.html">Endringer siden versjon 1</a> (4 endringer)') == 1, name
    page = pages["endringer.html"]
    assert "<title>Endringer siden versjon 1</title>" in page
    assert '<h1 id="endringer">Endringer siden versjon 1</h1>' in page
    want = expected_consequences(reviewed["before"], reviewed["after"])
    facts = re.search(r'<section id="endringer-tall">.*?</section>', page, re.S).group(0)
    assert facts.count('<th scope="row">') == len(want["facts"])
    assert 'href="01-resultater.html#endring-tall-svar-fornoyd-1"' in facts
    for ident, count in (("fig-fornoyd", len(want["figure"])),
                         ("tbl-fornoyd-per-region", len(want["regions"]))):
        section = re.search(rf'<section id="endring-{ident}".*?</section>', page, re.S).group(0)
        assert section.count('<th scope="row">') == count, ident
    assert 'id="endring-tbl-svar-per-region"' not in page
    images = re.findall(r'<img src="(endringer/fig-fornoyd-(?:for|na)\.svg)" alt="(Før|Nå): ', page)
    assert [alt for _src, alt in images] == ["Før", "Nå"]
    old_svg, new_svg = ((site / src).read_bytes() for src, _alt in images)
    assert old_svg != new_svg
    prose = re.search(r'<section id="endringer-tekst">.*?</section>', page, re.S).group(0)
    assert prose.count("<li>") == 1 and 'href="01-resultater.html#endring-tekst-01-resultater-1"' in prose


def test_chapter_pages_mark_exactly_the_changes_not_by_colour_alone(reviewed):
    pages = _pages(reviewed["root"] / review.PREVIEW_SITE)
    before, after = reviewed["before"], reviewed["after"]
    marks = {name: (text.count("<mark "), text.count("<ins "), text.count("<del "))
             for name, text in pages.items() if name != "endringer.html"}
    assert marks == {"index.html": (0, 0, 0), "01-resultater.html": (1, 1, 1),
                     "02-regioner.html": (0, 0, 0)}
    chapter = pages["01-resultater.html"]
    old, new = before["facts"]["svar.fornoyd"], after["facts"]["svar.fornoyd"]
    mark = re.search(r'<mark class="rapport-endret-tall" id="endring-tall-svar-fornoyd-1">'
                     r"(.*?)</mark>", chapter).group(1)
    shown, was = re.match(r'(.*?)<span class="rapport-for"> \((.*?)\)</span>$', mark).groups()
    assert digits(shown) == new and was.startswith("før: ") and digits(was) == old
    assert re.search(r'<del class="rapport-endring"><span class="visually-hidden">Fjernet tekst: '
                     r"</span>høsten\.</del>", chapter)
    assert re.search(r'</del> <ins class="rapport-endring" id="endring-tekst-01-resultater-1"><span '
                     r'class="visually-hidden">Ny tekst: </span>våren\.</ins>', chapter)
    notes = {name: re.findall(r'rapport-endret-merknad.*?href="endringer\.html#endring-([\w-]+)"',
                              text) for name, text in pages.items() if name != "endringer.html"}
    assert notes == {"index.html": [], "01-resultater.html": ["fig-fornoyd"],
                     "02-regioner.html": ["tbl-fornoyd-per-region"]}


def test_the_changed_table_cell_is_marked_in_its_table_and_nothing_else(reviewed):
    pages = _pages(reviewed["root"] / review.PREVIEW_SITE)
    cells = {name: re.findall(r'<span id="([\w-]+)" class="rapport-endret-celle">(.*?)'
                              r'<span class="rapport-for"> \((.*?)\)</span></span>', text)
             for name, text in pages.items() if name != "endringer.html"}
    (region, old_pct, new_pct), = expected_consequences(reviewed["before"],
                                                        reviewed["after"])["regions"]
    assert {name: len(found) for name, found in cells.items()} == {
        "index.html": 0, "01-resultater.html": 0, "02-regioner.html": 1}
    ((anchor, shown, was),) = cells["02-regioner.html"]
    assert anchor == "endret-celle-tbl-fornoyd-per-region-1"
    assert shown.startswith('<span class="visually-hidden">Endret tall:</span> ')
    assert digits(shown) == new_pct and was.startswith("før: ") and digits(was) == old_pct
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*?endret-celle(?:(?!</tr>).)*</tr>",
                    pages["02-regioner.html"], re.S).group(0)
    assert f">{region}<" in row  # the mark sits in the changed region's row


def test_the_published_book_carries_no_review_marks(reviewed):
    root = reviewed["root"]
    book = root / "_book"
    assert not (book / "endringer.html").exists() and not (book / "endringer").exists()
    after = reviewed["after"]
    for page in book.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for mark in ("endringer.html", "rapport-endr", "<ins", "<del", "<mark", "(før:"):
            assert mark not in text, (page.name, mark)
    chapter = (book / "01-resultater.html").read_text(encoding="utf-8")
    assert "våren." in chapter and "høsten" not in chapter
    words = " ".join(re.sub(r"<[^>]+>", " ", chapter).split())
    assert re.search(rf"oppga {after['facts']['svar.fornoyd']}\W", words)
    pdf = next(book.glob("*.pdf"))
    flat = " ".join(pdf_text(pdf).split())
    assert "våren." in flat and "Endringer siden" not in flat and "(før:" not in flat
    assert re.search(rf"oppga {after['facts']['svar.fornoyd']}\W", flat)
