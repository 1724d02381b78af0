"""Backtest: the stoppunkt 2 funnel and the process numbers, against the built report."""

from vestland_helpers import case_log, facts, page_text, reference


def test_funnel_from_the_case_log():
    ref = reference("text_stoppunkt2_funnel.csv").set_index("metric")["value"]
    log = case_log()
    answers = log["svar"].dropna()
    low = log["svar"].isin([4, 5])
    assert len(answers) == int(ref["svar på selvrapportert jobbforventningsspørsmål"])
    assert int(low.sum()) == int(ref["svarte «det passer dårlig» eller «det passer svært dårlig»"])
    assert int(log["telefonsamtale"].sum()) == int(
        ref["registrerte gjennomførte telefonsamtaler med sykmeldte"])
    assert not (log["telefonsamtale"].astype(bool) & ~low).any()
    assert (log["aar"].min(), log.loc[log["aar"] == 2022, "uke"].min()) == (2022, 37)
    assert log.loc[log["aar"] == 2023, "uke"].max() == 6
    text = page_text("06-stoppunkt2.html")
    assert "fikk 493 svar" in text and "Av svarene var 103" in text and "registrerte 46" in text
    assert "fra uke 37 i 2022 til uke 6 i 2023" in text.replace("Saksloggen", "") or \
        "uke 37 i 2022 til uke 6 i 2023" in text


def test_the_printed_47_percent_is_a_slip_and_the_text_follows_the_data():
    ref = reference("text_stoppunkt2_funnel.csv").set_index("metric")["value"]
    calls = int(ref["registrerte gjennomførte telefonsamtaler med sykmeldte"])
    low = int(ref["svarte «det passer dårlig» eller «det passer svært dårlig»"])
    printed = int(ref["andel lavt skårende som fikk telefonsamtale"])
    assert round(100 * calls / low) != printed                     # 45, not 47
    assert f"{round(100 * calls / low)} prosent av de sykmeldte" in page_text("06-stoppunkt2.html")
    appendix = page_text("a1-avvik.html")
    assert f"«om lag {printed} prosent»" in appendix
    assert f"{100 * calls / low:.1f}".replace(".", ",") + " prosent" in appendix


# metric in text_other_numbers.csv -> fact key and the sentence fragment the report shows
OTHER = {
    "Tid for å utarbeide ringelisten (stoppunkt 1)": ("prosess.liste_minutter", "05-stoppunkt1",
                                                      "tar arbeidet med ringelisten {} minutter"),
    "Planlagte samtaler per veileder/markedskontakt/IA-rådgiver (stoppunkt 1)":
        ("prosess.samtaler_per_uke_sp1", "05-stoppunkt1", "ta om lag {} samtaler i uken"),
    "Samtaler gjennomført av NAV Arbeidslivssenter enkelte uker":
        ("prosess.samtaler_als_uke", "05-stoppunkt1", "opp mot {} samtaler"),
    "Planlagte samtaler med sykmeldte per veileder (stoppunkt 2)":
        ("prosess.samtaler_per_uke_sp2", "06-stoppunkt2", "ta {} samtaler med sykmeldte i uken"),
    "Antall som arbeider med marked i regionen":
        ("prosess.markedsansatte", "04-organisering", "arbeider {} personer med marked"),
    "Arbeidsbenker ved oppstart (før felles arbeidsbenk)":
        ("prosess.arbeidsbenker_for", "04-organisering", "hadde veilederne til sammen {} arbeidsbenker"),
    "NAV-kontor i regionen med felles arbeidsbenk":
        ("prosess.kontor", "07-refleksjoner", "for alle {} NAV-kontorene"),
    "Arbeidsverksteder om endringsteori":
        ("prosess.verksteder", "03-metode", "Vi har holdt {} arbeidsverksteder"),
    "Ebrahim m.fl. (2015): studier som finner sammenheng mellom forventning og retur":
        ("prosess.ebrahim_studier", "06-stoppunkt2", "fant {} studier"),
    "Vest-Viken: sykmeldte som forventet retur innen 26 uker men tok feil og trengte bistand":
        ("prosess.vestviken_falske_negative", "08-overforbarhet", "Bare {} prosent"),
    "Vest-Viken: tilfeller der NAV unngikk unødvendig ressursbruk":
        ("prosess.vestviken_unngaatt", "08-overforbarhet", "ressursbruk i {} prosent"),
    "Vest-Viken: arbeidsandel som gjør at man ikke inviteres til kartlegging":
        ("prosess.vestviken_arbeidsandel", "08-overforbarhet", "arbeider {} prosent eller mer"),
    "Jobbforventningsskala (stoppunkt 2)":
        ("prosess.skala_min", "00-sammendrag", "skala fra {} til"),
}


# Small counts of things are written in words in running text (the report does: «seks
# arbeidsbenker»); the test's own spelling of the reference values.
IN_WORDS = {"prosess.samtaler_per_uke_sp1": "to", "prosess.samtaler_per_uke_sp2": "to",
            "prosess.markedsansatte": "fem", "prosess.arbeidsbenker_for": "seks",
            "prosess.kontor": "seks", "prosess.verksteder": "tre"}
DIGITS_OF_WORDS = {"to": "2", "tre": "3", "fem": "5", "seks": "6"}


def test_process_numbers():
    for row in reference("text_other_numbers.csv").itertuples():
        key, page, sentence = OTHER[row.metric]
        value = row.value.replace("-", "–")
        if key in IN_WORDS:
            assert DIGITS_OF_WORDS[IN_WORDS[key]] == value
            value = IN_WORDS[key]
        if row.metric.startswith("Jobbforventningsskala"):
            value = value.split("-")[0].split("–")[0]
        assert sentence.format(value) in page_text(f"{page}.html"), (row.metric, value)
        shown = facts()[key]["text"]
        assert value.startswith(shown) or shown == value, (key, shown, value)
