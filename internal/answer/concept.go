package answer

import (
	"guillemet/internal/text"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	Focus    bool    // the amount a how-much question asks about: its boost is no evidence
	NameOnly bool    // a proper noun that is not also a common word (Paris, not American)
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
	sameMeaning     = 0.7  // a word of the thesaurus's group: "flics" for "policiers"
	nearForm        = 0.75 // applied when a term is matched by a near form
	unknownVerb     = 0.4  // share of the full weight an unmatched verb costs
	modifier        = 0.5  // "next meeting", "main rivals": the noun says what is asked
	shortStem       = 0.8  // a translated stem of three letters is often another word's ("mis")
	phraseWeight    = 0.5  // what each further word of a rendering adds to its weight
	commonShare     = 0.6  // what a translation into one of the commonest French words keeps
)

// addAlt analyses a rendering and keeps it when every term of it occurs
// in the index, exactly or as a near form (another inflection of the same
// word, a cognate that lost a letter): a rendering the article never uses
// cannot match.
func (e *Engine) addAlt(alts []alt, s string, factor float64) []alt {
	var r rendering
	if factor < ownWord {
		// Renderings come from the lexicon or the corpus, a bounded set
		// that questions keep asking for: analyse each once.
		if v, ok := e.renderings.Load(s); ok {
			r = v.(rendering)
		} else {
			r = e.render(s, true)
			e.renderings.Store(s, r)
		}
	} else {
		r = e.render(s, false) // the question's own words: unbounded, never kept
	}
	return appendRendering(alts, r, factor)
}

// addGuessedAlt is addAlt for a translation guessed from the question's
// own word (a cognate: "zorglubisation"): as unbounded as what users
// type, so never kept.
func (e *Engine) addGuessedAlt(alts []alt, s string, factor float64) []alt {
	r := e.render(s, true)
	if r.terms == nil {
		r = e.nearCognate(s)
	}
	return appendRendering(alts, r, factor)
}

// nearCognate renders a one-word cognate by the near form of its stem: a
// cognate is guessed without accents, and "irregularite" stems apart from
// the article's "irrégularités" (irregular).
func (e *Engine) nearCognate(s string) rendering {
	toks := e.idx.Analyze(s)
	if len(toks) != 1 || e.idx.DocFreq(toks[0].Term) > 0 {
		return rendering{}
	}
	if near := e.near(toks[0].Term); near != "" && e.lower[near] {
		return rendering{terms: []string{near}, factor: nearForm}
	}
	return rendering{}
}

func appendRendering(alts []alt, r rendering, factor float64) []alt {
	if r.terms == nil {
		return alts
	}
	factor *= r.factor
	for i, a := range alts {
		if equal(a.Terms, r.terms) {
			alts[i].Factor = math.Max(a.Factor, factor)
			return alts
		}
	}
	return append(alts, alt{Terms: r.terms, Factor: factor})
}

// rendering is a piece of text as the index knows it: its terms, and the
// factor a near form costs; no terms when the index lacks it.
type rendering struct {
	terms  []string
	factor float64
}

func (e *Engine) render(s string, translated bool) rendering {
	toks := e.idx.Analyze(s)
	if len(toks) == 0 {
		return rendering{}
	}
	r := rendering{terms: make([]string, 0, len(toks)), factor: 1}
	for _, t := range toks {
		term := t.Term
		if translated && !e.lower[term] && !capitalised(s) {
			return rendering{} // a translation does not name anything: "challenge" is not the magazine Challenges, unless it is a name itself (Chine)
		}
		if e.idx.DocFreq(term) == 0 && len(toks) == 1 && e.written[text.Fold(s)] != "" {
			term = e.written[text.Fold(s)] // the stemmer reads Thales and Thalès apart
		}
		if e.idx.DocFreq(term) == 0 {
			near, typo := e.near(term), ""
			if near == "" && !translated {
				typo = e.misspelt(term)
			}
			switch {
			case near != "":
				term, r.factor = near, r.factor*nearForm
			case typo != "":
				term, r.factor = typo, r.factor*misspelling // "Papperon", "Cloudwat"
			default:
				return rendering{}
			}
		}
		r.terms = append(r.terms, term)
	}
	return r
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
		if d := len(e.terms[i]) - len(term); d > 0 && d < bestDiff && nearEndings[e.terms[i][len(term):]] {
			best, bestDiff = e.terms[i], d
		}
	}
	return best
}

// misspelling is what a word typed one letter off is worth.
const misspelling = 0.7

// misspelt finds the one index term a question's own word is a typo of:
// one letter added, dropped, changed or swapped, never the first, in a
// word long enough that such a neighbour is not another word ("maire" is
// not "marie"). Two candidates, and it is no typo.
func (e *Engine) misspelt(term string) string {
	const minTypo = 6
	if len(term) < minTypo {
		return ""
	}
	found := ""
	for _, t := range e.terms {
		if t[0] != term[0] || len(t) < len(term)-1 || len(t) > len(term)+1 || !oneEdit(term, t) {
			continue
		}
		if found != "" {
			return ""
		}
		found = t
	}
	return found
}

// oneEdit reports whether a and b differ by one insertion, deletion,
// substitution or swap of adjacent bytes.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch {
	case i == len(a):
		return len(b) == len(a)+1
	case len(a) == len(b):
		return a[i+1:] == b[i+1:] || i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	default:
		return a[i:] == b[i+1:]
	}
}

// nearEndings are the endings a near form may add: inflections and short
// suffixes the stemmer left ("inquiet"/"inquietent"), not any letters
// ("etrang" for étranger is not "etrangl" for étranglé).
var nearEndings = set("e", "s", "es", "er", "ez", "ent", "ai", "ais", "ait", "i", "is", "it", "ir", "re", "t", "te", "x", "on", "ion", "al", "if", "iv", "iqu", "ist", "eur", "ur", "r", "y", "ed", "ing", "ly")

// capitalised reports whether a rendering is itself a name: the lexicon
// writes "Chine" and "États-Unis" with capitals.
func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
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
				d := e.idx.DocFreq(t)
				if t == amountTerm {
					d = e.spread[t] // no word of the index: the paragraphs that hold an amount
				}
				if df == 0 || d < df {
					df = d
				}
			}
			if df > 0 {
				// Words that must stand together are rarer than any one of them.
				together := 1 + phraseWeight*float64(len(a.Terms)-1)
				best = math.Max(best, math.Log(1+n/float64(df))*together)
			}
		}
		if modifiers[cs[i].Label] {
			best *= modifier
		}
		cs[i].Known = best > 0
		if !cs[i].Known {
			// Each word of an unmatched phrase ("electric car") is content
			// the passage lacks.
			best = maxIDF * contentWords(cs[i].Label)
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

func capitals(ws []word) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		if w.Capital && !w.First && !questionWords[w.Fold] {
			m[w.Fold] = true
			for _, part := range strings.Split(w.Fold, "-") {
				m[part] = true // États-Unis: the analyser reads "etats" and "unis"
			}
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

// wholeNames makes one concept of the parts of a hyphenated name that
// the analyser or the lexicon split, in either language: "4-Flight" is
// not a "flight", "Athis-Mons" is one name.
func (e *Engine) wholeNames(cs []concept, ws []word) []concept {
	for _, w := range ws {
		if !w.Capital || !strings.Contains(w.Fold, "-") {
			continue
		}
		parts := map[string]bool{}
		for _, p := range strings.Split(w.Fold, "-") {
			parts[p] = true
		}
		kept := cs[:0]
		for _, c := range cs {
			if !parts[c.Label] {
				kept = append(kept, c)
			}
		}
		if len(kept) == len(cs) {
			continue
		}
		cs = kept
		if !slices.ContainsFunc(cs, func(c concept) bool { return c.Label == w.Fold }) {
			cs = append(cs, concept{Label: w.Fold, Required: true, NameOnly: true, Alts: e.addAlt(nil, w.Fold, ownWord)})
		}
	}
	return cs
}

// namesAsNames keeps, for the names a question holds, only the renderings
// the corpus writes with a capital: "Paris" is not the "pari" (bet) of
// "le pari OpenStack".
func (e *Engine) namesAsNames(cs []concept) []concept {
	for i, c := range cs {
		if !c.NameOnly {
			continue
		}
		kept := c.Alts[:0:0]
		for _, a := range c.Alts {
			if slices.ContainsFunc(a.Terms, func(t string) bool { return e.capital[t] || e.acronym[t] }) {
				kept = append(kept, a)
			}
		}
		cs[i].Alts = kept
	}
	return cs
}

// theCompany lets "the company", "l'entreprise", "the firm" also match
// the organisation the article is about, named as such; not when the
// question asks which company ("which company builds the turbines?").
// aboutTerm stands in every paragraph of an article for the organisation
// it is about: "Hepavia's largest shareholder" may be named in a
// paragraph that never writes Hepavia.
func aboutTerm(subject string) string { return "\x00about " + subject }

// implied is what a name matches where the article does not write it but
// is about it: a half, weaker than any rendering.
const implied = 0.5

// theSubject lets a name that is an article's subject match all of its
// paragraphs, at a share.
func (e *Engine) theSubject(cs []concept) []concept {
	for i, c := range cs {
		if !c.Required {
			continue
		}
		for _, subject := range e.subject {
			if subject != "" && conceptHas(c, subject) {
				cs[i].Alts = append(cs[i].Alts, alt{Terms: []string{aboutTerm(subject)}, Factor: implied})
			}
		}
	}
	return cs
}

func (e *Engine) theCompany(cs []concept, focus string) []concept {
	for i, c := range cs {
		if !companyWords[c.Label] || c.Label == focus {
			continue
		}
		for _, subject := range e.subject {
			if subject != "" {
				cs[i].Alts = append(cs[i].Alts, alt{Terms: []string{subject}, Factor: translation})
			}
		}
	}
	return cs
}
