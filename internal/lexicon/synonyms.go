package lexicon

import (
	"strings"
	"sync"

	"guillemet/internal/text"
)

// Limits that keep synonyms close in meaning: a French word listed under
// many English entries ("faire", "prendre") is too vague to expand, and an
// entry's renderings drift from its main sense as the list goes on
// (turnover: chiffre d'affaires, CA, rotation, renouvellement), so only a
// word among an entry's first renderings links to the others among them.
const (
	maxSenses      = 4
	maxPhraseSense = 8 // a phrase is specific even when many entries use it
	mainSense      = 2 // a word is a main rendering of an entry within these
	closeSense     = 3 // its synonyms are that entry's first renderings
	maxSynonyms    = 8
	minSynonymRune = 3
)

// synonymIndex maps a folded French word or phrase to the entries that
// render it; built on first use, since English questions never need it.
type synonymIndex struct {
	once   sync.Once
	senses map[string][]int32
}

// Synonyms returns the other French renderings of the English entries that
// render french ("directeur général" → "PDG", "DG", "patron"), so a French
// question can meet the article's own words. Vague words get none.
func (l *Lexicon) Synonyms(french string) []string {
	l.synonyms.once.Do(l.buildSynonyms)
	key := frenchKey(french)
	senses := l.synonyms.senses[key]
	limit := maxSenses
	if strings.Contains(key, " ") {
		limit = maxPhraseSense
	}
	if len([]rune(key)) < minSynonymRune || len(senses) == 0 {
		return nil
	}
	// Entries that open on the same word are one sense: employee,
	// employees and workers all mean "salariés".
	heads := map[string]bool{}
	renderings := make([][]string, len(senses))
	for j, i := range senses {
		renderings[j] = l.entries[i].firstRenderings(closeSense)
		heads[frenchKey(renderings[j][0])] = true
	}
	if len(heads) > limit {
		return nil
	}
	var out []string
	for _, fs := range renderings {
		for _, f := range fs {
			if frenchKey(f) != key && len(out) < maxSynonyms {
				out = appendUnique(out, f)
			}
		}
	}
	return out
}

// IsFrenchPhrase reports whether the lexicon renders something mainly by
// this French phrase; the engine uses it to keep "directeur général" whole.
func (l *Lexicon) IsFrenchPhrase(french string) bool {
	l.synonyms.once.Do(l.buildSynonyms)
	return len(l.synonyms.senses[frenchKey(french)]) > 0
}

// PrepareFrench builds the index Synonyms and IsFrenchPhrase read, so
// that the first French question does not wait for it.
func (l *Lexicon) PrepareFrench() { l.synonyms.once.Do(l.buildSynonyms) }

func (l *Lexicon) buildSynonyms() {
	m := make(map[string][]int32, len(l.entries)*mainSense)
	for i := range l.entries {
		// The main renderings are the first of the first line: read them
		// in place, without splitting the whole French side.
		e := &l.entries[i]
		rest, more := e.raw, e.more
		for n := 0; n < mainSense; n++ {
			if rest == "" {
				if len(more) == 0 {
					break
				}
				rest, more = more[0], more[1:]
			}
			var f string
			f, rest, _ = strings.Cut(rest, "|")
			k := frenchKey(f)
			if ids := m[k]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
				m[k] = append(ids, int32(i))
			}
		}
	}
	l.synonyms.senses = m
}

// frenchEndings are inflections stripped from a single French word so that
// "choisi", "choisit" and "choisir", or "quitte" and "quitter", meet in the
// synonym index; longest first.
var frenchEndings = []string{"erons", "eront", "erait", "aient", "issent", "ions", "iez", "ent", "ees", "ait", "ons", "era", "ez", "ee", "es", "er", "ir", "re", "is", "it", "e", "s", "i"}

// minFrenchStem is the shortest stem an ending is stripped from: "votent"
// and "voter" meet as "vot".
const minFrenchStem = 3

// frenchKey is the synonym index's key for a French word or phrase: folded,
// and for one word, stripped of its inflection.
func frenchKey(s string) string {
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\r") || strings.Contains(s, "\u00a0") || strings.Contains(s, "\u202f") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = strings.Join(strings.Fields(s), " ") // the common case, one space between words, needs no copy
	}
	k := text.Fold(s)
	if strings.Contains(k, " ") {
		return k
	}
	for _, e := range frenchEndings {
		if len(k)-len(e) >= minFrenchStem && strings.HasSuffix(k, e) {
			return k[:len(k)-len(e)]
		}
	}
	return k
}
