"""Theory-of-change diagrams from a description (rapport.exhibits.figures.theory_of_change)."""

import pytest

from rapport.exhibits import publish_figure
from rapport.exhibits.figures._common import meta
from rapport.exhibits.figures.theory_of_change import (SpecError, alt_theory_of_change,
                                                       check_spec, theory_of_change)

SPEC = {
    "title": "Oversiktsmodell",
    "levels": [
        {"title": "Behov", "boxes": ["Arbeidsgivere mangler kunnskap"]},
        {"title": "Aktiviteter", "boxes": ["Liste", "Forarbeid"]},
        {"title": "Tjenester", "kind": "service", "boxes": ["Telefonsamtale", "E-post"]},
        {"title": "Endringsmekanismer", "kind": "mechanism", "boxes": ["Myndiggjøring"]},
        {"title": "Brukereffekter", "boxes": ["Tryggere i rollen"]},
    ],
    "implementation": {"title": "Implementeringsutfall", "boxes": ["Mer samarbeid"]},
}


@pytest.fixture(autouse=True)
def artifacts(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPPORT_ARTIFACTS", str(tmp_path / "art"))
    monkeypatch.setenv("RAPPORT_NOTEBOOK", "05-endringsteori")
    return tmp_path / "art"


def test_alt_text_reads_the_chain_in_order():
    alt = alt_theory_of_change(SPEC)
    order = [alt.index(word) for word in
             ("Behov:", "Aktiviteter:", "Tjenester (uthevet):", "Endringsmekanismer:",
              "Brukereffekter:", "implementeringsutfall:")]
    assert order == sorted(order)
    assert "i 5 ledd" in alt
    assert "liste; forarbeid" in alt


def test_figure_carries_alt_and_boxes_as_data():
    fig = theory_of_change(SPEC)
    info = meta(fig)
    assert info["kind"] == "theory_of_change"
    assert list(info["data"]["ledd"]) == ["Behov", "Aktiviteter", "Aktiviteter", "Tjenester",
                                          "Tjenester", "Endringsmekanismer", "Brukereffekter",
                                          "Implementeringsutfall"]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Telefonsamtale" in texts and "Mer samarbeid" in texts


def test_publish_is_byte_identical(artifacts):
    publish_figure("toc", theory_of_change(SPEC), caption="Modell", source="Kilde", n=False)
    first = (artifacts / "fig-toc.svg").read_bytes()
    publish_figure("toc", theory_of_change(SPEC), caption="Modell", source="Kilde", n=False)
    assert (artifacts / "fig-toc.svg").read_bytes() == first
    snippet = (artifacts / "fig-toc.md").read_text(encoding="utf-8")
    assert 'fig-alt="Oversiktsmodell. Endringsteori i 5 ledd' in snippet


@pytest.mark.parametrize("change, message", [
    (lambda s: s.update(levels=s["levels"][:1]), "at least two levels"),
    (lambda s: s["levels"][2].update(kind="yellow"), r"levels\[2\].kind: 'yellow'"),
    (lambda s: s["levels"][1].update(boxes=[]), r"levels\[1\].boxes: expected a non-empty"),
    (lambda s: s["levels"][0].update(colour="x"), r"levels\[0\]: unknown key"),
    (lambda s: s.update(arrows=[]), "unknown key"),
    (lambda s: s["implementation"].update(title=""), "implementation.title: missing"),
])
def test_bad_specs_are_refused_naming_the_key(change, message):
    import copy
    spec = copy.deepcopy(SPEC)
    change(spec)
    with pytest.raises(SpecError, match=message) as err:
        check_spec(spec, source="stoppunkt1.yml")
    assert str(err.value).startswith("stoppunkt1.yml: ")
