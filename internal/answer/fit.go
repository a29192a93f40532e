package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/index"
	"guillemet/internal/text"
)

// speaker is who said s, when the question asks who said something: "Who
// is the CEO?" is not answered by whoever is being quoted.
func (q question) speaker(s sentence) string {
	if q.says {
		return s.quoted
	}
	return ""
}

// fit is the bonus a sentence gets for holding what the question asks
// for, and for being a quotation when it asks what someone said.
func (q question) fit(s sentence, asked map[string]bool) float64 {
	f := fits(q.kind, s.features, q.speaker(s), asked)
	switch {
	case q.says && s.speaker != "":
		f += quoteBonus
	case q.says && s.quoted != "":
		f += quoteBonus / 2 // a few quoted words in someone else's sentence
	}
	if q.says && s.speakerTerms != nil && q.namesSpeaker(s.speakerTerms) {
		f += quoteBonus // "what does the mayor say?" and the mayor says it
	}
	switch {
	case q.succeeds && s.features.Newcomer:
		f += 0.3
	case q.current && s.features.Newcomer:
		f -= 0.3 // "le patron actuel" is not "le futur patron"
	}
	switch {
	case q.money && s.features.Money:
		f += moneyBonus // "how much was spent?": "1,8 million d'euros", not "trois ans"
	case q.money && q.kind == HowMuch && s.features.Number:
		f -= moneyBonus // a number, but not of euros: "mardi 14 octobre"
	}
	if q.measure && s.features.Measure {
		f += measureBonus // "how strong were the winds?": "130 km/h", not "deux des quatre scènes"
	}
	if q.naming && s.features.Naming {
		f += namingBonus // "what's the group called?": "connu sous le nom de LockNet"
	}
	if q.clock && s.features.Clock {
		f += clockBonus // "what time…?": "vers 23 h 40", not "samedi"
	}
	return f
}

// moneyBonus is what an amount of money gains when the question asks for one.
const moneyBonus = 0.15

// measureBonus is what a number with its unit gains for "how strong",
// "how far": as much as euros for money.
const measureBonus = moneyBonus

// namingBonus is what a sentence that gives a name gains when the
// question asks for one.
const namingBonus = 0.25

// clockBonus is what a time of day gains when the question asks what time.
const clockBonus = 0.2

// quoteBonus is what a quotation gains when the question asks what
// someone said or thinks.
const quoteBonus = 0.3

// agentBonus is what a sentence gains when it names who did what a "who"
// question asks: "fondée par Claire Vasseur", "remplacé par Rui Fontes";
// holderBonus when it names who holds the role asked: "le DG Patrick
// Starck".
const (
	agentBonus  = 0.3
	holderBonus = 0.3
)

// whoNamed is the bonus of a sentence where a name follows a verb the
// question asks about, after "par" or "by", or a role it asks about.
func whoNamed(cs []concept, s sentence, para string, asked map[string]bool, succeeds bool) float64 {
	bonus, acts := 0.0, false
	for _, t := range s.tokens {
		verb, noun := false, false
		for _, c := range cs {
			if conceptHas(c, t.Term) {
				verb, noun = verb || c.Verb, noun || !c.Verb
			}
		}
		if !verb && !noun {
			continue
		}
		acts = acts || verb
		rest := strings.TrimLeft(para[t.End:], " \u00a0")
		if verb && (agentFollows(rest, asked) || subjectBefore(para[:t.Start], asked) || agentNoun(t.Term) && holderFollows(rest, asked)) {
			return agentBonus // "vendu": "Le vendeur, la famille Dufresne"
		}
		if noun && !succeeds && holderFollows(rest, asked) && !insideName(para, t) { // who replaces the coach is not the coach
			bonus = holderBonus
		}
	}
	if acts && cleft(para[s.span.Start:s.span.End], asked) {
		return agentBonus // "C'est le préfet, Alain Castel, qui a signé l'arrêté": the one who did it, stressed
	}
	if acts && bonus == 0 && opensOnName(para[s.span.Start:s.span.End], s.features.People, asked) {
		return holderBonus // "Le groupe Redstone, basé à Austin, a annoncé le rachat": the subject did it
	}
	return bonus
}

// cleft reports whether a sentence stresses who did something: "C'est le
// préfet, Alain Castel, qui a signé", with a name the question lacks.
func cleft(sentence string, asked map[string]bool) bool {
	if len(sentence) < 2 || sentence[0] != 'C' && sentence[0] != 'c' || sentence[1] != '\'' && sentence[1] != 'e' && !strings.HasPrefix(sentence[1:], "’") {
		return false // most sentences: no copy to fold them
	}
	f := text.Fold(sentence)
	if !strings.HasPrefix(f, "c'est ") && !strings.HasPrefix(f, "ce sont ") {
		return false
	}
	k := strings.Index(sentence, " qui ")
	if k < 0 {
		return false
	}
	for _, w := range strings.Fields(sentence[:k])[1:] {
		if w = strings.Trim(text.StripElision(w), ",;:«»\"()"); !functionWords[text.Fold(w)] && startsName(w, asked) {
			return true
		}
	}
	return false
}

// opensOnName reports whether a sentence's subject is a name the question
// does not hold: its first capitalised word, among its first few, after
// a determiner and common nouns ("Le groupe américain Redstone…").
func opensOnName(sentence string, people []string, asked map[string]bool) bool {
	const maxLead = 4
	ws := strings.Fields(sentence[:min(len(sentence), leadBytes)])
	for i := 0; i < len(ws) && i < maxLead; i++ {
		w := strings.Trim(text.StripElision(ws[i]), ",;:«»\"()")
		if w == "" || functionWords[text.Fold(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			// a sentence's first word is a name only if it is a known person's ("Mais", "Selon" are not)
			return startsName(w, asked) && (i > 0 || slices.Contains(people, text.Fold(w)))
		}
		if strings.ContainsAny(ws[i], ",;:") || leadPrepositions[text.Fold(w)] {
			return false // "Le procès de Bernard Le Gall": a complement, not the subject
		}
	}
	return false
}

// leadBytes is enough of a sentence for its first few words.
const leadBytes = 80

// leadPrepositions end the subject a sentence opens with.
var leadPrepositions = set("de", "du", "des", "d", "a", "au", "aux", "en", "pour", "par", "sur", "dans", "avec", "chez", "selon", "contre", "apres", "avant")

// agentFollows reports whether text after a verb (or its noun, "rachat")
// names who did it: "par Camille Ferrand", "en 2019 par X", "par le
// groupe allemand Mobilis".
func agentFollows(rest string, asked map[string]bool) bool {
	const maxBefore, maxNouns = 3, 2 // words before "par", common words before the name
	ws := strings.Fields(rest)
	for i := 0; i < len(ws) && i <= maxBefore; i++ {
		if ws[i] != "par" && ws[i] != "by" {
			if strings.ContainsAny(ws[i], ",;:.") {
				return false // the clause ends first
			}
			continue
		}
		after := ws[i+1:]
		for j := 0; j < len(after) && j <= maxNouns+1; j++ {
			w := text.StripElision(after[j])
			if startsName(w, asked) {
				return true
			}
			if w == "" || strings.ContainsAny(after[j], ",;:.") {
				return false
			}
		}
		return false
	}
	return false
}

// holderFollows reports whether text after a role noun names who holds
// it: "le directeur Jean Dupont", "Le vendeur, la famille Dufresne,".
func holderFollows(rest string, asked map[string]bool) bool {
	if startsName(rest, asked) {
		return true
	}
	after, comma := strings.CutPrefix(rest, ",")
	if !comma {
		return false
	}
	ws := strings.Fields(after)
	for i := 0; i < len(ws) && i <= 2; i++ { // "la famille", "le groupe"
		if startsName(ws[i], asked) {
			return true
		}
		if strings.ContainsAny(ws[i], ",;:.") {
			return false
		}
	}
	return false
}

// agentNoun reports whether a term is a noun of who does something:
// vendeur, repreneur, fondatrice.
func agentNoun(term string) bool {
	return strings.HasSuffix(term, "eur") || strings.HasSuffix(term, "ric") || strings.HasSuffix(term, "eus")
}

// subjectBefore reports whether a name is the subject of the verb that
// follows before: "Daniel Kiprotich a remporté", "Tigist Bekele s'est imposée".
func subjectBefore(before string, asked map[string]bool) bool {
	ws := strings.Fields(before)
	for len(ws) > 0 && subjectAuxiliaries[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 || strings.ContainsAny(ws[len(ws)-1], ",;:.«»\"") {
		return false // "…, a remporté": an apposition or a clause ends there
	}
	w := ws[len(ws)-1]
	return !functionWords[text.Fold(text.StripElision(w))] && startsName(w, asked) // "Le rachat…": no name
}

// functionWords open a sentence in capitals without naming anyone.
var functionWords = set("le", "la", "les", "l", "un", "une", "des", "il", "elle", "ils", "elles", "on", "ce", "cet", "cette", "ces", "son", "sa", "ses",
	"leur", "leurs", "nous", "vous", "je", "j", "celui-ci", "celle-ci", "qui", "dont")

// subjectAuxiliaries stand between a subject and its verb.
var subjectAuxiliaries = set("a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "s'est", "s’est", "se", "sont", "est", "vient", "viennent", "de", "d'", "finalement", "déjà", "enfin")

// startsName reports whether s opens on a capitalised word the question
// does not hold.
func startsName(s string, asked map[string]bool) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if end < 0 {
		end = len(s)
	}
	return !asked[text.Fold(s[:end])]
}

// nameless is what a sentence loses, for a "who" question, when neither
// it nor the next one names anyone or anything the question does not.
const nameless = 0.15

func namesSomeone(s sentence, asked map[string]bool) bool {
	return fresh(s.features.People, asked) || fresh(s.features.Names, asked)
}

func nextOf(ss []sentence, i int) sentence {
	if i+1 < len(ss) {
		return ss[i+1]
	}
	return sentence{}
}

// namesSpeaker reports whether the question names the person, or the
// role, whose words a sentence quotes.
func (q question) namesSpeaker(speaker map[string]bool) bool {
	for _, c := range q.concepts {
		if matchFactor(c, speaker) >= translation {
			return true
		}
	}
	return false
}

// countBonus is what a sentence gains when a number counts the very thing
// a how-many question asks about.
const countBonus = 0.3

func focusOf(cs []concept, label string) concept {
	for _, c := range cs {
		if c.Label == label {
			return c
		}
	}
	return concept{}
}

// counts reports whether a number stands right before a word of concept
// c: "92 salariés", "1,3 million d'utilisateurs", "trois gares".
func counts(c concept, toks []index.Token, para string) bool {
	for _, t := range toks {
		if !conceptHas(c, t.Term) {
			continue
		}
		before := strings.Fields(text.Fold(para[max(0, t.Start-40):t.Start]))
		if n := len(before); n > 0 && (before[n-1] == "de" || before[n-1] == "d'" || before[n-1] == "d’") {
			before = before[:n-1] // "million de", "dizaines de"
		}
		if n := len(before); n > 0 && isCount(before[n-1]) {
			return true
		}
	}
	return false
}

func isCount(w string) bool {
	w = strings.Trim(w, "(),;:")
	if w == "" {
		return false
	}
	if r := w[0]; r >= '0' && r <= '9' {
		return true
	}
	return numberWords[w] // "1,3 million d'utilisateurs", "une quinzaine de musées"
}

// ageNear is how far, in bytes, an age may stand after the name it is the
// age of: "Bernard Le Gall, 61 ans".
const ageNear = 40

// ageOfNamed reports whether a sentence gives the age of the person an
// age question names, right after the name; true when it names no one.
func ageOfNamed(cs []concept, s sentence, para string) bool {
	var named []concept
	for _, c := range cs {
		if c.Required {
			named = append(named, c)
		}
	}
	if len(named) == 0 { // "quel âge a le directeur ?": the director, by his role
		for _, c := range cs {
			if !c.Verb && !ageWords[c.Label] {
				named = append(named, c)
			}
		}
	}
	if len(named) == 0 {
		return true
	}
	text := para[s.span.Start:s.span.End]
	for _, m := range ageRe.FindAllStringIndex(text, -1) {
		at := s.span.Start + m[0]
		for _, t := range s.tokens {
			if t.End <= at && at-t.End <= ageNear && nameTerm(named, t.Term) {
				return true
			}
		}
	}
	return false
}

// ageWords ask an age; they are not whom it is asked of.
var ageWords = set("age", "old", "ans", "ages")

func nameTerm(cs []concept, term string) bool {
	for _, c := range cs {
		for _, a := range c.Alts {
			if slices.Contains(a.Terms, term) {
				return true
			}
		}
	}
	return false
}

// insideName reports whether a word is part of a name: "Course" of
// "Nantes Course Organisation", "bancaire" of "Mutuelle bancaire
// Anjou-Maine".
func insideName(para string, t index.Token) bool {
	before := strings.Fields(para[:t.Start])
	return titleCase(para[t.Start:t.End]) || len(before) > 0 && titleCase(before[len(before)-1]) && !strings.ContainsAny(before[len(before)-1], ",;:.")
}

// titleCase reports whether a word is written as a name's part, with a
// capital and then lower case: "Course" of "Nantes Course Organisation";
// not "DG", not "directeur".
func titleCase(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.ToUpper(w[size:]) != w[size:]
}

// fresh reports whether some of a sentence's names (or people) are ones
// the question does not hold.
func fresh(names []string, asked map[string]bool) bool {
	for _, n := range names {
		if !asked[n] {
			return true
		}
	}
	return false
}

// verbBonus is what a sentence gains, for a "what" question, when it does
// what the question asks about: the answer is what follows the verb.
const verbBonus = 0.2

// doesAsked reports whether a sentence matches a verb of the question,
// by a rendering that is no role and not one of the commonest words:
// "ran the item" is not done by a "directeur", nor "leading the
// investigation" by "les premiers éléments".
func doesAsked(cs []concept, terms map[string]bool) bool {
	for _, c := range cs {
		if !c.Verb {
			continue
		}
		for _, a := range c.Alts {
			if a.Factor > translation*commonShare && allIn(a.Terms, terms) && !(len(a.Terms) == 1 && roleNouns[a.Terms[0]]) {
				return true
			}
		}
	}
	return false
}
