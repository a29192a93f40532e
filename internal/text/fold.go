// Package text holds small, language-aware string helpers shared by the
// parser, the index and the answer engine.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold lowercases s and strips diacritics and ligatures, so that "Éditeurs",
// "editeurs" and "ÉDITEURS" compare equal. Typographic apostrophes and
// non-breaking spaces become their plain forms.
func Fold(s string) string {
	folded := true // lower-case ASCII is its own folding: most words, no copy
	for i := 0; i < len(s) && folded; i++ {
		folded = s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z')
	}
	if folded {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if r == utf8.RuneError {
			continue
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var foldTable = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'å': "a",
	'À': "a", 'Â': "a", 'Ä': "a", 'Á': "a", 'Ã': "a", 'Å': "a",
	'ç': "c", 'Ç': "c",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'É': "e", 'È': "e", 'Ê': "e", 'Ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ì': "i", 'Î': "i", 'Ï': "i", 'Í': "i", 'Ì': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'ò': "o", 'õ': "o", 'Ô': "o", 'Ö': "o", 'Ó': "o", 'Ò': "o", 'Õ': "o",
	'û': "u", 'ù': "u", 'ü': "u", 'ú': "u", 'Û': "u", 'Ù': "u", 'Ü': "u", 'Ú': "u",
	'ÿ': "y", 'Ÿ': "y", 'ñ': "n", 'Ñ': "n",
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae",
	'\u2019': "'", '\u2018': "'", '\u02bc': "'",
	'\u00a0': " ", '\u202f': " ", '\u2009': " ",
}

// StripElision drops an elided article or pronoun from the front of a
// French word: "l’audit" → "audit", "d'OpenStack" → "OpenStack".
func StripElision(w string) string {
	for i, r := range w {
		if r == '\'' || r == '’' {
			if i > 0 && i <= 5 {
				return w[i+utf8.RuneLen(r):]
			}
			break
		}
	}
	return w
}
