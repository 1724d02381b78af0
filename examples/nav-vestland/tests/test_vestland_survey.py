"""Backtest: the employer survey numbers the report prints, against the built report."""

import re

import pytest
from vestland_helpers import book_text, facts, page_text, reference, share, survey

# Which survey column and answer codes each printed statement is about (the test's own reading
# of the codebook; the share itself is computed here with pandas from the raw export).
FIGURE_ITEMS = {
    ("Figur 2", "Fikk svar på noe de hadde lurt på (positive answer)"): ("s_8", [1]),
    ("Figur 3", "Lettere å stille krav"): ("s_9", [1]),
    ("Figur 3", "Som før"): ("s_9", [2]),
    ("Figur 4", "Bedre forberedt i noen grad"): ("s_15", [1, 2, 3]),
    ("Figur 5", "Tryggere i rollen (positive answer)"): ("s_11", [1]),
    ("Figur 7", "I noen, stor eller svært stor grad (sum of three categories)"): ("s_6", [1, 2, 3]),
}
FIGURE_6 = {
    "Tok kontakt med den sykmeldte": "s_13_1",
    "Oppfordret andre til å ta kontakt (med den sykmeldte)": "s_13_2",
    "Ønsker tettere samarbeid med NAV om forebygging og oppfølging av sykefravær i fremtiden":
        "s_13_3",
    "Har etterspurt noen av NAVs tjenester": "s_13_4",
    "Har gått gjennom arbeidsplassens rutiner for sykefraværsoppfølging": "s_13_5",
    "Tok initiativ til å utforske hvilke tilretteleggingsmuligheter som finnes på arbeidsplassen":
        "s_13_6",
    "Har fått et nytt syn på mulighetene til arbeidsinkludering": "s_13_7",
}
ROUNDING = 0.005   # a printed whole percent covers ±0.5 percentage points


def test_sample_numbers():
    ref = reference("text_survey_sample.csv").set_index("metric")["value"]
    data = survey()
    assert len(data) == int(ref["bruttopopulasjon (mulige respondenter)"])
    assert int((data["statoverall"] == 2).sum()) == int(ref["besvarelser"])
    text = page_text("03-metode.html")
    assert f"Bruttopopulasjonen var {ref['bruttopopulasjon (mulige respondenter)']} " in text
    assert f"og {ref['besvarelser']} svarte" in text
    assert f"svarprosent på {ref['svarprosent']} prosent" in text
    assert f"med {ref['antall spørsmål i spørreskjemaet']} spørsmål" in text
    assert facts()["survey.sporsmal"]["value"] == int(ref["antall spørsmål i spørreskjemaet"])


def captions() -> dict[int, str]:
    found = re.findall(r"Figur (\d+): (.+?)(?= Kilde: | Last ned data| Figur \d+:|$)",
                       book_text())
    out = {}
    for number, caption in found:
        out.setdefault(int(number), caption.strip())
    return out


def test_every_figure_caption_and_n():
    """All eleven figures, numbered 1–11 as printed, with the printed caption and «(N = n)».
    Two known differences (deviations appendix): Figur 6 also says «(Flere svar mulig)», and
    Figur 11 writes the year range with an en dash."""
    shown = captions()
    index = reference("figures_index.csv")
    assert sorted(shown) == [int(label.split()[1]) for label in index["label"]]
    for row in index.itertuples():
        number = int(row.label.split()[1])
        expected = row.caption_text.replace("2021-2025", "2021–2025")
        got = shown[number].replace(" (Flere svar mulig)", "")
        assert got.startswith(expected), (row.label, got)
        if row.n:
            assert got.endswith(f"(N = {row.n})"), (row.label, got)


@pytest.mark.parametrize("figure, n", [(r.label, int(r.n)) for r in
                                       reference("figures_index.csv").itertuples() if r.n])
def test_n_per_figure_from_the_data(figure, n):
    column = {"Figur 2": "s_8", "Figur 3": "s_9", "Figur 4": "s_15", "Figur 5": "s_11",
              "Figur 7": "s_6"}.get(figure)
    if column:
        assert int(survey()[column].notna().sum()) == n
    else:   # Figur 6: respondents with at least one option answered
        options = [c for c in survey().columns if c.startswith("s_13_")]
        assert int(survey()[options].notna().any(axis=1).sum()) == n


def rows(name):
    return reference(name).itertuples()


@pytest.mark.parametrize("row", [r for f in ("figur_2.csv", "figur_3.csv", "figur_4.csv",
                                              "figur_5.csv", "figur_7.csv") for r in rows(f)],
                         ids=lambda r: f"{r.figure}:{r.response_category[:20]}")
def test_printed_shares_hold_for_the_data(row):
    column, codes = FIGURE_ITEMS[(row.figure, row.response_category)]
    p, n = share(column, codes)
    assert n == int(row.n)
    if row.pct_printed:
        assert abs(p * 100 - int(row.pct_printed)) <= 50 * ROUNDING * 2
        assert f"{row.pct_printed} prosent" in book_text()
    phrase = row.fraction_in_words
    if row.fraction_numeric and not row.qualifier:
        # an unqualified fraction («to tredjedeler», «en tredjedel»): within 1.5 points
        assert abs(p - float(row.fraction_numeric)) <= 0.015 + ROUNDING, (phrase, p)
    if row.qualifier in ("i underkant av", "nesten"):
        assert float(row.fraction_numeric) - 0.07 <= p < float(row.fraction_numeric)
    if row.qualifier in ("de fleste",):
        assert p > 0.5
    if row.qualifier in ("de aller fleste",):
        assert p >= 0.7
    assert phrase.lower() in book_text().lower(), phrase


@pytest.mark.parametrize("row", list(rows("figur_6.csv")), ids=lambda r: r.response_category[:24])
def test_figure_6_actions(row):
    column = FIGURE_6[row.response_category]
    ticked = survey()[column].dropna()
    assert len(ticked) == int(row.n)
    p = float(ticked.mean())
    text = page_text("05-stoppunkt1.html").lower()
    if row.pct_printed:
        assert round(p * 100) == int(row.pct_printed)
        assert f"{row.pct_printed} prosent har gått gjennom arbeidsplassens rutiner" in text
    if row.count_printed:
        assert int(ticked.sum()) == int(row.count_printed)
        assert "bare én arbeidsgiver har fått et nytt syn" in text
    if row.fraction_numeric:
        limit = {"": 0.015, "rundt": 0.03, "ca.": 0.03}[row.qualifier]
        assert abs(p - float(row.fraction_numeric)) <= limit + 1e-9, (row.response_category, p)
        wording = row.fraction_in_words
        if not wording.startswith(row.qualifier):
            wording = f"{row.qualifier} {wording}".strip()
        assert wording in text, wording
    if row.qualifier == "nesten like mange":
        previous = float(survey()["s_13_3"].dropna().mean())
        assert previous - 2 / 55 <= p < previous
        assert "nesten like mange" in text


def test_other_survey_items():
    ref = reference("text_survey_other_items.csv").set_index("item")
    p58, n58 = share("s_14", [2])
    assert round(p58 * 100) == int(ref.loc["Ikke foretok seg noe annerledes med hensyn til "
                                          "sykefraværsoppfølging", "pct_printed"])
    p28, _ = share("s_10", [1])
    assert round(p28 * 100) == int(ref.loc["Mer bevisste på plikter som arbeidsgiver og den "
                                          "ansattes plikter overfor arbeidsgiver", "pct_printed"])
    p_innsikt, _ = share("s_12", [1])
    assert 1 / 3 < p_innsikt <= 1 / 3 + 0.07     # «noe mer enn 1 av 3»
    text = page_text("05-stoppunkt1.html")
    assert "58 prosent av arbeidsgiverne oppgir at de ikke gjorde noe annerledes" in text
    assert "Noen færre, 28 prosent, er blitt mer bevisste" in text
    assert "noe mer enn 1 av 3 har fått mer innsikt" in page_text("00-sammendrag.html")


def test_margin_of_error_stated_under_every_survey_figure():
    text = book_text()
    stated = re.findall(r"Feilmargin for andelen omtalt i teksten: ±(\d+) prosentpoeng", text)
    assert len(stated) == 6
    # independent: 1.96·√(p(1−p)/n) for Figur 2's «Ja» (22 of 33) is 16 points
    p, n = share("s_8", [1])
    assert round(1.96 * (p * (1 - p) / n) ** 0.5 * 100) == int(stated[0])
