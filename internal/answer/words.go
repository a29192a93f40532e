package answer

import "regexp"

// nextWords, in a when question, ask when the next one is.
var nextWords = set("next", "upcoming", "prochain", "prochaine", "prochains", "prochaines")

// timeWords, in a when question, only ask when.
var timeWords = set("time", "year", "date", "day", "month", "season", "annee", "jour", "mois", "heure", "saison", "date", "temps", "deadline", "echeance")

// fillers are adverbs and idioms that stress a question without saying
// what it is about.
var fillers = set("thing", "things", "stuff", "actually", "really", "exactly", "basically", "just", "ever", "even", "also", "indeed", "truly", "precisely", "currently", "anyway", "again", "still", "already", "please", "finally", "now", "like",
	"explain", "explains", "summarize", "summarise", "someone", "somebody", "article")

// fillerPhrases are removed from an English question before it is read.
var fillerPhrases = regexp.MustCompile(`\b(in the first place|at all|by the way|in fact|to begin with|of all|so far|supposed to|going to|meant to|right now|these days|at the moment|for now|any more|anymore|manage to|managed to|manages to|try to|tried to|tries to|trying to|end up|ended up|ends up|in (the|this) (article|story|text|piece))\b`)

// frenchFillerPhrases are blanked out of a French question before it is
// read: "par rapport à ce qui était prévu" compares, "du coup" and "en
// gros" only talk.
var frenchFillerPhrases = regexp.MustCompile(`(?i)(^|\s)(par rapport (à|au|aux)|du coup|en gros|au final|en fait|en tout cas|à peu près)(\s|$)`)

// frenchFillers say whom or how a French question asks, not what about:
// "selon Paperon", "chez Orbitalis", "vraiment".
var frenchFillers = set("selon", "chez", "vers", "vraiment", "exactement", "actuellement", "deja", "encore", "maintenant", "desormais", "donc", "alors", "bien", "svp",
	"ca", "cela", "ceci", "devant", "derriere", "parmi", "aupres", "apres", "pendant", "durant", "lors",
	"article", "texte", // "dans l'article": the article itself
	"si", "autant", "tant", "tellement", "trop", "beaucoup", "comme") // "autant de retard": how much, not what

// namingWords ask for a name: "what is the competitor called?"
var namingWords = set("called", "named", "name", "names", "nom", "appelle", "nomme")

// speechVerbs ask for what someone said; as words they would only match
// the verbs that introduce quotations, anywhere in the article.
var speechVerbs = set("say", "says", "said", "saying", "tell", "tells", "told", "claim", "claims", "claimed", "state", "states", "stated",
	"declare", "declared", "comment", "commented", "according", "dit", "disent", "dire", "affirme", "selon", "affirment", "raconte", "parle", "parlent")

// lightVerbs carry tense and grammar, not what a question is about.
var lightVerbs = set("est", "sont", "etait", "etaient", "sera", "seront", "ete", "etre", "a", "ont", "avait", "avaient", "aura", "auront", "avoir", "eu",
	"fait", "font", "faisait", "fera", "feront", "faire", "va", "vont", "allait", "ira", "iront", "aller", "peut", "peuvent", "pourrait", "doit", "doivent", "devrait",
	"veut", "veulent", "voulait", "vouloir", "voudrait", "pourra", "pourront", "pouvoir", "devra", "devront", "devoir", "faut", "faudra", "fallait",
	"pris", "prend", "prennent", "prendre", // "pris du retard": the delay is what is asked
	"mis", "met", "mettent", "mettre", // "ils ont mis combien de PV"
	"y", "t", "il", "elle", "ils", "elles", "on",
	// what someone says or thinks is the quotation itself, not a word of it
	"dit", "disent", "dire", "pense", "pensent", "penser", "propos", "parle", "parlent", "parler")

// modifiers are adjectives of order, time and size: they qualify the noun
// a question is about rather than name it.
var modifiers = set("next", "last", "first", "new", "former", "old", "whole", "entire", "overall", "older", "main", "possible", "potential", "likely", "recent", "big", "small", "large", "biggest", "largest", "latest", "current", "future", "previous", "major", "own", "other", "same",
	"prochain", "prochaine", "prochains", "prochaines", "dernier", "derniere", "derniers", "dernieres", "premier", "premiere", "premiers", "premieres",
	"nouveau", "nouvelle", "nouveaux", "nouvelles", "ancien", "ancienne", "principal", "principale", "principaux", "grand", "grande", "grands", "grandes",
	"petit", "petite", "actuel", "actuelle", "futur", "future", "autre", "autres", "meme")

var avoir = set("a", "ont", "aura", "auront", "avait", "avaient", "aurait", "auraient", "avoir", "eu", "ait")

var englishAuxiliaries = set("did", "does", "do", "will", "would", "can", "could", "should", "to", "has", "have", "had",
	"is", "are", "was", "were", "may", "might", "must", "shall", "didn't", "doesn't", "won't", "not")

// commonVerbs are rarely nouns in a question, wherever they stand.
var commonVerbs = set("think", "say", "tell", "believe", "come", "go", "want", "know", "mean", "feel", "seem", "get", "make",
	"take", "give", "happen", "expect", "plan", "hope", "consider", "explain", "claim", "argue", "react", "respond")

var particles = set("from", "on", "about", "to", "for", "with", "up", "in", "into", "out", "at", "of", "off", "by", "over", "down", "back")

// frenchAuxiliaries are followed by a verb: "va remplacer", "a-t-elle
// augmenté", and in questions "qui fabrique", "que propose".
var frenchAuxiliaries = set("va", "vont", "peut", "peuvent", "doit", "doivent", "veut", "veulent", "faut", "pour", "a", "ont", "est", "sont", "ete", "sera", "seront", "avait", "etait", "de", "d",
	"il", "elle", "ils", "elles", "on", "qui", "que", "qu", "comment", "pourquoi", "quand")

const (
	Open    Kind = iota // what, which, quel, que: no constraint
	Who                 // a person or an organisation
	When                // a date, month, season or year
	HowMany             // a count or an age: the answer must hold a number
	HowMuch             // an amount, a duration: a number helps
	Where               // a place or a source
	Why                 // a cause
	WhoIs               // who is X: X's role
	Which               // which/quel + noun: a named thing
	Age                 // how old: an age in years
	YesNo               // did X…? is X…?: a denial answers as well as an assertion
)

const (
	French Lang = iota
	English
)

var englishMarkers = set("the", "who", "what", "when", "where", "why", "how", "which", "did", "does", "do", "is", "are", "was", "were",
	"of", "for", "to", "from", "about", "with", "and", "has", "have", "many", "much", "said", "say", "says", "its", "his", "her", "their", "whose", "whom", "an", "on", "in", "at", "by", "this", "that",
	"be", "being", "been", "it", "they", "there", "any", "so", "will", "would", "can", "could", "should", "you", "we", "my", "your", "our", "get", "got")

// elisions open a French word: l'audit, qu'il, jusqu'à.
var elisions = set("l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu")

// englishClitics end an English word: the possessive and contractions.
var englishClitics = set("s", "t", "re", "ve", "ll", "d", "m")

var frenchMarkers = set("le", "la", "les", "des", "du", "de", "un", "une", "qui", "que", "quoi", "quand", "combien", "pourquoi", "ou", "comment",
	"quel", "quelle", "quels", "quelles", "est", "sont", "a", "ont", "il", "elle", "ils", "elles", "dit", "pour", "avec", "sur", "dans", "au", "aux", "et", "ce", "cette", "l", "d", "qu", "se", "son", "sa", "ses")

// roleWords name what someone does: "what is X's job?", "quel est le
// rôle de X ?" ask who X is.
var roleWords = set("job", "role", "position", "function", "occupation", "role", "poste", "fonction", "metier")

// yesNoOpeners open a question that asks whether.
var yesNoOpeners = set("did", "does", "do", "is", "was", "were", "are", "has", "have", "had", "can", "could", "will", "would", "should")

// questionWords are dropped before matching: they say what is asked,
// not what it is about.
var questionWords = set("who", "whom", "whose", "what", "when", "where", "why", "how", "which", "many", "much",
	"whats", "wheres", "whos", "hows", "whens", "whys",
	"qui", "que", "qu", "quoi", "quand", "combien", "pourquoi", "ou", "comment", "quel", "quelle", "quels", "quelles",
	"lequel", "laquelle", "est-ce", "est-ce-que")

// opinionWords ask what someone thinks: their own words answer best.
var opinionWords = set("think", "thinks", "believe", "believes", "feel", "feels", "opinion", "view", "views",
	"pense", "pensent", "penser", "avis", "opinion", "estime", "estiment", "juge", "jugent")

// successionWords ask who comes next: "who will replace the CEO?"
var successionWords = set("replace", "replaces", "replaced", "replacing", "succeed", "succeeds", "successor", "successors", "next",
	"remplacer", "remplacera", "remplace", "remplacant", "remplacante", "succeder", "succedera", "successeur", "successeurs", "releve")

// newcomerWords mark the one who comes next in an answer.
var newcomerWords = set("nouveau", "nouvelle", "nouveaux", "nouvelles", "futur", "future", "futurs", "prochain", "prochaine",
	"successeur", "successeurs", "remplacant", "remplacante", "releve", "new", "future", "next", "successor")

// determinerWords open a noun phrase: "who is the CEO" asks for a role's
// holder, "who is Pierre Paperon" for a person's role.
var determinerWords = set("the", "a", "an", "le", "la", "les", "l", "un", "une")

// causeVerbs, after "what", ask why: "what caused the delay?", "what led
// to the strike?".
// startVerbs, in a why question, ask why the thing happened at all: "why
// did the investigation start?" asks why there is an investigation.
var startVerbs = set("start", "started", "starts", "begin", "began", "begins", "begun")

var causeVerbs = set("caused", "causes", "cause", "led", "leads", "triggered", "triggers", "sparked", "prompted", "explains", "explained", "drove", "drives")

// eventVerbs only ask what took place: "what happened to the manager?"
var eventVerbs = set("happen", "happened", "happens", "happening", "occur", "occurred", "occurs", "go", "went", "going", "come", "came", "comes")

// causeNouns, in a what or quel question, ask why: "what's the cause of
// the fire?", "quelle est la raison du retard ?".
var causeNouns = set("cause", "causes", "caused", "reason", "reasons", "origin", "raison", "raisons", "origine", "explains", "explique", "explication")

// moneyWords ask for an amount of money.
var moneyWords = set("money", "cost", "costs", "price", "prices", "paid", "pay", "spent", "spend", "spends", "budget", "fund", "funds", "funding", "raise", "raised", "worth", "cash", "fine", "fined", "fines", "fee", "fees", "salary", "charged", "owe", "owes", "owed", "debt", "debts", "invest", "invested", "investment", "subsidy", "grant",
	"argent", "cout", "coute", "coutera", "coutent", "prix", "paye", "payer", "paie", "paient", "depense", "depenser", "budget", "montant", "somme", "financement", "euros",
	"amende", "dette", "dettes", "investi", "investir", "investissement", "subvention", "verse", "verser",
	"loan", "loans", "lent", "lend", "lends", "pret", "prets", "prete", "pretes", "preter") // "prêté", and "prêt"

// anyone are words for people in general: "how many people" counts
// "38 acheteurs" as well as "85 salariés".
var anyone = set("people", "ppl", "folks", "persons", "person", "gens", "personnes", "personne", "monde", "individus", "humans")

// whenNouns, asked about with what or which, ask when.
var whenNouns = set("deadline", "date", "day", "year", "month", "season", "echeance", "jour", "annee", "mois", "saison")

// earnWords ask what someone earns.
var earnWords = set("earn", "earns", "earned", "salary", // not "salaries": it folds as "salariés"
	"wage", "wages", "gagne", "gagnent", "gagnait", "salaire", "salaires", "remuneration", "touche", "palpe")

// personNouns name people by what they are or do: asking their name asks
// for a person's.
var personNouns = set("coureur", "coureurs", "pompier", "pompiers", "victime", "victimes", "homme", "hommes", "femme", "femmes", "pilote", "conducteur", "conductrice",
	"chauffeur", "enfant", "enfants", "patient", "patients", "joueur", "joueurs", "agent", "agents", "policier", "policiers", "gendarme", "gendarmes", "salarie", "salaries",
	"ouvrier", "ouvriers", "eleve", "eleves", "etudiant", "etudiants", "suspect", "suspects", "blesse", "blesses", "medecin", "infirmier", "infirmiere", "passager", "passagers",
	"runner", "runners", "firefighter", "firefighters", "victim", "victims", "man", "woman", "men", "women", "driver", "player", "players", "worker", "workers",
	"student", "students", "officer", "officers", "nurse", "doctor", "passenger", "passengers", "guy", "person", "boy", "girl", "child", "kid")

// measureWords, after "how", ask for a number with its unit.
var measureWords = set("far", "strong", "fast", "high", "deep", "tall", "heavy", "wide", "hot", "cold", "thick", "powerful", "loud")

// askersOwn are the asker's possessives: "my office", "mon vélo".
var askersOwn = set("my", "mine", "mon", "ma", "mes")

// adviceWords ask the bot for help rather than about the article.
var adviceWords = set("recommend", "recommande", "recommander", "suggest", "suggere", "conseille", "conseiller")

// priceVerbs, after combien, put a price on the noun that follows.
var priceVerbs = set("coute", "coutent", "coutera", "couteront", "coutait", "coutaient", "vaut", "valent", "vaudra")

// moneyUnits, after how much or combien, ask for an amount of money.
var moneyUnits = set("money", "cash", "amount", "sum", "argent", "somme", "montant", "fric", "thune", "thunes", "pognon")

// amountTerm stands in a sentence's terms for an amount of money, which
// the analyser cannot name: "350 000 euros" is the "argent" asked for.
const amountTerm = "\x00amount"

// currentWords ask who or what is in place now: "le patron actuel".
var currentWords = set("current", "currently", "present", "actuel", "actuelle", "actuels", "actuelles", "actuellement")

// commonFrench are among the most frequent words of French: a question
// that meets the article only through them ("temps" for weather, "bien"
// for good, "conseil" for recommend) shows little that it is about it.
var commonFrench = set("temps", "bien", "mieux", "comme", "chose", "choses", "fois", "jour", "jours", "an", "ans", "annee", "monde", "vie", "homme", "femme", "gens",
	"faire", "fait", "dire", "dit", "voir", "vu", "savoir", "su", "pouvoir", "vouloir", "venir", "venu", "falloir", "devoir", "croire", "trouver", "trouve", "donner", "donne",
	"prendre", "pris", "parler", "aimer", "passer", "passe", "mettre", "mis", "tenir", "rester", "reste", "porter", "porte", "present", "presenter", "conseil", "conseiller",
	"bon", "bonne", "grand", "grande", "petit", "petite", "nouveau", "nouvelle", "premier", "premiere", "dernier", "derniere", "seul", "seule", "meme", "autre", "autres",
	"tout", "tous", "toute", "toutes", "partie", "part", "place", "point", "cas", "cours", "fin", "suite", "moment", "heure", "coup", "tour", "main", "tete", "oeil", "yeux",
	"question", "raison", "exemple", "sens", "lieu", "mot", "idee", "facon", "moyen", "effet", "etat", "ordre", "ensemble", "type", "niveau", "nombre", "rapport")

// companyWords stand for the organisation an article is about.
var companyWords = set("company", "firm", "business", "startup", "start-up", "group", "companies", "entreprise", "societe", "start-up", "groupe", "boite")
