"""The report's shared code lists (data/codebook/codes.yml) use the labels the published
report prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapport.data.codebook import load_codes

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def codes():
    return {name: entry["codes"] for name, entry in load_codes(REPO).items()}


def test_nav_regions_as_in_tabell_2(codes):
    assert codes["nav_region_2020"] == {
        "02": "Øst-Viken", "03": "Oslo", "04": "Innlandet", "06": "Vest-Viken",
        "08": "Vestfold og Telemark", "10": "Agder", "11": "Rogaland", "12": "Vestland",
        "15": "Møre og Romsdal", "18": "Nordland", "19": "Troms og Finnmark", "50": "Trøndelag",
    }


def test_counties_2024(codes):
    assert codes["fylke_2024"] == {
        "03": "Oslo", "11": "Rogaland", "15": "Møre og Romsdal", "18": "Nordland",
        "31": "Østfold", "32": "Akershus", "33": "Buskerud", "34": "Innlandet",
        "39": "Vestfold", "40": "Telemark", "42": "Agder", "46": "Vestland",
        "50": "Trøndelag", "55": "Troms", "56": "Finnmark",
    }


def test_nace_sections_and_report_labels(codes):
    nace = codes["nace_hovednaering"]
    assert list(nace) == list("ABCDEFGHIJKLMNOPQRSTU")
    # labels exactly as the frafall table and Tabell 4 print them
    assert nace["Q"] == "Helse- og sosialtjenester"
    assert nace["G"] == "Varehandel, reparasjon av motorvogner"
    assert nace["O"] == ("Offentlig administrasjon og forsvar, og trygdeordninger underlagt "
                         "offentlig forvaltning")
    assert nace["D"] == "Elektrisitets-, gass-, damp- og varmtvannsforsyning"


def test_icpc2_chapters(codes):
    icpc = codes["icpc2_kapittel"]
    assert list(icpc) == list("ABDFHKLNPRSTUWXYZ")
    assert icpc["L"] == "Muskel og skjelettsystemet"
    assert icpc["R"] == "Luftveier" and icpc["P"] == "Psykisk"
    assert icpc["W"] == "Svangerskap, fødsel og familieplanlegging"


def test_other_lists(codes):
    assert list(codes["arbeidsmarkedsstatus"].values()) == [
        "Fulltidsarbeid", "Sysselsatt", "Alderspensjonist", "Ufør", "AAP/Tiltakspenger",
        "Langtidssykemeldt", "Ukjent status",
    ]
    assert codes["sentralitet"][1] == "Mest sentrale kommuner"
    assert codes["sentralitet"][6] == "Minst sentrale kommuner"
    assert list(codes["ansatte_gruppe"].values()) == [
        "10 til 20", "21 til 50", "51 til 100", "Over 100"]
    assert list(codes["sektor"].values()) == ["Offentlig", "Privat"]
    assert set(codes["kjonn"].values()) == {"Mann", "Kvinne"}
    assert set(codes["innvandringsstatus"].values()) == {"Innvandrer", "Norskfødt"}


