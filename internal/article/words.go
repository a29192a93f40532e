package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/text"
)

// word is a token of a paragraph: a run of letters and digits. Inner
// hyphens are kept, so "Jean-Pierre" and "explique-t-il" stay whole;
// apostrophes split elisions, so "d'une" gives "d" and "une".
type word struct {
	start, end int    // byte range in the paragraph text
	fold       string // folded form (text.Fold), what every comparison uses
	cap        bool   // starts with an upper-case letter
	lower      bool   // has a lower-case letter
	digit      bool   // has a digit
	runes      int
}

// isSpace is unicode.IsSpace plus the invisible characters that editors
// leave around lines (zero-width space, word joiner, byte-order mark).
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// isBlank reports whether s holds only spaces (or nothing).
func isBlank(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2011' }

// tokenize splits a paragraph into words, in one pass.
func tokenize(s string) []word {
	out := make([]word, 0, len(s)/6+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		w := word{start: i, cap: unicode.IsUpper(r)}
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				w.lower = w.lower || unicode.IsLower(r)
				w.digit = w.digit || unicode.IsDigit(r)
				w.runes++
				i += n
				continue
			}
			// A hyphen belongs to the word only between two word runes.
			if isHyphen(r) && i+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[i+n:]); isWordRune(r2) {
					w.runes++
					i += n
					continue
				}
			}
			break
		}
		w.end = i
		w.fold = fold(s[w.start:w.end])
		out = append(out, w)
	}
	return out
}

// fold is text.Fold with a fast path for ASCII, the common case.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ReplaceAll(text.Fold(s), "\u2011", "-")
		}
	}
	return strings.ToLower(s)
}

// wordAt returns the index of the word starting at byte pos, or -1.
func wordAt(ws []word, pos int) int {
	i := sort.Search(len(ws), func(i int) bool { return ws[i].start >= pos })
	if i < len(ws) && ws[i].start == pos {
		return i
	}
	return -1
}

// wordsIn returns the range [lo, hi) of the words lying in bytes [start, end).
func wordsIn(ws []word, start, end int) (lo, hi int) {
	lo = sort.Search(len(ws), func(i int) bool { return ws[i].start >= start })
	hi = sort.Search(len(ws), func(i int) bool { return ws[i].end > end })
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// hyphenParts splits a folded hyphenated word: "explique-t-il" gives
// ["explique" "t" "il"].
func hyphenParts(f string) []string {
	if !strings.Contains(f, "-") {
		return []string{f}
	}
	return strings.Split(f, "-")
}

// joined reports whether words i and i+1 are separated by spaces only.
func (p *para) joined(i int) bool {
	if i < 0 || i+1 >= len(p.words) {
		return false
	}
	g := p.text[p.words[i].end:p.words[i+1].start]
	return g != "" && isBlank(g)
}

// elided reports whether word i is an elision glued to the next by an
// apostrophe: d'Estaing, d'après.
func (p *para) elided(i int) bool {
	if i < 0 || i+1 >= len(p.words) {
		return false
	}
	g := p.text[p.words[i].end:p.words[i+1].start]
	return g == "'" || g == "’"
}
