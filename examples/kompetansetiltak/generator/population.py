"""The synthetic candidates of the pilot: who they are, what the form says, what the registers say.

Every count below is chosen so that the printed numbers of the report come out of the data
(see data/reference/ and the example's README). Months are integers `year * 12 + month - 1`.
The funnel: 721 mapped (form) → 689 with a conversation date, linked to the registers → 245
with a decision (vedtak) → 198 registered as participants in Arena → 95 ended by the data end
→ 66 followed three months after the measure; 219 with planned dates on the form → 68 with a
status after the measure.
"""

from __future__ import annotations

import datetime as dt
import random

from solve import Count, allocate, fit_months

END = 2022 * 12 + 2          # last month of register status data: March 2022
FORM_FIRST = dt.date(2021, 10, 1)
FORM_LAST = dt.date(2022, 4, 30)
N_MAPPED = 721


def month(y: int, m: int) -> int:
    return y * 12 + m - 1


def first_day(mi: int) -> dt.date:
    return dt.date(mi // 12, mi % 12 + 1, 1)


def day_in(mi: int, rng: random.Random) -> dt.date:
    start = first_day(mi)
    nxt = first_day(mi + 1)
    return start + dt.timedelta(days=rng.randrange((nxt - start).days))


COUNTIES = {  # county: (mapped, vedtak, conversations held by project group/adviser/others)
    "tromsfinnmark": (250, 104, (120, 110, 20)),
    "ostviken": (220, 86, (190, 20, 10)),
    "agder": (130, 30, (90, 30, 10)),
    "innlandet": (71, 15, (56, 7, 8)),
    "nordland": (50, 10, (20, 20, 10)),
}


def build(seed: int) -> dict:
    rng = random.Random(seed)
    ids = list(range(1, N_MAPPED + 1))
    p = {i: {"skjema_id": i} for i in ids}

    # --- county, vedtak, who held the conversation -------------------------------------
    county = allocate(ids, {c: v[0] for c, v in COUNTIES.items()}, rng)
    vedtak: set[int] = set()
    for c, (n, nv, held) in COUNTIES.items():
        members = sorted(i for i in ids if county[i] == c)
        rng.shuffle(members)
        vedtak.update(members[:nv])
        by = allocate(members, dict(zip(("Prosjektgruppa", "NAV-veileder", "Andre i NAV"), held)),
                      rng)
        for i in members:
            p[i]["gjennomfort_av"] = by[i]
    for i in ids:
        p[i]["fylke"] = county[i]
        p[i]["vedtak"] = "Ja" if i in vedtak else "Nei"
    ved = sorted(vedtak)
    non = sorted(set(ids) - vedtak)

    # --- measure type on the form (level 2) and linkage -----------------------------------
    typ = allocate(ved, {"AMO": 165, "Fag- og yrkesopplæring": 58, "Høyere utdanning": 9,
                         None: 13}, rng)
    amo = sorted(i for i in ved if typ[i] == "AMO")
    fag = sorted(i for i in ved if typ[i] == "Fag- og yrkesopplæring")
    hoy = sorted(i for i in ved if typ[i] == "Høyere utdanning")
    untyped = sorted(i for i in ved if typ[i] is None)
    unlinked = set(rng.sample(amo, 15) + rng.sample(fag, 4) + rng.sample(hoy, 1)
                   + rng.sample(untyped, 6) + rng.sample(non, 6))
    for i in ids:
        p[i]["tiltakstype"] = typ.get(i)
    sub = allocate(amo, {"Førerkort, yrkessjåfør eller maskinfører": 90, "Norskkurs": 14,
                         "Økonomi, kontor eller regnskap": 16, "Annet AMO-kurs": 45}, rng)
    for i in amo:
        p[i]["amo_kurs"] = sub[i]
    linked = sorted(set(ids) - unlinked)
    ved_l = [i for i in ved if i not in unlinked]          # 219
    non_l = [i for i in non if i not in unlinked]          # 470
    amo_l = [i for i in amo if i not in unlinked]          # 150
    fag_l = [i for i in fag if i not in unlinked]          # 54
    other_l = [i for i in ved_l if i not in amo_l and i not in fag_l]   # 15

    # --- gender (form, from the identity number) -------------------------------------------
    rest_ved = [i for i in ved if i not in amo_l and i not in fag_l and i not in hoy]
    gender = {}
    gender.update(allocate(amo_l, {"Mann": 117, "Kvinne": 33}, rng))
    gender.update(allocate(fag_l, {"Kvinne": 34, "Mann": 20}, rng))
    gender.update(allocate(hoy, {"Kvinne": 2, "Mann": 7}, rng))
    gender.update(allocate(rest_ved, {"Kvinne": 19, "Mann": 13}, rng))
    gender.update(allocate(non, {"Kvinne": 244, "Mann": 232}, rng))

    # --- age band at the conversation (linked only: the age needs the date) ------------------
    bands = ["20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
             "65-69"]
    age = {}
    for group, counts in (
        (fag_l, (5, 16, 16, 6, 5, 3, 2, 1, 0, 0)),
        (amo_l, (8, 22, 26, 22, 22, 21, 19, 8, 2, 0)),
        (other_l, (0, 4, 4, 3, 2, 2, 0, 0, 0, 0)),
        (non_l, (8, 45, 52, 55, 81, 92, 76, 46, 12, 3)),
    ):
        age.update(allocate(group, dict(zip(bands, counts)), rng))
    unlinked_ages = allocate(sorted(unlinked), {"25-29": 6, "30-34": 8, "35-39": 8, "40-44": 6,
                                                "45-49": 4}, rng)

    # --- conversation and registration dates -----------------------------------------------
    # Arena participants (198 of the linked with vedtak): starts per quarter K3 2020 … K2 2022
    arena = sorted(rng.sample(ved_l, 198))
    arena_set = set(arena)
    start_months = ([month(2020, 9)] * 5
                    + [month(2020, m) for m in (10, 11, 12) for _ in range(4)]
                    + [month(2021, m) for m in (1, 2, 3) for _ in range(5)]
                    + [month(2021, m) for m in (4, 5, 6) for _ in range(7)][:20]
                    + [month(2021, m) for m in (7, 8, 9) for _ in range(10)][:28]
                    + [month(2021, m) for m in (10, 11, 12) for _ in range(13)][:38]
                    + [month(2022, m) for m in (1, 2, 3) for _ in range(21)][:62]
                    + [month(2022, 4)] * 18)
    assert len(start_months) == 198
    order = list(arena)
    rng.shuffle(order)
    conv_m, start_m, end_m = {}, {}, {}
    for rank, (i, s) in enumerate(zip(order, start_months)):
        start_m[i] = s
        if rank < 50:        # followable 12 months after the conversation
            lo, hi = month(2020, 8), month(2021, 3)
        elif rank < 102:     # followable 6 months
            lo, hi = month(2021, 4), month(2021, 9)
        else:
            lo, hi = month(2021, 10), month(2022, 4)
        hi = min(hi, s)
        lo = min(max(lo, s - 4), hi)
        conv_m[i] = rng.randint(lo, hi)
        if rank < 66:        # ended by December 2021: followed three months after
            lo_e = min(max(s + 1, conv_m[i] + 3), month(2021, 12))
            if rank < 50 and rng.random() < 0.6:   # long measures (a school year)
                end_m[i] = rng.randint(max(lo_e, month(2021, 8)), month(2021, 12))
            else:                                  # short courses
                end_m[i] = rng.randint(lo_e, min(lo_e + 2, month(2021, 12)))
        elif rank < 95:      # ended January–March 2022
            end_m[i] = rng.randint(max(s + 1, month(2022, 1)), END)
        else:
            end_m[i] = None  # still in the measure
    for i in ved_l:
        if i not in arena_set:
            conv_m[i] = rng.randint(month(2021, 10), month(2022, 4))
    kun = non_l
    k_order = list(kun)
    rng.shuffle(k_order)
    for rank, i in enumerate(k_order):
        if rank < 93:
            conv_m[i] = rng.randint(month(2020, 10), month(2021, 3))
        elif rank < 220:
            conv_m[i] = rng.randint(month(2021, 4), month(2021, 9))
        elif rank < 300:
            conv_m[i] = rng.randint(month(2021, 10), month(2021, 12))
        else:
            conv_m[i] = rng.randint(month(2022, 1), month(2022, 4))
    conv_date = {}
    for i in linked:
        d = day_in(conv_m[i], rng)
        conv_date[i] = min(d, FORM_LAST)
    for i in ids:
        base = conv_date.get(i, FORM_FIRST)
        lo = max(base, FORM_FIRST)
        p[i]["registrert"] = lo + dt.timedelta(days=rng.randrange(max(1, (FORM_LAST - lo).days)))
        p[i]["samtaledato"] = conv_date.get(i)
        p[i]["kjonn"] = gender[i]
        band = age.get(i) or unlinked_ages[i]
        low = int(band[:2])
        years = low + rng.randrange(5)
        year = (conv_date.get(i) or p[i]["registrert"]).year
        p[i]["fodselsaar"] = year - years if i in conv_date else year - years
        p[i]["_band"] = band if i in conv_date else None

    # Birth year must give the band exactly: age = conversation year − birth year.
    for i in linked:
        low = int(p[i]["_band"][:2])
        p[i]["fodselsaar"] = conv_date[i].year - (low + (i * 7) % 5)

    # --- form items (level 1) -----------------------------------------------------------
    def item(name, counts, people=ids):
        got = allocate(list(people), counts, rng)
        for i in people:
            p[i][name] = got[i]

    item("identifisert_av", {"NAV-veileder": 548, "NAV-kontorets oppfølging eller andre i NAV": 60,
                             "Sykmelder": 30, "Den sykmeldte selv": 40, "Arbeidslivssenteret": 15,
                             "Arbeidsgiver": 20, "Andre utenfor NAV": 8})
    item("helse_naa", {"Ja": 108, "Nei": 411, "Delvis": 58, None: 144})
    item("ag_tilrettelagt", {"Ja": 240, "Nei": 236, "Vet ikke": 95, None: 150})
    item("ag_muligheter", {"Ja": 90, "Delvis": 40, "Nei": 370, "Vet ikke": 100, None: 121})
    item("mangler_kompetanse", {"Ja": 200, "Nei": 250, "Delvis": 120, "Vet ikke": 60, None: 91})
    item("onsker_annet_arbeid", {"Ja": 461, "Nei": 137, "Delvis": 50, "Vet ikke": 35, None: 38})
    item("onsker_annen_ag", {"Ja": 375, "Nei": 200, "Delvis": 40, "Vet ikke": 50, None: 56})
    item("trenger_kompetanse", {"Ja": 346, "Nei": 200, "Delvis": 96, "Vet ikke": 40, None: 39})
    item("utdanning", {"Grunnskole eller ingen utdanning": 144,
                       "Videregående, yrkesfag uten fagbrev": 100,
                       "Videregående, studiespesialisering": 72,
                       "Fag- eller mesterbrev (ev. fagskole)": 252,
                       "Bachelorgrad": 72, "Mastergrad eller høyere": 29, "Annet": 20, None: 32})
    # aktuell: vedtak people are assessed as relevant (230 Ja, 15 Delvis)
    item("aktuell", {"Ja": 230, "Delvis": 15}, ved)
    item("aktuell", {"Ja": 188, "Delvis": 43, "Nei": 115, "Vet ikke": 60, None: 70}, non)
    # reason when not relevant: answered by all not «Ja» and by 77 of the «Ja» without vedtak
    asked = [i for i in ids if p[i]["aktuell"] != "Ja"]
    asked += sorted(rng.sample([i for i in non if p[i]["aktuell"] == "Ja"], 77))
    item("arsak_ikke_aktuell", {
        "På vei tilbake til opprinnelig arbeid, forventes friskmeldt": 72,
        "Planlagt helsebehandling som forventes å bidra til friskmelding": 69,
        "Planlegging av andre tiltak i regi av NAV": 46,
        "Ikke motivert for kompetansetiltak": 50,
        "Har ikke behov for ny kompetanse": 40,
        "Andre årsaker": 103}, asked)
    for i in ids:
        p[i].setdefault("arsak_ikke_aktuell", None)
    item("karriereveiledning", {"Ja": 47, "Nei": 198}, ved)
    item("karriereveiledning", {"Ja": 5, "Nei": 462, None: 9}, non)

    # --- level 2: planned dates --------------------------------------------------------------
    with_dates = sorted(rng.sample([i for i in ved if i not in unlinked], 202)
                        + rng.sample(sorted(unlinked & vedtak), 17))          # 219
    has_conv = [i for i in with_dates if i not in unlinked]                    # 202
    invalid = set(rng.sample(has_conv, 2))                                     # end before start
    sameday = set(rng.sample([i for i in has_conv if i not in invalid], 5))
    valid_conv = [i for i in has_conv if i not in invalid]                     # 200
    weeks_to_start = allocate(valid_conv, {(0, 1): 35, (2, 3): 45, (4, 6): 40, (7, 8): 25,
                                            (9, 12): 25, (13, 30): 30}, rng)
    positive = [i for i in with_dates if i not in invalid and i not in sameday]  # 212
    duration = allocate(positive, {(1, 8): 68, (9, 16): 40, (17, 24): 36, (25, 36): 34,
                                   (37, 48): 34}, rng)
    # Planned dates: start = conversation + weeks (bin), end = start + duration (bin). The
    # duration draws are then swapped between people (bin totals unchanged) until exactly 111
    # of the 217 valid plans end by the end of April 2022.
    start_of, weeks_of = {}, {}
    for i in with_dates:
        if i in weeks_to_start:
            lo, hi = weeks_to_start[i]
            start_of[i] = conv_date[i] + dt.timedelta(days=7 * rng.randint(lo, hi) + rng.randrange(7))
        else:
            start_of[i] = dt.date(2021, 9, 1) + dt.timedelta(days=rng.randrange(200))
    for i in positive:
        lo, hi = duration[i]
        w = rng.randint(lo, hi)
        weeks_of[i] = 7 * (w - 1) + rng.randint(1, 7)
    valid = [i for i in with_dates if i not in invalid]

    def end_of(i):
        if i in sameday:
            return start_of[i]
        return start_of[i] + dt.timedelta(days=weeks_of[i])

    def n_done():
        return sum(end_of(i) <= FORM_LAST for i in valid)

    done = n_done()
    pos = list(positive)
    while done != 111:
        a, b = rng.sample(pos, 2)
        before = (end_of(a) <= FORM_LAST) + (end_of(b) <= FORM_LAST)
        weeks_of[a], weeks_of[b] = weeks_of[b], weeks_of[a]
        after = (end_of(a) <= FORM_LAST) + (end_of(b) <= FORM_LAST)
        if abs(done - before + after - 111) < abs(done - 111):
            done += after - before
        else:
            weeks_of[a], weeks_of[b] = weeks_of[b], weeks_of[a]
    for i in with_dates:
        p[i]["planlagt_oppstart"] = start_of[i]
        p[i]["planlagt_slutt"] = (start_of[i] - dt.timedelta(days=rng.randint(7, 60))
                                  if i in invalid else end_of(i))
    item("utover_sykepengeperioden", {"Ja": 47, "Nei": 170}, valid)
    # level 3: status after the measure, for 68 of the 219
    status = sorted(rng.sample(with_dates, 68))
    item("nyttig", {"Ja": 50, "Nei": 4, "Delvis": 8, "Vet ikke": 6}, status)
    item("situasjon", {"I søkeprosess på jobb hos ny arbeidsgiver": 19,
                       "I jobb hos ny arbeidsgiver": 16,
                       "I ny stilling hos opprinnelig arbeidsgiver": 8,
                       "I samme jobb som tidligere": 3,
                       "Fortsatt sykmeldt": 12, "Annet": 6, "Vet ikke": 4}, status)
    item("bidratt", {"Ja": 42, "Nei": 5, "Delvis": 15, "Vet ikke": 6}, status)
    for i in ids:
        for key in ("amo_kurs", "planlagt_oppstart", "planlagt_slutt", "utover_sykepengeperioden",
                    "nyttig", "situasjon", "bidratt"):
            p[i].setdefault(key, None)

    # --- registers (linked only) -----------------------------------------------------------
    reg = {i: {} for i in linked}
    def reg_item(name, counts, people):
        got = allocate(list(people), counts, rng)
        for i in people:
            reg[i][name] = got[i]

    reg_item("fodeland", {"Norge": 180, "Utlandet": 39}, ved_l)
    reg_item("fodeland", {"Norge": 391, "Utlandet": 79}, non_l)
    reg_item("_spbin", {(0, 99): 48, (100, 200): 35, (201, 300): 68, (301, 1400): 68}, ved_l)
    reg_item("_spbin", {(0, 99): 151, (100, 200): 82, (201, 300): 115, (301, 1400): 122}, non_l)
    reg_item("diagnose", {"L": 131, "P": 44, "A": 10, "K": 6, "N": 8, "R": 6, "D": 6, "T": 4,
                          "S": 4}, ved_l)
    reg_item("diagnose", {"L": 227, "P": 121, "A": 25, "K": 22, "N": 20, "R": 15, "D": 10,
                          "T": 16, "S": 14}, non_l)
    reg_item("sektor", {"privat": 182, "kommune": 25, "stat": 9, "fylke": 3}, ved_l)
    reg_item("sektor", {"privat": 314, "kommune": 113, "stat": 32, "fylke": 11}, non_l)
    # Over half of the municipal employees are not assessed as relevant (printed «over
    # halvparten»): swap the (aktuell, reason) answers of pairs of non-vedtak candidates.
    kommune = [i for i in non_l if reg[i]["sektor"] == "kommune"]
    others = [i for i in non_l if reg[i]["sektor"] != "kommune"]
    def not_ja(i):
        return p[i]["aktuell"] != "Ja"
    kommune_all = [i for i in linked if reg[i]["sektor"] == "kommune"]
    while sum(map(not_ja, kommune_all)) < round(0.55 * len(kommune_all)):
        a = next(i for i in kommune if not not_ja(i))
        b = next(i for i in others if not_ja(i))
        for key in ("aktuell", "arsak_ikke_aktuell"):
            p[a][key], p[b][key] = p[b][key], p[a][key]
        others.remove(b)
    occ_fag = {"5": 18, "4": 8, "3": 8, "7": 8, "2": 4, "9": 4, "8": 4}
    occ_amo = {"5": 30, "8": 40, "7": 30, "9": 15, "4": 10, "3": 9, "2": 6, "1": 3, "6": 3,
               "0": 4}
    occ_oth = {"5": 5, "2": 2, "3": 1, "8": 1, "9": 1, "4": 2, "7": 2, "0": 1}
    reg_item("yrke", occ_fag, fag_l)
    reg_item("yrke", occ_amo, amo_l)
    reg_item("yrke", occ_oth, other_l)
    reg_item("yrke", {"5": 136, "2": 45, "3": 56, "7": 50, "8": 70, "9": 60, "1": 17, "4": 24,
                      "6": 6, "0": 6}, non_l)
    reg_item("_ufor", {(0, 30): 110, (31, 60): 120, (61, 90): 85, (91, 120): 70, (121, 180): 80,
                       (181, 270): 60, (271, 365): 44, None: 120}, linked)
    for i in linked:
        lo, hi = reg[i].pop("_spbin")
        reg[i]["sykepengedager_5aar"] = rng.randint(lo, hi)
        u = reg[i].pop("_ufor")
        reg[i]["arbeidsufor_fra"] = (conv_date[i] - dt.timedelta(days=rng.randint(*u))
                                     if u else None)
        reg[i]["conv_m"] = conv_m[i]

    # --- monthly outcomes: first month in work without sickness benefits (T) and first month
    # with a new main employer (N), fitted to the printed counts -------------------------------
    tiltak = arena
    ev = lambda i, k: conv_m[i] + k <= END  # noqa: E731  (followable k months after)
    r6 = frozenset(i for i in tiltak if ev(i, 6))
    r12 = frozenset(i for i in tiltak if ev(i, 12))
    followed = frozenset(i for i in tiltak if end_m[i] is not None and end_m[i] + 3 <= END)
    assert (len(r6), len(r12), len(followed)) == (102, 50, 66), (len(r6), len(r12), len(followed))
    never = 10**6          # «never» (later than any month)
    allowed_t = {}
    for i in tiltak:
        lo = max(conv_m[i] + 4, (end_m[i] + 1) if end_m[i] is not None else never)
        allowed_t[i] = [m for m in range(lo, END + 1)] + [never]
    e = end_m
    counts_t = [
        Count("tiltak T<=6", r6, lambda i, t: t <= conv_m[i] + 6, 18),
        Count("tiltak T<=12", r12, lambda i, t: t <= conv_m[i] + 12, 23),
        Count("etter tiltak alle 3", followed, lambda i, t: t <= e[i] + 1, 41),
        Count("etter tiltak 1-2", followed, lambda i, t: e[i] + 1 < t <= e[i] + 3, 12),
    ]
    t_work = fit_months(allowed_t, counts_t, rng)
    allowed_n = {i: [m for m in range(max(start_m[i], conv_m[i] + 1), END + 1)] + [never]
                 for i in tiltak}
    counts_n = [
        Count("tiltak N<=6", r6, lambda i, n: n <= conv_m[i] + 6, 20),
        Count("tiltak N<=12", r12, lambda i, n: n <= conv_m[i] + 12, 13),
        Count("ny AG etter tiltak", followed, lambda i, n: n <= e[i] + 3, 22),
    ]
    n_new = fit_months(allowed_n, counts_n, rng)

    k3 = frozenset(i for i in kun if ev(i, 3))
    k6 = frozenset(i for i in kun if ev(i, 6))
    k12 = frozenset(i for i in kun if ev(i, 12))
    assert (len(k6), len(k12)) == (220, 93), (len(k6), len(k12))
    allowed_k = {i: [m for m in range(conv_m[i] + 1, END + 1)] + [never] for i in kun}
    t_work.update(fit_months(allowed_k, [
        Count("kun T<=3", k3, lambda i, t: t <= conv_m[i] + 3, round(0.183 * len(k3))),
        Count("kun T<=6", k6, lambda i, t: t <= conv_m[i] + 6, 50),
        Count("kun T<=12", k12, lambda i, t: t <= conv_m[i] + 12, 45),
    ], rng))
    n_new.update(fit_months(allowed_k, [
        Count("kun N<=6", k6, lambda i, n: n <= conv_m[i] + 6, 45),
        Count("kun N<=12", k12, lambda i, n: n <= conv_m[i] + 12, 24),
    ], rng))
    for i in ved_l:
        if i not in arena_set:
            t_work[i] = never
            n_new[i] = never
    # The new employer of the 22 followed after the measure: 18 private; 6 process/machine
    # operators, 4 sales and service (printed); the others as drawn.
    switched = sorted(i for i in followed if n_new[i] <= e[i] + 3)
    new_sector = allocate(switched, {"privat": 18, "kommune": 3, "stat": 1}, rng)
    new_occ = allocate(switched, {"8": 6, "5": 4, "7": 5, "9": 3, "4": 2, "3": 2}, rng)
    for i in linked:
        reg[i]["t_work"] = t_work[i]
        reg[i]["n_new"] = n_new[i]
        reg[i]["ny_sektor"] = new_sector.get(i) or rng.choice(["privat", "privat", "kommune"])
        reg[i]["ny_yrke"] = new_occ.get(i) or rng.choice("2345789")
    arena_rows = []
    for i in arena:
        s = day_in(start_m[i], rng)
        if conv_date[i] > s:
            s = conv_date[i]
        til = None
        if end_m[i] is not None:
            til = max(day_in(end_m[i], rng), s + dt.timedelta(days=1))
        kind = "AMO" if typ.get(i) in ("AMO", None) else "Utdanning"
        arena_rows.append({"lopenr": None, "_i": i, "tiltak": kind, "fra": s, "til": til})
    return {"form": p, "register": reg, "arena": arena_rows, "linked": linked, "end": END}
