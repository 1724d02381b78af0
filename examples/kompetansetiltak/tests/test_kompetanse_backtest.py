"""Backtests of seed 000: every printed number the synthetic data can give, compared with the
built report (facts and figure data), expected values read from data/reference/ only.

A printed number comes with a qualifier (exact, approx, over, under, nearly). «exact» must
match the rounded value; «over»/«under»/«nearly» must hold as inequalities; «approx» must be
within three points. Where the prose carries a hedge, its text must also be what the
formatter's verbal rule gives for the value (so the words can never contradict the data).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from rapport.exhibits import verbal

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT / "data" / "reference"


def _build() -> None:
    if not (ROOT / "_build" / "facts.json").is_file():
        subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "prepare", "--root", str(ROOT)],
                       check=True, cwd=ROOT)


@pytest.fixture(scope="module")
def kt_facts() -> dict:
    _build()
    return json.loads((ROOT / "_build" / "facts.json").read_text(encoding="utf-8"))


def ref_rows(name: str) -> list[dict]:
    with open(REF / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ref(name: str, category: str, group: str | None = None) -> dict:
    rows = [r for r in ref_rows(name) if category in r["category"]
            and (group is None or group in r["group"] + " | " + r["panel"])]
    assert len(rows) == 1, f"{name}: {category!r}/{group!r} matches {len(rows)} rows"
    return rows[0]


def pct(share: float) -> int:
    return int(Decimal(repr(share * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def agrees(share: float, row: dict) -> bool:
    printed = float(row["value"])
    value = share * 100
    q = row["qualifier"]
    if q == "exact":
        return pct(share) == round(printed)
    if q == "over":
        return value > printed
    if q in ("under", "nearly"):
        return printed - 5 <= value < printed
    if q == "approx":
        return abs(value - printed) <= 3
    raise AssertionError(f"unknown qualifier {q}")


# (reference file, category, group or None, fact key)
SHARES = [
    ("figur_5-1", "Andel av kartlagte", None, "malgruppa.tre_fylker_andel"),
    ("figur_5-2", "25–54 år", None, "malgruppa.andel_25_54"),
    ("figur_5-3", "Under 100 dager", None, "malgruppa.sp_under100"),
    ("figur_5-3", "100–200 dager", None, "malgruppa.sp_d100_200"),
    ("figur_5-3", "200–300 dager", None, "malgruppa.sp_d201_300"),
    ("figur_5-3", "Over 300 dager", None, "malgruppa.sp_over300"),
    ("figur_5-4", "Muskel", None, "malgruppa.andel_muskel"),
    ("figur_5-4", "Psykiske", None, "malgruppa.andel_psykisk"),
    ("figur_5-5", "(sum)", None, "malgruppa.andel_manuelle"),
    ("figur_5-5", "Salg- og serviceyrker", None, "malgruppa.andel_salg_service"),
    ("figur_5-5", "Akademiske", None, "malgruppa.andel_akademisk_hoyskole"),
    ("figur_5-6", "Bachelor", None, "malgruppa.andel_bachelor"),
    ("figur_5-6", "Master", None, "malgruppa.andel_master"),
    ("figur_5-6", "Fag- eller mesterbrev", None, "malgruppa.andel_fagbrev"),
    ("figur_5-6", "Grunnskole", None, "malgruppa.andel_grunnskole"),
    ("figur_5-6", "studiespesialisering", None, "malgruppa.andel_studiespes"),
    ("figur_5-7", "Nei (ikke helse", None, "malgruppa.helse_nei"),
    ("figur_5-7", "Delvis", None, "malgruppa.helse_delvis"),
    ("figur_5-7", "Ubesvart", None, "malgruppa.helse_ubesvart"),
    ("figur_5-7", "Nei + delvis + uavklart", None, "malgruppa.helse_ikke_ja"),
    ("figur_5-8", "Har mulighet for tilrettelegging", None, "malgruppa.muligheter_ja_delvis"),
    ("figur_5-10", "Ja", "venstre", "malgruppa.annet_arbeid_ja"),
    ("figur_5-10", "Nei", None, "malgruppa.annet_arbeid_nei"),
    ("figur_5-10", "Delvis", None, "malgruppa.annet_arbeid_delvis"),
    ("figur_5-10", "Vet ikke/ubesvart", None, "malgruppa.annet_arbeid_vetikke_ubesvart"),
    ("figur_5-11", "Vet ikke/ubesvart", "venstre", "malgruppa.trenger_vetikke_ubesvart"),
    ("figur_5-11", "Vet ikke/ubesvart", "høyre", "malgruppa.aktuell_vetikke_ubesvart"),
    ("figur_5-11", "Ja", "høyre", "malgruppa.aktuell_ja"),
    ("figur_5-11", "Delvis", "høyre", "malgruppa.aktuell_delvis"),
    ("figur_5-11", "Ja", "venstre", "malgruppa.trenger_ja"),
    ("figur_5-10", "Ja", "høyre", "malgruppa.annen_ag_ja"),
    ("figur_5-12", "På vei tilbake", None, "malgruppa.arsak_tilbake"),
    ("figur_5-12", "Planlagt helsebehandling", None, "malgruppa.arsak_helse"),
    ("figur_5-12", "andre tiltak", None, "malgruppa.arsak_andre_tiltak"),
    ("figur_5-12", "Andre årsaker", None, "malgruppa.arsak_andre"),
    ("figur_5-13", "Kvinner", "Fått", "malgruppa.tiltak_kvinner"),
    ("figur_5-13", "Menn", "Fått", "malgruppa.tiltak_menn"),
    ("figur_5-15", "Mer enn 200 dager", "Fått tiltak", "malgruppa.sp_over200_tiltak"),
    ("figur_5-15", "Mer enn 200 dager", "Ikke fått", "malgruppa.sp_over200_ikke"),
    ("figur_5-17", "Privat sektor", "Fått", "malgruppa.tiltak_privat"),
    ("figur_5-17", "Offentlig sektor", "Fått", "malgruppa.tiltak_offentlig"),
    ("figur_5-17", "Kommuneforvaltningen", "Alle", "malgruppa.andel_kommune"),
    ("figur_5-18", "Salg", "Fått", "malgruppa.tiltak_salg"),
    ("figur_5-18", "Salg", "Ikke", "malgruppa.ikke_tiltak_salg"),
    ("figur_7-1", "Ja", None, "resultater.nyttig_ja"),
    ("figur_7-2", "I søkeprosess på jobb", None, "resultater.sit_sok_ny"),
    ("figur_7-2", "I jobb hos ny", None, "resultater.sit_jobb_ny"),
    ("figur_7-2", "ny stilling", None, "resultater.sit_ny_stilling"),
    ("figur_7-2", "samme jobb", None, "resultater.sit_samme"),
    ("figur_7-2", "I jobb (sum)", None, "resultater.sit_i_jobb"),
    ("figur_7-2", "I jobb eller i søkeprosess", None, "resultater.sit_jobb_eller_sok"),
    ("figur_7-2", "Øvrige", None, "resultater.sit_ovrige"),
    ("figur_7-3", "Ja", None, "resultater.bidratt_ja"),
    ("figur_7-3", "Nei", None, "resultater.bidratt_nei"),
    ("figur_7-4", "Oppstart januar–april 2022", None, "resultater.andel_start_2022"),
    ("figur_7-5", "minst én", None, "resultater.arbeid_minst_en"),
    ("figur_7-5", "alle tre", None, "resultater.arbeid_alle_tre"),
    ("figur_7-6", "Ny arbeidsgiver minst én måned", None, "resultater.andel_ny_ag"),
    ("figur_7-7", "Måned 6", "Gjennomført", "forlop.ny_ag_tiltak_m6.share"),
    ("figur_7-7", "Måned 6", "Kun", "forlop.ny_ag_kun_m6.share"),
    ("figur_7-7", "Måned 12", "Gjennomført", "forlop.ny_ag_tiltak_m12.share"),
    ("figur_7-7", "Måned 12", "Kun", "forlop.ny_ag_kun_m12.share"),
    ("figur_7-8", "Måned 3", "Kun", "forlop.jobb_kun_m3.share"),
    ("figur_7-8", "Måned 6", "Gjennomført", "forlop.jobb_tiltak_m6.share"),
    ("figur_7-8", "Måned 6", "Kun", "forlop.jobb_kun_m6.share"),
]


@pytest.mark.parametrize("name,category,group,key", SHARES,
                         ids=[f"{s[0]}:{s[1]}:{s[2] or ''}" for s in SHARES])
def test_printed_share(kt_facts, name, category, group, key):
    row = ref(name, category, group)
    share = kt_facts[key]["value"]
    assert agrees(share, row), f"{key} = {share:.4f}; printed {row['value_printed']!r} ({row['qualifier']})"


# Footnote counts «18 av 102» etc. (figur_7-8.csv count/denominator; 7-7 denominators)
COUNTS = [
    ("figur_7-8", "Måned 6", "Gjennomført", "forlop.jobb_tiltak_m6"),
    ("figur_7-8", "Måned 12", "Gjennomført", "forlop.jobb_tiltak_m12"),
    ("figur_7-8", "Måned 6", "Kun", "forlop.jobb_kun_m6"),
    ("figur_7-8", "Måned 12", "Kun", "forlop.jobb_kun_m12"),
]


@pytest.mark.parametrize("name,category,group,key", COUNTS, ids=[c[3] for c in COUNTS])
def test_footnote_counts(kt_facts, name, category, group, key):
    row = ref(name, category, group)
    assert kt_facts[f"{key}.count"]["value"] == int(row["count"])
    assert kt_facts[f"{key}.n"]["value"] == int(row["denominator"])
    assert kt_facts[f"{key}.av"]["text"] == f"{row['count']} av {row['denominator']}"


def test_numbers_at_risk_figure_7_7(kt_facts):
    for category in ("Måned 6", "Måned 12"):
        row = ref("figur_7-7", category, "Gjennomført")
        k = category.split()[-1]
        assert kt_facts[f"forlop.ny_ag_tiltak_m{k}.n"]["value"] == int(row["denominator"])


def test_text_counts(kt_facts):
    rows = {r["statistic"]: r for r in ref_rows("tekst_nokkeltall")}
    expect = {
        "Registrerte kartleggingssamtaler": "malgruppa.n_kartlagt",
        "Registrert med oppstarts- og avslutningsdato i skjema": "resultater.n_planlagt",
        "Med utfylt status i etterkant": "resultater.n_status",
        "Uten utfylt status i etterkant": "resultater.n_uten_status",
        "Registrert som deltakere i Arena sep 2020–apr 2022": "resultater.n_startet",
        "Fortsatt registrert i tiltak mars/april 2022": "resultater.n_fortsatt_i_tiltak",
        "Tiltaksdeltakere som kan følges 6 mnd etter kartlegging": "forlop.jobb_tiltak_m6.n",
        "Tiltaksdeltakere som kan følges 12 mnd etter kartlegging": "forlop.jobb_tiltak_m12.n",
    }
    for statistic, key in expect.items():
        assert kt_facts[key]["value"] == int(rows[statistic]["value"]), statistic


def test_funnel_counts(kt_facts):
    vedtak = ref("figur_4-5", "Får tiltak", "Alle fylker")
    assert kt_facts["malgruppa.n_vedtak"]["value"] == int(vedtak["count"])
    assert kt_facts["malgruppa.n_kartlagt"]["value"] == int(vedtak["denominator"])
    assert kt_facts["malgruppa.n_koblet"]["value"] == int(ref("figur_5-3", "Under 100")["n_caption"])
    assert kt_facts["resultater.n_fulgt"]["value"] == int(ref("figur_7-5", "minst én")["n_caption"])
    assert kt_facts["resultater.n_status"]["value"] == int(ref("figur_7-1", "Ja")["n_caption"])
    assert kt_facts["malgruppa.n_arsak"]["value"] == int(ref("figur_5-12", "Andre årsaker")["n_caption"])
    row = ref("figur_7-6", "privat sektor")
    assert kt_facts["resultater.n_ny_ag"]["value"] == int(row["denominator"])
    assert kt_facts["resultater.ny_ag_privat"]["text"] == f"{row['count']} av {row['denominator']}"
    assert kt_facts["resultater.ny_ag_prosess"]["value"] == int(ref("figur_7-6", "Prosess")["count"])
    assert kt_facts["resultater.ny_ag_salg"]["value"] == int(ref("figur_7-6", "Salgs-")["count"])


# Hedged prose: the text in the report is the verbal rule applied to the value.
HEDGES = [
    ("malgruppa.tre_fylker_andel", lambda v: verbal.pct_hedge(v, "over", step=10)),
    ("malgruppa.andel_25_54", lambda v: verbal.pct_hedge(v, "over", step=1)),
    ("malgruppa.andel_manuelle", lambda v: verbal.pct_hedge(v, "over", step=10)),
    ("malgruppa.tiltak_privat", lambda v: verbal.pct_hedge(v, "over", step=10)),
    ("malgruppa.muligheter_nei", lambda v: verbal.pct_hedge(v, "over", step=10)),
    ("malgruppa.muligheter_ja_delvis", lambda v: verbal.pct_hedge(v, "i underkant av")),
    ("malgruppa.arsak_tilbake", lambda v: verbal.pct_hedge(v, "i underkant av")),
    ("malgruppa.arsak_helse", lambda v: verbal.pct_hedge(v, "i underkant av")),
    ("malgruppa.tilrettelagt_ja", verbal.share_words),
    ("malgruppa.andel_vedtak_ord", verbal.share_words),
    ("resultater.nyttig_ja_ord", verbal.share_words),
    ("malgruppa.kommune_ikke_aktuell", verbal.share_words),
    ("forlop.jobb_tiltak_m12_ord", verbal.share_words),
    ("forlop.jobb_kun_m3_ord", lambda v: verbal.pct_hedge(v, "nesten")),
]


@pytest.mark.parametrize("key,rule", HEDGES, ids=[h[0] for h in HEDGES])
def test_hedge_follows_rule(kt_facts, key, rule):
    fact = kt_facts[key]
    assert fact["text"] == rule(fact["value"])


def test_printed_hedges_reproduced(kt_facts):
    """Where the report prints a hedge, the rule gives the same words from the data."""
    assert kt_facts["malgruppa.tre_fylker_andel"]["text"] == ref("figur_5-1", "Andel")["value_printed"].lower()
    assert kt_facts["malgruppa.andel_25_54"]["text"] == ref("figur_5-2", "25–54")["value_printed"].lower()
    assert kt_facts["malgruppa.tiltak_privat"]["text"] == ref("figur_5-17", "Privat", "Fått")["value_printed"]
    assert kt_facts["malgruppa.arsak_tilbake"]["text"] in ref("figur_5-12", "På vei")["value_printed"]
    assert kt_facts["malgruppa.tilrettelagt_ja"]["text"] == "om lag en av tre"  # printed «om lag én tredjedel»
    assert "nesten halvparten" in ref("figur_7-8", "Måned 12", "Gjennomført")["value_printed"]
    assert kt_facts["forlop.jobb_tiltak_m12_ord"]["text"] == "nesten halvparten"


def test_missing_date_is_a_listed_deviation(kt_facts):
    printed = ref("figur_4-2", "Mangler samtaledato")
    computed = kt_facts["malgruppa.andel_mangler_dato"]["value"]
    assert pct(computed) != int(printed["value"])   # 32 of 721 is 4 %, printed 5 %
    avvik = (ROOT / "chapters" / "a1-avvik.qmd").read_text(encoding="utf-8")
    assert f"«{printed['value']} prosent»" in avvik


def test_municipal_employees_not_relevant(kt_facts):
    row = ref("figur_5-17", "Vurdert som ikke aktuelle")
    assert row["value_printed"] == "over halvparten"
    assert kt_facts["malgruppa.kommune_ikke_aktuell"]["value"] > 0.5


def test_no_sentence_starts_with_a_lowercase_hedge():
    """A hedged fact («om lag 40 prosent») must not open a sentence in lower case."""
    import re

    book = ROOT / "_book"
    if not (book / "index.html").is_file():
        subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "report", "--root", str(ROOT)],
                       check=True, cwd=ROOT)
    bad = []
    for page in sorted(book.glob("*.html")):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", text)
        for m in re.finditer(r"[.!?] (om lag|over|nesten|i underkant av|drøyt|litt over|"
                             r"et flertall|svært få) \S+", text):
            bad.append(f"{page.name}: …{m.group(0)}")
    assert not bad, "\n".join(bad)


def test_nothing_about_the_build_machine_is_published():
    book = ROOT / "_book"
    if not (book / "index.html").is_file():
        subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "report", "--root", str(ROOT)],
                       check=True, cwd=ROOT)
    leaks = [p.relative_to(book).as_posix() for p in sorted(book.rglob("*"))
             if p.is_file() and p.suffix in (".html", ".csv", ".svg", ".json")
             and (str(ROOT) in p.read_text(encoding="utf-8", errors="replace")
                  or "/tmp/" in p.read_text(encoding="utf-8", errors="replace"))]
    assert not leaks, leaks


def _built_book() -> Path:
    book = ROOT / "_book"
    if not (book / "index.html").is_file():
        subprocess.run([sys.executable, "-m", "rapport.pipeline.cli", "report", "--root", str(ROOT)],
                       check=True, cwd=ROOT)
    return book


def _pdf_text(book: Path) -> str:
    """The PDF's text, read with the locked pypdf (no system tool needed)."""
    from pypdf import PdfReader

    pdf = next(book.glob("*.pdf"))
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def test_faktaboks_3_1_is_numbered_as_printed_in_html_and_pdf():
    # the inventory (seed000.md): «Faktaboks 3-1: Relevante aktører for involvering i prosjektet»
    import re

    book = _built_book()
    html = re.sub(r"<[^>]+>", "", (book / "03-organisering.html").read_text(encoding="utf-8"))
    title = "Faktaboks 3-1: Relevante aktører for involvering i prosjektet"
    assert title in html
    assert "beskrevet i Faktaboks 3-1." in html          # the cross-reference
    pdf = re.sub(r"\s+", " ", _pdf_text(book))
    assert title in pdf and "beskrevet i Faktaboks 3-1." in pdf


def test_the_colophon_names_the_report_number_and_the_date():
    # the seed's colophon: «…/OE-rapport nr 2022_75», «© Oslo Economics, 14. oktober 2022»
    book = _built_book()
    html = (book / "index.html").read_text(encoding="utf-8")
    assert "OE-rapport nr 2022-75" in html and "© Oslo Economics, 14. oktober 2022" in html
    pdf = re.sub(r"\s+", " ", _pdf_text(book))
    assert "OE-rapport nr 2022-75" in pdf and "Oktober 2022" in pdf


def test_no_sentence_opens_with_a_digit():
    """Norwegian house style (and the seed): a number inside the sentence, never first."""
    import re

    bad = []
    for page in sorted(_built_book().glob("*.html")):
        for para in re.findall(r"<p>(.*?)</p>", page.read_text(encoding="utf-8"), re.S):
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", para)).strip()
            bad += [f"{page.name}: …{m.group(0)[:50]}"
                    for m in re.finditer(r"(?:^|[.!?] )\d\S* \S+", text)]
    assert not bad, "\n".join(bad)


def test_chapter_4_text_numbers(kt_facts):
    """The numbers chapter 4's prose adds to the exhibits: the monthly rate of mapped candidates
    («omtrent 100 … per måned») and the office with the highest share in Agder (Tabell 4-1)."""
    row = {r["statistic"]: r for r in ref_rows("tekst_nokkeltall")}[
        "Kartleggingssamtaler per måned (siste periode)"]
    per_month = kt_facts["kartlegging.per_maaned"]
    assert abs(per_month["value"] - float(row["value"])) <= 0.1 * float(row["value"])
    assert per_month["text"] == f"om lag {row['value']}"
    offices = [r for r in ref_rows("tabell_4-1") if r["Kontor"] != "Totalt"]
    top = max(offices, key=lambda r: int(r["Vurdert som aktuelle"]) / int(r["Antall sykmeldte 10 uker"]))
    assert kt_facts["kartlegging.agder_hoyest_kontor"]["text"] == top["Kontor"]
    assert kt_facts["kartlegging.agder_hoyest_andel"]["text"] == f"{top['Andel vurdert som aktuelle (%)']} prosent"
    assert kt_facts["kartlegging.agder_aktuelle"]["value"] == int(
        [r for r in ref_rows("tabell_4-1") if r["Kontor"] == "Totalt"][0]["Vurdert som aktuelle"])
