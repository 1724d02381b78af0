"""Synthetic survey exports for the worked example (seed 004).

Writes, deterministically from one seed:

- ``mottakere_2024.sav``        recipients 2024 (SPSS, value labels), 271 started / 234 complete
- ``ikke_mottakere_2024.csv``   non-recipients 2024 (Norwegian Excel CSV: ``;``, decimal comma,
                                UTF-8 with BOM, CRLF), 214 complete of 1 426 invited
- ``mottakere_2022.xlsx``       recipients 2022, the earlier evaluation round (sheet «Data»)
- ``utvalg_mottakere_2024.csv`` the survey frame of 1 037 recipient firms with response status
                                (UTF-8, ``;``), for the frafall table

All numbers come from `survey_spec`; this module only distributes them over pseudonymous
respondents. ``python -m ekspertbistand.survey`` regenerates ``data/raw/survey/`` and the
survey codebooks in ``data/codebook/``.
"""

from __future__ import annotations

import io
import re
import sys
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from ekspertbistand import survey_spec as S

FILES = {
    "mottakere_2024": "mottakere_2024.sav",
    "ikke_mottakere_2024": "ikke_mottakere_2024.csv",
    "mottakere_2022": "mottakere_2022.xlsx",
    "utvalg_mottakere_2024": "utvalg_mottakere_2024.csv",
}

_FIXED_TIME = datetime(2024, 6, 10, 12, 0, 0)

# ---------------------------------------------------------------------------------------------
# Assignment helpers: distribute exact counts over a list of respondent ids
# ---------------------------------------------------------------------------------------------


def _assign_single(ids, counts: dict[int, int], rng) -> pd.Series:
    """Give each id one code so that code c occurs exactly counts[c] times (-1 = missing)."""
    ids = list(ids)
    total = sum(counts.values())
    if total != len(ids):
        raise ValueError(f"counts sum to {total}, base has {len(ids)}")
    codes = np.repeat(np.array(list(counts), dtype=float), list(counts.values()))
    rng.shuffle(codes)
    codes[codes == -1] = np.nan
    return pd.Series(codes, index=ids)


def _assign_multi(ids, options, rng) -> pd.DataFrame:
    """0/1 matrix for a multi-select question; every id picks >= 1 option.

    options: (suffix, count, exclusive). Exclusive options go to their own respondents;
    the others are drawn so that nobody ends up with no answer.
    """
    ids = list(rng.permutation(np.array(ids)))
    out = pd.DataFrame(0, index=ids, columns=[o[0] for o in options], dtype=int)
    pos = 0
    for suffix, k, exclusive in options:
        if exclusive:
            out.loc[ids[pos:pos + k], suffix] = 1
            pos += k
    rest = ids[pos:]
    regular = sorted([o for o in options if not o[2]], key=lambda o: -o[1])
    uncovered = set(rest)
    for j, (suffix, k, _) in enumerate(regular):
        later = sum(o[1] for o in regular[j + 1:])
        must = max(0, len(uncovered) - later)
        if k > len(rest) or must > k:
            raise ValueError(f"multi-select option {suffix}: infeasible counts")
        unc = [i for i in rest if i in uncovered]
        first = list(rng.choice(np.array(unc), size=must, replace=False)) if must else []
        pool = [i for i in rest if i not in set(first)]
        second = list(rng.choice(np.array(pool), size=k - must, replace=False)) if k - must else []
        chosen = first + second
        out.loc[chosen, suffix] = 1
        uncovered -= set(chosen)
    if uncovered:
        raise ValueError("multi-select: respondents without an answer")
    return out


def _put(df: pd.DataFrame, col: str, values: pd.Series) -> None:
    df[col] = values.astype(float).reindex(df.index)


def _put_multi(df: pd.DataFrame, group: str, m: pd.DataFrame) -> None:
    for suffix in m.columns:
        _put(df, f"{group}_{suffix}", m[suffix])


def _pick(rng, ids, k) -> list:
    return list(rng.choice(np.array(sorted(ids)), size=k, replace=False))


# ---------------------------------------------------------------------------------------------
# The frame of recipient firms
# ---------------------------------------------------------------------------------------------


def _frame(rng) -> pd.DataFrame:
    groups = {"R": S.FRAME_RESPONDENTS, "O": S.FRAME_OTHERS}
    parts = []
    for g, n in groups.items():
        col = 1 if g == "R" else 2
        part = pd.DataFrame(index=range(n))
        for var, rows in S.FRAFALL_COUNTS.items():
            values = np.repeat([r[0] for r in rows], [r[col] for r in rows])
            if len(values) != n:
                raise ValueError(f"frafall {var}/{g}: {len(values)} != {n}")
            part[var] = rng.permutation(values)
        # sektor follows næring: rank by public propensity (+ noise) and give the top k
        # Offentlig, keeping the block count exact
        n_public = dict((r[0], r[col]) for r in S.FRAFALL_COUNTS["sektor"])[1]
        score = part["hovednaering"].map(S.PUBLIC_PROPENSITY).fillna(0.05).to_numpy()
        score = score + rng.normal(0, 0.15, n)
        order = np.argsort(-score, kind="stable")
        sektor = np.full(n, 2)  # 2 Privat
        sektor[order[:n_public]] = 1  # 1 Offentlig
        part["sektor"] = sektor
        part["group"] = g
        parts.append(part)
    unlinked = pd.DataFrame({"tilsagnsar": [2022], "group": ["U"]})
    frame = pd.concat(parts + [unlinked], ignore_index=True)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    frame.insert(0, "lopenr", np.arange(1, len(frame) + 1))
    frame["koblet_enhetsregisteret"] = (frame["group"] != "U").astype(int)
    # response status: respondents (page 2+) come later from the recipients' funnel
    frame["svarstatus"] = 0
    return frame


# ---------------------------------------------------------------------------------------------
# Recipients 2024
# ---------------------------------------------------------------------------------------------


def _recipients_2024(rng, frame: pd.DataFrame) -> pd.DataFrame:
    resp = frame.loc[frame["group"] == "R", "lopenr"].tolist()
    page1_only = _pick(rng, frame.loc[frame["group"] == "O", "lopenr"], S.R24_PAGE1_ONLY)
    started = sorted(resp + page1_only)
    df = pd.DataFrame(index=started)
    df.index.name = "lopenr"
    fr = frame.set_index("lopenr")
    df["svarstatus"] = np.nan
    df["sektor"] = fr.loc[started, "sektor"].astype(float)
    df["ansatte_kat"] = fr.loc[started, "ansatte_kat"].astype(float)
    df["tilsagnsar"] = fr.loc[started, "tilsagnsar"].astype(float)

    # page 1: Figur 6 (all 271)
    m = _assign_multi(started, [(o[0], o[2], o[4]) for o in S.KILDE], rng)
    _put_multi(df, "q_kilde", m)

    # page 2: screening and role (251)
    mott = _assign_single(resp, S.MOTTATT.counts, rng)
    _put(df, "q_mottatt", mott)
    ja = sorted(mott.index[mott == 1])
    non_ja = sorted(mott.index[mott != 1])

    # drop-out funnel among the 220 «Ja» (pages 3..8); everyone reaching page 8 finishes
    reached = {2: ja}
    for page in range(3, 9):
        prev = reached[page - 1]
        k = S.R24_CASE_PAGES[page]
        reached[page] = sorted(_pick(rng, prev, k)) if k < len(prev) else prev
    complete = sorted(reached[8] + non_ja)
    df.loc[started, "svarstatus"] = 2.0
    df.loc[page1_only, "svarstatus"] = 1.0
    df.loc[complete, "svarstatus"] = 3.0

    # role: Tabell 6 columns for the page-4 respondents, the rest for the others
    p4 = reached[4]
    rolle = pd.concat([
        _assign_single(p4, S.ROLLE_TAB6, rng),
        _assign_single(sorted(set(resp) - set(p4)), S.ROLLE_OTHERS, rng),
    ])
    _put(df, "q_rolle", rolle)

    # page 3: Figur 8, 9, 10
    p3 = reached[3]
    _put_multi(df, "q_utfordring",
               _assign_multi(p3, [(o[0], o[2], o[3]) for o in S.UTFORDRING.options], rng))
    _put_multi(df, "q_mal", _assign_multi(p3, [(o[0], o[2], o[4]) for o in S.MAL], rng))
    _put_multi(df, "q_tiltak", _assign_multi(p3, [(o[0], o[2], o[4]) for o in S.TILTAK], rng))

    # page 4: Figur 7, Tabell 6 (by role), Figur 14
    _put_multi(df, "q_dialog",
               _assign_multi(p4, [(o[0], o[2], o[3]) for o in S.DIALOG.options], rng))
    inv = pd.concat([
        _assign_single(sorted(rolle.index[(rolle == r) & rolle.index.isin(p4)]), c, rng)
        for r, c in S.INVOLVERT_BY_ROLE.items()
    ])
    _put(df, "q_involvert", inv)
    for suffix, _, counts in S.AKTORER.items:
        _put(df, f"q_aktor_{suffix}", _assign_single(p4, counts, rng))

    # page 5: Figur 11 (one item non-response), 12, 13
    p5 = reached[5]
    skipped = _pick(rng, p5, len(p5) - sum(S.ANTALL_2024.values()))
    antall = _assign_single(sorted(set(p5) - set(skipped)), S.ANTALL_2024, rng)
    _put(df, "q_antall_eksperter", antall)
    flere = sorted(antall.index[antall == 2])
    komp_opts = [(o[0], o[2], o[4]) for o in S.KOMPETANSE]
    ao = S.KOMPETANSE_AO_AMONG_FLERE
    # A/O psychology: exactly `ao` of the multi-expert cases (l. 774), the rest elsewhere
    komp = _assign_multi(p5, komp_opts, rng)
    for _ in range(2000):
        cur = int(komp.loc[flere, "aopsykologi"].sum())
        if cur == ao:
            break
        src = [i for i in (flere if cur > ao else sorted(set(p5) - set(flere)))
               if komp.at[i, "aopsykologi"] == 1 and komp.loc[i].sum() > 1]
        dst = [i for i in (sorted(set(p5) - set(flere)) if cur > ao else flere)
               if komp.at[i, "aopsykologi"] == 0 and komp.at[i, "vetikke"] == 0]
        a, b = rng.choice(np.array(src)), rng.choice(np.array(dst))
        komp.at[a, "aopsykologi"], komp.at[b, "aopsykologi"] = 0, 1
    else:  # pragma: no cover - counts in the spec are feasible
        raise RuntimeError("could not place A/O psychology among multi-expert cases")
    _put_multi(df, "q_kompetanse", komp)
    _put(df, "q_ekspert_org", _assign_single(p5, S.EKSPERT_ORG.counts, rng))

    # page 6: Figur 18, completion, Figur 19, follow-up, Figur 20
    p6 = reached[6]
    _put_multi(df, "q_bistand",
               _assign_multi(p6, [(o[0], o[2], o[3]) for o in S.BISTAND.options], rng))
    avsl = _assign_single(p6, S.AVSLUTTET.counts, rng)
    _put(df, "q_avsluttet", avsl)
    avsl_ja = sorted(avsl.index[avsl == 1])
    fore = _assign_multi(avsl_ja, [(o[0], o[2], o[3]) for o in S.FORESLATT.options], rng)
    _put_multi(df, "q_foreslatt", fore)
    med_tiltak = sorted(fore.index[fore[["arbeidstaker", "arbeidsgiver", "andre"]].sum(axis=1) > 0])
    fulgt = _assign_single(med_tiltak, S.FULGT_OPP.counts, rng)
    _put(df, "q_fulgt_opp", fulgt)
    ikke_fulgt = sorted(fulgt.index[fulgt == 2])
    _put_multi(df, "q_ikke_fulgt",
               _assign_multi(ikke_fulgt, [(o[0], o[2], o[3]) for o in S.IKKE_FULGT.options], rng))

    # page 7: Figur 23, sick-leave reduction, Figur 24 (negatives among not followed up), 25
    p7 = reached[7]
    _put(df, "q_utfall", _assign_single(p7, S.UTFALL.counts, rng))
    _put(df, "q_sykefravaer", _assign_single(p7, S.SYKEFRAVAER.counts, rng))
    counts = S.INNVIRKNING.counts
    n_neg = counts[4] + counts[5]
    neg_ids = _pick(rng, [i for i in ikke_fulgt if i in set(p7)], n_neg)
    innv = pd.concat([
        _assign_single(neg_ids, {4: counts[4], 5: counts[5]}, rng),
        _assign_single(sorted(set(p7) - set(neg_ids)),
                       {c: v for c, v in counts.items() if c not in (4, 5)}, rng),
    ])
    _put(df, "q_innvirkning", innv)
    for suffix, _, c in S.VIRKNING.items:
        _put(df, f"q_virkning_{suffix}", _assign_single(p7, c, rng))

    # page 8: Figur 16, 17, net benefit (10 % «Nei» among the positive), Figur 15
    p8 = reached[8]
    _put(df, "q_betalt_mer", _assign_single(p8, S.BETALT_MER.counts, rng))
    _put(df, "q_ressursbruk", _assign_single(p8, S.RESSURSBRUK.counts, rng))
    pos = sorted(i for i in p8 if innv[i] in (1, 2))
    other = sorted(set(p8) - set(pos))
    nc = S.NYTTE.counts
    k_nei_pos = _round_half_up(S.NYTTE_NEI_SHARE_AMONG_POSITIVE * len(pos))
    k_vi_other = nc[9] // 2
    nytte = pd.concat([
        _assign_single(pos, {2: k_nei_pos, 9: nc[9] - k_vi_other,
                             1: len(pos) - k_nei_pos - (nc[9] - k_vi_other)}, rng),
        _assign_single(other, {2: nc[2] - k_nei_pos, 9: k_vi_other,
                               1: len(other) - (nc[2] - k_nei_pos) - k_vi_other}, rng),
    ])
    _put(df, "q_nytte", nytte)
    for suffix, _, c in S.PASTAND_2024:
        _put(df, f"q_pastand_{suffix}", _assign_single(p8, c, rng))

    # page 9 (all complete): use again (cross-tab with sick-leave reduction), other schemes
    syk = df["q_sykefravaer"]
    liten = sorted(i for i in complete if syk.get(i) == 3)
    betydelig = sorted(i for i in complete if syk.get(i) == 1)
    rest = sorted(set(complete) - set(liten) - set(betydelig))
    k_nei = _round_half_up(S.BRUKE_IGJEN_NEI_SHARE_LITEN * len(liten))
    n_ja = S.BRUKE_IGJEN.counts[1]
    vi_rest = len(betydelig) + len(rest) - n_ja - 1  # one «Vet ikke» among «betydelig»
    igjen = pd.concat([
        _assign_single(liten, {2: k_nei, 9: len(liten) - k_nei}, rng),
        _assign_single(betydelig, {1: len(betydelig) - 1, 9: 1}, rng),
        _assign_single(rest, {1: len(rest) - vi_rest, 9: vi_rest}, rng),
    ])
    _put(df, "q_bruke_igjen", igjen)
    _put(df, "q_andre_ordninger", _assign_single(complete, S.ANDRE_ORDNINGER.counts, rng))

    frame.loc[frame["lopenr"].isin(page1_only), "svarstatus"] = 1
    status = df["svarstatus"]
    frame.loc[frame["lopenr"].isin(status.index[status == 2]), "svarstatus"] = 2
    frame.loc[frame["lopenr"].isin(status.index[status == 3]), "svarstatus"] = 3
    return df.reset_index()


def _round_half_up(x: float) -> int:
    return int(np.floor(x + 0.5))


# ---------------------------------------------------------------------------------------------
# Non-recipients 2024
# ---------------------------------------------------------------------------------------------


def _non_recipients_2024(rng) -> pd.DataFrame:
    ids = list(range(1, S.NR24_N + 1))
    df = pd.DataFrame(index=ids)
    df.index.name = "lopenr"
    sektor = _assign_single(ids, S.SEKTOR_NR24, rng)
    _put(df, "sektor", sektor)
    _put(df, "ansatte_kat", _assign_single(ids, S.ANSATTE_NR24, rng))
    # response time in minutes (SurveyXact metadata), one decimal: exercises the decimal comma
    df["varighet_min"] = np.round(rng.lognormal(np.log(6.0), 0.45, len(ids)), 1)
    hort = pd.concat([
        _assign_single(sorted(sektor.index[sektor == s]), c, rng)
        for s, c in S.HORT_OM_BY_SEKTOR.items()
    ])
    _put(df, "q_hort_om", hort)
    heard = sorted(hort.index[hort.isin([1, 2])])
    sokt = _assign_single(heard, S.SOKT.counts, rng)
    g5 = sorted(sokt.index[sokt.isin([2, 3])])
    relevans = pd.concat([
        _assign_single(g5, S.RELEVANS_IN_G5, rng),
        _assign_single(sorted(set(ids) - set(g5)), S.RELEVANS_OTHERS, rng),
    ])
    _put(df, "q_relevans", relevans)
    _put(df, "q_sokt", sokt)
    considered = sorted(sokt.index[sokt == 2])
    _put_multi(df, "q_arsak",
               _assign_multi(considered, [(o[0], o[2], o[3]) for o in S.ARSAK.options], rng))
    base5 = sorted(i for i in g5 if relevans[i] in (1, 2))
    for suffix, _, c in S.GREP.items:
        _put(df, f"q_grep_{suffix}", _assign_single(base5, c, rng))
    return df.reset_index()


# ---------------------------------------------------------------------------------------------
# Recipients 2022
# ---------------------------------------------------------------------------------------------


def _recipients_2022(rng) -> pd.DataFrame:
    ids = list(range(1, S.R22_STARTED + 1))
    df = pd.DataFrame(index=ids)
    df.index.name = "lopenr"
    opts = [(o[0], o[3], o[4]) for o in S.KILDE if o[3] is not None]
    _put_multi(df, "q_kilde", _assign_multi(ids, opts, rng))
    case = sorted(_pick(rng, ids, S.R22_CASE))
    _put_multi(df, "q_mal",
               _assign_multi(case, [(o[0], o[3], o[4]) for o in S.MAL if o[3] is not None], rng))
    _put_multi(df, "q_tiltak",
               _assign_multi(case, [(o[0], o[3], o[4]) for o in S.TILTAK if o[3] is not None],
                             rng))
    expert = sorted(_pick(rng, case, S.R22_EXPERT))
    _put(df, "q_antall_eksperter", _assign_single(expert, S.ANTALL_2022, rng))
    _put_multi(df, "q_kompetanse",
               _assign_multi(expert, [(o[0], o[3], o[4]) for o in S.KOMPETANSE], rng))
    past = sorted(_pick(rng, expert, S.R22_PASTAND))
    for suffix, _, c in S.PASTAND_2022:
        _put(df, f"q_pastand_{suffix}", _assign_single(past, c, rng))
    return df.reset_index()


# ---------------------------------------------------------------------------------------------
# Column metadata (labels, code lists) shared by the writers and the codebooks
# ---------------------------------------------------------------------------------------------


def _columns(dataset: str) -> list[dict]:
    """Codebook column entries, in file order."""
    cols: list[dict] = []

    def single(q: S.Single, codes=None, name=None, label=None, text=None):
        cols.append({"name": name or q.name, "label": label or q.label,
                     "question": text or q.text, "type": "category",
                     "codes": dict(codes or q.codes), "nullable": True})

    def multi(group, text, options, label):
        for suffix, opt_label in options:
            cols.append({"name": f"{group}_{suffix}", "label": opt_label, "question": text,
                         "group": group, "type": "bool", "nullable": True})

    def battery(group, text, scale, items):
        for suffix, item_label in items:
            cols.append({"name": f"{group}_{suffix}", "label": item_label, "question": text,
                         "group": group, "type": "category", "codes": dict(scale),
                         "nullable": True})

    def meta(name, label, type_, **kw):
        cols.append({"name": name, "label": label, "type": type_, **kw})

    if dataset == "mottakere_2024":
        meta("lopenr", "Løpenummer i utvalget (pseudonymisert, = utvalg_mottakere_2024.lopenr)",
             "int", min=1, max=S.FRAME_SIZE)
        meta("svarstatus", "Svarstatus (SurveyXact)", "category",
             codes={k: v for k, v in S.SVARSTATUS.items() if k > 0})
        meta("sektor", "Sektor (fra utvalgsfilen)", "category", codes="sektor")
        meta("ansatte_kat", "Antall ansatte (fra utvalgsfilen)", "category",
             codes="ansatte_gruppe")
        meta("tilsagnsar", "Tilsagnsår (fra utvalgsfilen)", "int", min=2019, max=2023)
        multi("q_kilde", S.Q_KILDE_TEXT, [(o[0], o[1]) for o in S.KILDE], "Kilde")
        single(S.MOTTATT)
        single(S.ROLLE)
        multi("q_utfordring", S.UTFORDRING.text, [(o[0], o[1]) for o in S.UTFORDRING.options],
              "")
        multi("q_mal", S.Q_MAL_TEXT, [(o[0], o[1]) for o in S.MAL], "")
        multi("q_tiltak", S.Q_TILTAK_TEXT, [(o[0], o[1]) for o in S.TILTAK], "")
        multi("q_dialog", S.DIALOG.text, [(o[0], o[1]) for o in S.DIALOG.options], "")
        cols.append({"name": "q_involvert", "label": "Andre i virksomheten involvert i saken",
                     "question": S.INVOLVERT_TEXT, "type": "category",
                     "codes": dict(S.INVOLVERT_CODES), "nullable": True})
        battery("q_aktor", S.AKTORER.text, S.AKTORER.scale, [(i[0], i[1]) for i in S.AKTORER.items])
        cols.append({"name": "q_antall_eksperter", "label": "Antall eksperter i saken",
                     "question": S.Q_ANTALL_TEXT, "type": "category",
                     "codes": dict(S.ANTALL_CODES), "nullable": True})
        multi("q_kompetanse", S.Q_KOMPETANSE_TEXT, [(o[0], o[1]) for o in S.KOMPETANSE], "")
        single(S.EKSPERT_ORG)
        multi("q_bistand", S.BISTAND.text, [(o[0], o[1]) for o in S.BISTAND.options], "")
        single(S.AVSLUTTET)
        multi("q_foreslatt", S.FORESLATT.text, [(o[0], o[1]) for o in S.FORESLATT.options], "")
        single(S.FULGT_OPP)
        multi("q_ikke_fulgt", S.IKKE_FULGT.text, [(o[0], o[1]) for o in S.IKKE_FULGT.options],
              "")
        single(S.UTFALL)
        single(S.SYKEFRAVAER)
        single(S.INNVIRKNING)
        battery("q_virkning", S.VIRKNING.text, S.VIRKNING.scale,
                [(i[0], i[1]) for i in S.VIRKNING.items])
        single(S.BETALT_MER)
        single(S.RESSURSBRUK)
        single(S.NYTTE)
        battery("q_pastand", S.PASTAND_TEXT, S.ENIG, [(i[0], i[1]) for i in S.PASTAND_2024])
        single(S.BRUKE_IGJEN)
        single(S.ANDRE_ORDNINGER)
    elif dataset == "ikke_mottakere_2024":
        meta("lopenr", "Respondentnummer (pseudonymisert)", "int", min=1, max=S.NR24_N)
        meta("sektor", "Sektor (fra utvalgsfilen)", "category",
             codes=dict(S.SEKTOR_IKKE_MOTTAKERE))
        meta("ansatte_kat", "Antall ansatte (fra utvalgsfilen)", "category",
             codes="ansatte_gruppe")
        meta("varighet_min", "Svartid i minutter (SurveyXact)", "float", min=0)
        single(S.HORT_OM)
        single(S.RELEVANS)
        single(S.SOKT)
        multi("q_arsak", S.ARSAK.text, [(o[0], o[1]) for o in S.ARSAK.options], "")
        battery("q_grep", S.GREP.text, S.GREP.scale, [(i[0], i[1]) for i in S.GREP.items])
    elif dataset == "mottakere_2022":
        meta("lopenr", "Respondentnummer (pseudonymisert)", "int", min=1, max=S.R22_STARTED)
        multi("q_kilde", S.Q_KILDE_TEXT, [(o[0], o[1]) for o in S.KILDE if o[3] is not None],
              "")
        multi("q_mal", S.Q_MAL_TEXT, [(o[0], o[1]) for o in S.MAL if o[3] is not None], "")
        multi("q_tiltak", S.Q_TILTAK_TEXT, [(o[0], o[1]) for o in S.TILTAK if o[3] is not None],
              "")
        cols.append({"name": "q_antall_eksperter", "label": "Antall eksperter i saken",
                     "question": S.Q_ANTALL_TEXT, "type": "category",
                     "codes": dict(S.ANTALL_CODES), "nullable": True})
        multi("q_kompetanse", S.Q_KOMPETANSE_TEXT, [(o[0], o[1]) for o in S.KOMPETANSE], "")
        battery("q_pastand", S.PASTAND_TEXT, S.ENIG, [(i[0], i[1]) for i in S.PASTAND_2022])
    elif dataset == "utvalg_mottakere_2024":
        meta("lopenr", "Løpenummer i utvalget (pseudonymisert)", "int", min=1,
             max=S.FRAME_SIZE)
        meta("tilsagnsar", "Tilsagnsår (første tilsagn)", "int", min=2019, max=2023)
        meta("sektor", "Sektor (Enhetsregisteret)", "category", codes="sektor", nullable=True)
        meta("hovednaering", "Hovednæring (NACE-hovedområde, Enhetsregisteret)", "category",
             codes="nace_hovednaering", nullable=True)
        meta("ansatte_kat", "Antall ansatte", "category", codes="ansatte_gruppe",
             nullable=True)
        meta("fylke", "Fylke (inndeling 2024)", "category", codes="fylke_2024", nullable=True)
        meta("koblet_enhetsregisteret", "Koblet mot Enhetsregisteret", "bool")
        meta("svarstatus", "Svarstatus i spørreundersøkelsen 2024", "category",
             codes=dict(S.SVARSTATUS))
        meta("respondent", "Respondent i frafallsanalysen (svarstatus 2 eller 3)", "bool")
    else:
        raise KeyError(dataset)
    return cols


# ---------------------------------------------------------------------------------------------
# Writers (byte-for-byte deterministic)
# ---------------------------------------------------------------------------------------------


def _order(df: pd.DataFrame, dataset: str) -> pd.DataFrame:
    names = [c["name"] for c in _columns(dataset)]
    missing = set(names) ^ set(df.columns)
    if missing:
        raise ValueError(f"{dataset}: columns differ from the codebook: {sorted(missing)}")
    return df[names]


# code lists referenced by name in the codebooks (data/codebook/codes.yml holds the same)
_SHARED_CODES = {"sektor": S.SEKTOR_MOTTAKERE, "ansatte_gruppe": S.ANSATTE,
                 "nace_hovednaering": S.HOVEDNAERING, "fylke_2024": S.FYLKE_2024}


def _write_sav(df: pd.DataFrame, path: Path) -> None:
    cols = _columns("mottakere_2024")
    labels = {}
    value_labels = {}
    for c in cols:
        text = c["label"] if "question" not in c else f"{c['question']} – {c['label']}"
        labels[c["name"]] = text[:250]
        if c["type"] == "bool":
            value_labels[c["name"]] = {float(k): v for k, v in S.VALGT.items()}
        elif c["type"] == "category":
            codes = _SHARED_CODES[c["codes"]] if isinstance(c["codes"], str) else c["codes"]
            value_labels[c["name"]] = {float(k): v for k, v in codes.items()}
    import pyreadstat

    pyreadstat.write_sav(
        df.astype(float), path, row_compress=True,
        file_label="Ekspertbistand: spørreundersøkelse til mottakere 2024 (syntetisk)",
        column_labels=labels, variable_value_labels=value_labels,
        variable_measure={c["name"]: ("scale" if c["type"] in ("int", "float") else "nominal")
                          for c in cols},
    )
    # ReadStat stamps the creation date and time into the header: pin them
    raw = bytearray(path.read_bytes())
    if raw[:4] != b"$FL2":
        raise ValueError("unexpected SAV header")
    raw[92:101] = b"10 Jun 24"
    raw[101:109] = b"12:00:00"
    path.write_bytes(bytes(raw))


def _write_csv_no(df: pd.DataFrame, path: Path) -> None:
    """Norwegian Excel CSV: `;`, decimal comma, UTF-8 with BOM, CRLF; integers without .0."""
    out = df.copy()
    for c in out.columns:
        if c == "varighet_min":
            out[c] = out[c].map(lambda v: "" if pd.isna(v) else f"{v:.1f}".replace(".", ","))
        else:
            out[c] = out[c].astype("Int64")
    text = out.to_csv(sep=";", index=False, lineterminator="\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def _write_csv_utf8(df: pd.DataFrame, path: Path) -> None:
    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].astype("Int64")
    text = out.to_csv(sep=";", index=False, lineterminator="\n")
    path.write_bytes(text.encode("utf-8"))


def _write_xlsx(df: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        ws.append([None if pd.isna(v) else int(v) for v in row])
    info = wb.create_sheet("Info")
    info.append(["Spørreundersøkelse til mottakere av tilskudd til ekspertbistand 2022 "
                 "(forrige evaluering), syntetiske data"])
    info.append(["Koder: se data/codebook/mottakere_2022.yml. Tom celle = ikke stilt."])
    wb.properties.creator = "ekspertbistand.survey"
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the current time on every zip entry: repack with a fixed time
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl sets «modified» on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-06-10T12:00:00Z",
                              data)
            zi = zipfile.ZipInfo(item.filename, date_time=(2024, 6, 10, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def build(seed: int = 4) -> dict[str, pd.DataFrame]:
    """The four survey data sets as DataFrames (codes as floats, NaN = not asked)."""
    rng = np.random.default_rng(seed)
    with warnings.catch_warnings():
        # columns are added one question at a time; the frames are small
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
        frame = _frame(rng)
        r24 = _recipients_2024(rng, frame)
        nr24 = _non_recipients_2024(rng)
        r22 = _recipients_2022(rng)
    frame["respondent"] = frame["svarstatus"].isin([2, 3]).astype(int)
    frame = frame.drop(columns="group")
    return {
        "mottakere_2024": _order(r24, "mottakere_2024"),
        "ikke_mottakere_2024": _order(nr24, "ikke_mottakere_2024"),
        "mottakere_2022": _order(r22, "mottakere_2022"),
        "utvalg_mottakere_2024": _order(frame, "utvalg_mottakere_2024"),
    }


def generate_surveys(out_dir: Path, *, seed: int = 4) -> dict[str, Path]:
    """Write the survey exports into out_dir (the committed files live in data/raw/survey/)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = build(seed)
    paths = {name: out_dir / fn for name, fn in FILES.items()}
    _write_sav(data["mottakere_2024"], paths["mottakere_2024"])
    _write_csv_no(data["ikke_mottakere_2024"], paths["ikke_mottakere_2024"])
    _write_xlsx(data["mottakere_2022"], paths["mottakere_2022"])
    _write_csv_utf8(data["utvalg_mottakere_2024"], paths["utvalg_mottakere_2024"])
    return paths


# ---------------------------------------------------------------------------------------------
# Codebooks
# ---------------------------------------------------------------------------------------------

_CODEBOOK_META = {
    "mottakere_2024": {
        "title": "Spørreundersøkelse til arbeidsgivere som har mottatt tilskudd til "
                 "ekspertbistand, 2024 (syntetisk)",
        "format": {},
        "description": "Utsendt mars 2024 (SurveyXact) til 1 037 virksomheter i NAVs "
                       "refusjonssystem. 271 startet (svarte på side 1), 251 kom til side 2 "
                       "(respondentene i frafallsanalysen), 234 fullførte (svarstatus = 3).",
        "readings": ["n_271", "figur_19_20", "partene", "figur_8_30", "figur_14_involvert",
                     "figur_25_degree"],
    },
    "ikke_mottakere_2024": {
        "title": "Spørreundersøkelse til arbeidsgivere i målgruppen som ikke har mottatt "
                 "tilskudd, 2024 (syntetisk)",
        "format": {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"},
        "description": "Utsendt mai 2024 (SurveyXact) til 1 426 virksomheter i målgruppen "
                       "uten tilskudd; 214 fullførte besvarelser (bare fullførte er eksportert).",
        "readings": ["figur_2_30", "figur_3_base", "figur_4_filter"],
    },
    "mottakere_2022": {
        "title": "Spørreundersøkelse til mottakere av tilskudd, forrige evaluering 2022 "
                 "(syntetisk)",
        "format": {"sheet": "Data"},
        "description": "Mottakerundersøkelsen i forrige evaluering (Enehaug mfl. 2022): 261 "
                       "svarte på Figur 6-spørsmålet, 231 på Figur 9 og 10.",
        "readings": [],
    },
    "utvalg_mottakere_2024": {
        "title": "Utvalg til spørreundersøkelsen til mottakere 2024: virksomheter i NAVs "
                 "refusjonssystem, uten duplikater (syntetisk)",
        "format": {"sep": ";", "encoding": "utf-8"},
        "description": "1 037 virksomheter: 251 respondenter (svarstatus 2 eller 3), 785 "
                       "andre koblet mot Enhetsregisteret, 1 ikke koblet (utelatt fra "
                       "frafallstabellen).",
        "readings": ["frafall_1036", "n_271"],
    },
}


def _questions(dataset: str) -> dict:
    qs = {}
    if dataset == "mottakere_2024":
        qs["q_kilde"] = {"text": S.Q_KILDE_TEXT, "multi": True, "figure": "Figur 6",
                         "base": "Alle som startet (n = 271)"}
        for q in (S.MOTTATT, S.ROLLE, S.EKSPERT_ORG, S.AVSLUTTET, S.FULGT_OPP, S.UTFALL,
                  S.SYKEFRAVAER, S.INNVIRKNING, S.BETALT_MER, S.RESSURSBRUK, S.NYTTE,
                  S.BRUKE_IGJEN, S.ANDRE_ORDNINGER):
            qs[q.name] = {"text": q.text, "base": q.base, **({"figure": q.figure} if q.figure
                                                             else {})}
        qs["q_utfordring"] = {"text": S.UTFORDRING.text, "multi": True, "figure": "Figur 8",
                              "base": S.UTFORDRING.base}
        qs["q_mal"] = {"text": S.Q_MAL_TEXT, "multi": True, "figure": "Figur 9",
                       "base": "Har mottatt tilskudd, side 3 (n = 216)"}
        qs["q_tiltak"] = {"text": S.Q_TILTAK_TEXT, "multi": True, "figure": "Figur 10",
                          "base": "Har mottatt tilskudd, side 3 (n = 216)"}
        qs["q_dialog"] = {"text": S.DIALOG.text, "multi": True, "figure": "Figur 7",
                          "base": S.DIALOG.base}
        qs["q_involvert"] = {"text": S.INVOLVERT_TEXT, "figure": "Tabell 6",
                             "base": "Har mottatt tilskudd, side 4 (n = 211)"}
        qs["q_aktor"] = {"text": S.AKTORER.text, "figure": "Figur 14", "base": S.AKTORER.base}
        qs["q_antall_eksperter"] = {"text": S.Q_ANTALL_TEXT, "figure": "Figur 11",
                                    "base": "Har mottatt tilskudd, side 5; 1 ubesvart (n = 210)"}
        qs["q_kompetanse"] = {"text": S.Q_KOMPETANSE_TEXT, "multi": True, "figure": "Figur 12",
                              "base": "Har mottatt tilskudd, side 5 (n = 211)"}
        qs["q_bistand"] = {"text": S.BISTAND.text, "multi": True, "figure": "Figur 18",
                           "base": S.BISTAND.base}
        qs["q_foreslatt"] = {"text": S.FORESLATT.text, "multi": True, "figure": "Figur 19",
                             "base": S.FORESLATT.base}
        qs["q_ikke_fulgt"] = {"text": S.IKKE_FULGT.text, "multi": True, "figure": "Figur 20",
                              "base": S.IKKE_FULGT.base}
        qs["q_virkning"] = {"text": S.VIRKNING.text, "figure": "Figur 25",
                            "base": S.VIRKNING.base}
        qs["q_pastand"] = {"text": S.PASTAND_TEXT, "figure": "Figur 15",
                           "base": "Har mottatt tilskudd, side 8 (n = 203)"}
    elif dataset == "ikke_mottakere_2024":
        for q in (S.HORT_OM, S.RELEVANS, S.SOKT):
            qs[q.name] = {"text": q.text, "base": q.base, **({"figure": q.figure} if q.figure
                                                             else {})}
        qs["q_arsak"] = {"text": S.ARSAK.text, "multi": True, "figure": "Figur 4",
                         "base": S.ARSAK.base}
        qs["q_grep"] = {"text": S.GREP.text, "figure": "Figur 5", "base": S.GREP.base}
    elif dataset == "mottakere_2022":
        qs["q_kilde"] = {"text": S.Q_KILDE_TEXT, "multi": True, "figure": "Figur 6",
                         "base": "Alle (n = 261)"}
        qs["q_mal"] = {"text": S.Q_MAL_TEXT, "multi": True, "figure": "Figur 9",
                       "base": "n = 231"}
        qs["q_tiltak"] = {"text": S.Q_TILTAK_TEXT, "multi": True, "figure": "Figur 10",
                          "base": "n = 231"}
        qs["q_antall_eksperter"] = {"text": S.Q_ANTALL_TEXT, "figure": "Figur 11",
                                    "base": "n = 229"}
        qs["q_kompetanse"] = {"text": S.Q_KOMPETANSE_TEXT, "multi": True, "figure": "Figur 12",
                              "base": "n = 229"}
        qs["q_pastand"] = {"text": S.PASTAND_TEXT, "figure": "Figur 15", "base": "n = 225"}
    return qs


def codebook(dataset: str) -> dict:
    meta = _CODEBOOK_META[dataset]
    cb = {
        "dataset": dataset,
        "title": meta["title"],
        "path": f"data/raw/survey/{FILES[dataset]}",
        "format": meta["format"],
        "key": ["lopenr"],
        "description": meta["description"],
        "source": "Syntetiske data (ekspertbistand.survey); gjengir tallene i seed 004",
        "columns": _columns(dataset),
    }
    qs = _questions(dataset)
    if qs:
        cb["questions"] = qs
    if meta["readings"]:
        cb["notes"] = [S.READINGS[r] for r in meta["readings"]]
    return cb


def write_codebooks(out_dir: Path) -> dict[str, Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in FILES:
        path = out_dir / f"{name}.yml"
        header = (f"# Codebook for {FILES[name]}. Generated by `python -m ekspertbistand.survey`"
                  " from src/ekspertbistand/survey_spec.py; edit the spec, not this file.\n")
        body = yaml.safe_dump(codebook(name), allow_unicode=True, sort_keys=False, width=100)
        path.write_text(header + body, encoding="utf-8")
        paths[name] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[2]
    paths = generate_surveys(root / "data" / "raw" / "survey")
    paths.update({f"codebook:{k}": v for k, v in write_codebooks(root / "data" / "codebook").items()})
    for name, path in paths.items():
        print(f"{name}: {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
