"""The words the rules look for, kept as data: reporting verbs, titles, pronouns, media, months.

Reporting verbs are listed by lemma with only their irregular forms; :func:`inflections` derives
the regular ones. A verb's ``frame`` says what may follow it: ``clause`` (say that...), ``object``
(urge someone to..., tell someone that...), ``particle`` cues are listed as multi-word lemmas.
"""

from __future__ import annotations

from collections.abc import Iterator

# lemma -> irregular forms (3sg, past, past participle, -ing); empty means regular.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "tweet": ("tweets", "tweeted", "tweeted", "tweeting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretted", "regretting"),
    "commit": ("commits", "committed", "committed", "committing"),
    "insist": ("insists", "insisted", "insisted", "insisting"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "plead": ("pleads", "pleaded", "pleaded", "pleading"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "write to": ("writes to", "wrote to", "written to", "writing to"),
}

# Verbs of saying whose complement is a clause or a quotation.
SAYING_VERBS = (
    "say", "tell", "add", "note", "argue", "claim", "insist", "warn", "explain", "state",
    "declare", "announce", "acknowledge", "admit", "suggest", "report", "write", "tweet",
    "predict", "urge", "ask", "question", "describe", "deny", "confirm", "reveal", "contend", "reply",
    "maintain", "stress", "emphasize", "emphasise", "respond", "reply", "recall", "concede",
    "allege", "assert", "observe", "promise", "pledge", "vow", "threaten", "demand", "propose",
    "recommend", "caution", "complain", "lament", "testify", "remark", "comment", "agree",
    "boast", "brag", "charge", "counter", "estimate", "forecast", "hint", "indicate", "joke",
    "mention", "muse", "object", "plead", "point out", "posit", "proclaim", "protest", "reason",
    "reiterate", "repeat", "retort", "signal", "speculate", "swear", "underline", "underscore",
    "wonder", "accuse", "criticize", "criticise", "blame", "praise", "call for", "call on",
    "point to", "write to", "order", "advise", "assure", "inform", "remind",
    "conclude", "continue", "describe as", "predict", "concede", "declare", "reaffirm",
    "cite", "announce", "clarify", "disclose", "dispute", "reject", "dismiss",
    "instruct", "encourage", "request", "stipulate", "specify", "theorize", "denounce", "defend",
    "condemn", "applaud", "slam", "blast", "lambaste", "decry", "hail", "call",
    # manners of speaking
    "chant", "shout", "yell", "exclaim", "quip", "whisper", "mutter", "scold", "chide", "rebuke",
    "implore", "deride",
)

# Verbs that news writing puts after the words they report, with their subject after them
# ("..., said Smith", "..., predicted the minister"). Verbs whose complement is a person or a
# thing ("applauded Clinton's remarks", "urged lawmakers to") keep their subject before them,
# even after a comma closing an aside: "Wong, a pollster, applauded Clinton's remarks."
INVERTING_VERBS = frozenset({
    "say", "add", "write", "ask", "explain", "note", "recall", "declare", "state", "continue",
    "insist", "agree", "reply", "respond", "tweet", "muse", "remark", "observe", "argue", "warn",
    "claim", "acknowledge", "admit", "concede", "conclude", "confirm", "joke", "wonder",
    "complain", "predict", "report", "counter", "retort", "comment", "contend", "maintain",
    "stress", "emphasize", "emphasise", "reiterate", "repeat", "lament", "boast", "brag",
    "caution", "suggest", "speculate", "estimate", "testify", "proclaim", "reason", "write to",
})

# Cues whose object before the complement is the addressee (urge X to, tell X that).
ADDRESSEE_VERBS = frozenset({
    "tell", "urge", "ask", "call on", "warn", "remind", "assure", "inform", "advise", "order",
    "instruct", "encourage", "write to", "accuse", "promise",
})

# Cues of estimates and musings rather than assertions: reported with lower confidence.
BELIEF_VERBS = frozenset({"estimate", "forecast", "speculate", "wonder", "predict"})

# Verbs whose complement is often a noun phrase rather than a clause; in the forms that could
# be nouns ("reports", "state") they are cues only before a clause marker or a quotation.
NEEDS_CLAUSE = frozenset({
    "continue", "reject", "dismiss", "order", "respond", "reply", "comment", "mention", "repeat", "object", "protest", "question", "request",
    "describe", "dispute", "signal", "indicate", "reason", "appeal", "report", "announce",
    "state", "claim", "charge", "demand", "remark", "joke", "estimate", "forecast", "underscore",
    "underline", "counter", "testify",
})

# Of those, the verbs that need the clause in every form ("continued to" is no statement).
ALWAYS_NEEDS_CLAUSE = frozenset({
    "continue", "order", "repeat", "object", "protest", "signal", "reason", "charge", "demand",
    "counter", "dispute", "request", "respond", "reply", "comment", "state", "joke", "remark",
    "testify",
})

AUXILIARIES = frozenset({
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
    "did", "does", "do", "also", "later", "previously", "repeatedly", "then", "again", "once",
    "recently", "earlier", "publicly", "privately", "reportedly", "further", "only", "often",
    "already", "long", "never", "frequently", "separately", "subsequently", "initially",
})

PASSIVE_AUX = frozenset({"is", "was", "were", "are", "been", "being", "be"})

CLAUSE_MARKERS = frozenset({"that", "whether", "if", "why", "how", "what", "when", "where", "who"})

PRONOUNS = {
    "he": "male", "him": "male", "his": "male",
    "she": "female", "her": "female", "hers": "female",
    "they": "plural", "we": "plural", "i": "self", "it": "neuter",
}
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you"})

DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "some", "many", "several", "two", "three", "four", "five", "most", "other",
    "another", "both", "all", "one", "few", "no", "each", "every", "any",
})

UNNAMED_HEADS = frozenset({
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
    "analyst", "analysts", "expert", "experts", "aide", "aides", "person", "people", "observer",
    "observers", "diplomat", "diplomats", "insider", "insiders", "critic", "critics",
    "authorities", "residents", "witnesses", "witness", "report", "reports", "media", "lawmakers",
    "investigators", "prosecutors", "police", "researchers", "activists", "supporters", "voters",
    "economists", "officers", "members", "leaders", "figures", "groups", "advocates",
})

GROUP_HEADS = frozenset({
    "authorities", "officials", "government", "ministry", "police", "military", "army",
    "forces", "lawmakers", "prosecutors", "investigators", "committee", "council", "commission",
    "party", "agency", "office", "department", "administration", "court", "campaign",
    "white house", "kremlin", "pentagon", "senate", "congress", "parliament", "union",
})

ORG_WORDS = frozenset({
    "party", "ministry", "agency", "council", "committee", "union", "department", "office",
    "service", "times", "post", "news", "inc", "corp", "university", "commission", "court",
    "government", "house", "administration", "institute", "bank", "police", "army", "forces",
    "campaign", "group", "foundation", "association", "senate", "congress", "kremlin",
    "pentagon", "journal", "tribune", "herald", "network", "channel", "radio", "tv", "press",
    "reuters", "bloomberg", "company", "center", "centre", "fund", "organization", "organisation", "authority",
    "board", "parliament", "guard", "navy", "federation", "republicans", "democrats", "media",
    "school", "college", "hospital", "academy", "museum", "church", "club", "league", "society",
    "chamber", "bureau", "secretariat", "directorate", "inspectorate", "trust", "embassy", "consulate",
})

MEDIA_WORDS = frozenset({
    "reuters", "ap", "afp", "cnn", "bbc", "fox", "nbc", "abc", "cbs", "msnbc", "bloomberg",
    "interfax", "tass", "ria", "politico", "axios", "npr", "pbs", "tv", "radio", "times",
    "post", "journal", "newspaper", "magazine", "channel", "broadcaster", "agency", "outlet",
    "podcast", "television", "news", "daily", "gazette", "guardian", "telegraph", "economist",
    "tribune", "herald", "wire", "network", "dw", "rferl", "ukrinform", "kyodo", "xinhua",
})

MEDIUM_NOUNS = frozenset({
    "interview", "letter", "statement", "post", "tweet", "speech", "video", "op-ed", "memo",
    "email", "message", "address", "broadcast", "podcast", "essay", "article", "column",
    "briefing", "press conference", "news conference", "report", "filing", "lawsuit", "book",
})

TITLE_WORDS = frozenset({
    "president", "prime", "minister", "foreign", "defense", "defence", "secretary", "senator",
    "sen", "rep", "gov", "governor", "mayor", "chancellor", "king", "queen", "pope", "general",
    "gen", "judge", "justice", "mr", "mrs", "ms", "dr", "chief", "director", "ceo", "chairman",
    "chairwoman", "speaker", "leader", "ambassador", "spokesman", "spokeswoman", "commissioner",
    "lawmaker", "attorney", "deputy", "vice", "former", "sheriff", "officer", "professor",
    "prof", "rev", "coach", "representative", "congressman", "congresswoman", "adviser",
    "advisor", "lt", "col", "capt", "sgt", "adm", "admiral", "colonel", "captain", "lord",
    "sir", "dame", "prince", "princess", "candidate", "nominee", "democrat", "republican",
    "state", "interior", "finance", "economy", "health", "supreme", "commander", "head",
    "founder", "executive", "opposition", "figure", "activist", "analyst", "envoy", "premier",
    "the", "freed", "jailed", "exiled", "late", "then", "top", "senior", "acting", "first",
    "lady", "presidential", "hopeful", "mogul", "billionaire", "businessman", "businesswoman",
    "councillor", "councilor", "councilman", "councilwoman", "alderman", "assemblyman",
    "assemblywoman", "chairperson", "trustee", "detective", "inspector", "superintendent",
    "sergeant", "lieutenant", "bishop", "archbishop", "cardinal", "rabbi", "imam", "dean",
    "prosecutor", "magistrate",
})

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

# A few common first names by gender, to keep "she" from resolving to a man.
FEMALE_NAMES = frozenset(["maria", "mary", "anna", "anne", "ann", "julia", "yulia", "hillary", "svetlana", "sviatlana", "olga", "natalia", "natalya", "elena", "yelena", "tatiana", "irina", "ekaterina", "katerina", "sarah", "elizabeth", "jennifer", "susan", "margaret", "nancy", "karen", "lisa", "linda", "patricia", "barbara", "jessica", "emily", "emma", "angela", "ursula", "kamala", "nikki", "michelle", "melania", "ivanka", "kristi", "marine", "giorgia", "theresa", "liz", "kaja", "roberta", "kristalina", "christine", "ilhan", "alexandria", "nancy", "elise", "victoria", "viktoria", "oksana", "iryna", "yulia", "lyudmila", "ludmila", "marina", "alla", "vera", "nadia", "nadezhda", "valentina", "hannah", "rachel", "rebecca", "laura", "amy", "heather", "amanda", "stephanie", "nicole", "melissa", "sandra", "donna", "carol", "ruth", "sharon", "cynthia", "kathleen", "helen", "deborah", "diane", "dianne", "joan", "janet", "catherine", "jane", "alice", "megan", "sophie", "claire", "anne-marie", "annalena", "mette", "sanna", "jacinda", "tsai", "ana", "gabriela", "jill", "kellyanne", "sarah-huckabee", "betsy", "chelsea", "huma", "debbie", "dana", "marsha", "tammy", "tulsi", "amy", "kirsten", "elizabeth", "maxine"]) | frozenset({
    "abby", "abigail", "adriana", "alexa", "alicia", "alison", "allison", "andrea",
    "angelina", "anita", "annie", "ashley", "audrey", "beth", "bethany", "betty", "beverly",
    "bonnie", "brenda", "bridget", "brittany", "brooke", "caitlin", "camila", "carla", "carly",
    "carmen", "caroline", "carolyn", "cassandra", "cathy", "charlotte", "cheryl", "chloe",
    "christina", "cindy", "clara", "colleen", "courtney", "danielle",
    "denise", "diana", "dolores", "doris", "dorothy", "eileen", "elaine", "eleanor", "ella",
    "ellen", "emilia", "erica", "erin", "esther", "eva", "evelyn", "felicia", "fiona", "frances",
    "gail", "gina", "gloria", "gwen", "hailey", "harriet", "irene", "isabel",
    "isabella", "jacqueline", "janice", "jasmine", "jeanne", "jenna", "jenny", "joanna",
    "joanne", "jodie", "josephine", "joyce", "judith", "judy", "julie", "kara", "kate",
    "katherine", "kathryn", "kathy", "katie", "kayla", "kimberly", "kristen", "kristin", "lara",
    "lauren", "leah", "lillian", "lois", "lori", "lorraine", "louise", "lucia", "lucy",
    "lydia", "mallory", "mandy", "marcia", "margo", "marie", "marilyn", "marjorie", "martha",
    "maureen", "meg", "megyn", "melanie", "mia", "mildred", "miriam", "molly", "monica", "nadine",
    "naomi", "natalie", "natasha", "nina", "nora", "olivia", "paige", "pam", "pamela", "paula",
    "pauline", "peggy", "phyllis", "priscilla", "rachael", "renee", "rita", "rosa",
    "rosalind", "rosemary", "roxanne", "sabrina", "sally", "samantha", "sara",
    "sheila", "shelley", "shirley", "sonia", "sophia", "stella", "susanna", "suzanne",
    "sylvia", "tamara", "tara", "teresa", "tiffany", "tina", "valerie", "vanessa", "veronica",
    "wanda", "wendy", "whitney", "yvonne", "zoe", "ingrid", "greta", "astrid", "birgit", "heidi",
    "petra", "sabine", "francesca", "giulia", "chiara", "fatima", "aisha", "leila", "layla",
    "yasmin", "priya", "anjali", "sunita", "yuki", "keiko",
})
MALE_NAMES = frozenset(["alexander", "aleksandr", "alexei", "alexey", "aleksei", "leonid", "vladimir", "volodymyr", "dmitry", "dmitri", "sergei", "sergey", "ivan", "mikhail", "nikolai", "andrei", "andriy", "oleksandr", "oleksiy", "viktor", "yevgeny", "evgeny", "boris", "igor", "pavel", "petro", "yuriy", "yuri", "donald", "joe", "joseph", "barack", "george", "bill", "william", "john", "james", "robert", "michael", "david", "richard", "thomas", "charles", "christopher", "daniel", "matthew", "mark", "paul", "steven", "steve", "kevin", "brian", "jeff", "jeffrey", "ted", "marco", "rand", "chris", "mike", "mitch", "bernie", "tim", "jim", "bob", "ben", "benjamin", "emmanuel", "olaf", "rishi", "keir", "boris", "xi", "recep", "viktor", "jens", "antony", "lloyd", "jake", "kamal", "justin", "narendra", "mohammed", "muhammad", "ali", "hassan", "ahmed", "omar", "abdel", "bashar", "recep", "friedrich", "frank-walter", "andrzej", "mateusz", "donald-tusk", "jd", "eric", "hunter", "chuck", "newt", "rudy", "reince", "sean", "jared", "stephen", "corey", "kellyanne-no", "lindsey-no", "jeb", "ron", "nikolay", "anatoly", "alexandr", "roman", "kyrylo", "denys", "mykhailo", "valery", "valeriy", "herman", "rustem", "andrew", "anthony", "edward", "henry", "jack", "peter", "patrick", "scott", "gary", "larry", "dennis", "ronald", "kenneth"]) | frozenset({
    "tom", "tony", "roy", "mitt", "jon", "ken", "nick", "adam", "alan", "alex", "allen", "arthur",
    "barry", "bernard", "bert", "brad", "brandon", "brett", "bruce", "bryan", "carl", "carlos",
    "charlie", "clint", "cody", "colin", "craig", "curtis", "dan", "danny", "darren",
    "dave", "derek", "doug", "douglas", "duncan", "dustin", "dylan", "eddie", "edgar",
    "eli", "elliot", "evan", "felix", "francis", "fred", "gabriel", "gavin", "gerald",
    "glenn", "gordon", "graham", "greg", "gregory", "harold", "harry", "howard", "hugh", "ian",
    "isaac", "jacob", "jason", "jeremy", "jerry", "jesse", "joel", "johnny", "jonathan", "jose",
    "josh", "joshua", "juan", "keith", "kyle", "lawrence", "leo", "leon", "lewis", "liam",
    "louis", "lucas", "luis", "luke", "malcolm", "marcus", "mario", "martin", "marvin", "matt",
    "michel", "miguel", "mitchell", "nathan", "neil", "nicholas", "noah", "oliver",
    "oscar", "owen", "pablo", "paolo", "pedro", "phil", "philip", "philippe", "pierre", "raymond",
    "ralph", "randy", "raul", "reggie", "rick", "ricky", "rodney", "roger", "ross",
    "russell", "ryan", "samuel", "seth", "shane", "simon", "stanley", "stuart", "terry",
    "theodore", "todd", "travis", "trevor", "troy", "tyler", "vernon", "vincent",
    "walter", "warren", "wayne", "wesley", "willie", "zach", "zachary", "hans", "karl", "klaus",
    "jurgen", "wolfgang", "giuseppe", "luigi", "francesco", "ahmad", "mahmoud", "yusuf", "ibrahim",
    "khalid", "abdullah", "mustafa", "tariq", "rahul", "raj", "sanjay", "arjun", "vijay",
    "hiroshi", "kenji", "takeshi",
})

# Words after which a capitalised word is not a name start (sentence-initial function words).
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "if", "as", "after", "before",
    "when", "while", "since", "though", "although", "because", "so", "yet", "of", "to", "from",
    "by", "with", "without", "about", "this", "that", "these", "those", "it", "its", "there",
    "then", "earlier", "later", "meanwhile", "however", "still", "also", "yesterday", "today",
    "last", "next", "during", "despite", "amid", "under", "over", "into", "we", "i", "he", "she",
    "they", "you", "his", "her", "their", "our", "my", "your", "what", "who", "why", "how",
    "where", "which", "according", "some", "many", "most", "all", "both", "such", "more",
})


def _regular(lemma: str) -> tuple[str, str, str, str]:
    if lemma.endswith("e"):
        stem_ing = lemma[:-1] + "ing"
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        stem_ing = lemma + "ing"
        past = lemma[:-1] + "ied"
    else:
        stem_ing = lemma + "ing"
        past = lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return third, past, past, stem_ing


def inflections(lemma: str) -> tuple[str, ...]:
    """Every form of a reporting verb or verb + particle: base, 3sg, past, participle, -ing."""
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    verb, _, particle = lemma.partition(" ")
    forms = (verb, *(_IRREGULAR[verb] if verb in _IRREGULAR else _regular(verb)))
    return tuple(f"{form} {particle}".strip() for form in forms)


# Verbs attributing a belief or a hope ("expressed optimism that" is a verb with a noun, below).
# "wants to", "plans to", "intends to" are left out: news uses them for actions more than for
# attributed intentions, and PolNeAR's annotators mostly do not mark them.
ATTITUDE_VERBS = (
    "think", "believe", "hope", "expect", "fear", "worry", "doubt", "suspect", "wish",
)

# Participles of believing and reporting whose passive raises the subject of what is believed:
# "is expected to win", "is widely believed to be", "was said to be"; not "was asked to leave".
RAISING_PARTICIPLES = frozenset({
    "expected", "believed", "thought", "said", "reported", "considered", "known", "rumored",
    "rumoured", "understood", "estimated", "predicted", "projected", "supposed", "presumed",
    "alleged", "claimed", "feared", "seen", "reckoned", "assumed", "deemed", "forecast",
    "suspected",
})

# Verbs by which evidence speaks: "polls show", "the study found", "records indicate".
EVIDENCE_VERBS = ("show", "find")

# Verbs of writing; a statement through them is written, whatever its channel.
WRITING_VERBS = frozenset({"write", "tweet", "post", "email", "text", "blog", "publish", "write to"})

# Heads of noun phrases that are documents or data rather than people.
EVIDENCE_NOUNS = frozenset({
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "records",
    "record", "data", "document", "documents", "analysis", "research", "figures", "statistics",
    "numbers", "results", "review", "audit", "investigation", "filing", "filings", "memo",
    "email", "emails", "letter", "paper", "census", "estimates", "projections", "models",
    "evidence", "findings", "footage", "video", "photos", "images", "map", "chart", "tally",
    "average", "averages", "polling", "slide", "graph", "forecast", "model", "ad", "ads", "tape",
})


def verb_forms() -> Iterator[tuple[str, str]]:
    """(form, lemma) for every single-word reporting verb form."""
    for lemma in (*SAYING_VERBS, *ATTITUDE_VERBS, *EVIDENCE_VERBS):
        if " " in lemma:
            continue
        for form in inflections(lemma):
            yield form, lemma
    yield "emailed", "email"  # the other forms are mostly nouns


VERB_FORM_LEMMA: dict[str, str] = dict(verb_forms())

# Particles that join the verb into one cue when they follow it.
ATTITUDE_NOUNS = frozenset({
    "optimism", "hope", "hopes", "confidence", "concern", "concerns", "doubt", "doubts", "fear",
    "fears", "frustration", "support", "skepticism", "scepticism", "regret", "surprise", "belief",
    "worry", "worries", "dismay", "alarm", "disappointment", "satisfaction", "willingness",
})
PARTICLES: dict[str, frozenset[str]] = {
    "express": ATTITUDE_NOUNS,  # "expressed optimism that"
    "voice": ATTITUDE_NOUNS,
    "call": frozenset({"for", "on"}),
    "point": frozenset({"to", "out"}),
    "write": frozenset({"to"}),
    "describe": frozenset({"as"}),
}
PARTICLE_VERBS: dict[str, str] = {
    form: lemma
    for lemma in ("call", "point", "express", "voice")
    for form in inflections(lemma)
}

# Adjectives of a stance held towards what follows them ("were frustrated that", "is critical
# of", "remain confident that"): after a copula and before its complement they are a cue.
ATTITUDE_ADJECTIVES = frozenset({
    "frustrated", "confident", "hopeful", "convinced", "worried", "concerned", "adamant",
    "skeptical", "sceptical", "optimistic", "pessimistic", "critical", "supportive", "enamored",
    "enamoured", "aware", "certain", "afraid", "angry", "upset", "furious", "outraged",
    "disappointed", "dismayed", "alarmed", "nervous", "fearful", "doubtful", "wary", "suspicious",
    "unconvinced", "insistent", "incensed", "troubled", "unhappy", "uneasy", "anxious",
})
# The verbs linking a subject to such an adjective.
COPULAS = frozenset({
    "is", "are", "was", "were", "am", "be", "been", "being", "remain", "remains", "remained",
    "feel", "feels", "felt", "seem", "seems", "seemed", "grew", "become", "became",
    "’m", "'m", "’re", "'re", "’s", "'s",
})

# Verbs of seeing something as something ("sees the deal as a trap"): a view held, with "as".
REGARDING_VERBS = frozenset({"see", "sees", "saw", "view", "views", "viewed", "regard", "regards", "regarded", "identify", "identifies", "identified"})

# Nouns of polling: a sentence opened by "In" and one of them reports the poll's findings.
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})

# Any word that may start a cue: a sentence without one of them holds no statement.
CUE_WORDS: frozenset[str] = (
    frozenset(VERB_FORM_LEMMA) | frozenset(PARTICLE_VERBS) | ATTITUDE_ADJECTIVES | REGARDING_VERBS | POLL_NOUNS | {"according", "put", "puts", "clear", "secret"}
)


# Verbs that open instructions ("Take notes during lectures", "Stay informed about the rules",
# "Avoid the stress"): capitalised at the head of an imperative sentence, they read like a
# one-word name before the verb the sentence's object was taken for.
IMPERATIVE_VERBS = frozenset({
    "add", "allow", "apply", "ask", "attend", "avoid", "book", "bring", "build", "buy", "call",
    "check", "choose", "clean", "click", "compare", "confirm", "connect", "consider", "contact",
    "create", "cut", "decide", "decouple", "define", "download", "drink", "eat", "enjoy", "ensure",
    "exchange", "explore", "fill", "find", "focus", "follow", "get", "give", "go", "handle",
    "imagine", "include", "install", "integrate", "invest", "join", "keep", "learn", "leave",
    "let", "limit", "list", "log", "look", "make", "manage", "measure", "mix", "move", "open",
    "order", "pay", "pick", "place", "plan", "prepare", "present", "prioritize", "prioritise",
    "protect", "pull", "push", "put", "read", "reduce", "remember", "remove", "request", "rest", "review",
    "run", "save", "schedule", "see", "select", "send", "set", "share", "sign", "start", "stay",
    "stop", "streamline", "switch", "take", "talk", "test", "think", "tighten", "track", "try",
    "turn", "update", "use", "visit", "walk", "watch", "wear", "write",
})
# Words that open a sentence as adverbs or determiners and name no one ("Another wondered",
# "Ever wondered", "Once the probes line up").
OPENING_ADVERBS = frozenset({
    "another", "ever", "once", "through", "within", "unlike", "somehow", "anyway", "anyways",
    "always", "never", "just", "often", "sometimes", "perhaps", "maybe", "however", "still",
    "also", "even", "rather", "otherwise", "besides", "finally", "ultimately", "eventually",
})
