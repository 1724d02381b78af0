"""Acceptance test of the review tools on the flagship report itself (slow: two builds of a copy
of the report). The copy is built, marked as the baseline, then built again with one survey
answer changed (respondent 2 of the non-recipients' survey answers «I noen grad» instead of
«I stor grad» to whether the scheme is relevant) and one sentence changed in chapter 3.
The change summary (CI), the preview's change page and marked pages must show exactly the
consequences, nothing else; the published book carries none of it.

The consequences are computed here from the survey file with plain pandas (the codebook's
labels with PyYAML): which printed shares of Figur 3 move, and whether the two facts of the
prose that read the same question («i stor grad», «i stor eller noen grad») change as whole
percents.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from rapport.pipeline import cli, record, review
from tests.conftest import pdf_text
from tests.review_cycle import digits, pct, review_cycle

REPO = Path(__file__).resolve().parents[2]
SURVEY = "data/raw/survey/ikke_mottakere_2024.csv"
CODEBOOK = "data/codebook/ikke_mottakere_2024.yml"
CHAPTER = "chapters/03-bruk.qmd"
ANSWER = ("\n2;1;3;3,9;3;1;", "\n2;1;3;3,9;3;2;")   # lopenr 2: q_relevans 1 -> 2
SENTENCE = ("arbeidsgiver. Deretter ble alle spurt", "arbeidsgiver. Så ble alle spurt")
KEEP_OUT = (".git", ".venv", ".tmp", "_book", "_build", "examples", "tests", "bench",
            ".ruff_cache", "__pycache__")

pytestmark = pytest.mark.slow


def relevance(root: Path) -> dict:
    """Figur 3 and its two facts from the survey file: answered only, «vet ikke» included."""
    data = pd.read_csv(root / SURVEY, sep=";", decimal=",", encoding="utf-8-sig")
    column = next(c for c in yaml.safe_load((root / CODEBOOK).read_text(encoding="utf-8"))
                  ["columns"] if c["name"] == "q_relevans")
    answered = data["q_relevans"].dropna()
    counts = answered.value_counts()
    return {
        "rows": {label: (int(counts.get(code, 0)), float(counts.get(code, 0) / len(answered)))
                 for code, label in column["codes"].items()},
        "facts": {"survey.ikke_mottakere.relevans_stor": str(pct((answered == 1).mean())),
                  "survey.ikke_mottakere.relevans_stor_noen":
                      str(pct(answered.isin([1, 2]).mean())),
                  "survey.ikke_mottakere.relevans_n": str(len(answered))},
    }


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, register_data) -> dict:
    root = tmp_path_factory.mktemp("review-root") / "rapport"
    shutil.copytree(REPO, root, ignore=lambda d, names: [n for n in names if n in KEEP_OUT])
    return review_cycle(root, relevance, survey=SURVEY, answer=ANSWER, chapter=CHAPTER,
                        sentence=SENTENCE)


def consequences(before: dict, after: dict) -> tuple[set, set]:
    facts = {k for k, v in after["facts"].items() if v != before["facts"][k]}
    cells = set()
    for label, (count, share) in after["rows"].items():
        old_count, old_share = before["rows"][label]
        if count != old_count:
            cells.add((label, "count"))
        if share != old_share:
            cells.add((label, "share"))
    return facts, cells


def test_exactly_the_consequences_in_the_comparison_and_the_ci_summary(reviewed, tmp_path,
                                                                        monkeypatch):
    found, before, after = reviewed["changes"], reviewed["before"], reviewed["after"]
    facts, cells = consequences(before, after)
    assert len(cells) == 4 and facts  # the premise: two answer categories, one fact moves
    assert {f.key for f in found.facts} == facts
    for f in found.facts:
        assert (digits(f.old), digits(f.new)) == (before["facts"][f.key], after["facts"][f.key])
    assert [ex.ident for ex in found.exhibits] == ["fig-relevans"]
    assert {(c.row, c.column) for c in found.exhibits[0].cells} == cells
    assert found.added == [] and found.removed == []
    assert list(found.prose) == [CHAPTER]
    (hunk,) = found.prose[CHAPTER]
    assert (hunk.removed, hunk.added) == ("Deretter", "Så")

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = review.cmd_changes(reviewed["root"], cli.load_config(reviewed["root"]),
                              out=tmp_path / "endringer.md")
    assert summary.read_text(encoding="utf-8") == text + "\n"
    assert (tmp_path / "endringer.md").read_text(encoding="utf-8") == text
    rows = [line for line in text.splitlines()
            if line.startswith("| ") and not line.startswith(("| nøkkel", "| rad"))]
    assert len(rows) == len(facts) + len(cells)
    assert len([line for line in text.splitlines() if line.startswith("- …")]) == 1


def test_preview_marks_exactly_the_consequences_and_the_book_has_none(reviewed):
    root = reviewed["root"]
    facts, _cells = consequences(reviewed["before"], reviewed["after"])
    site = root / review.PREVIEW_SITE
    pages = {p.name: p.read_text(encoding="utf-8") for p in site.glob("*.html")}
    assert "endringer.html" in pages
    for name, text in pages.items():
        assert text.count('href="endringer.html">Endringer siden versjon 1</a>') == 1, name
    uses = sum(len(f.used) for f in reviewed["changes"].facts)
    counted = {name: (text.count("<mark "), text.count("<ins "), text.count("<del "))
               for name, text in pages.items() if name != "endringer.html"}
    assert {n: c for n, c in counted.items() if c != (0, 0, 0)} == {"03-bruk.html": (uses, 1, 1)}
    notes = {name: re.findall(r'rapport-endret-merknad.*?href="endringer\.html#endring-([\w-]+)"',
                              text) for name, text in pages.items()}
    assert {n: v for n, v in notes.items() if v} == {"03-bruk.html": ["fig-relevans"]}
    book = root / "_book"
    assert not (book / "endringer.html").exists()
    for page in book.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for mark in ("endringer.html", "rapport-endr", "(før:"):
            assert mark not in text, (page.name, mark)
    pdf = next(book.glob("*.pdf"))
    flat = " ".join(pdf_text(pdf).split())
    assert "Så ble alle spurt" in flat and "Endringer siden" not in flat and "(før:" not in flat


def placed_exhibits(root: Path) -> list[str]:
    """Exhibit ids in book order as the chapters place them, without the chapters that are
    HTML-only as a whole (the gallery appendix wraps its text in `content-visible html`)."""
    placed = []
    for rel in record.chapter_files(root, cli.load_config(root)):
        text = (root / rel).read_text(encoding="utf-8")
        body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        if re.search(r'^::: \{\.content-visible when-format="html"\}', body, re.M) and \
                body.strip().splitlines()[-1].strip() == ":::" and \
                len(re.findall(r"\{\{< exhibit ", body)) == len(re.findall(
                    r"\{\{< exhibit ", body.split('when-format="html"}', 1)[1])):
            continue
        placed += re.findall(r"\{\{< exhibit [\w-]+/((?:fig|tbl)-[\w-]+) >\}\}", text)
    return placed


def check_word_copy(root: Path) -> None:
    """The report's Word copy has every exhibit of the PDF in place: one caption per exhibit,
    each table a Word table, each figure a picture with its alt text, and the draft mark."""
    import docx

    target = cli.cmd_docx(root, cli.load_config(root))
    document = docx.Document(str(target))
    placed = placed_exhibits(root)
    captions = [p for p in document.paragraphs
                if p.style.name in ("Image Caption", "Table Caption")]
    assert len(captions) == len(placed)
    assert [p.style.name for p in captions] == [
        "Image Caption" if i.startswith("fig-") else "Table Caption" for i in placed]
    assert len(document.tables) == sum(i.startswith("tbl-") for i in placed)
    shapes = list(document.inline_shapes)
    assert len(shapes) == sum(i.startswith("fig-") for i in placed)
    assert all(len(s._inline.docPr.get("descr") or "") > 20 for s in shapes)
    assert all("Utkast – ikke for publisering" in s.header.paragraphs[0].text
               for s in document.sections)


def test_the_word_copy_has_every_exhibit(reviewed):
    check_word_copy(reviewed["root"])
