"""Interview quotes (rapport.exhibits.quotes): the name and number checks and the snippet."""

import pytest

from rapport.exhibits.quotes import QuoteError, check_quote, publish_quote, quote_markdown

GROUPS = ["NAV-veileder", "Arbeidsgiver"]


@pytest.fixture(autouse=True)
def artifacts(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path / "art"))
    monkeypatch.setenv("RAPPORT_NOTEBOOK", "90-sitater")
    return tmp_path / "art"


@pytest.mark.parametrize("text, found", [
    ("Jeg snakket med Kari om planen.", "Kari"),
    ("Det var Ole Hansen som ringte.", "Ole"),
    ("Saken til Marte Rødland ble løst.", "Marte Rødland"),        # surname pattern
    ("Fødselsnummeret 01019012345 sto i meldingen.", "01019012345"),
    ("Nummer 010190 12345 var oppgitt.", "010190 12345"),
])
def test_refuses_names_and_eleven_digit_numbers(text, found):
    with pytest.raises(QuoteError) as err:
        check_quote("q1", text, "NAV-veileder", groups=GROUPS)
    assert found in str(err.value) and "sitat q1" in str(err.value)


def test_project_names_and_groups():
    with pytest.raises(QuoteError, match="Roberto"):
        check_quote("q2", "Roberto lager listen.", "NAV-veileder", groups=GROUPS,
                    names=["Roberto"])
    with pytest.raises(QuoteError, match="informantgruppen «Leder»"):
        check_quote("q3", "Fint.", "Leder", groups=GROUPS)
    with pytest.raises(QuoteError, match="mangler tekst"):
        check_quote("q4", "  ", "Arbeidsgiver", groups=GROUPS)


def test_allows_places_placeholders_and_short_numbers():
    check_quote("ok", "[Veileder] i [kommune] ringte fra Førde i uke 37; 46 samtaler.",
                "NAV-veileder", groups=GROUPS)


def test_snippet_is_a_block_quote_with_attribution(artifacts):
    text = publish_quote("fin-samtale", "Første avsnitt.\n\nAndre  avsnitt.", "Arbeidsgiver",
                         groups=GROUPS)
    assert text == "> Første avsnitt.\n>\n> Andre avsnitt.\n>\n> --- Arbeidsgiver\n"
    assert (artifacts / "quote-fin-samtale.md").read_text(encoding="utf-8") == text
    assert quote_markdown("En.", "NAV-veileder").endswith("> --- NAV-veileder\n")
