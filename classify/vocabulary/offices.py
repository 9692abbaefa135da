"""Office names (folded, inflection-tolerant regexes) and the lines that name an addressee.

"Z. Arben Hoxha" on a line of its own is an address line; "Z. Kryetar," with its comma is a
salutation.
"""

from __future__ import annotations

# Addressee offices. Order matters inside a line: more specific offices are listed first and
# the generic head of the municipality last, so "Kryetarit te Keshillit" is the council.
OFFICE_PATTERNS: dict[str, tuple[str, ...]] = {
    "keshilli": (
        r"keshill\w* (?:te |i |e )?bashki\w*",
        r"kryetar\w* (?:i |e |te |se )?keshillit",
        r"chair\w* of the (?:municipal |city )?council",
        r"municipal council",
        r"city council",
        r"council chair\w*",
        r"chair\w* of the (?:municipal )?council",
        r"anetar\w* (?:e |te )?keshillit",
        r"keshilltar\w*",
    ),
    "nenkryetari": (
        r"nen ?kryetar\w*",
        r"zevendes ?kryetar\w*",
        r"zv\.? ?/? ?kryetar\w*",
        r"deputy mayor",
        r"vice[- ]mayor",
    ),
    "planifikimi": (
        r"planifikim\w*",
        r"zhvillimit (?:te |e )?territorit",
        r"territorial planning",
        r"planning and development",
        r"urbanistik\w*",
        r"urban planning",
        r"planning (?:department|directorate|office)",
    ),
    "sherbimet-publike": (
        r"sherbim\w* publik\w*",
        r"public services",
        r"public works",
    ),
    "taksat": (
        r"(?:drejtori\w* (?:e |se )?)?taksave(?: dhe tarifave(?: vendore)?)?",
        r"tatimeve vendore",
        r"tarifave vendore",
        r"tax(?:es)? (?:department|directorate|office)",
        r"(?:department|directorate|office) (?:of|for) (?:local )?tax\w*",
    ),
    "sociale": (
        r"sherbim\w* social\w*(?: dhe strehimit)?",
        r"strehimit",
        r"zyr\w* (?:e |se )?social\w*",
        r"drejtor\w* (?:e |se )?social\w*",
        r"social (?:services|affairs|department)",
    ),
    "arsimi-kultura": (
        r"drejtor\w* (?:e |se |te )?(?:arsimit|kultur\w*|sportit)",
        r"zyr\w* (?:e |se )?(?:arsimit|kultur\w*|sportit)",
        r"arsimit,? kultur\w*(?:,? (?:rinise )?(?:dhe )?sportit)?",
        r"kultures,? (?:rinise )?(?:dhe )?sportit",
        r"(?:department|directorate|office) (?:of|for) (?:education|culture)",
        r"education,? culture",
    ),
    "juridike": (
        r"drejtori\w* juridik\w*",
        r"zyr\w* juridik\w*",
        r"sektor\w* juridik\w*",
        r"legal (?:department|directorate|office)",
    ),
    "burimet-njerezore": (
        r"burime\w* njerezore",
        r"human resources",
        r"personelit",
    ),
    "financa": (
        r"drejtori\w* (?:e |se |te )?finance\w*",
        r"finances(?: dhe|,) buxhet\w*",
        r"buxhetit",
        r"financ\w* (?:department|directorate|office)",
        r"(?:department|directorate|office) of financ\w*",
    ),
    "marredheniet-publike": (
        r"marredhenie\w* me publikun",
        r"informacionit dhe",
        r"koordinator\w* (?:per |i |e )?(?:te )?drejt\w* (?:e |te )?informimit",
        r"public relations",
        r"information officer",
        r"to whom it may concern",
        r"per ke mund t'?i interesoje",
        r"zyr\w* (?:e |se )?protokollit",
    ),
    "policia-bashkiake": (
        r"polici\w* bashkiak\w*",
        r"policise (?:se )?bashkise",
        r"municipal police",
    ),
    "transporti": (
        r"drejtori\w* (?:e |se |te )?transport\w*",
        r"transportit dhe levizshmerise",
        r"levizshmeri\w*",
        r"transport (?:department|directorate|office)",
        r"(?:department|directorate|office) (?:of|for) transport\w*",
        r"mobility",
    ),
    "kryetari": (
        r"kryetar\w*",
        r"kryebashkiak\w*",
        r"\bmayor\b",
        r"bashki\w* (?:e |se )?vlor\w*",
        r"municipality of vlor\w*",
        r"vlor\w* municipality",
    ),
}

# Lines whose text names the addressee, and lines that must never count as the addressee.
ADDRESSEE_HEADER = r"^\s*(?:drejtuar|per|adresuar|to|attn\.?|attention|marresi|marres)\s*:"
CC_OR_SENDER_HEADER = r"^\s*(?:per dijeni|cc|kopje|nga|from|derguesi|sender|dergues)\s*:"
SALUTATION = (
    r"^\s*(?:i|e|te) (?:nderuar|nderuara|nderuari|nderuem|dashur)\b"
    r"|^\s*(?:(?:zoti|zonja|zonje|dear|pershendetje|respected|esteemed)\b|(?:z|znj)\..*[,!:]\s*$)"
)
# A salutation that greets a person by first name ("E dashur Anila", "Mira e dashur",
# "Dear Klea!!") is private mail unless the word is a title or an office.
PERSONAL_SALUTATION = (
    r"^\s*(?:(?:i|e) dashur|dear|hi|hello|pershendetje) ([a-z]+)\s*[,!.]*\s*$"
    r"|^\s*([a-z]+) (?:i|e) dashur\s*[,!.]*\s*$"
    r"|^\s*([a-z]+) (?:bija|biri|zemra|shpirt)\s*[,!.]*\s*$"
)
NOT_A_NAME = frozenset(
    [
        "sir",
        "sirs",
        "madam",
        "madame",
        "mayor",
        "colleague",
        "colleagues",
        "friend",
        "friends",
        "all",
        "team",
        "director",
        "directors",
        "council",
        "councillor",
        "councillors",
        "members",
        "member",
        "partner",
        "partners",
        "citizen",
        "citizens",
        "everyone",
        "kryetar",
        "kryetari",
        "kryetare",
        "zoti",
        "zonja",
        "zonje",
        "koleg",
        "kolege",
        "kolegë",
        "mik",
        "miq",
        "qytetar",
        "qytetare",
        "bashkeqytetar",
        "bashkeqytetare",
        "stafi",
        "staf",
        "punonjes",
        "drejtor",
        "drejtoresha",
        "keshilltar",
        "keshilltare",
        "anetar",
        "anetare",
        "prinder",
        "nxenes",
        "juriste",
        "jurist",
    ]
)
