package answer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/text"
)

// question is what Ask reads in a question.
type question struct {
	lang   Lang
	kind   Kind
	says   bool // it asks what someone said or thinks: quotations fit
	naming bool // it asks what something is called
	earns  bool // it asks what someone earns: only a salary answers
	prices bool // "combien coûte un ticket": the thing priced must be in the answer
	// advice: "how do I cook rice?", "can you recommend a restaurant?"
	// ask for help, not for the article; only a passage that holds all
	// of it answers.
	advice bool
	// personal: advice about the asker's own things ("how do I renovate
	// my office?"), which no article knows.
	personal bool
	// namesPerson: it asks a person's name ("comment s'appelle le
	// coureur ?"): only a sentence naming someone answers.
	namesPerson bool
	succeeds    bool // it asks who or what replaces: the new, the future one fits
	clock       bool // it asks at what time of day
	measure     bool // it asks how strong, fast, far…: a number with its unit answers
	money       bool // it asks for an amount of money
	current     bool // it asks who or what is in place now, not who comes next
	// unknownFocus: the noun it asks about is nowhere in the corpus
	unknownFocus bool
	focused      string // the label of the concept it asks about, if any
	concepts     []concept
}

// usRe finds "US" in capitals: the United States.
var usRe = regexp.MustCompile(`\bUS\b`)

// parse reads a cleaned question.
func (e *Engine) parse(q string) question {
	if strings.Contains(q, "US") {
		q = usRe.ReplaceAllString(q, "USA") // "the US market": the country, not the pronoun
	}
	ws := splitWords(q)
	qq := question{lang: language(ws)}
	qq.kind = kindOf(ws, qq.lang)
	qq.naming = naming(ws)
	qq.measure = qq.kind == HowMuch && asksMeasure(ws)
	qq.advice = asksAdvice(ws)
	qq.personal = qq.advice && anyWord(ws, askersOwn)
	qq.earns = (qq.kind == HowMuch || qq.kind == HowMany) && asksEarnings(ws)
	nouns := nounUses(ws, qq.lang)
	for i, w := range ws {
		qq.prices = qq.prices || qq.kind == HowMuch && (priceVerbs[w.Fold] || w.Fold == "cost" || w.Fold == "costs" || w.Fold == "price")
		if i > 0 && (w.Fold == "time" && ws[i-1].Fold == "what" || w.Fold == "heure" && strings.HasPrefix(ws[i-1].Fold, "quel")) {
			qq.clock = true // "what time", "à quelle heure"
		}
		qq.money = qq.money || moneyWords[w.Fold]
		qq.current = qq.current || currentWords[w.Fold]
		qq.says = qq.says || (speechVerbs[w.Fold] || opinionWords[w.Fold]) && !nouns[w.Fold] && !(w.Capital && !w.First) && // "the United States"
			!(w.Fold == "comment" && qq.lang == French) // "comment" is "how" in French
		qq.succeeds = qq.succeeds || successionWords[w.Fold] && !asksPredecessor(ws, i)
	}
	var cs []concept
	if qq.lang == English {
		cs = e.englishConcepts(q, ws, qq.kind, nouns)
	} else {
		cs = e.frenchConcepts(blankFillers(q), ws, qq.kind)
	}
	cs = e.wholeNames(cs, ws)
	e.spellOut(q, cs)
	focus, afterVerb := focusWord(ws)
	if focus == "" && qq.kind == Which && len(ws) > 1 && ws[0].Fold == "what" {
		focus, afterVerb = nounAt(ws, 1) // "what amount", "what platform": as "which"
	}
	if (qq.kind == Which || qq.kind == Open) && asksWhenNoun(ws) {
		qq.kind = When // "what's the deadline", "quelle est la date limite"
	}
	qq.namesPerson = qq.naming && personNouns[namedNoun(ws)]
	if (qq.kind == Which || qq.kind == Open) && !qq.says {
		qq.earns = qq.earns || asksEarnings(ws) // "quel est le salaire de…", "what's her salary?"
	}
	if qq.kind == Which && moneyUnits[focus] {
		qq.kind, qq.money = HowMuch, true // "quelle somme", "what amount"
	}
	if qq.kind == When || focus == "temps" { // "what year", "quel jour", "combien de temps": the question word, not a concept
		kept := cs[:0]
		for _, c := range cs {
			if !timeWords[c.Label] && !(qq.kind == When && (c.Label == "until" || c.Label == "till")) { // "until when" asks when
				kept = append(kept, c)
			}
		}
		cs = kept
	}
	if qq.kind == HowMany && anyone[focus] {
		for i, c := range cs {
			if c.Label == focus { // "combien de personnes", "how many ppl": salariés, habitants, voyageurs as "how many people"
				for _, fr := range e.lex.Lookup("people") {
					cs[i].Alts = e.addAlt(cs[i].Alts, fr, translation)
				}
			}
		}
	}
	if qq.kind == HowMuch || qq.kind == HowMany {
		for i, c := range cs {
			if moneyUnits[c.Label] || qq.kind == HowMuch && priceVerbs[c.Label] { // "combien d'argent", "combien coûte": any amount is money
				cs[i].Alts = append(cs[i].Alts, alt{Terms: []string{amountTerm}, Factor: translation})
			}
		}
	}
	if qq.kind == WhoIs {
		cs = withoutRoles(cs)
	}
	qq.concepts = e.theSubject(e.weigh(e.namesAsNames(dedupe(e.theCompany(cs, focus)))))
	if qq.kind == Who && whoIsName(ws, qq.concepts) { // "who's pierre paperon": a name typed in lower case
		qq.kind = WhoIs
		qq.concepts = withoutRoles(qq.concepts)
	}
	if qq.kind == When { // "when is the next meeting": unless the article says "prochaine", "next" only says when
		qq.concepts = slices.DeleteFunc(qq.concepts, func(c concept) bool { return nextWords[c.Label] && !c.Known })
	}
	qq.focus(focus, afterVerb)
	return qq
}

// focusBoost is how much more the noun a question asks about weighs: in
// "how many software publishers joined?", the answer is a number of
// publishers, whatever else matches.
const focusBoost = 1.5

// focus gives more weight to the concept of the noun a how-many, how-much
// or which question asks about, when the corpus knows it; when it does
// not, the question asks for something the corpus never mentions ("Qui
// est le meilleur buteur ?").
func (q *question) focus(word string, afterVerb bool) {
	if word == "" {
		return
	}
	for i := range q.concepts {
		c := &q.concepts[i]
		if c.Verb || !slices.Contains(strings.Fields(c.Label), word) { // "large customers" for "customers"
			continue
		}
		if c.Known {
			q.focused = c.Label
			if !(q.kind == HowMuch && afterVerb) { // "how much is the wind farm going to cost": the cost is asked, not the farm
				c.Weight *= focusBoost
				c.Focus = q.kind == HowMuch // "money" in "how much money" is no evidence of an answer; "fable" in "which fable" is
			}
		} else {
			// "which city" names its answer; "the top scorer" is someone the
			// corpus must mention, and "how much is a ticket" a price of tickets.
			q.unknownFocus = q.kind == Who || q.kind == HowMany || q.kind == HowMuch
		}
		return
	}
}

// focusWord is the noun right after "how many", "how much", "combien de",
// "which" or "quel", modifiers aside; "" when a verb follows instead ("how
// much will it cost?").
func focusWord(ws []word) (noun string, afterVerb bool) {
	for i, w := range ws {
		start := -1
		switch w.Fold {
		case "many", "much":
			if i > 0 && ws[i-1].Fold == "how" {
				start = i + 1
			}
		case "combien":
			if i+1 < len(ws) && (ws[i+1].Fold == "de" || ws[i+1].Fold == "d") {
				start = i + 2
			} else if i+1 < len(ws) && ws[i+1].Elided {
				start = i + 1 // "combien d'étudiants": the word lost its "d'"
			} else if i+1 < len(ws) && priceVerbs[ws[i+1].Fold] {
				start = i + 1 // "combien coûtera un ticket": the ticket is priced
			}
		case "which", "quel", "quelle", "quels", "quelles":
			start = i + 1
		case "who", "qui":
			// "who is the top scorer", "qui est le meilleur buteur": the role asked
			if i+2 < len(ws) && copulas[ws[i+1].Fold] && determinerWords[ws[i+2].Fold] {
				start = i + 1
			}
		}
		if start >= 0 {
			return nounAt(ws, start)
		}
	}
	return "", false
}

// copulas link a question word to the noun it asks about: "how much is a
// ticket", "qui est le patron".
var copulas = set("is", "are", "est", "sont")

// nounAt returns the noun a noun phrase at ws[start:] is about, past a
// copula and its article ("is a"), names ("a Volaro ticket") and
// modifiers; "" when a verb comes first ("how much will it cost?").
func nounAt(ws []word, start int) (noun string, afterVerb bool) {
	j := start
	// "how much is a ticket", "how much does a bottle cost": the noun after the article
	if j+1 < len(ws) && (copulas[ws[j].Fold] || englishAuxiliaries[ws[j].Fold] || priceVerbs[ws[j].Fold]) && determinerWords[ws[j+1].Fold] {
		afterVerb = !priceVerbs[ws[j].Fold] // "combien coûte un ticket" prices the ticket
		j += 2
		for j < len(ws)-1 && ws[j].Capital {
			j++
		}
	}
	for ; j < len(ws); j++ {
		f := ws[j].Fold
		switch {
		case modifiers[f]:
			continue
		case englishAuxiliaries[f] || frenchAuxiliaries[f] || lightVerbs[f]:
			return "", false
		}
		return f, afterVerb
	}
	return "", false
}

// Kind is what a question asks for; it decides which sentences fit.
type Kind int

// Lang is the language a question is written in.
type Lang int

// words splits s into lowercase, accent-folded words, keeping the
// original capitalisation flag so proper nouns can be told apart.
type word struct {
	Fold    string
	Capital bool
	First   bool // first word of the question
	Elided  bool // it lost an elided article or pronoun: qu'est-ce, l'audit
	Clitic  bool // it lost an English clitic: Cloudwatt's, what's
	// Particle is the "Le" of "Le Gall": part of the name that follows.
	Particle bool
}

func splitWords(s string) []word {
	var out []word
	f := func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}
	for i, w := range strings.FieldsFunc(s, f) {
		trimmed := strings.Trim(w, "'’-")
		w = trimmed
		clitic := false
		if k := strings.IndexAny(w, "'’"); k > 0 && !elisions[text.Fold(w[:k])] {
			_, size := utf8.DecodeRuneInString(w[k:])
			if tail := text.Fold(w[k+size:]); englishClitics[tail] && tail != "t" {
				w, clitic = w[:k], true // Pêche's, what's, they're: the clitic is not part of the word
			}
		}
		w = text.StripElision(w) // l'Australie is a name
		elided := w != trimmed && !strings.HasPrefix(trimmed, w)
		if w == "" {
			continue
		}
		r := []rune(w)
		capital := (unicode.IsUpper(r[0]) || hyphenedName(w)) && w != "I" // "can I get…": the pronoun names no one
		out = append(out, word{Fold: text.Fold(w), Capital: capital, First: i == 0, Elided: elided, Clitic: clitic})
	}
	for i := 0; i+1 < len(out); i++ {
		if nameParticles[out[i].Fold] && out[i+1].Capital {
			out[i].Capital, out[i].Particle = false, true // "Le Gall", "De Gaulle": the name is the next word
		}
	}
	return out
}

// hyphenedName reports whether a hyphenated word has a capitalised part
// after its first: "4-Flight" is a name as much as "Athis-Mons".
func hyphenedName(w string) bool {
	parts := strings.Split(w, "-")
	for _, p := range parts[1:] {
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

var nameParticles = map[string]bool{"le": true, "la": true, "les": true, "de": true, "du": true, "des": true, "van": true, "von": true, "der": true, "di": true, "da": true, "del": true, "el": true, "al": true}

// language guesses the language of a question from its function words.
func language(ws []word) Lang {
	en, fr := 0, 0
	for _, w := range ws {
		base := w.Fold
		if i := strings.IndexAny(base, "'’"); i >= 0 {
			_, size := utf8.DecodeRuneInString(base[i:])
			head, tail := base[:i], base[i+size:]
			switch {
			case elisions[head]:
				fr++ // l'audit, d'euros, qu'il
				base = tail
			case englishClitics[tail]:
				en++ // Cloudwatt's, didn't, they're
				base = head
			}
		}
		if englishMarkers[base] || w.Clitic {
			en++
		}
		if frenchMarkers[base] {
			fr++
		}
	}
	if en > fr || en == fr && len(ws) > 0 && englishOpeners[ws[0].Fold] {
		return English // "Which organisation granted a repayable advance?": "a" is French too
	}
	return French
}

// englishOpeners open an English question and no French one.
var englishOpeners = set("who", "what", "when", "where", "why", "how", "which", "whose", "whom", "did", "does", "do", "is", "are", "was", "were", "has", "have", "can", "could", "will", "would", "should")

// withoutRoles drops the role words of a question about someone's job
// ("X's job", "who's X"): they are what is asked, not what is matched.
func withoutRoles(cs []concept) []concept {
	return slices.DeleteFunc(cs, func(c concept) bool { return roleWords[c.Label] })
}

// whoIsName reports a question that opens on "who is" or "who's" followed
// by a name of the article, however it is typed.
func whoIsName(ws []word, cs []concept) bool {
	if len(ws) < 2 || ws[0].Fold != "who" && ws[0].Fold != "qui" {
		return false
	}
	next := 1
	if !ws[0].Clitic {
		if ws[1].Fold != "is" && ws[1].Fold != "was" && ws[1].Fold != "est" {
			return false
		}
		next = 2
	}
	if next >= len(ws) {
		return false
	}
	for _, c := range cs {
		if c.Required && c.Known && strings.Fields(c.Label)[0] == ws[next].Fold {
			return true
		}
	}
	return false
}

// kindOf recognises the question word, in either language.
func kindOf(ws []word, lang Lang) Kind {
	if asksRole(ws) {
		return WhoIs
	}
	if len(ws) > 1 && (yesNoOpeners[ws[0].Fold] || ws[0].Fold == "est-ce" && ws[1].Fold == "que" && !ws[0].Elided) { // "qu'est-ce que" asks what
		return YesNo
	}
	if len(ws) > 0 && (ws[0].Fold == "what" || strings.HasPrefix(ws[0].Fold, "quel") || ws[0].Fold == "est-ce" && ws[0].Elided) {
		for _, w := range ws[1:] {
			if causeNouns[w.Fold] {
				return Why // "what's the suspected cause of the fire?", "quelle est la raison…"
			}
		}
	}
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1].Fold
		}
		switch w.Fold {
		case "who", "qui", "whom", "whose":
			if (next == "is" || next == "was" || next == "est") && i+2 < len(ws) && ws[i+2].Capital {
				return WhoIs
			}
			return Who
		case "when", "quand":
			return When
		case "combien":
			if i+1 < len(ws) && ws[i+1].Elided && (moneyUnits[next] || next == "euros") {
				return HowMuch // "combien d'argent"
			}
			if (next == "de" || next == "d") && !(i+2 < len(ws) && ws[i+2].Fold == "temps") || i+1 < len(ws) && ws[i+1].Elided {
				return HowMany // "combien de salariés", "combien d'étudiants"
			}
			return HowMuch // combien coûte, combien de temps
		case "how":
			switch next {
			case "old":
				return Age
			case "many":
				return HowMany
			case "much", "long", "often", "big", "large", "bad", "serious", "expensive":
				return HowMuch
			case "did", "does", "do", "could", "can", "was", "were":
				return Why // "how did the hackers get in?": the means, worded as a cause ("s'explique par une faille")
			}
			if measureWords[next] {
				return HowMuch // "how strong were the winds?": "130 km/h"
			}
		case "comment":
			if i == 0 && !naming(ws) {
				return Why // "comment les pirates sont-ils entrés ?"; not "comment s'appelle…"
			}
		case "where", "ou":
			if w.Fold == "ou" && lang != French {
				continue
			}
			if w.Fold == "ou" && i > 0 { // "où" as question word opens the question; "ou" (or) does not
				continue
			}
			return Where
		case "why", "pourquoi":
			return Why
		case "which", "quel", "quelle", "quels", "quelles":
			switch next {
			case "age":
				return Age
			case "year", "annee", "date", "month", "mois", "day", "jour", "season", "saison":
				return When
			}
			return Which
		case "what":
			switch {
			case next == "year" || next == "date" || next == "month" || next == "day" || next == "season" || next == "time":
				return When
			case i == 0 && causeVerbs[next]:
				return Why // "what caused the contamination?"
			case i == 0 && next != "" && !englishMarkers[next] && !yesNoOpeners[next] && next != "'s" && next != "s":
				return Which // "what platform did…", like "which platform"
			}
		}
	}
	return Open
}

// asksWhenNoun reports whether a what or which question asks for a
// time noun: "what's the deadline", "quelle est la date limite".
func asksWhenNoun(ws []word) bool {
	for i, w := range ws {
		if w.Fold != "what" && !strings.HasPrefix(w.Fold, "quel") && w.Fold != "which" {
			continue
		}
		for _, n := range ws[i+1 : min(i+4, len(ws))] {
			if whenNouns[n.Fold] {
				return true
			}
			if !copulas[n.Fold] && !determinerWords[n.Fold] {
				break
			}
		}
		return false
	}
	return false
}

// asksEarnings reports whether a question asks what someone earns: "how
// much does the coach get paid?", "combien il gagne par mois ?".
func asksEarnings(ws []word) bool {
	for i, w := range ws {
		if earnWords[w.Fold] || w.Fold == "paid" && i > 0 && (ws[i-1].Fold == "get" || ws[i-1].Fold == "gets" || ws[i-1].Fold == "is" || ws[i-1].Fold == "are") {
			return true
		}
		if (w.Fold == "make" || w.Fold == "makes") && personBefore(ws[:i]) {
			return true // "how much does Laurent Berthaud make a year?"; a company's "make" is its revenue
		}
	}
	return false
}

// personBefore reports whether words end on a person: a pronoun, or a
// first name and a surname.
func personBefore(ws []word) bool {
	n := len(ws)
	return n > 0 && (ws[n-1].Fold == "he" || ws[n-1].Fold == "she") ||
		n > 1 && ws[n-1].Capital && ws[n-2].Capital && !ws[n-2].First
}

// namedNoun returns the noun whose name a naming question asks: "comment
// s'appelle le coureur", "what's the name of the runner", "what is the
// runner called".
func namedNoun(ws []word) string {
	for i := range ws {
		if !names(ws, i) {
			continue
		}
		for _, n := range ws[i+1:] {
			if !determinerWords[n.Fold] && n.Fold != "of" && n.Fold != "du" && n.Fold != "de" && n.Fold != "des" && !copulas[n.Fold] {
				return n.Fold
			}
		}
		for j := i - 1; j > 0; j-- { // "what is the runner called"
			if !copulas[ws[j].Fold] && !englishAuxiliaries[ws[j].Fold] {
				return ws[j].Fold
			}
		}
	}
	return ""
}

// asksAdvice recognises a request for help or advice.
func asksAdvice(ws []word) bool {
	for i, w := range ws {
		if adviceWords[w.Fold] {
			return true
		}
		if (w.Fold == "how" || w.Fold == "comment") && i+2 < len(ws) && (ws[i+1].Fold == "do" || ws[i+1].Fold == "can" || ws[i+1].Fold == "should") &&
			(ws[i+2].Fold == "i" || ws[i+2].Fold == "you" || ws[i+2].Fold == "we") {
			return true // "how do I…", "how can you…"; not "how did the hackers…"
		}
		if (w.Fold == "how" && i+1 < len(ws) && ws[i+1].Fold == "to") || (w.Fold == "comment" && i+1 < len(ws) && (ws[i+1].Fold == "faire" || ws[i+1].Fold == "je")) {
			return true
		}
	}
	return false
}

// anyWord reports whether a question holds one of the words.
func anyWord(ws []word, set map[string]bool) bool {
	for _, w := range ws {
		if set[w.Fold] {
			return true
		}
	}
	return false
}

// asksMeasure reports whether a question asks for a measure: "how
// strong", "how far", "how deep".
func asksMeasure(ws []word) bool {
	for i := 1; i < len(ws); i++ {
		if ws[i-1].Fold == "how" && measureWords[ws[i].Fold] {
			return true
		}
	}
	return false
}

// naming reports whether a question asks for a name.
func naming(ws []word) bool {
	for i := range ws {
		if names(ws, i) {
			return true
		}
	}
	return false
}

// names reports whether ws[i] asks for a name: "called" does, but not
// when it calls something ("which union called the strike?").
func names(ws []word, i int) bool {
	return namingWords[ws[i].Fold] && !(ws[i].Fold == "called" && i+1 < len(ws) && (determinerWords[ws[i+1].Fold] || particles[ws[i+1].Fold]))
}

// asksRole recognises a question about a named person's role.
func asksRole(ws []word) bool {
	role, name := false, false
	for _, w := range ws {
		if otherAsks[w.Fold] {
			return false // "why did Rivière quit his job?" asks why
		}
		role = role || roleWords[w.Fold]
		name = name || w.Capital && !w.First
	}
	return role && name || doesForALiving(ws)
}

// doesForALiving recognises "what does X do (for a living)?", which asks
// X's job: the last word is "do", or "for a living" follows it.
func doesForALiving(ws []word) bool {
	n := len(ws)
	if n < 4 || ws[0].Fold != "what" || ws[1].Fold != "does" && ws[1].Fold != "did" || !ws[2].Capital {
		return false
	}
	if n >= 7 && ws[n-3].Fold == "for" && ws[n-2].Fold == "a" && ws[n-1].Fold == "living" {
		n -= 3
	}
	return ws[n-1].Fold == "do"
}

// otherAsks are question words that ask something else than a role.
var otherAsks = set("why", "when", "where", "how", "pourquoi", "quand", "combien", "comment")

// strict kinds ask for something a sentence either holds or not: a
// passage without a date does not say when.
func (k Kind) strict() bool { return k == When || k == HowMany || k == Age }

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nounUses returns the words a determiner makes nouns: "the state" is the
// state, not a verb of saying.
func nounUses(ws []word, lang Lang) map[string]bool {
	m := map[string]bool{}
	for i := 1; i < len(ws); i++ {
		if determinerWords[ws[i-1].Fold] && !(lang == French && ws[i-1].Fold == "a") { // "il a dit": avoir, not an article
			m[ws[i].Fold] = true
		}
		if lang == English && (modifiers[ws[i-1].Fold] || ws[i-1].Fold == "final") {
			m[ws[i].Fold] = true // "the final say", "his last word"
		}
	}
	return m
}

// asksPredecessor reports whether the succession word at ws[i] has its
// own subject in the question, so that "who" is what it replaces: "who
// did the new winemaker replace?", not "who will replace the coach?".
func asksPredecessor(ws []word, i int) bool {
	for j := i - 1; j > 0; j-- {
		if ws[j].Fold == "who" || ws[j].Fold == "whom" || ws[j].Fold == "qui" {
			return false
		}
		if determinerWords[ws[j].Fold] || ws[j].Capital {
			// "did the new winemaker", "did Rui Fontes": a subject of its own
			return j > 1 && (ws[j-1].Fold == "did" || ws[j-1].Fold == "does" || ws[j-1].Fold == "do" || englishAuxiliaries[ws[j-1].Fold] || j > 2 && englishAuxiliaries[ws[j-2].Fold])
		}
	}
	return false
}
