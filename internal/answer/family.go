package answer

import (
	"strings"

	"guillemet/internal/text"
)

// derived is what a match on another word of the same family is worth:
// "créé" for "création", "installer" for "installation".
const derived = 0.75

// frenchInflections are stripped from a folded French word to find its
// base, longest first; frenchDerivations are added back to it.
var (
	frenchInflections = []string{"erons", "eront", "erait", "aient", "ations", "ation", "ements", "ement", "euses", "euse", "eurs", "eur", "rices", "rice",
		"ions", "ion", "ees", "ee", "es", "er", "ir", "re", "ent", "ait", "it", "is", "ue", "us", "e", "s", "i", "u", ""}
	frenchDerivations = []string{"", "e", "er", "ir", "re", "ation", "ations", "ion", "ions", "ement", "ements", "eur", "eurs", "euse", "rice", "age", "ure",
		"ance", "ence", "ant", "ante", "ants", "able", "if", "ive", "al", "ale", "ales", "aux", "el", "elle", "ee", "es", "ees", "e"}
)

// family finds the corpus's terms for other words of a French word's
// family, when the word itself is not in the corpus.
func (e *Engine) family(folded string) []string {
	const minBase = 3
	var out []string
	seen := map[string]bool{}
	for _, end := range frenchInflections {
		base, ok := strings.CutSuffix(folded, end)
		if !ok || len(base) < minBase {
			continue
		}
		for _, d := range frenchDerivations {
			w := base + d
			if w == folded {
				continue
			}
			if t := e.written[w]; t != "" && !seen[t] {
				seen[t] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// translatedFamily is family for a lexicon rendering, a bounded set: its
// result is kept for the engine's life.
func (e *Engine) translatedFamily(rendering string) []string {
	if v, ok := e.families.Load(rendering); ok {
		return v.([]string)
	}
	f := e.family(text.Fold(rendering))
	e.families.Store(rendering, f)
	return f
}
