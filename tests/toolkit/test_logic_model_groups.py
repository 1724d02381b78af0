"""A logic model colours its boxes by actor group and names the groups in a legend."""

import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import FancyBboxPatch

from rapport.exhibits import logic_model
from rapport.exhibits.figures._common import meta

COLUMNS = [("Aktiviteter", [("Kartlegge", "NAV"), ("Søke kurs", "Sykmeldt")]),
           ("Mål", [("Nytt arbeid", "Sykmeldt")])]


def _faces(fig):
    return [to_hex(p.get_facecolor()) for p in fig.axes[0].patches
            if isinstance(p, FancyBboxPatch)]


def test_each_box_takes_its_groups_colour_and_the_legend_shows_each_group_once():
    fig = logic_model(COLUMNS, groups={"NAV": "#0b3a66", "Sykmeldt": "#bfbfbf"})
    faces = _faces(fig)
    # three boxes (NAV, Sykmeldt, Sykmeldt) and then two legend keys (NAV, Sykmeldt)
    assert faces == ["#0b3a66", "#bfbfbf", "#bfbfbf", "#0b3a66", "#bfbfbf"]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "NAV" in texts and "Sykmeldt" in texts
    assert "Fargene viser hvem som utfører: NAV og sykmeldt." in meta(fig)["alt"]
    assert list(meta(fig)["data"].columns) == ["kolonne", "boks", "gruppe"]
    assert list(meta(fig)["data"]["gruppe"]) == ["NAV", "Sykmeldt", "Sykmeldt"]


def test_a_box_in_an_unknown_group_is_refused_naming_it():
    with pytest.raises(ValueError, match=r"ukjente grupper \['Sykmeldt'\]"):
        logic_model(COLUMNS, groups=["NAV"])


def test_groups_on_the_boxes_without_groups_argument_are_refused():
    with pytest.raises(ValueError, match="groups= mangler"):
        logic_model(COLUMNS)


def test_without_groups_every_box_is_light_blue_and_there_is_no_legend():
    fig = logic_model([("Innsats", ["Tilskudd"]), ("Effekter", ["Mindre fravær"])])
    assert _faces(fig) == ["#b8d4ec", "#b8d4ec"]
    assert list(meta(fig)["data"].columns) == ["kolonne", "boks"]
