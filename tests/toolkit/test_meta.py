"""Meta-analysis helpers (rapport.stats.meta): hand-computed cases."""

import pandas as pd
import pytest

from rapport.stats.meta import CLASSES, effect_sizes, vote_count


def test_standardised_effect_and_classes():
    frame = pd.DataFrame({"effekt": [0.05, -0.03, 0.01], "se": [0.02, 0.01, 0.01],
                          "baseline": [0.5, 0.2, 0.5], "type": ["A", "A", "B"]})
    out = effect_sizes(frame)
    # sd = √(0.5·0.5) = 0.5 → d = 0.1, se 0.04, z 2.5; sd = √(0.2·0.8) = 0.4 → d = −0.075, z −3
    assert out["d"].tolist() == pytest.approx([0.1, -0.075, 0.02])
    assert out["se_d"].tolist() == pytest.approx([0.04, 0.025, 0.02])
    assert out["z_verdi"].tolist() == pytest.approx([2.5, -3.0, 1.0])
    assert out["klasse"].tolist() == ["signifikant positiv", "signifikant negativ",
                                      "ikke signifikant"]


def test_vote_count_overall_and_by_group():
    frame = pd.DataFrame({"effekt": [0.05, -0.03, 0.01, 0.04], "se": [0.02, 0.01, 0.01, 0.01],
                          "baseline": [0.5, 0.2, 0.5, 0.5], "type": ["A", "A", "B", "B"]})
    sizes = effect_sizes(frame)
    overall = vote_count(sizes).set_index("klasse")
    assert overall.loc[list(CLASSES), "antall"].tolist() == [2, 1, 1]
    assert overall["andel"].tolist() == pytest.approx([0.5, 0.25, 0.25])
    per = vote_count(sizes, by="type")
    b = per[per["type"] == "B"].set_index("klasse")["antall"]
    assert b.to_dict() == {"signifikant positiv": 1, "ikke signifikant": 1,
                           "signifikant negativ": 0}


@pytest.mark.parametrize("column, value, message", [
    ("se", 0.0, "kolonne 'se', rad 2: standardfeilen må være positiv"),
    ("baseline", 1.0, "kolonne 'baseline', rad 2: basisraten må ligge mellom 0 og 1"),
])
def test_bad_rows_are_named(column, value, message):
    frame = pd.DataFrame({"effekt": [0.1, 0.1], "se": [0.1, 0.1], "baseline": [0.5, 0.5]})
    frame.loc[1, column] = value
    with pytest.raises(ValueError, match=message):
        effect_sizes(frame, where="studier.csv")
    with pytest.raises(KeyError, match="mangler kolonne"):
        effect_sizes(frame.drop(columns="se"))


def test_funnel_plot_panels_groups_and_lines():
    from rapport.exhibits.figures import funnel_plot
    from rapport.exhibits.figures._common import meta
    data = pd.DataFrame({"d": [0.1, -0.05, 0.3, 0.02], "se_d": [0.04, 0.05, 0.1, 0.01],
                         "type": ["Opplæring", "Opplæring", "Lønnstilskudd", "Lønnstilskudd"],
                         "gruppe": ["Nordisk", "Annet", "Nordisk", "Nordisk"]})
    fig = funnel_plot(data)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title(loc="left") for ax in visible] == ["Opplæring", "Lønnstilskudd"]
    ax = visible[0]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]                 # standard error grows downwards
    slopes = [line.get_xdata()[-1] / line.get_ydata()[-1] for line in ax.get_lines()
              if line.get_linestyle() == "--"]
    assert sorted(slopes) == pytest.approx([-1.96, 1.96])
    alt = meta(fig)["alt"]
    # 0.1/0.04 = 2.5 significant, −0.05/0.05 = −1 not; 0.3/0.1 = 3 and 0.02/0.01 = 2 both are
    assert "Opplæring: 2 estimater (1 nordisk og 1 annet)" in alt
    assert "1 signifikante" in alt and "Lønnstilskudd: 2 estimater (2 nordisk og 0 annet)" in alt
