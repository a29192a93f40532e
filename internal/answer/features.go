package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

// What a sentence holds, computed once at build time, so that a
// question's kind can prefer the sentences that can answer it.
type features struct {
	Date     bool     // a year, a month, a season, a relative time
	Number   bool     // digits or a number word
	Age      bool     // "42 ans", "âgé de"
	Calendar bool     // a year, a month, a season, a day: when, not how long
	Clock    bool     // a time of day: "vers 23 h 40"
	Money    bool     // an amount of money: euros, €, dollars
	Cause    bool     // pour, parce que, s'explique par, imputables à…
	Places   []string // names after "à", "en", "dans", "chez"…, a newspaper's name, a place noun ("à la salle des fêtes"); folded
	Names    []string // capitalised words that do not open the sentence, folded
	People   []string // surnames of the corpus's people mentioned, folded
	Role     bool     // a role noun: patron, directrice, ministre…
	Newcomer bool     // nouveau, futur, successeur: who comes next
	Negated  bool     // ne … pas / n'… jamais: "X did not ask" answers "who asked" badly
	Naming   bool     // "connu sous le nom de", "baptisé", "intitulé": a name is given
	Salary   bool     // salaire, rémunération, "payé": what someone earns
	Measure  bool     // a number with a unit of measure: "130 km/h", "6,2 millimètres"
}

var (
	negateRe = regexp.MustCompile(`\b(ne|n')\s*\S+\s+(pas|jamais|plus|guere|point)\b|\bn'\S+\s+(pas|jamais|plus)\b`)
	// An age, not a duration: "Jean Dupont, 54 ans,", "âgé de 54 ans", "à 54 ans".
	ageRe = regexp.MustCompile(`\bagee?s? de \S+ ans\b|, \d{1,3} ans\b|\(\d{1,3} ans\)|\ba \d{1,3} ans\b`)
	// "ne … pas avant 2028" says when, it does not deny.
	notDenialRe = regexp.MustCompile(`\b(pas|plus) (avant|apres|seulement|que|moins|plus tard|encore|au-dela)\b`)
)

// months, folded: a day of the month comes before one ("14 janvier").
var months = []string{"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"}

var monthWords = set(months...)

var dateWords = set(slices.Concat(months, []string{"printemps", "ete", "automne", "hiver", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"hier", "demain", "aujourd'hui", "annee", "annees", "an", "ans", "mois", "semaine", "semaines", "date", "depuis", "fin", "debut", "trimestre", "siecle",
	"rentree", "toussaint", "noel", "paques", "vacances"})...)

// dated reports whether word i of a folded sentence says when: "l'hiver",
// "en avril"; not "400 euros par an", and not "été" after an auxiliary
// ("ont été visés").
func dated(words []string, i int) bool {
	w := text.StripElision(words[i])
	if !dateWords[w] || i > 0 && words[i-1] == "par" {
		return false
	}
	return w != "ete" || w != words[i] || i == 0 || !auxiliaries[words[i-1]]
}

// auxiliaries come before "été" the participle, not the season.
var auxiliaries = set("a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ayant", "as", "avons", "avez", "ait", "aient", "eut", "n'a", "n'ont", "n'avait", "n'avaient", "pas", "jamais", "deja", "toujours", "bien", "tous", "tout")

// moneyRe finds a currency: "euros", not "européen".
var moneyRe = regexp.MustCompile(`\b(?:euros?|dollars?)\b`)

// measureRe finds a number with a unit of measure, in folded text.
var measureRe = regexp.MustCompile(`\d ?(?:km/h|km|m|cm|mm|kg|g|t|mw|gw|kw|twh|gwh|mwh|ha|°c?|%)(?:\W|$)|\d (?:kilometres?|metres?|centimetres?|millimetres?|tonnes?|kilos?|litres?|hectares?|degres?|megawatts?|gigawatts?|kilowatts?|terawattheures?|noeuds|pour ?cent|m3|metres cubes)\b`)

// clockRe finds a time of day: "23 h 40", "14h", "8 h".
var clockRe = regexp.MustCompile(`\b\d{1,2} ?h(?: ?\d{2})?\b`)

// calendarWords name a point in time, not a length of it: "en octobre",
// "au printemps", not "six mois après".
var calendarWords = set(slices.Concat(months, []string{"printemps", "automne", "hiver", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "demain", "trimestre",
	"rentree", "toussaint", "noel", "paques"})...)

var numberWords = set("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt", "trente",
	"quarante", "cinquante", "soixante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards", "dizaine", "dizaines",
	"douzaine", "douzaines", "quinzaine", "vingtaine", "trentaine", "quarantaine", "cinquantaine", "soixantaine", "centaine", "centaines", "millier", "milliers", "moitie", "tiers", "quart", "pour cent", "%", "euros", "dollars")

var causeMarkers = []string{"parce que", "parce qu", "car ", "afin de", "afin d", "en raison", "a cause", "grace a", "du fait",
	"s'explique", "expliquent par", "imputable", "imputables", "du a", "due a", "dus a", "dues a", "faute de", "puisque", "en effet", "c'est pourquoi", "a l'origine", "attribue", "attribuent", "impute", "imputent", "en cause", "explique par", "expliquent par", "la piste d", "la piste du", "la piste de", "l'hypothese d", "l'hypothese du", "l'hypothese de",
	"la cause", "les causes", "consequence d", "consequence du", "consequence de", "consequences d", "resultat d", "le fruit d",
	// grievances give the why of a strike or a protest
	"denonce", "denoncent", "reclame", "reclament", "revendiquent", "protestent contre", "manque de", "manque chronique"}

// or merges what two pieces of text hold.
func (f features) or(g features) features {
	return features{
		Date: f.Date || g.Date, Calendar: f.Calendar || g.Calendar, Clock: f.Clock || g.Clock, Money: f.Money || g.Money, Number: f.Number || g.Number, Age: f.Age || g.Age, Cause: f.Cause || g.Cause, Places: append(f.Places[:len(f.Places):len(f.Places)], g.Places...),
		Names: append(f.Names[:len(f.Names):len(f.Names)], g.Names...), Negated: f.Negated || g.Negated,
		People: append(f.People[:len(f.People):len(f.People)], g.People...), Role: f.Role || g.Role, Newcomer: f.Newcomer || g.Newcomer,
	}
}

// roleNouns name what someone is: the answer to "who" when no name is
// given ("le futur patron").
var roleNouns = set("patron", "patronne", "directeur", "directrice", "president", "presidente", "pdg", "dg", "ministre", "maire", "dirigeant", "dirigeante",
	"fondateur", "fondatrice", "porte-parole", "secretaire", "responsable", "chef", "cheffe", "gerant", "gerante", "successeur", "remplacant", "delegue", "deleguee",
	"adjoint", "adjointe", "conseiller", "conseillere", "prefet", "prefete", "depute", "deputee", "senateur", "senatrice", "juge", "procureur", "avocat", "avocate")

// featuresOf reads what a piece of text holds; surnames are the folded
// surnames of the corpus's people.
func featuresOf(s string, surnames []string) features {
	f := text.Fold(s)
	var ft features
	// Digits: a year (1500–2099) is a date, a day of the month or a time
	// of day ("14 janvier", "17 h 30") is part of one; any other number
	// is an amount or a count.
	for i := 0; i < len(f); {
		if !isDigit(f[i]) {
			i++
			continue
		}
		j := i
		for j < len(f) && isDigit(f[j]) {
			j++
		}
		if y, err := strconv.Atoi(f[i:j]); err == nil && j-i == 4 && y >= 1500 && y < 2100 {
			ft.Date, ft.Calendar = true, true
		} else if !dayOrClock(f[:i], f[j:]) {
			ft.Number = true
		}
		i = j
	}
	ft.Money = strings.Contains(s, "€") || strings.Contains(s, "$") || (strings.Contains(f, "euro") || strings.Contains(f, "dollar")) && moneyRe.MatchString(f)
	ft.Measure = ft.Number && measureRe.MatchString(f)
	if clockRe.MatchString(f) {
		ft.Date, ft.Calendar, ft.Clock = true, true, true // "vers 23 h 40", "à 14h"
	}
	words := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	for i, w := range words {
		ft.Date = ft.Date || dated(words, i)
		ft.Calendar = ft.Calendar || calendarWords[text.StripElision(w)] || w == "heures" || w == "minuit" || w == "midi"
		ft.Number = ft.Number || numberWords[w]
		ft.Role = ft.Role || roleNouns[w]
		ft.Newcomer = ft.Newcomer || newcomerWords[w]
		ft.Naming = ft.Naming || namingMarkers[w]
		ft.Salary = ft.Salary || salaryWords[w]
		if slices.Contains(surnames, w) {
			ft.People = append(ft.People, w)
		}
	}
	for _, m := range causeMarkers {
		if strings.Contains(f, m) {
			ft.Cause = true
			break
		}
	}
	if !ft.Cause && strings.Contains(f, " par ") {
		ft.Cause = explainedByRe.MatchString(f) // "la direction explique cette décision par la chute des commandes"
	}
	// The regular expressions are the costly part of building: run each
	// only when the words it needs are there.
	if strings.Contains(f, "ne ") || strings.Contains(f, "n'") {
		ft.Negated = negateRe.MatchString(f) && !notDenialRe.MatchString(f)
	}
	ft.Places = placesIn(s)
	if strings.Contains(f, " ans") || strings.Contains(f, "age") {
		ft.Age = ageRe.MatchString(f)
	}
	ft.Names = innerCapitals(s)
	return ft
}

// salaryWords say what someone earns. Not "traitement": a treatment far
// more often than a civil servant's pay.
var salaryWords = set("salaire", "salaires", "remuneration", "remunere", "remuneree", "paye", "payee", "payes", "gagne", "gagnent", "touche", "touchent", "percoit", "percoivent",
	"emoluments", "brut", "bruts", "net", "nets", "smic", "empochent", "empoche") // a "prime" is a bonus, not a salary

// namingMarkers give a name: "connu sous le nom de LockNet", "baptisé Atlas".
var namingMarkers = set("nom", "nomme", "nommee", "nommes", "baptise", "baptisee", "baptises", "appele", "appelee", "appeles", "surnomme", "surnommee",
	"intitule", "intitulee", "denomme", "denommee", "s'appelle", "s'appellent")

// explainedByRe finds a cause given as what explains or justifies
// something: "explique cette décision par", "justifie la fermeture par".
var explainedByRe = regexp.MustCompile(`\b(expliqu|justifi|motiv)\S* (\S+ ){1,4}par\b`)

// placeWords come before a place or a source: "à Paris", "chez Orange",
// "du magazine Challenges".
var placeWords = set("a", "au", "aux", "en", "dans", "depuis", "chez", "vers", "sur", "pres",
	"magazine", "journal", "quotidien", "hebdomadaire", "site", "blog", "radio", "chaine", "agence")

// placeNouns are places that need no name: "à la salle des fêtes", "à
// la mairie".
var placeNouns = set("salle", "mairie", "hopital", "gare", "ecole", "college", "lycee", "siege", "locaux", "prefecture", "aeroport", "stade", "musee", "eglise", "usine", "entrepot", "parking", "tribunal", "caserne", "clinique")

// placesIn lists, folded, the places a sentence names: a capitalised name
// right after a place word, an article or "de" aside, or after a common
// noun (and an adjective) and "de" ("à Paris", "vers les pharmacies de
// l'Orne", "sur la commune voisine de Saint-Aubin"); or a place noun
// right after a place word ("à la salle des fêtes").
func placesIn(s string) []string {
	var out []string
	ws := strings.Fields(s)
	for i, w := range ws {
		if !placeWords[text.Fold(strings.Trim(w, ",;:()«»\"“”"))] {
			continue
		}
		common, of := 0, false // common words passed; past the "de" after them
		for _, next := range ws[i+1 : min(i+7, len(ws))] {
			next = strings.TrimLeft(next, "(«»\"“”")
			bare := text.StripElision(next)
			folded := text.Fold(strings.TrimRight(bare, ",;:.!?)»\"“”"))
			switch folded {
			case "la", "le", "les":
				continue
			case "de", "du", "des":
				of = true
				continue
			}
			if r, _ := utf8.DecodeRuneInString(bare); unicode.IsUpper(r) {
				if common == 0 || of || bare != next { // "de l'Orne": the elision is a "de"'s
					out = append(out, folded)
				}
				break
			}
			if common == 0 && placeNouns[folded] {
				out = append(out, folded)
				break
			}
			if common == 2 || of || strings.ContainsAny(next, ",.;:!?") {
				break
			}
			common++
		}
	}
	return out
}

// innerCapitals lists the capitalised words that are not the sentence's
// first: names of people, companies and places.
func innerCapitals(s string) []string {
	var out []string
	first := true
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		w = text.StripElision(w)
		r := []rune(w)
		if len(r) == 0 {
			continue
		}
		if !first && len(r) > 1 && unicode.IsUpper(r[0]) {
			out = append(out, text.Fold(w))
		}
		first = false
	}
	return out
}

// fitsStrictly reports whether a sentence holds what a strict kind asks for.
func fitsStrictly(k Kind, f features) bool {
	switch k {
	case When:
		return f.Date
	case HowMany:
		return f.Number
	case Age:
		return f.Age
	}
	return true
}

// fits scores how well a sentence's content suits the kind of question:
// the bonus a sentence gets for holding what is asked for. A name counts
// only if the question does not already hold it: "who asked?" is not
// answered by the name it asks about. For "who", a person of the corpus
// (or the speaker, when the question asks who said) beats a role noun,
// which beats any other name.
func fits(k Kind, f features, speaker string, asked map[string]bool) float64 {
	switch {
	case k == Who && (fresh(f.People, asked) || speaker != "" && !asked[text.Fold(speaker)]):
		return 0.25 // callers pass a speaker only when the question asks who said
	case k == Who && f.Role:
		return 0.2
	case k == Who && fresh(f.Names, asked):
		return 0.1
	case k == When && f.Calendar, (k == HowMany || k == HowMuch) && f.Number, k == Age && f.Age:
		return 0.35
	case k == When && f.Date:
		return 0.2 // "six mois après": a time, but not a date
	case k == Why && f.Cause:
		return 0.4
	case k == Where && fresh(f.Places, asked): // not the place the question names
		return 0.25
	case k == Which && fresh(f.Names, asked):
		return 0.15
	}
	return 0
}

// speakerAt returns who said the text in [start, end) of a paragraph,
// when that text lies mostly inside a quotation.
func speakerAt(quotes []guillemet.Quote, start, end int) string {
	best, bestLen := "", 0
	for _, q := range quotes {
		lo, hi := max(start, q.Span.Start), min(end, q.Span.End)
		if hi-lo > bestLen {
			best, bestLen = q.Speaker, hi-lo
		}
	}
	if bestLen*2 >= end-start {
		return best
	}
	return ""
}

// minQuotedWords is how long a quotation must be for a sentence holding it
// to count as someone's words; « agitation » does not make a quotation of
// the sentence around it.
const minQuotedWords = 4

// quotedIn returns the speaker of the longest quotation of at least
// minQuotedWords words that overlaps [start, end) of a paragraph.
func quotedIn(para string, quotes []guillemet.Quote, start, end int) string {
	best, bestLen := "", 0
	for _, q := range quotes {
		lo, hi := max(start, q.Span.Start), min(end, q.Span.End)
		if hi > lo && hi-lo > bestLen && len(strings.Fields(para[lo:hi])) >= minQuotedWords {
			best, bestLen = q.Speaker, hi-lo
		}
	}
	return best
}

// dayOrClock reports whether the number between before and after is a day
// of the month ("14 janvier", "1er mars") or part of a time of day ("17 h
// 30", "14h").
func dayOrClock(before, after string) bool {
	after = strings.TrimPrefix(after, "er")
	after = strings.TrimLeft(after, " \u00a0\u202f")
	if strings.HasPrefix(after, "h") && (len(after) == 1 || !unicode.IsLetter(rune(after[1]))) {
		return true // "17 h", "14h30"
	}
	if strings.HasSuffix(strings.TrimRight(before, " \u00a0\u202f"), " h") || strings.HasSuffix(before, "h") && len(before) > 1 && isDigit(before[len(before)-2]) {
		return true // the minutes of "17 h 30", "14h30"
	}
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(after)
	}
	return monthWords[after[:end]]
}
