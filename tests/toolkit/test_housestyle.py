"""House styles as configuration: the loader merges a style file and the project's overrides,
refuses typos and wrong values with file and key, and the caption and Kilde builders follow it."""

from __future__ import annotations

import pandas as pd
import pytest

from rapport import housestyle
from rapport.exhibits import bar_chart, build_table, publish_figure, publish_table
from rapport.housestyle import HouseStyleError
from tests.toolkit.conftest import styled_project

S = "\u00a0"


def load(root):
    return housestyle.load(root, record=False)


def test_the_shipped_styles_load_with_the_values_their_files_state(tmp_path):
    oxford = load(styled_project(tmp_path / "a", "oxford-research"))
    assert (oxford.source, oxford.n_format, oxford.n_placement) == (
        "Oxford Research AS", "(n = {n})", "caption")
    oslo = load(styled_project(tmp_path / "b", "oslo-economics"))
    assert (oslo.source, oslo.n_format, oslo.n_placement, oslo["numbering"]) == (
        "Oslo Economics", "(n={n})", "source", "chapter")
    assert oslo["colors"] == {"primary": "#00313c", "accent": "#c8102e"}
    # the firm's contact page at the back of the printed report (seed 000's last page)
    assert oslo["back-cover"][:2] == ["Oslo Economics", "www.osloeconomics.no"]
    assert oxford["back-cover"] is None


def test_project_overrides_single_keys_and_nested_ones(tmp_path):
    root = styled_project(tmp_path / "p", "oxford-research", extra=(
        "house-style:\n  n-format: \"(N = {n})\"\n  colors:\n    accent: \"#000000\"\n"))
    style = load(root)
    assert style.n_format == "(N = {n})"
    assert style.source == "Oxford Research AS"  # kept from the style file
    assert style["colors"] == {"primary": "#1f3a5f", "accent": "#000000"}


def test_no_style_selected_gives_neutral_defaults_without_a_source(tmp_path):
    style = load(styled_project(tmp_path / "p", None))
    assert style.source is None and style.n_format == "(n = {n})"


@pytest.mark.parametrize("extra, message", [
    ("house-style:\n  n-fromat: \"(n={n})\"\n",
     '_quarto.yml: house-style.n-fromat: unknown key (did you mean "n-format"?)'),
    ("house-style:\n  n-placement: below\n",
     "_quarto.yml: house-style.n-placement: 'below' is not 'caption' or 'source'"),
    ("house-style:\n  n-format: \"n: {n}\"\n", "_quarto.yml: house-style.n-format: 'n: {n}' is not"),
    ("house-style:\n  colors:\n    primray: \"#ffffff\"\n",
     "_quarto.yml: house-style.colors.primray: unknown key"),
    ("house-style:\n  colors:\n    primary: blue\n",
     "_quarto.yml: house-style.colors.primary: 'blue' is not a colour #rrggbb"),
    ("house-style:\n  appendix-numbering: 1\n",
     "_quarto.yml: house-style.appendix-numbering: 1 is not '1' or 'A'"),
    ("house-style:\n  back-cover: post@firma.no\n",
     "_quarto.yml: house-style.back-cover: 'post@firma.no' is not a list of lines"),
])
def test_typos_and_wrong_values_are_errors_naming_file_and_key(tmp_path, extra, message):
    root = styled_project(tmp_path / "p", "oxford-research", extra=extra)
    with pytest.raises(HouseStyleError) as info:
        load(root)
    assert str(info.value).startswith(message), str(info.value)


def test_an_error_in_a_style_file_names_that_file(tmp_path):
    root = styled_project(tmp_path / "p", "oxford-research")
    path = root / "_extensions/rapport/styles/oxford-research.yml"
    path.write_text(path.read_text().replace("numbering: global", "numbering: perkapittel"))
    with pytest.raises(HouseStyleError) as info:
        load(root)
    assert str(info.value) == ("_extensions/rapport/styles/oxford-research.yml: "
                               "house-style.numbering: 'perkapittel' is not 'global' or 'chapter'")


def test_a_yaml_error_names_file_and_line(tmp_path):
    root = styled_project(tmp_path / "p", "oxford-research", extra="house-style:\n  name: a: b\n")
    with pytest.raises(HouseStyleError) as info:
        load(root)
    assert str(info.value).startswith("_quarto.yml: line 6: YAML error"), str(info.value)


def test_a_missing_style_file_is_an_error(tmp_path):
    root = styled_project(tmp_path / "p", None, extra="metadata-files: [styles/borte.yml]\n")
    with pytest.raises(HouseStyleError, match=r"metadata-files: styles/borte.yml: file not found"):
        load(root)


def test_the_loader_records_every_file_it_read(tmp_path, monkeypatch):
    import json

    root = styled_project(tmp_path / "p", "oslo-economics")
    log = tmp_path / "reads.jsonl"
    monkeypatch.setenv("RAPPORT_ROOT", str(root))
    monkeypatch.setenv("RAPPORT_READS", str(log))
    housestyle.load()
    paths = [json.loads(line)["path"] for line in log.read_text().splitlines()]
    assert paths == ["_quarto.yml", "_extensions/rapport/styles/oslo-economics.yml"]


# --- what a reader sees under each style ------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    def make(style, extra=""):
        root = styled_project(tmp_path / "proj", style, extra)
        monkeypatch.setenv("RAPPORT_ROOT", str(root))
        monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path / "art"))
        monkeypatch.setenv("RAPPORT_NOTEBOOK", "01-test")
        monkeypatch.delenv("RAPPORT_READS", raising=False)
        return root
    return make


def shares():
    return pd.DataFrame({"category": ["Ja", "Nei"], "share": [0.6, 0.4], "n": [721, 721]})


def kilde_and_caption(md: str) -> tuple[str, str]:
    kilde = next(line for line in md.splitlines() if line.startswith("Kilde:"))
    caption = md.split(":::\n")[0].strip().splitlines()[-1]
    return caption.replace(S, " "), kilde.replace(S, " ")


def test_oxford_research_puts_the_base_in_the_caption(project):
    project("oxford-research")
    md = publish_figure("svar", bar_chart(shares()), caption="Svarte du?")["md"].read_text()
    assert kilde_and_caption(md) == ("Svarte du? (n = 721)", "Kilde: Oxford Research AS")


def test_oslo_economics_puts_the_base_at_the_end_of_the_kilde_line(project):
    project("oslo-economics")
    md = publish_figure("svar", bar_chart(shares()), caption="Svarte du?",
                        source="Registreringsskjema")["md"].read_text()
    assert kilde_and_caption(md) == ("Svarte du?", "Kilde: Registreringsskjema (n=721)")


def test_a_capital_n_override_reaches_tables_and_round_comparisons(project):
    project("oxford-research", 'house-style:\n  n-format: "(N = {n})"\n')
    data = pd.DataFrame({"gruppe": ["A", "B"], "antall": [1200, 48]})
    table = build_table(data, stub="gruppe", columns=["antall"])
    md = publish_table("antall", table, caption="Antall", data=data, n=1248)["md"].read_text()
    assert kilde_and_caption(md) == ("Antall (N = 1 248)", "Kilde: Oxford Research AS")
    rounds = pd.DataFrame({"category": ["Ja", "Ja"], "round": [2022, 2024], "share": [.5, .6],
                           "n": [261, 271]})
    from rapport.exhibits import grouped_bars

    md = publish_figure("runder", grouped_bars(rounds), caption="Svarte du?")["md"].read_text()
    assert kilde_and_caption(md)[0] == "Svarte du? (N 2022 = 261, N 2024 = 271)"


def test_without_a_style_source_an_exhibit_must_name_its_source(project):
    project(None)
    with pytest.raises(ValueError, match="fig-svar: no source: pass source="):
        publish_figure("svar", bar_chart(shares()), caption="Svarte du?")
    md = publish_figure("svar", bar_chart(shares()), caption="Svarte du?",
                        source="SSB")["md"].read_text()
    assert "Kilde: SSB" in md
