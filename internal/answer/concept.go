package answer

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"guillemet/index"
	"guillemet/internal/lexicon"

	"guillemet/internal/text"
)

// A concept is one thing the question is about ("audit", "asked",
// "supervisory board"), with the ways the article may say it.
type concept struct {
	Label    string
	Alts     []alt
	Weight   float64 // how specific it is: idf of its rarest rendering in the index
	Required bool    // a proper noun: an answer must mention it
	Known    bool    // some rendering occurs in the index
	Verb     bool    // articles often say the same action with another verb
}

// alt is one rendering: analysed terms (several for a phrase) and how
// much a match on it is worth relative to the question's own words.
type alt struct {
	Terms  []string
	Factor float64
}

const (
	ownWord     = 1.0 // the question's own word, as typed
	translation = 0.8 // a French rendering of an English word
	// mainTranslation is for an entry's first renderings, its main sense.
	mainTranslation = 0.95
	mainRenderings  = 2
	synonym         = 0.65 // a French synonym of a French word
	nearForm        = 0.75 // applied when a term is matched by a near form
	unknownVerb     = 0.4  // share of the full weight an unmatched verb costs
	modifier        = 0.5  // "next meeting", "main rivals": the noun says what is asked
	shortStem       = 0.8  // a translated stem of three letters is often another word's ("mis")
)

// question is what Ask reads in a question.
type question struct {
	lang     Lang
	kind     Kind
	says     bool // it asks what someone said: quotations fit
	concepts []concept
}

// parse reads a cleaned question.
func (e *Engine) parse(q string) question {
	ws := splitWords(q)
	qq := question{lang: language(ws)}
	qq.kind = kindOf(ws, qq.lang)
	for _, w := range ws {
		qq.says = qq.says || speechVerbs[w.Fold]
	}
	var cs []concept
	if qq.lang == English {
		cs = e.englishConcepts(q, ws)
	} else {
		cs = e.frenchConcepts(q, ws)
	}
	if qq.kind == When { // "what year", "quel jour": the question word, not a concept
		kept := cs[:0]
		for _, c := range cs {
			if !timeWords[c.Label] {
				kept = append(kept, c)
			}
		}
		cs = kept
	}
	if qq.kind == WhoIs { // "X's job": the role words are what is asked, not matched
		kept := cs[:0]
		for _, c := range cs {
			if !roleWords[c.Label] {
				kept = append(kept, c)
			}
		}
		cs = kept
	}
	qq.concepts = e.weigh(dedupe(cs))
	qq.focus(focusWord(ws))
	return qq
}

// focusBoost is how much more the noun a question asks about weighs: in
// "how many software publishers joined?", the answer is a number of
// publishers, whatever else matches.
const focusBoost = 1.5

// focus gives more weight to the concept of the noun a how-many, how-much
// or which question asks about, when the corpus knows it.
func (q *question) focus(word string) {
	if word == "" {
		return
	}
	for i := range q.concepts {
		c := &q.concepts[i]
		if c.Known && !c.Verb && slices.Contains(strings.Fields(c.Label), word) { // "large customers" for "customers"
			c.Weight *= focusBoost
			return
		}
	}
}

// focusWord is the noun right after "how many", "how much", "combien de",
// "which" or "quel", modifiers aside; "" when a verb follows instead ("how
// much will it cost?").
func focusWord(ws []word) string {
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
			}
		case "which", "quel", "quelle", "quels", "quelles":
			start = i + 1
		}
		if start < 0 {
			continue
		}
		for j := start; j < len(ws); j++ {
			if !modifiers[ws[j].Fold] {
				if englishAuxiliaries[ws[j].Fold] || frenchAuxiliaries[ws[j].Fold] || lightVerbs[ws[j].Fold] {
					return ""
				}
				return ws[j].Fold
			}
		}
		return ""
	}
	return ""
}

// contentWords counts the words of a label that are not English stop
// words: "in charge of" says one thing, "electric car" two.
func contentWords(label string) int {
	n := 0
	for _, w := range strings.Fields(label) {
		if !lexicon.IsStopword(w) {
			n++
		}
	}
	return max(n, 1)
}

// isAcronym reports whether word is written in capitals in the question.
func isAcronym(q, word string) bool {
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.EqualFold(w, word) {
			return len(w) > 1 && strings.ToUpper(w) == w
		}
	}
	return false
}

// timeWords, in a when question, only ask when.
var timeWords = set("time", "year", "date", "day", "month", "season", "annee", "jour", "mois", "heure", "saison", "date")

// fillers are adverbs and idioms that stress a question without saying
// what it is about.
var fillers = set("actually", "really", "exactly", "basically", "just", "ever", "even", "also", "indeed", "truly", "precisely", "currently", "anyway", "again", "still", "already", "exactly", "please", "finally")

// fillerPhrases are removed from an English question before it is read.
var fillerPhrases = regexp.MustCompile(`\b(in the first place|at all|by the way|in fact|to begin with|of all|so far)\b`)

// stripFillers lowercases q (Translate reads it lowercased anyway) and
// blanks its filler phrases.
func stripFillers(q string) string {
	return fillerPhrases.ReplaceAllString(strings.ToLower(q), " ")
}

// namingWords ask for a name: "what is the competitor called?"
var namingWords = set("called", "named", "name", "names", "nom", "appelle", "nomme")

// speechVerbs ask for what someone said; as words they would only match
// the verbs that introduce quotations, anywhere in the article.
var speechVerbs = set("say", "says", "said", "saying", "tell", "tells", "told", "claim", "claims", "claimed", "state", "states", "stated",
	"declare", "declared", "comment", "commented", "dit", "disent", "dire", "declare", "affirme", "affirment", "raconte")

func (e *Engine) frenchConcepts(q string, ws []word) []concept {
	capital := capitals(ws)
	toks := e.idx.Analyze(q)
	var cs []concept
	for i := 0; i < len(toks); i++ {
		// A phrase the lexicon knows ("directeur général") is one concept.
		if j := e.frenchPhrase(q, toks, i); j > i {
			surface := q[toks[i].Start:toks[j].End]
			c := concept{Label: text.Fold(surface)}
			c.Alts = e.addAlt(nil, surface, ownWord)
			for _, s := range e.lex.Synonyms(surface) {
				c.Alts = e.addAlt(c.Alts, s, translation) // a phrase's synonyms are close: DG for directeur général
			}
			cs = append(cs, c)
			i = j
			continue
		}
		t := toks[i]
		surface := text.Fold(q[t.Start:t.End])
		if k := strings.LastIndexByte(surface, '\''); k >= 0 {
			surface = surface[k+1:] // l'écosystème: the word is écosystème
		}
		if questionWords[surface] || questionWords[t.Term] || lightVerbs[surface] || namingWords[surface] || surface == "lieu" && avoir[prevWord(q[:t.Start])] {
			continue // "aura lieu": takes place
		}
		c := concept{Label: surface, Required: capital[surface], Verb: frenchVerb(q[:t.Start], surface)}
		c.Alts = e.addAlt(nil, q[t.Start:t.End], ownWord)
		for _, s := range e.lex.Synonyms(surface) {
			c.Alts = e.addAlt(c.Alts, s, synonym)
		}
		cs = append(cs, c)
	}
	return cs
}

// frenchPhrase returns the last token of the longest phrase of two to four
// content words starting at toks[i] that the lexicon knows, or i.
func (e *Engine) frenchPhrase(q string, toks []index.Token, i int) int {
	if questionWords[text.Fold(q[toks[i].Start:toks[i].End])] {
		return i // "combien de temps" is a question, not a phrase to match
	}
	for j := min(i+3, len(toks)-1); j > i; j-- {
		if toks[j].Position-toks[i].Position > 5 {
			continue
		}
		if e.lex.IsFrenchPhrase(q[toks[i].Start:toks[j].End]) {
			return j
		}
	}
	return i
}

func (e *Engine) englishConcepts(q string, ws []word) []concept {
	capital := capitals(ws)
	covered := map[string]bool{}
	var cs []concept
	howWord := "" // "how far", "how long": the adverb is part of the question word
	for i, w := range ws {
		if w.Fold == "how" && i+1 < len(ws) {
			howWord = ws[i+1].Fold
		}
	}
	for _, t := range e.lex.Translate(stripFillers(q)) {
		if questionWords[t.English] || speechVerbs[t.English] || namingWords[t.English] || fillers[t.English] || t.English == howWord {
			continue
		}
		c := concept{Label: t.English, Verb: englishVerb(q, t)}
		req := false
		for _, w := range strings.Fields(t.English) {
			covered[w] = true
			req = req || capital[w]
		}
		// "Paris" is a name even if the lexicon knows it; "CEO" is a word.
		c.Required = req && !t.Phrase && (t.Lemma == "" || !isAcronym(q, t.English))
		if e.surface[t.English] && (len(t.English) > 3 || req) { // a name or a loanword the article uses as is ("go" is not "50 Go")
			c.Alts = e.addAlt(c.Alts, t.English, ownWord)
		}
		for i, fr := range t.French {
			f := translation
			if i < mainRenderings || strings.Contains(fr, " ") {
				f = mainTranslation // a main sense, or a phrase, is specific
			}
			c.Alts = e.addAlt(c.Alts, fr, f)
		}
		for i, a := range c.Alts {
			if a.Factor < ownWord && len(a.Terms) == 1 && len(a.Terms[0]) <= 3 && !e.acronym[a.Terms[0]] {
				c.Alts[i].Factor *= shortStem
			}
		}
		cs = append(cs, c) // unmatched, it still counts against coverage
	}
	// Names and numbers the lexicon does not know still count as they are.
	for _, w := range ws {
		if covered[w.Fold] || questionWords[w.Fold] || englishMarkers[w.Fold] {
			continue
		}
		if w.Capital && !w.First || isNumber(w.Fold) {
			c := concept{Label: w.Fold, Required: w.Capital}
			c.Alts = e.addAlt(nil, w.Fold, ownWord)
			cs = append(cs, c)
		}
	}
	return cs
}

// addAlt analyses a rendering and keeps it when every term of it occurs
// in the index, exactly or as a near form (another inflection of the same
// word, a cognate that lost a letter): a rendering the article never uses
// cannot match.
func (e *Engine) addAlt(alts []alt, s string, factor float64) []alt {
	toks := e.idx.Analyze(s)
	if len(toks) == 0 {
		return alts
	}
	terms := make([]string, 0, len(toks))
	for _, t := range toks {
		term := t.Term
		if factor < ownWord && !e.lower[term] {
			return alts // a translation does not name anything: "challenge" is not the magazine Challenges
		}
		if e.idx.DocFreq(term) == 0 {
			if term = e.near(term); term == "" {
				return alts
			}
			factor *= nearForm
		}
		terms = append(terms, term)
	}
	for i, a := range alts {
		if equal(a.Terms, terms) {
			alts[i].Factor = math.Max(a.Factor, factor)
			return alts
		}
	}
	return append(alts, alt{Terms: terms, Factor: factor})
}

// near finds the index term closest to a term the index lacks: one that
// differs only by an ending of up to three letters, with at least five
// letters in common ("viaduct"/"viaduc", "inquiet"/"inquietent").
func (e *Engine) near(term string) string {
	const minCommon, maxEnding = 5, 3
	if len(term) < minCommon {
		return ""
	}
	best, bestDiff := "", maxEnding+1
	for k := len(term) - 1; k >= max(minCommon, len(term)-maxEnding); k-- {
		if e.idx.DocFreq(term[:k]) > 0 {
			best, bestDiff = term[:k], len(term)-k
			break
		}
	}
	i := sort.SearchStrings(e.terms, term)
	for ; i < len(e.terms) && strings.HasPrefix(e.terms[i], term); i++ {
		if d := len(e.terms[i]) - len(term); d > 0 && d < bestDiff {
			best, bestDiff = e.terms[i], d
		}
	}
	return best
}

// weigh gives each concept the inverse document frequency of its most
// specific rendering; a concept the index never mentions gets the
// highest weight, so leaving it unmatched costs the most.
func (e *Engine) weigh(cs []concept) []concept {
	n := float64(e.idx.Docs())
	maxIDF := math.Log(1 + n)
	for i := range cs {
		best := 0.0
		for _, a := range cs[i].Alts {
			df := 0
			for _, t := range a.Terms {
				if d := e.idx.DocFreq(t); df == 0 || d < df {
					df = d
				}
			}
			if df > 0 {
				best = math.Max(best, math.Log(1+n/float64(df)))
			}
		}
		if modifiers[cs[i].Label] {
			best *= modifier
		}
		cs[i].Known = best > 0
		if !cs[i].Known {
			// Each word of an unmatched phrase ("electric car") is content
			// the passage lacks.
			best = maxIDF * float64(contentWords(cs[i].Label))
			if cs[i].Verb {
				best *= unknownVerb
			}
		}
		cs[i].Weight = best
	}
	return cs
}

// dedupe merges concepts rendered by the same terms ("company" and
// "companies" in one question).
func dedupe(cs []concept) []concept {
	out := cs[:0]
	seen := map[string]int{}
	for _, c := range cs {
		key := c.Label
		if len(c.Alts) > 0 {
			key = strings.Join(c.Alts[0].Terms, " ")
		}
		if i, ok := seen[key]; ok {
			out[i].Required = out[i].Required || c.Required
			continue
		}
		seen[key] = len(out)
		out = append(out, c)
	}
	return out
}

// lightVerbs carry tense and grammar, not what a question is about.
var lightVerbs = set("est", "sont", "etait", "etaient", "sera", "seront", "ete", "etre", "a", "ont", "avait", "avaient", "aura", "auront", "avoir", "eu",
	"fait", "font", "faisait", "fera", "feront", "faire", "va", "vont", "allait", "ira", "iront", "aller", "peut", "peuvent", "pourrait", "doit", "doivent", "devrait",
	"y", "t", "il", "elle", "ils", "elles", "on",
	// what someone says or thinks is the quotation itself, not a word of it
	"dit", "disent", "dire", "pense", "pensent", "penser", "propos")

// modifiers are adjectives of order, time and size: they qualify the noun
// a question is about rather than name it.
var modifiers = set("next", "last", "first", "new", "former", "main", "big", "small", "large", "biggest", "largest", "latest", "current", "future", "previous", "major", "own", "other", "same",
	"prochain", "prochaine", "prochains", "prochaines", "dernier", "derniere", "derniers", "dernieres", "premier", "premiere", "premiers", "premieres",
	"nouveau", "nouvelle", "nouveaux", "nouvelles", "ancien", "ancienne", "principal", "principale", "principaux", "grand", "grande", "grands", "grandes",
	"petit", "petite", "actuel", "actuelle", "futur", "future", "autre", "autres", "meme")

var avoir = set("a", "ont", "aura", "auront", "avait", "avaient", "aurait", "auraient", "avoir", "eu", "ait")

func prevWord(before string) string {
	f := strings.FieldsFunc(text.Fold(before), func(r rune) bool { return r == ' ' || r == '\'' || r == '-' })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func capitals(ws []word) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		if w.Capital && !w.First && !questionWords[w.Fold] {
			m[w.Fold] = true
		}
	}
	return m
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var englishAuxiliaries = set("did", "does", "do", "will", "would", "can", "could", "should", "to", "has", "have", "had",
	"is", "are", "was", "were", "may", "might", "must", "shall", "didn't", "doesn't", "won't", "not")

// englishVerb guesses whether a question's term is a verb: an inflected
// form ("asked", "hires") or a word after an auxiliary ("did … start").
func englishVerb(q string, t lexicon.Term) bool {
	if t.Phrase {
		return false
	}
	if t.Lemma != "" && t.Lemma != t.English && !strings.HasSuffix(t.English, "s") || commonVerbs[t.Lemma] {
		return true
	}
	if strings.HasSuffix(t.English, "ly") && len(t.English) > 5 {
		return true // "actually", "finally": manner, not matter
	}
	words := strings.Fields(strings.ToLower(q))
	aux := false
	for i, w := range words {
		w = strings.Trim(w, "?!.,;:")
		words[i] = w
		if w == t.English && i > 0 && englishAuxiliaries[words[i-1]] {
			return true
		}
		aux = aux || englishAuxiliaries[w] && i > 0
	}
	// "When will the line open?", "Where did it come from?": after a
	// fronted auxiliary, the question ends on its verb and particles.
	for i := len(words) - 1; aux && i > 0; i-- {
		if particles[words[i]] {
			continue
		}
		return words[i] == t.English
	}
	return false
}

// commonVerbs are rarely nouns in a question, wherever they stand.
var commonVerbs = set("think", "say", "tell", "believe", "come", "go", "want", "know", "mean", "feel", "seem", "get", "make",
	"take", "give", "happen", "expect", "plan", "hope", "consider", "explain", "claim", "argue", "react", "respond")

var particles = set("from", "on", "about", "to", "for", "with", "up", "in", "into", "out", "at", "of", "off", "by", "over", "down", "back")

// frenchAuxiliaries are followed by a verb: "va remplacer", "a-t-elle
// augmenté", and in questions "qui fabrique", "que propose".
var frenchAuxiliaries = set("va", "vont", "peut", "peuvent", "doit", "doivent", "veut", "veulent", "faut", "pour", "a", "ont", "est", "sont", "ete", "sera", "seront", "avait", "etait", "de", "d",
	"il", "elle", "ils", "elles", "on", "qui", "que", "qu", "comment", "pourquoi", "quand")

// frenchVerb guesses whether a word of a French question is a verb: an
// infinitive or a participle, or a word after an auxiliary.
func frenchVerb(before, surface string) bool {
	prev := prevWord(before)
	infinitive := strings.HasSuffix(surface, "er") || strings.HasSuffix(surface, "ir")
	verbal := infinitive || strings.HasSuffix(surface, "e") || strings.HasSuffix(surface, "es") || strings.HasSuffix(surface, "ent") ||
		strings.HasSuffix(surface, "i") || strings.HasSuffix(surface, "u") || strings.HasSuffix(surface, "it")
	return frenchAuxiliaries[prev] && verbal
}
