"""Figure kinds render, publish deterministic artifacts, carry alt text and captions with n."""

import json
import subprocess

import pandas as pd
import pypandoc
import pytest

from rapport.exhibits import (bar_chart, bar_order, county_bars, dac_diagram, grouped_bars,
                              likert_diverging, likert_stacked, logic_model, order_bars,
                              publish_bars, publish_figure, publish_question, state_distribution,
                              style)
from rapport.stats import multi_select

S = "\u00a0"


@pytest.fixture(autouse=True)
def artifacts(publishing):
    return publishing


def single():
    return pd.DataFrame({"category": ["Muskel- og skjelettplager", "Annet", "Psykiske helseplager",
                                      "NAV-relaterte forhold"],
                         "share": [0.43, 0.08, 0.47, 0.3], "n": 216})


def rounds():
    return pd.DataFrame({
        "category": ["IA-rådgiver", "IA-rådgiver", "Andre ansatte", "Andre ansatte",
                     "Tilbyder av ekspertbistand"],
        "round": [2022, 2024, 2022, 2024, 2024],
        "share": [0.41, 0.46, 0.10, 0.17, 0.15], "n": [261, 271, 261, 271, 271]})


LEVELS = ["I stor grad", "I noen grad", "I liten grad", "Ikke involvert"]


def likert():
    rows = [("Tillitsvalgte", lv, v) for lv, v in zip(LEVELS + ["Vet ikke"],
                                                     [0.08, 0.2, 0.28, 0.4, 0.04])]
    rows += [("Bransjeorganisasjoner", lv, v) for lv, v in zip(LEVELS + ["Vet ikke"],
                                                              [0.07, 0.12, 0.14, 0.6, 0.07])]
    return pd.DataFrame(rows, columns=["item", "level", "share"]).assign(n=203)


AGREE = ["Helt uenig", "Delvis uenig", "Verken eller", "Delvis enig", "Helt enig"]


def agree():
    rows = [(it, lv, v) for it, vals in {"Enkelt å søke": [.12, .2, .1, .33, .22, .03],
                                          "Enkelt å få refusjon": [.03, .06, .08, .3, .5, .03]}.items()
            for lv, v in zip(AGREE + ["Vet ikke"], vals)]
    return pd.DataFrame(rows, columns=["item", "level", "share"])


def county():
    return pd.DataFrame([(c, y, 1e6 * (i + 1) * (y - 2018)) for i, c in enumerate(["03 Oslo", "10 Agder"])
                         for y in (2019, 2020, 2021)], columns=["county", "year", "value"])


STATES = ["Fulltidsarbeid", "Sysselsatt", "Ufør", "Ukjent status"]


def states():
    rows = []
    for g in ("Mottakere", "Ikke-mottakere"):
        for y in (2018, 2019, 2024):
            rows += [(g, y, s, v) for s, v in zip(STATES, [0.5, 0.2, 0.2, 0.1])]
    return pd.DataFrame(rows, columns=["group", "year", "state", "share"])


KINDS = {
    "bars": (lambda: bar_chart(single()), "(n = 216)", "Liggende søylediagram. Psykiske helseplager 47"),
    "grouped": (lambda: grouped_bars(rounds()), "(n 2022 = 261, n 2024 = 271)", "ikke spurt 2022"),
    "likert": (lambda: likert_stacked(likert(), levels=LEVELS), "(n = 203)", "vet ikke 4"),
    "diverging": (lambda: likert_diverging(agree(), levels=AGREE, negative=2, neutral="Verken eller"),
                  None, "Divergerende"),
    "county": (lambda: county_bars(county()), None, "ett panel per fylke"),
    "states": (lambda: state_distribution(states(), states=STATES, partial={2024: "januar"}),
               None, "2024 er bare delvis med"),
    "dac": (lambda: dac_diagram(), None, "relevans, samstemthet og måloppnåelse"),
    "logic": (lambda: logic_model([("Innsats", ["Tilskudd"]), ("Effekter", ["Mindre fravær"])]),
              None, "Logikkmodell"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_publishes_deterministic_artifacts(kind, artifacts):
    make, n_text, alt_part = KINDS[kind]
    first = publish_figure(kind, make(), caption="Et spørsmål?")
    svg1 = first["svg"].read_bytes()
    second = publish_figure(kind, make(), caption="Et spørsmål?")
    assert second["svg"].read_bytes() == svg1, "two publishes must give identical SVG bytes"
    assert svg1.startswith(b"<?xml") and b"<dc:date>" not in svg1
    assert b"<text" not in svg1  # glyphs as paths: same letters in browsers and Typst
    md = first["md"].read_text(encoding="utf-8")
    assert alt_part in first["alt"]
    assert f'{{fig-alt="{first["alt"]}"}}' in md.replace("\\", "")
    if n_text:
        assert n_text.replace(" ", " ") in md.replace(S, " ")
    assert (artifacts / f"fig-{kind}.csv").read_text(encoding="utf-8").count("\n") >= 2


def test_snippet_exact_syntax(artifacts):
    out = publish_figure("kjennskap", bar_chart(single()), caption="Hva var utfordringene?",
                         multi=True)
    md = out["md"].read_text(encoding="utf-8")
    expected = (
        "::: {#fig-kjennskap}\n"
        f'![](/_build/artifacts/03-bruk/fig-kjennskap.svg){{fig-alt="{out["alt"]}"}}\n\n'
        "Hva var utfordringene? (Flere svar mulig) (n = 216)\n"
        ":::\n\n"
        "::: {.kilde}\nKilde: Oxford Research AS\n:::\n\n"
        '::: {.content-visible when-format="html"}\n'
        "[Last ned data (CSV)](/_build/artifacts/03-bruk/fig-kjennskap.csv){.download}\n"
        "[Last ned for Excel (semikolon, desimalkomma)]"
        "(/_build/artifacts/03-bruk/fig-kjennskap.excel.csv){.download}\n:::\n"
    )
    assert md == expected


def test_explicit_alt_overrides_and_no_source(artifacts):
    out = publish_figure("dac", dac_diagram(), caption="OECDs DAC-kriterier", alt='Egen "tekst"',
                         source=None)
    md = out["md"].read_text(encoding="utf-8")
    assert 'fig-alt="Egen \\"tekst\\""' in md and "Kilde:" not in md and "(n =" not in md


def test_pandoc_reads_snippet_as_figure_with_alt(artifacts):
    out = publish_figure("x", bar_chart(single()), caption="Spørsmål med *stjerne* og @navn?")
    doc = json.loads(subprocess.run([pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "json",
                                     str(out["md"])], capture_output=True, check=True).stdout)
    text = json.dumps(doc, ensure_ascii=False)
    assert '"fig-x"' in text and "Liggende søylediagram" in text
    assert '"Emph"' not in text and '"Cite"' not in text  # question text stays literal


def test_n_for_varying_bases_is_a_range(artifacts):
    data = single().assign(n=[216, 210, 216, 203])
    out = publish_figure("r", bar_chart(data), caption="Spm.")
    assert "(n = 203–216)" in out["md"].read_text(encoding="utf-8")


def test_missing_alt_or_bad_id_fails():
    import matplotlib.pyplot as plt
    with pytest.raises(ValueError):
        publish_figure("x", plt.figure(), caption="c", data=single())
    with pytest.raises(ValueError):
        publish_figure("Bad_Id", bar_chart(single()), caption="c")


def test_palette_contrast():
    assert style.contrast(style.BLUE, "#FFFFFF") >= 4.5
    assert style.contrast(style.ROUNDS[1], style.ROUNDS[0]) >= 2.5  # rounds differ in lightness
    for color in style.sequential(4) + style.oranges(2) + list(style.OKABE_ITO):
        bg = style.text_color(color)
        assert style.contrast(bg, color) >= 4.5, color


def test_bar_order_substantive_by_size_then_none_annet_vet_ikke():
    values = pd.Series({"Vet ikke": 0.30, "Annet": 0.40, "Nei, ingen tiltak": 0.50,
                        "Tilpasning av arbeidstid": 0.20, "Hadde ikke behov": 0.05,
                        "Ergonomi": 0.60, "Oppfølging fra BHT": 0.20})
    assert bar_order(values) == ["Ergonomi", "Tilpasning av arbeidstid", "Oppfølging fra BHT",
                                 "Nei, ingen tiltak", "Hadde ikke behov", "Annet", "Vet ikke"]
    table = pd.DataFrame({"category": list(values.index), "share": values.to_numpy(),
                          "step": range(7)})
    by_share = order_bars(table)
    assert list(by_share["category"]) == bar_order(values)
    assert list(by_share.index) == list(range(7))
    # another column as the order (e.g. a process order); the tail rule still holds
    by_step = order_bars(table, by="step")
    assert list(by_step["category"])[:3] == ["Oppfølging fra BHT", "Ergonomi",
                                             "Tilpasning av arbeidstid"]
    assert list(by_step["category"])[-2:] == ["Annet", "Vet ikke"]


class _Codebook:
    """The three methods publish_question uses, as `rapport.data.Codebook` has them."""

    def labels(self, name):
        return {1: "Ja", 2: "Nei", 9: "Vet ikke"}

    def caption(self, name):
        return {"q_x": "Har du hørt om det?"}[name]

    def is_multi(self, name):
        return False


def test_publish_question_in_scale_order_with_codebook_caption(artifacts):
    answers = pd.DataFrame({"q_x": [2, 2, 2, 1, 9, None]})
    table = publish_question("spm", answers, _Codebook(), "q_x", source="Kilde X")
    assert list(table["category"]) == ["Ja", "Nei", "Vet ikke"]  # scale order, not by size
    assert list(table["count"]) == [1, 3, 1] and (table["n"] == 5).all()
    csv = pd.read_csv(artifacts / "fig-spm.csv")
    assert list(csv.columns) == ["category", "count", "n", "share"]
    assert list(csv["category"]) == ["Ja", "Nei", "Vet ikke"]
    md = (artifacts / "fig-spm.md").read_text(encoding="utf-8").replace(S, " ")
    assert "Har du hørt om det? (n = 5)" in md and "Kilde: Kilde X" in md
    assert "Flere svar mulig" not in md


def test_publish_bars_keeps_table_order_and_marks_multi(artifacts):
    data = pd.DataFrame({"q_k_a": [1, 0, 1, 1], "q_k_annet": [1, 1, 1, 0], "q_k_b": [0, 1, 0, 0]})
    table = order_bars(multi_select(data, {"q_k_a": "A", "q_k_annet": "Annet", "q_k_b": "B"},
                                    group="q_k"))
    out = publish_bars("flere", table, caption="Hva?", multi=True, source=None, label_width=30)
    csv = pd.read_csv(out["csv"])
    assert list(csv["category"]) == ["A", "B", "Annet"]  # «Annet» last despite its size
    assert list(csv.columns) == ["category", "count", "n", "share"]
    md = out["md"].read_text(encoding="utf-8").replace(S, " ")
    assert "Hva? (Flere svar mulig) (n = 4)" in md and "Kilde" not in md


def test_the_returned_paths_show_as_the_book_uses_them(artifacts):
    """A notebook's last expression is published in its executed copy: no build directory."""
    out = publish_figure("kjennskap", bar_chart(single()), caption="Hva?")
    assert out["md"].is_file() and str(artifacts) in str(out["md"])
    assert str(artifacts) not in repr(out)
    assert "'md': '/_build/artifacts/03-bruk/fig-kjennskap.md'" in repr(out)
