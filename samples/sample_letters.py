"""The letters the extraction samples carry: their text is also each sample's expected text."""

LETTER_LIGHTING = """Bashkia Vlorë
Drejtuar: Z. Kryetar i Bashkisë Vlorë
Lënda: Kërkesë për riparimin e ndriçimit publik

I nderuar Z. Kryetar,

Ne, banorët e lagjes Pavarësia, ju drejtohemi me këtë kërkesë sepse ndriçimi publik në rrugën Ismail Qemali nuk funksionon prej më shumë se tre javësh. Në mbrëmje rruga është krejt e errët dhe fëmijët kthehen nga shkolla me frikë.

Ju lutemi që të dërgoni një ekip për të kontrolluar shtyllat dhe për të zëvendësuar llambat e djegura sa më shpejt të jetë e mundur.

Me respekt,
Arben Hoxha
Lagjja Pavarësia, Vlorë
Tel. 069 123 4567
Vlorë, më 12 mars 2024"""

LETTER_SEWAGE = """Drejtuar: Drejtorisë së Shërbimeve Publike, Bashkia Vlorë
Lënda: Ankesë për derdhjen e ujërave të zeza

Të nderuar zotërinj,

Prej dy muajsh pusetat në rrugën Sadik Zotaj derdhin ujëra të zeza në trotuar. Era është e padurueshme dhe rreziku për shëndetin e banorëve, veçanërisht për fëmijët, është i madh.

Kemi telefonuar disa herë në zyrën tuaj, por askush nuk ka ardhur. Kërkojmë ndërhyrje të menjëhershme dhe një përgjigje me shkrim.

Me nderime,
Mirela Çela
Vlorë, 3 prill 2024"""

LETTER_INFORMATION = """Drejtuar: Zyrës së Marrëdhënieve me Publikun, Bashkia Vlorë
Lënda: Kërkesë për informacion mbi lejet e ndërtimit

I nderuar Drejtor,

Në bazë të ligjit për të drejtën e informimit, ju lutem të më vini në dispozicion kopjen e vendimit të Këshillit Bashkiak për lejet e ndërtimit të miratuara gjatë vitit 2023 në zonën e Ujit të Ftohtë.

Informacionin mund ta dërgoni në adresën time elektronike ose ta tërheq vetë pranë sporteleve të bashkisë.

Faleminderit për mirëkuptimin.
Gëzim Dervishi
Rruga Çamëria, Vlorë
Vlorë, 20 maj 2024"""

LETTER_TAX_PARAGRAPHS = [
    "Drejtuar: Drejtorisë së Taksave Vendore, Bashkia Vlorë",
    "Lënda: Kërkesë për rishikimin e taksës së pastrimit",
    "I nderuar Drejtor,",
    "Familja ime ka marrë faturën e taksës së pastrimit për vitin 2024 me një shumë dy herë më "
    "të lartë se vitin e kaluar. Banesa jonë është e njëjtë dhe numri i anëtarëve nuk ka ndryshuar.",
    "Ju lutem të rishikoni llogaritjen dhe të më njoftoni për procedurën e ankimimit.",
]
LETTER_TAX_TABLE = [
    ("Emri", "Luan Kaçi"),
    ("Adresa", "Lagjja Skelë, Vlorë"),
    ("Nr. i faturës", "2024/00871"),
]
LETTER_TAX_CLOSING = ["Me respekt,", "Luan Kaçi"]
LETTER_TAX = "\n\n".join(
    LETTER_TAX_PARAGRAPHS
    + ["\n".join(f"{a}\t{b}" for a, b in LETTER_TAX_TABLE)]
    + ["\n".join(LETTER_TAX_CLOSING)]
)

ANNEX_SIGNATURES = """Aneks: Lista e banorëve që mbështesin kërkesën

1. Arben Hoxha, rruga Ismail Qemali 14
2. Drita Muça, rruga Ismail Qemali 16
3. Ilir Zenelaj, rruga Ismail Qemali 21
4. Vjollca Përmeti, rruga Ismail Qemali 23
5. Sokol Çaushi, rruga Ismail Qemali 30

Të gjithë banorët e mësipërm janë dakord me përmbajtjen e kërkesës."""
