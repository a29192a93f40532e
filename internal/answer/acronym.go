package answer

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/text"
)

// Acronyms the article spells out: "la DGS" is the "directrice générale des
// services" when the article never writes DGS. Their letters are the
// initials of consecutive content words; the stop words between them
// (des, de la) do not count.
const (
	minAcronym = 2
	maxAcronym = 5
	// maxAcronymGap is how many positions apart two words of the spelled
	// out name may stand: "générale des services" has one stop word between.
	maxAcronymGap = 3
)

// spelledOut returns the renderings of an acronym the corpus spells out.
func (e *Engine) spelledOut(acronym string) []alt {
	letters := []rune(text.Fold(acronym))
	if len(letters) < minAcronym || len(letters) > maxAcronym {
		return nil
	}
	var alts []alt
	for a, art := range e.paras {
		for p, pp := range art {
			para := e.articles[a].Paragraphs[p].Text
			for _, s := range pp.sentences {
				toks := s.tokens
				for i := range toks {
					var terms []string
					last := toks[i].Position - 1
					for j := i; j < len(toks) && len(terms) < len(letters); j++ {
						t := toks[j]
						if t.Position == last {
							continue // a compound's inner word stands where the word does
						}
						if len(terms) > 0 && (t.Position-last > maxAcronymGap || strings.ContainsAny(para[toks[j-1].End:t.Start], ",;:.()«»\"")) {
							break // "des services, l'intrusion" spells no DGSI
						}
						r, _ := utf8.DecodeRuneInString(text.Fold(text.StripElision(para[t.Start:t.End])))
						if r != letters[len(terms)] {
							break
						}
						terms = append(terms, t.Term)
						last = t.Position
					}
					if len(terms) == len(letters) {
						alts = appendRendering(alts, rendering{terms: terms, factor: 1}, mainTranslation)
					}
				}
			}
		}
	}
	return alts
}

// spellOut gives an acronym the question writes in capitals, and the
// corpus never does, the words the corpus spells it out with.
func (e *Engine) spellOut(q string, cs []concept) {
	for i, c := range cs {
		if strings.Contains(c.Label, " ") || !isAcronym(q, c.Label) || e.capital[c.Label] {
			continue // not an acronym, or one the corpus writes
		}
		// "PV" the thesaurus renders, "DGS" the article spells out: words
		// in lower case, not a name.
		cs[i].Alts = append(cs[i].Alts, e.spelledOut(c.Label)...)
		cs[i].NameOnly = false
		cs[i].Required = len(cs[i].Alts) == 0 // "What does DNA stand for?": an acronym the corpus never uses is a name it never mentions
	}
}
