"""Questionnaires and target counts for the synthetic survey exports of seed 004.

Everything the published report prints is pinned here as an exact count on an exact base, so
that count / n, rounded half-up to a whole percent, gives the printed share. Where the report
prints nothing, the counts are plausible values consistent with the prose (rankings, «de
fleste», «halvparten»). The generator (`ekspertbistand.survey`) only distributes these counts
over pseudonymous respondents; it never decides a number.

Readings chosen for the report's inconsistencies (data/README.md «Lesningene») are documented in
`READINGS` and repeated in the codebooks.

Conventions: question texts and labels in Norwegian bokmål as the report prints them. Single
choice questions are integer codes with «Vet ikke» = 9 (a real answer, kept in the
denominator). Multi-select options are 0/1 columns sharing a group prefix; a routed-away
respondent is blank (missing) in every column of the question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Single:
    """Single-choice question. `counts` maps code -> number of answers on the base."""

    name: str
    text: str
    label: str
    codes: dict[int, str]
    base: str
    figure: str | None = None
    counts: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Multi:
    """Multi-select question: one 0/1 column `<group>_<suffix>` per option.

    options: (suffix, label, count, exclusive). An exclusive option («Vet ikke», «Nei, ingen …»)
    is never combined with another option. Every respondent on the base picks at least one.
    """

    group: str
    text: str
    label: str
    options: tuple[tuple[str, str, int, bool], ...]
    base: str
    figure: str | None = None


@dataclass(frozen=True)
class Battery:
    """Item battery: one single-choice column `<group>_<suffix>` per item, same scale."""

    group: str
    text: str
    label: str
    scale: dict[int, str]
    items: tuple[tuple[str, str, dict[int, int]], ...]
    base: str
    figure: str | None = None


SEED_FILE = "004_2cdafdd7266aaa5c.txt"

# ---------------------------------------------------------------------------------------------
# Shared code lists
# ---------------------------------------------------------------------------------------------

VALGT = {0: "Ikke valgt", 1: "Valgt"}

ANSATTE = {  # codes.yml ansatte_gruppe
    1: "10 til 20", 2: "21 til 50", 3: "51 til 100", 4: "Over 100"}

SEKTOR_MOTTAKERE = {1: "Offentlig", 2: "Privat"}  # codes.yml sektor

SEKTOR_IKKE_MOTTAKERE = {1: "Privat sektor", 2: "Kommunal sektor", 3: "Statlig sektor"}

SVARSTATUS = {
    0: "Ikke påbegynt",
    1: "Påbegynt, avbrutt på første side",
    2: "Delvis besvart",
    3: "Fullført",
}

GRAD = {1: "I stor grad", 2: "I noen grad", 3: "I liten grad", 4: "Ikke i det hele tatt", 9: "Vet ikke"}

ENIG = {
    1: "Helt uenig",
    2: "Delvis uenig",
    3: "Verken enig eller uenig",
    4: "Delvis enig",
    5: "Helt enig",
    9: "Vet ikke",
}

JA_NEI_VET = {1: "Ja", 2: "Nei", 9: "Vet ikke"}

# NACE sections as printed in the frafall table (19 groups), keyed by section letter.
HOVEDNAERING = {  # codes.yml nace_hovednaering (A–S used)
    "A": "Jordbruk, skogbruk og fiske",
    "B": "Bergverksdrift og utvinning",
    "C": "Industri",
    "D": "Elektrisitets-, gass-, damp- og varmtvannsforsyning",
    "E": "Vannforsyning, avløps- og renovasjonsvirksomhet",
    "F": "Bygge- og anleggsvirksomhet",
    "G": "Varehandel, reparasjon av motorvogner",
    "H": "Transport og lagring",
    "I": "Overnattings- og serveringsvirksomhet",
    "J": "Informasjon og kommunikasjon",
    "K": "Finansierings- og forsikringsvirksomhet",
    "L": "Omsetning og drift av fast eiendom",
    "M": "Faglig, vitenskapelig og teknisk tjenesteyting",
    "N": "Forretningsmessig tjenesteyting",
    "O": "Offentlig administrasjon og forsvar, og trygdeordninger underlagt offentlig forvaltning",
    "P": "Undervisning",
    "Q": "Helse- og sosialtjenester",
    "R": "Kulturell virksomhet, underholdning og fritidsaktiviteter",
    "S": "Annen tjenesteyting",
}

# Counties, 2024 structure (fylkesnummer 2024).
FYLKE_2024 = {  # codes.yml fylke_2024
    "42": "Agder",
    "32": "Akershus",
    "33": "Buskerud",
    "56": "Finnmark",
    "34": "Innlandet",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "03": "Oslo",
    "11": "Rogaland",
    "40": "Telemark",
    "55": "Troms",
    "50": "Trøndelag",
    "39": "Vestfold",
    "46": "Vestland",
    "31": "Østfold",
}

# ---------------------------------------------------------------------------------------------
# Survey frame of recipient firms (frafall table)
# ---------------------------------------------------------------------------------------------

FRAME_SIZE = 1037
FRAME_RESPONDENTS = 251  # reached page 2 (answered the screening question)
FRAME_OTHERS = 785  # rest of the frame that could be linked to Enhetsregisteret
FRAME_UNLINKED = 1  # 1 037 − 251 − 785: no Enhetsregisteret match, left out of the table

# (value, respondents, rest of population). Exact shares (integer %) for both columns; the
# printed Differanse is matched within ±0.1 pp except Industri (±0.2 pp). No pair of
# denominators reproduces every printed Differanse (searched n_R 240–261, n_O 775–795), so the
# counts minimise the total deviation with the printed header n's 251 and 785.
FRAFALL_COUNTS: dict[str, list[tuple[str | int, int, int]]] = {
    "tilsagnsar": [(2019, 4, 5), (2020, 17, 77), (2021, 32, 157), (2022, 82, 249),
                   (2023, 116, 297)],
    "sektor": [(2, 95, 356), (1, 156, 429)],  # 1 Offentlig, 2 Privat
    "hovednaering": [
        ("A", 2, 6), ("B", 0, 1), ("C", 13, 67), ("D", 0, 2), ("E", 4, 3), ("F", 8, 63),
        ("G", 9, 41), ("H", 7, 16), ("I", 2, 15), ("J", 1, 13), ("K", 0, 1), ("L", 0, 0),
        ("M", 3, 27), ("N", 4, 17), ("O", 14, 41), ("P", 32, 106), ("Q", 145, 345),
        ("R", 2, 10), ("S", 5, 11),
    ],
    "ansatte_kat": [(1, 44, 142), (2, 117, 295), (3, 48, 171), (4, 42, 177)],
    "fylke": [
        ("42", 14, 41), ("32", 18, 59), ("33", 13, 30), ("56", 2, 1), ("34", 11, 37),
        ("15", 11, 34), ("18", 6, 23), ("03", 18, 80), ("11", 10, 31), ("40", 13, 48),
        ("55", 5, 25), ("50", 58, 147), ("39", 46, 130), ("46", 21, 88), ("31", 5, 11),
    ],
}

# Propensity of public ownership by NACE section, used only to make sektor × næring plausible.
PUBLIC_PROPENSITY = {"O": 1.0, "P": 0.9, "Q": 0.75, "E": 0.6, "R": 0.5}

# ---------------------------------------------------------------------------------------------
# Recipients 2024: response funnel (pages of the questionnaire)
# ---------------------------------------------------------------------------------------------

# 271 started (answered page 1 = Figur 6). 20 stopped on page 1, 251 answered the screening
# question on page 2 (the frafall table's «Respondenter»). 220 said the firm had received the
# grant (l. 772) and got the case pages 3–8; 31 (Nei/Vet ikke) were routed to page 9. Drop-outs
# among the 220 leave 216 on page 3, 211 on pages 4–5, 209 on pages 6–7 and 203 on page 8; all
# 203 + 31 finish page 9: 234 complete responses (l. 311).
R24_STARTED = 271
R24_PAGE1_ONLY = 20
R24_CASE_PAGES = {3: 216, 4: 211, 5: 211, 6: 209, 7: 209, 8: 203}

# ---------------------------------------------------------------------------------------------
# Recipients 2024 and 2022 questions
# ---------------------------------------------------------------------------------------------

Q_KILDE_TEXT = "Hvordan fikk du høre om tilskuddet?"
# (suffix, label, n2024 of 271, n2022 of 261, exclusive); None = not an option that round.
KILDE = (
    ("ia", "Via IA-rådgiver ved NAV Arbeidslivssenter", 125, 107, False),
    ("naveil", "Via NAV-veileder", 57, 55, False),
    ("bht", "Via bedriftshelsetjenesten (BHT)", 76, 73, False),
    ("ansatte", "Via andre ansatte i virksomheten", 46, 26, False),
    ("tilbyder", "Via tilbyder av ekspertbistand", 41, None, False),
    ("navweb", "Via NAV sine nettsider eller informasjonsmateriell", 31, 24, False),
    ("arbtaker_org", "Via arbeidstakerorganisasjon eller tillitsvalgt", 8, 10, False),
    ("arbgiver_org", "Via arbeidsgiverorganisasjon eller bransjeorganisasjon", 3, 5, False),
    ("annet", "Annet", 19, 21, False),
    ("vetikke", "Vet ikke / husker ikke", 4, 5, True),
)

Q_MAL_TEXT = "Hva var målet med bruk av ekspertbistand i den aktuelle saken?"
MAL = (  # n2024 of 216, n2022 of 231
    ("arbeidsevne", "Avklare den ansattes arbeidsevne opp mot krav i stillingen", 158, None, False),
    ("tilbake", "Få den ansatte tilbake i sin stilling", 108, 123, False),
    ("annet_arbeid", "Avklare den ansatte mot annet arbeid annet sted", 65, 93, False),
    ("tilrettelegging", "Avklare behov for tilrettelegging på arbeidsplassen", 97, 111, False),
    ("forebygge", "Forebygge at den ansatte blir sykemeldt", 54, 62, False),
    ("samarbeid", "Bedre samarbeidet mellom arbeidstaker og arbeidsgiver", 43, 51, False),
    ("annet", "Annet", 9, 12, False),
    ("vetikke", "Vet ikke", 2, 3, True),
)

Q_TILTAK_TEXT = (
    "Ble andre tiltak prøvd ut i den aktuelle saken før det ble søkt om ekspertbistand"
)
TILTAK = (  # n2024 of 216, n2022 of 231
    ("oppgaver", "Tilpasning av arbeidsoppgaver", 171, 185, False),
    ("arbeidstid", "Tilpasning av arbeidstid", 121, 139, False),
    ("ergonomi", "Ergonomisk eller fysisk tilrettelegging", 86, 95, False),
    ("bht", "Oppfølging fra bedriftshelsetjeneste", 76, 90, False),
    ("nav", "Oppfølging fra NAV (f.eks. dialogmøte)", 54, 55, False),
    ("helse", "Oppfølging fra andre helsetjenester (f.eks. fastlege, psykolog)", 45, 53, False),
    ("annet", "Annet", 13, 16, False),
    ("ingen", "Nei, ingen andre tiltak ble prøvd ut", 9, None, True),
    ("vetikke", "Vet ikke", 3, 4, True),
)

Q_ANTALL_TEXT = (
    "Ble det benyttet én eller flere eksperter i den aktuelle saken "
    "(herunder flere fra samme leverandør)?"
)
ANTALL_CODES = {1: "Én ekspert", 2: "Flere eksperter", 9: "Vet ikke"}
ANTALL_2024 = {1: 166, 2: 38, 9: 6}  # of 210
ANTALL_2022 = {1: 204, 2: 21, 9: 4}  # of 229

Q_KOMPETANSE_TEXT = "Hva slags kompetanse har eksperten som ble benyttet?"
KOMPETANSE = (  # n2024 of 211, n2022 of 229
    ("coaching", "Coaching, veiledning og motivasjon", 116, 119, False),
    ("arbeidsavklaring", "Arbeidsavklaring", 57, 62, False),
    ("aopsykologi", "Arbeids- og organisasjonspsykologi", 53, 64, False),
    ("arbeidshelse", "Arbeidshelse", 49, 60, False),
    ("ergonomi", "Ergonomi og fysioterapi", 46, 50, False),
    ("tilrettelegging", "Tilrettelegging av arbeidsplass", 45, 55, False),
    ("relasjon", "Relasjonskompetanse og kommunikasjon", 30, 34, False),
    ("omstilling", "Omstilling og omorganisering", 15, 23, False),
    ("konflikt", "Konflikthåndtering", 19, 27, False),
    ("annet", "Annet", 10, 14, False),
    ("vetikke", "Vet ikke", 6, 5, True),
)
# Of the 38 cases with more than one expert (2024), this many used A/O psychology (l. 774).
KOMPETANSE_AO_AMONG_FLERE = 13

PASTAND_TEXT = (
    "Ta stilling til følgende påstander om tilskudd til ekspertbistand "
    "(basert på alle sakene du har vært involvert i)"
)
PASTAND_2024 = (  # of 203; codes 1..5, 9 as ENIG
    ("ramme", "Den økonomiske rammen for tilskuddet er tilstrekkelig",
     {1: 5, 2: 12, 3: 14, 4: 70, 5: 94, 9: 8}),
    ("refusjon", "Det er enkelt å få utgiftene refundert",
     {1: 4, 2: 10, 3: 17, 4: 62, 5: 100, 9: 10}),
    ("soke", "Det er enkelt å søke om tilskudd",
     {1: 20, 2: 45, 3: 28, 4: 62, 5: 41, 9: 7}),
    ("navrolle", "Det er enkelt å forstå NAVs rolle i forbindelse med ekspertbistand",
     {1: 22, 2: 39, 3: 35, 4: 50, 5: 42, 9: 15}),
    ("brukes_til", "Det er enkelt å forstå hva tilskudd til ekspertbistand kan brukes til",
     {1: 11, 2: 24, 3: 20, 4: 70, 5: 72, 9: 6}),
    ("rapport", "Ekspertens rapport har vært nyttig i den videre oppfølgingen av saken",
     {1: 6, 2: 12, 3: 20, 4: 66, 5: 92, 9: 7}),
)
PASTAND_2022 = (  # of 225
    ("soke", "Det er enkelt å søke om tilskudd",
     {1: 18, 2: 45, 3: 30, 4: 70, 5: 55, 9: 7}),
    ("ia_rolle", "Det er enkelt å forstå NAV Arbeidslivssenter/IA-rådgivers rolle",
     {1: 15, 2: 30, 3: 36, 4: 70, 5: 56, 9: 18}),
    ("navkontor_rolle", "Det er enkelt å forstå NAV-kontor/NAV-veileders rolle",
     {1: 22, 2: 37, 3: 40, 4: 60, 5: 44, 9: 22}),
)

R22_STARTED = 261  # answered Figur 6
R22_CASE = 231  # answered Figur 9 and 10
R22_EXPERT = 229  # answered Figur 11 and 12
R22_PASTAND = 225  # answered the statements

# --- 2024 only --------------------------------------------------------------------------------

MOTTATT = Single(
    "q_mottatt",
    "Har virksomheten mottatt tilskudd til ekspertbistand i en konkret sak?",
    "Mottatt tilskudd (screening)",
    {1: "Ja", 2: "Nei", 9: "Vet ikke"},
    "Alle som kom til side 2 (n = 251)",
    None,
    {1: 220, 2: 13, 9: 18},
)

ROLLE = Single(
    "q_rolle",
    "Hvilken rolle har du i virksomheten?",
    "Respondentens rolle",
    {1: "Leder", 2: "Mellomleder", 3: "HR-ansvarlig", 4: "Annet"},
    "Alle som kom til side 2 (n = 251)",
    "Tabell 6",
)
# Roles of the 211 who answered q_involvert (Tabell 6 columns) and of the other 40.
ROLLE_TAB6 = {1: 156, 2: 33, 3: 19, 4: 3}
ROLLE_OTHERS = {1: 25, 2: 6, 3: 7, 4: 2}

INVOLVERT_TEXT = (
    "Har andre enn deg (og evt. tillitsvalgt) fra virksomheten vært involvert i den aktuelle "
    "saken (for eksempel i møter, dialog med ekspert eller i søknadsprosess)?"
)
INVOLVERT_CODES = {
    1: "Ja, leder for enheten/avdelingen",
    2: "Ja, leder utenfor enheten/avdelingen",
    3: "Ja, HR eller personalansvarlig for enheten/avdeling",
    4: "Ja, HR eller personalansvarlig utenfor enheten/avdelingen",
    5: "Verneombud",
    6: "Andre",
    7: "Nei",
    9: "Vet ikke",
}
# Counts per role column (Leder 156, Mellomleder 33, HR-ansvarlig 19, Annet 3).
INVOLVERT_BY_ROLE = {
    1: {1: 45, 2: 6, 3: 37, 4: 4, 5: 8, 6: 7, 7: 49, 9: 0},
    2: {1: 17, 2: 0, 3: 6, 4: 4, 5: 1, 6: 0, 7: 4, 9: 1},
    3: {1: 17, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 1, 9: 0},
    4: {1: 2, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 9: 0},
}

UTFORDRING = Multi(
    "q_utfordring",
    "Etter din oppfatning: Hva var utfordringene som lå til grunn for at det ble søkt om "
    "ekspertbistand i den aktuelle saken?",
    "Utfordringer bak søknaden",
    (
        ("psykisk", "Psykiske helseplager", 102, False),
        ("muskel", "Muskel- og skjelettplager", 93, False),
        ("livssituasjon", "Krevende livssituasjon", 65, False),
        ("utmattelse", "Utmattelse/utbrenthet", 64, False),
        ("konflikt", "Konflikter eller samarbeidsproblemer på arbeidsplassen", 39, False),
        ("somatisk", "Annen somatisk sykdom", 32, False),
        ("funksjon", "Fysisk funksjonsnedsettelse", 26, False),
        ("rus", "Rusproblemer", 4, False),
        ("annet", "Annet", 11, False),
        ("vetikke", "Vet ikke", 1, True),
    ),
    "Har mottatt tilskudd, side 3 (n = 216)",
    "Figur 8",
)

DIALOG = Multi(
    "q_dialog",
    "Når i prosessen med ekspertbistand hadde du dialog med NAV?",
    "Dialog med NAV i prosessen",
    (
        ("soknad", "I forbindelse med søknad", 144, False),
        ("ekspert", "I forbindelse med valg av ekspert", 122, False),
        ("gjennomforing", "Under gjennomføringen av ekspertbistanden", 106, False),
        ("oppfolging", "Rundt videre oppfølging av saken og tiltak etter avlevert rapport",
         103, False),
        ("refusjon", "I forbindelse med refusjon", 97, False),
        ("ingen", "Hadde ikke dialog med NAV", 19, True),
        ("vetikke", "Vet ikke", 4, True),
    ),
    "Har mottatt tilskudd, side 4 (n = 211)",
    "Figur 7",
)

AKTORER = Battery(
    "q_aktor",
    "I hvilken grad har følgende aktører vært involvert i saken?",
    "Involvering av aktører",
    {1: "I stor grad", 2: "I noen grad", 3: "I liten grad", 4: "Ikke involvert", 9: "Vet ikke"},
    (
        ("tillitsvalgt", "Tillitsvalgte/fagforeninger", {1: 17, 2: 52, 3: 49, 4: 80, 9: 13}),
        ("bransje", "Bransjeorganisasjoner/arbeidsgiverorganisasjoner",
         {1: 15, 2: 26, 3: 28, 4: 120, 9: 22}),
    ),
    "Har mottatt tilskudd, side 4 (n = 211)",
    "Figur 14",
)

EKSPERT_ORG = Single(
    "q_ekspert_org",
    "Hvilken type organisasjon/virksomhet jobber ekspert(e) til vanlig?",
    "Ekspertens arbeidssted",
    {
        1: "Ekstern bedriftshelsetjeneste",
        2: "Intern bedriftshelsetjeneste",
        3: "Enkeltpersonforetak/freelancere",
        4: "Konsulent- eller rådgivningsselskap",
        5: "Arbeids- og inkluderingsbedrift",
        6: "Annet",
        9: "Vet ikke",
    },
    "Har mottatt tilskudd, side 5 (n = 211)",
    "Figur 13",
    {1: 106, 2: 23, 3: 25, 4: 30, 5: 15, 6: 5, 9: 7},
)

BISTAND = Multi(
    "q_bistand",
    "Hva gjorde ekspert(e) for å bistå arbeidstakeren i den aktuelle saken?",
    "Ekspertens bistand",
    (
        ("avklare", "Avklare arbeidstakers situasjon og behov", 178, False),
        ("handlingsrom",
         "Bevisstgjøre den ansatte rundt virksomhetens handlingsrom for tilrettelegging",
         111, False),
        ("verktoy", "Gi arbeidstaker verktøy for å håndtere egen helse og livssituasjon",
         94, False),
        ("kommunikasjon", "Bedre kommunikasjonen mellom arbeidstaker og arbeidsgiver", 86, False),
        ("veilede_leder", "Veilede leder i oppfølgingen av arbeidstakeren", 77, False),
        ("annet_arbeid", "Avklare arbeidstaker mot annet arbeid", 31, False),
        ("annet", "Annet", 8, False),
        ("vetikke", "Vet ikke", 2, True),
    ),
    "Har mottatt tilskudd, side 6 (n = 209)",
    "Figur 18",
)

AVSLUTTET = Single(
    "q_avsluttet",
    "Er ekspertbistanden i den aktuelle saken avsluttet (rapport fra eksperten levert)?",
    "Ekspertbistanden avsluttet",
    {1: "Ja", 2: "Nei, den pågår fortsatt", 9: "Vet ikke"},
    "Har mottatt tilskudd, side 6 (n = 209)",
    None,
    {1: 168, 2: 33, 9: 8},
)

FORESLATT = Multi(
    "q_foreslatt",
    "Foreslo eksperten noen konkrete tiltak i den aktuelle saken?",
    "Tiltak foreslått av eksperten",
    (
        ("arbeidstaker", "Ja, tiltak som arbeidstaker kunne gjennomføre", 124, False),
        ("arbeidsgiver", "Ja, tiltak som arbeidsgiver kunne gjennomføre", 89, False),
        ("andre", "Ja, tiltak som andre (f.eks. NAV eller fastlege) kunne gjennomføre", 34, False),
        ("ingen", "Nei, eksperten foreslo ingen konkrete tiltak", 1, True),
        ("vetikke", "Vet ikke", 1, True),
    ),
    "Ekspertbistanden avsluttet (q_avsluttet = 1, n = 168)",
    "Figur 19",
)

FULGT_OPP = Single(
    "q_fulgt_opp",
    "Ble tiltakene som eksperten foreslo fulgt opp?",
    "Foreslåtte tiltak fulgt opp",
    {1: "Ja", 2: "Nei, ikke eller bare delvis", 9: "Vet ikke"},
    "Eksperten foreslo tiltak (minst ett «Ja, …» i q_foreslatt, n = 166)",
    None,
    {1: 124, 2: 37, 9: 5},
)

IKKE_FULGT = Multi(
    "q_ikke_fulgt",
    "Hvorfor ble tiltakene ikke, eller kun delvis, fulgt opp?",
    "Årsaker til manglende oppfølging",
    (
        ("ikke_relevant", "Tiltakene opplevdes ikke relevante av arbeidstaker", 14, False),
        ("sykemeldt", "Arbeidstaker forble sykemeldt eller gikk over i andre tiltak", 11, False),
        ("kostnad", "Tiltakene var for ressurskrevende for virksomheten", 8, False),
        ("tilrettelegging", "Virksomheten hadde ikke mulighet til å tilrettelegge", 7, False),
        ("sluttet", "Arbeidstaker sluttet i virksomheten", 6, False),
        ("nav", "Manglende oppfølging fra NAV", 4, False),
        ("annet", "Annet", 5, False),
        ("vetikke", "Vet ikke", 1, True),
    ),
    "Tiltak ikke eller bare delvis fulgt opp (q_fulgt_opp = 2, n = 37)",
    "Figur 20",
)

UTFALL = Single(
    "q_utfall",
    "Hva ble utfallet etter ekspertbistanden for den ansatte?",
    "Utfall for den ansatte",
    {
        1: "Tilbake i samme stilling",
        2: "Tilbake på arbeidsplassen med andre arbeidsoppgaver",
        3: "Fortsatt sykemeldt",
        4: "Sagt opp",
        5: "Avklart mot annet arbeid",
        6: "Tilrettelagt arbeid på en annen arbeidsplass",
        7: "Annet",
        9: "Vet ikke",
    },
    "Har mottatt tilskudd, side 7 (n = 209)",
    "Figur 23",
    {1: 84, 2: 19, 3: 18, 4: 22, 5: 20, 6: 14, 7: 24, 9: 8},
)

SYKEFRAVAER = Single(
    "q_sykefravaer",
    "Har ekspertbistanden bidratt til å redusere sykefraværet for den ansatte?",
    "Reduksjon i sykefravær",
    {
        1: "Ja, betydelig reduksjon",
        2: "Ja, noe reduksjon",
        3: "Svært liten eller ingen reduksjon",
        4: "For tidlig å si",
        9: "Vet ikke",
    },
    "Har mottatt tilskudd, side 7 (n = 209)",
    None,
    {1: 60, 2: 72, 3: 30, 4: 25, 9: 22},
)

INNVIRKNING = Single(
    "q_innvirkning",
    "Har ekspertbistanden hatt positiv eller negativ innvirkning på situasjonen som lå til "
    "grunn for søknaden?",
    "Innvirkning på situasjonen",
    {
        1: "Sterkt positiv",
        2: "Positiv",
        3: "Verken positiv eller negativ",
        4: "Negativ",
        5: "Sterkt negativ",
        9: "Vet ikke",
    },
    "Har mottatt tilskudd, side 7 (n = 209)",
    "Figur 24",
    {1: 74, 2: 97, 3: 20, 4: 8, 5: 2, 9: 8},
)

VIRKNING = Battery(
    "q_virkning",
    "I hvilken grad har ekspertbistanden:",
    "Virkninger av ekspertbistanden",
    GRAD,
    (
        ("utover", "hatt positive virkninger for enheten/virksomheten utover den konkrete saken",
         {1: 21, 2: 48, 3: 62, 4: 55, 9: 23}),
        ("kompetanse", "tilført relevant kompetanse", {1: 38, 2: 69, 3: 55, 4: 33, 9: 14}),
        ("dialog", "bidratt til bedre dialog mellom arbeidsgiver og arbeidstaker",
         {1: 52, 2: 78, 3: 46, 4: 20, 9: 13}),
        ("forstaelse", "gitt bedre forståelse av arbeidstakers situasjon",
         {1: 70, 2: 78, 3: 36, 4: 14, 9: 11}),
        ("rustet", "gjort virksomheten bedre rustet til å håndtere lignende saker",
         {1: 27, 2: 57, 3: 66, 4: 40, 9: 19}),
    ),
    "Har mottatt tilskudd, side 7 (n = 209)",
    "Figur 25",
)

BETALT_MER = Single(
    "q_betalt_mer",
    "Har virksomheten betalt ekspertleverandør for mer bistand i den aktuelle saken enn det "
    "som ble refundert gjennom tilskuddet?",
    "Betalt mer enn refundert",
    JA_NEI_VET,
    "Har mottatt tilskudd, side 8 (n = 203)",
    "Figur 16",
    {1: 29, 2: 158, 9: 16},
)

RESSURSBRUK = Single(
    "q_ressursbruk",
    "Påvirket ekspertbistanden intern ressursbruk for virksomheten knyttet til å følge opp "
    "saken underveis?",
    "Intern ressursbruk",
    {
        1: "Sterkt redusert ressursbruk",
        2: "Noe redusert ressursbruk",
        3: "Verken eller",
        4: "Noe økt ressursbruk",
        5: "Sterkt økt ressursbruk",
        9: "Vet ikke",
    },
    "Har mottatt tilskudd, side 8 (n = 203)",
    "Figur 17",
    {1: 3, 2: 17, 3: 102, 4: 63, 5: 2, 9: 16},
)

NYTTE = Single(
    "q_nytte",
    "Oversteg nytteverdien av ekspertbistanden kostnadene for virksomheten?",
    "Nytteverdi mot kostnader",
    {1: "Ja, nytteverdien oversteg kostnadene", 2: "Nei, nytteverdien oversteg ikke kostnadene",
     9: "Vet ikke"},
    "Har mottatt tilskudd, side 8 (n = 203)",
    None,
    {1: 146, 2: 33, 9: 24},
)
# «10 prosent av de som svarer … positiv innvirkning … svarer at nytteverdien ikke oversteg
# kostnadene» (l. 882): share of q_nytte = 2 among q_innvirkning in (1, 2) on page 8.
NYTTE_NEI_SHARE_AMONG_POSITIVE = 0.10

BRUKE_IGJEN = Single(
    "q_bruke_igjen",
    "Ville virksomheten benyttet tilskudd til ekspertbistand igjen i framtiden?",
    "Ville benyttet ordningen igjen",
    JA_NEI_VET,
    "Alle fullførte (side 9, n = 234)",
    None,
    {1: 201},  # Nei and Vet ikke follow from the q_sykefravaer cross-tab (l. 1198)
)
# «~17 prosent» Nei among «svært liten reduksjon»; the rest of that group «vet ikke».
BRUKE_IGJEN_NEI_SHARE_LITEN = 0.17

ANDRE_ORDNINGER = Single(
    "q_andre_ordninger",
    "Kjenner du til andre ordninger som kunne dekket tilsvarende behov som tilskudd til "
    "ekspertbistand?",
    "Kjenner andre ordninger",
    JA_NEI_VET,
    "Alle fullførte (side 9, n = 234)",
    None,
    {1: 7, 2: 204, 9: 23},
)

# ---------------------------------------------------------------------------------------------
# Non-recipients 2024
# ---------------------------------------------------------------------------------------------

NR24_N = 214
NR24_INVITED = 1426

HORT_OM = Single(
    "q_hort_om",
    "Hadde du hørt om tilskudd til ekspertbistand før du mottok denne undersøkelsen?",
    "Kjennskap til ordningen",
    {1: "Ja, og jeg kjenner godt til den", 2: "Ja, men kjenner ikke så godt til den", 3: "Nei"},
    "Alle (n = 214)",
    "Figur 2",
)
# By sektor (Privat 80, Kommunal 110, Statlig 24): private 59 % and kommunal 49 % «Nei» (l. 454).
SEKTOR_NR24 = {1: 80, 2: 110, 3: 24}
HORT_OM_BY_SEKTOR = {1: {1: 22, 2: 11, 3: 47}, 2: {1: 40, 2: 16, 3: 54}, 3: {1: 9, 2: 3, 3: 12}}
ANSATTE_NR24 = {1: 61, 2: 72, 3: 40, 4: 41}

RELEVANS = Single(
    "q_relevans",
    "Framstår tilskudd til ekspertbistand som en ordning det kunne være aktuelt å bruke i "
    "enkeltsaker med hyppig/gjentagende sykefravær i din virksomhet?",
    "Relevans av ordningen",
    GRAD,
    "Alle; 6 ubesvart (n = 208)",
    "Figur 3",
)
# Split so that Figur 5's base (heard, not applied, relevant) has exactly 54. -1 = unanswered.
RELEVANS_IN_G5 = {1: 22, 2: 32, 3: 10, 4: 4, 9: 6, -1: 3}  # heard and q_sokt in (2, 3): 77
RELEVANS_OTHERS = {1: 52, 2: 56, 3: 16, 4: 4, 9: 6, -1: 3}  # the other 137

SOKT = Single(
    "q_sokt",
    "Har virksomheten søkt om tilskudd til ekspertbistand?",
    "Har søkt om tilskudd",
    {1: "Ja", 2: "Nei, men vi har vurdert å søke i en konkret sak", 3: "Nei", 9: "Vet ikke"},
    "Har hørt om ordningen (q_hort_om in 1, 2; n = 101)",
    None,
    {1: 19, 2: 37, 3: 40, 9: 5},
)

ARSAK = Multi(
    "q_arsak",
    "Hva var årsaken(e) til at dere lot være å søke?",
    "Årsaker til ikke å søke",
    (
        ("vilkar", "Usikker på om vi oppfylte vilkårene", 15, False),
        ("arbeidstaker", "Arbeidstaker ønsket ikke å gå videre med søknad", 11, False),
        ("ikke_relevant", "Ekspertbistand framsto ikke som relevant i vår situasjon", 7, False),
        ("behov", "For krevende å definere behovet i søknaden", 6, False),
        ("arbeidskrevende", "Søknadsprosessen virket for arbeidskrevende i forhold til beløpet",
         5, False),
        ("informasjon", "Fant ikke tilstrekkelig informasjon", 2, False),
        ("ekspert", "Fant ikke en passende ekspert", 2, False),
        ("altinn", "Manglende tilgang i Altinn", 0, False),
        ("annet", "Annet", 9, False),
    ),
    "Hørt om ordningen og vurdert å søke, men lot være (q_sokt = 2, n = 37)",
    "Figur 4",
)

GREP = Battery(
    "q_grep",
    "Ville følgende grep økt sannsynligheten for at din virksomhet søker om tilskudd til "
    "ekspertbistand i fremtiden?",
    "Grep som ville økt sannsynligheten for å søke",
    JA_NEI_VET,
    (
        ("tydelig", "Tydeligere informasjon om hva tilskuddet er og kan brukes til",
         {1: 38, 2: 9, 9: 7}),
        ("finne_info", "Enklere å finne utfyllende informasjon om ordningen",
         {1: 32, 2: 13, 9: 9}),
        ("kontakt", "En kontaktperson i NAV som kan gi veiledning om bruken av tilskuddet",
         {1: 30, 2: 15, 9: 9}),
        ("soknad", "Enklere søknadsprosess", {1: 24, 2: 19, 9: 11}),
        ("finne_ekspert", "Hjelp til å finne en passende ekspert", {1: 20, 2: 24, 9: 10}),
        ("belop", "Høyere tilskuddsbeløp", {1: 16, 2: 26, 9: 12}),
        ("raskere", "Kortere saksbehandlingstid", {1: 13, 2: 28, 9: 13}),
    ),
    "Hørt om, ikke søkt, og ordningen er aktuell (q_hort_om in 1, 2; q_sokt in 2, 3; "
    "q_relevans in 1, 2; n = 54)",
    "Figur 5",
)

# ---------------------------------------------------------------------------------------------
# Readings of the report's inconsistencies (also written into the codebooks)
# ---------------------------------------------------------------------------------------------

READINGS = {
    "n_271": (
        "Figur 6 «n 2024=271»: the export holds everyone who started the questionnaire. 271 "
        "answered page 1 (Figur 6); 251 reached page 2 (the frafall table's «Respondenter»); 234 "
        "completed (svarstatus = 3). Figur 6 is computed on all 271, every other question on "
        "those routed to it. The ±4,9 margin quoted for «andre ansatte» (l. 510) cannot be "
        "reproduced with n = 271 (the data give ±4,5); ±3,8 for NAV nettsider is reproduced."
    ),
    "frafall_1036": (
        "Frafall table: 251 + 785 = 1 036 of a frame of 1 037. One frame firm could not be "
        "linked to Enhetsregisteret (koblet_enhetsregisteret = 0, register fields blank) and is "
        "left out of the table; it did not respond. The integer shares are reproduced exactly; "
        "the printed Differanse within ±0,1 pp (Industri ±0,2 pp), because no pair of "
        "denominators reproduces every printed Differanse."
    ),
    "figur_3_base": (
        "Figur 3 (n = 208 of 214): the description was shown only to those who had not heard "
        "of the scheme or did not know it well, but the relevance question was asked of "
        "everyone; 6 left it unanswered (blank, not «Vet ikke»)."
    ),
    "figur_4_filter": (
        "Figur 4 (n = 37): asked of those who had heard of the scheme (101) and answered «Nei, "
        "men vi har vurdert å søke i en konkret sak» to q_sokt; 19 of the 101 (19 %) had "
        "applied (l. 478). Figur 5 (n = 54): heard, not applied (q_sokt 2 or 3) and found the "
        "scheme relevant (q_relevans 1 or 2)."
    ),
    "figur_2_30": (
        "Figur 2 «av disse oppgir 30 prosent at de ikke er så godt kjent»: read as 30 % of the "
        "101 who had heard (30/101); of all 214 it is 14 %."
    ),
    "figur_19_20": (
        "Figur 19 (n = 168): asked when the expert assistance was completed (q_avsluttet = 1). "
        "The follow-up question (75 % / 22 % / 3 % «Vet ikke») is asked of the 166 whose expert "
        "proposed measures; Figur 20 (n = 37) of the 22 % not or only partly followed up."
    ),
    "partene": (
        "Figur 6 «partene i arbeidslivet (3 og 1 prosent)»: arbeidstakerorganisasjon/tillitsvalgt "
        "3 %, arbeidsgiver-/bransjeorganisasjon 1 %."
    ),
    "figur_8_30": (
        "Figur 8 «Krevende livssituasjoner og utmattelse/utbrenthet (med 30 prosent)»: two "
        "options, each 30 %."
    ),
    "figur_14_involvert": "Figur 14 «involvert»: any degree (i stor, noen eller liten grad).",
    "figur_25_degree": (
        "Figur 25 shares (33 %, 51 %): «i stor grad» plus «i noen grad»."
    ),
}
