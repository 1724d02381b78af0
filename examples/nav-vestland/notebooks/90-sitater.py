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
# # Sitater fra intervjuer, arbeidsverksteder og fritekstsvar
#
# Intervjusitatene står i `data/raw/sitater.yml`; fritekstsvarene kommer fra
# spørreundersøkelsen (s_26). Hvert sitat sjekkes av `rapport.exhibits.quotes` før det
# publiseres: ingen personnavn, ingen 11-sifrede numre, en informantgruppe fra listen. Et
# sitat som ikke består, stopper bygget med sitatets id.

# %%
import yaml

from rapport import context
from rapport.data import read_dataset
from rapport.data.recorder import record_read
from rapport.exhibits.quotes import publish_quote

path = context.project_root() / "data/raw/sitater.yml"
record_read(path)
spec = yaml.safe_load(path.read_text(encoding="utf-8"))
groups = spec["groups"] + ["Fritekstsvar fra arbeidsgiverundersøkelsen"]
for quote in spec["quotes"]:
    publish_quote(quote["id"], quote["text"], quote["group"], groups=groups)

# %% [markdown]
# Fritekstsvarene rapporten siterer i kapittel 5.3.2: de to som nevner hva samtalen ga.

# %%
svar = read_dataset("arbeidsgiverundersokelse", columns=["respondentid", "s_26"])
tekster = [t for t in svar["s_26"].dropna() if len(t) > 80]
publish_quote("fritekst-arbeidsgivere", "\n\n".join(f"«{t}»" for t in sorted(tekster)),
              "Fritekstsvar fra arbeidsgiverundersøkelsen", groups=groups)
len(spec["quotes"]), len(tekster)
