# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Endringsteoriene for stoppunkt 1 og 2 (Figur 1 og Figur 8)
#
# Hver modell er en databeskrivelse i `data/raw/endringsteori/*.yml` (behov → innsatsfaktorer
# → aktiviteter → tjenester → endringsmekanismer → brukereffekter, og implementeringsutfall),
# tegnet av `rapport.exhibits.figures.theory_of_change`. Alt-teksten leser kjeden i rekkefølge.

# %%
from pathlib import Path

import yaml

from rapport import context
from rapport.data.recorder import record_read
from rapport.exhibits import publish_figure
from rapport.exhibits.figures.theory_of_change import check_spec, theory_of_change


def load_spec(name: str) -> dict:
    path = Path("data/raw/endringsteori") / f"{name}.yml"
    full = context.project_root() / path
    record_read(full)
    return check_spec(yaml.safe_load(full.read_text(encoding="utf-8")), source=str(path))


for fig_id, name in (("endringsteori-stoppunkt1", "stoppunkt1"),
                     ("endringsteori-stoppunkt2", "stoppunkt2")):
    spec = load_spec(name)
    out = publish_figure(fig_id, theory_of_change(spec, source=name), caption=spec["title"],
                         source="Oxford Research AS, utarbeidet sammen med sykefraværsavdelingen i NAV region Sunnfjord", n=False)
    print(out["alt"])
