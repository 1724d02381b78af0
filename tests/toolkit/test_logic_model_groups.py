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


SEED_FIG_1_1 = [  # the boxes and actor groups of a four-column model with long labels
    ("Implementering", [("Prosjektgrupper og opplæring i fem forsøksfylker", "NAV, prosjektet")]),
    ("Aktiviteter", [("Kartleggingssamtale og registrering", "NAV, oppfølging av sykmeldte"),
                     ("Tips om kandidater fra lege, arbeidsgiver og andre", "Andre aktører")]),
    ("Resultater", [("Sykmeldte deltar i kompetansetiltak", "Den sykmeldte")]),
    ("Mål", [("Overgang til arbeid som passer helsen", "Den sykmeldte")]),
]
GROUPS = ["NAV, prosjektet", "NAV, oppfølging av sykmeldte", "Den sykmeldte", "Andre aktører"]


def _extents(fig):
    """Display-space extents of the boxes, their texts, the legend keys and legend texts, as
    the Agg renderer draws them (independent of how the figure measured its text)."""
    from rapport.exhibits import style

    with style.house():  # the house font, as publish_figure saves the figure
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    patches = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, FancyBboxPatch)]
    texts = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts}
    return patches, texts


def test_box_text_fits_its_box_and_wraps_only_where_needed():
    fig = logic_model(SEED_FIG_1_1, groups=GROUPS)
    texts = [t.get_text() for t in fig.axes[0].texts]
    # the box is wide enough for «Sykmeldte deltar i» on one line: no lone «i»
    assert "Sykmeldte deltar i\nkompetansetiltak" in texts
    patches, extents = _extents(fig)
    boxes = patches[:5]
    box_texts = [t for t in fig.axes[0].texts if t.get_fontsize() == 8.5]
    assert len(box_texts) == 5
    for t in box_texts:
        e = extents[t.get_text()]
        assert any(b.x0 < e.x0 and e.x1 < b.x1 and b.y0 < e.y0 and e.y1 < b.y1 for b in boxes), \
            t.get_text()


def test_legend_entries_do_not_touch_each_other_and_stay_inside_the_figure():
    fig = logic_model(SEED_FIG_1_1, groups=GROUPS)
    patches, extents = _extents(fig)
    keys = patches[-len(GROUPS):]
    labels = [extents[g] for g in GROUPS]
    width = fig.bbox.width
    for i, (key, label) in enumerate(zip(keys, labels)):
        assert key.x1 < label.x0                       # the label is right of its key
        assert 0 <= key.x0 and label.x1 <= width       # inside the figure
        if i + 1 < len(GROUPS) and abs(keys[i + 1].y0 - key.y0) < 1:  # same row
            assert label.x1 + 5 < keys[i + 1].x0, (GROUPS[i], GROUPS[i + 1])
    assert all("\n" not in g for g in GROUPS)  # each label on one line
