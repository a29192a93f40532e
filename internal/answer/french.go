package answer

import (
	"sort"
	"strings"

	"guillemet/index"
	"guillemet/internal/lexicon"
	"guillemet/internal/text"
)

// blankFillers replaces the filler phrases of a French question with
// spaces, keeping every other word where it was.
func blankFillers(q string) string {
	return frenchFillerPhrases.ReplaceAllStringFunc(q, func(m string) string { return strings.Repeat(" ", len(m)) })
}

func (e *Engine) frenchConcepts(q string, ws []word, kind Kind) []concept {
	capital := capitals(ws)
	toks := e.idx.Analyze(q)
	var cs []concept
	for i := 0; i < len(toks); i++ {
		// A phrase the lexicon knows ("directeur général") is one concept.
		if j := e.frenchPhrase(q, toks, i); j > i {
			surface := q[toks[i].Start:toks[j].End]
			c := concept{Label: text.Fold(surface)}
			for _, w := range strings.Fields(c.Label) {
				c.Required = c.Required || capital[w] // "Royaume-Uni" is a name
			}
			c.Alts = e.addAlt(nil, surface, ownWord)
			for _, s := range e.lex.Synonyms(surface) {
				f := synonym // "commercial" for "chiffre d'affaires" is loose…
				if strings.Contains(s, " ") || strings.ToUpper(s) == s {
					f = translation // …"PDG" or "directeur général" for "DG" is close
				}
				c.Alts = e.addAlt(c.Alts, s, f)
			}
			for _, s := range lexicon.DefaultThesaurus().Synonyms(surface) {
				c.Alts = e.addAlt(c.Alts, s, sameMeaning)
			}
			if len(c.Alts) == 0 || !e.together(c) {
				// The article never says it whole: "chef de projet" may be
				// "directeur du projet", word by word, when the words meet
				// in a paragraph; "chiffre d'affaires" is not "l'affaire".
				var words []concept
				for k := i; k <= j; k++ {
					if w, ok := e.frenchWord(q, toks[k], kind, capital); ok {
						words = append(words, w)
					}
				}
				if len(words) > 0 && e.meetAt(words, sameMeaning) {
					cs = append(cs, words...)
					i = j
					continue
				}
			}
			cs = append(cs, c) // matched whole, or unmatched: it counts against coverage
			i = j
			continue
		}
		if c, ok := e.frenchWord(q, toks[i], kind, capital); ok {
			cs = append(cs, c)
		}
	}
	return cs
}

// frenchWord renders one word of a French question, or reports that it
// says how the question asks rather than what about.
func (e *Engine) frenchWord(q string, t index.Token, kind Kind, capital map[string]bool) (concept, bool) {
	surface := text.Fold(q[t.Start:t.End])
	if k := strings.LastIndexByte(surface, '\''); k >= 0 {
		surface = surface[k+1:] // l'écosystème: the word is écosystème
	}
	if questionWords[surface] || questionWords[t.Term] || lightVerbs[surface] || namingWords[surface] || frenchFillers[surface] || kind == Why && causeNouns[surface] || surface == "lieu" && avoir[prevWord(q[:t.Start])] {
		return concept{}, false // "aura lieu": takes place
	}
	if prev := prevWord(q[:t.Start]); surface == "moment" && prev == "ce" || surface == "apres" && strings.HasSuffix(prev, "d") {
		return concept{}, false // "en ce moment", "d'après lui"
	}
	c := concept{Label: surface, Required: capital[surface], NameOnly: capital[surface], Verb: frenchVerb(q[:t.Start], surface)}
	c.Alts = e.addAlt(nil, q[t.Start:t.End], ownWord)
	for _, s := range e.lex.Synonyms(surface) {
		c.Alts = e.addAlt(c.Alts, s, synonym)
	}
	for _, s := range lexicon.DefaultThesaurus().Synonyms(surface) { // "flics": "policiers"
		c.Alts = e.addAlt(c.Alts, s, sameMeaning)
	}
	for _, w := range e.family(surface) { // "département" and "départementale"
		c.Alts = e.addAlt(c.Alts, w, derived)
	}
	if !c.Required && !e.asWord(c.Alts) {
		c.Alts = append(c.Alts, e.clipped(t.Term)...) // "agglo": the article's "Vernelles Agglo" is a name, its "agglomération" a word
	}
	return c, true
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
		if p := q[toks[i].Start:toks[j].End]; (e.lex.IsFrenchPhrase(p) || lexicon.DefaultThesaurus().Has(p)) && !asks(p) {
			return j
		}
	}
	return i
}

func prevWord(before string) string {
	f := strings.FieldsFunc(text.Fold(before), func(r rune) bool { return r == ' ' || r == '\'' || r == '-' })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// frenchVerb guesses whether a word of a French question is a verb: an
// infinitive or a participle, or a word after an auxiliary.
func frenchVerb(before, surface string) bool {
	prev := prevWord(before)
	infinitive := strings.HasSuffix(surface, "er") || strings.HasSuffix(surface, "ir")
	if prev == "de" || prev == "d" || prev == "pour" {
		return infinitive // "afin de recruter", but "combien de salariés"
	}
	verbal := infinitive || strings.HasSuffix(surface, "e") || strings.HasSuffix(surface, "es") || strings.HasSuffix(surface, "ent") ||
		strings.HasSuffix(surface, "i") || strings.HasSuffix(surface, "u") || strings.HasSuffix(surface, "it")
	return frenchAuxiliaries[prev] && verbal
}

// Clipped words: "agglo", "manif", "asso" stand for the article's
// "agglomération", "manifestation", "association".
const (
	minClipped   = 4
	minClippedOf = 3 // letters the clipping left out, at least
	maxClippedOf = 2 // words it may stand for; more and it is ambiguous ("prof")
)

// clipped returns the index terms a clipped word of a French question
// may stand for.
func (e *Engine) clipped(term string) []alt {
	if len(term) < minClipped {
		return nil
	}
	var alts []alt
	i := sort.SearchStrings(e.terms, term)
	for ; i < len(e.terms) && strings.HasPrefix(e.terms[i], term); i++ {
		if len(e.terms[i])-len(term) < minClippedOf {
			continue
		}
		if len(alts) == maxClippedOf {
			return nil
		}
		alts = append(alts, alt{Terms: []string{e.terms[i]}, Factor: nearForm})
	}
	return alts
}

// asWord reports whether some rendering is a word the corpus writes in
// lower case somewhere.
func (e *Engine) asWord(alts []alt) bool {
	for _, a := range alts {
		for _, t := range a.Terms {
			if e.lower[t] {
				return true
			}
		}
	}
	return false
}

// asks reports whether a phrase holds a question word: "ça coûte combien"
// is a question, not a phrase to match.
func asks(phrase string) bool {
	for _, w := range strings.FieldsFunc(text.Fold(phrase), func(r rune) bool { return r == ' ' || r == '\'' || r == '-' }) {
		if questionWords[w] {
			return true
		}
	}
	return false
}
