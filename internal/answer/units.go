package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// units splits a paragraph's sentences further, at sentence ends inside
// quotations (which the parser keeps whole, since a quotation is one
// piece of speech), and trims stray quotation marks, so that the snippet
// is the one sentence that answers: "C'est Cloudwatt … qui a demandé un
// audit", not the denial before it.
func units(para string, sentences []guillemet.Span) []guillemet.Span {
	var out []guillemet.Span
	for _, s := range sentences {
		from := s.Start
		for i := s.Start; i < s.End; {
			r, n := utf8.DecodeRuneInString(para[i:])
			if (r == '.' || r == '!' || r == '?' || r == '…') && endsSentence(para, from, i, i+n, s.End) {
				out = appendUnit(out, para, from, i+n)
				from = i + n
			}
			i += n
		}
		out = appendUnit(out, para, from, s.End)
	}
	return out
}

// endsSentence reports whether the mark at [at, next) ends a sentence:
// a space, then a capital (or an opening mark and a capital), and not
// after an abbreviation or an initial ("M.", "J.").
func endsSentence(para string, from, at, next, end int) bool {
	rest := strings.TrimLeft(para[next:end], " \u00a0\u202f")
	if len(rest) == len(para[next:end]) || rest == "" {
		return false
	}
	rest = strings.TrimLeft(rest, "«»\"“” \u00a0\u202f")
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return false
	}
	word := para[from:at]
	if i := strings.LastIndexAny(word, " \u00a0(«»\"“”'’"); i >= 0 {
		word = word[i+1:]
	}
	w, _ := utf8.DecodeRuneInString(word)
	return !(unicode.IsUpper(w) && utf8.RuneCountInString(word) <= 3)
}

const (
	spaces = " \u00a0\u202f"
	marks  = "«»\"“”"
)

// appendUnit adds [a, b) trimmed of spaces and, when its quotation marks
// do not pair up, of the stray mark at either end (with the full stop
// that follows a closing one: "… sélection « .").
func appendUnit(out []guillemet.Span, para string, a, b int) []guillemet.Span {
	stray := 0
	for _, r := range para[a:b] {
		if strings.ContainsRune(marks, r) {
			stray ^= 1
		}
	}
	trim := spaces
	if stray == 1 {
		trim += marks
	}
	for a < b {
		r, n := utf8.DecodeRuneInString(para[a:])
		if !strings.ContainsRune(trim, r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(para[a:b])
		if strings.ContainsRune(trim, r) {
			b -= n
			continue
		}
		if stray == 1 && (r == '.' || r == ',') {
			before := strings.TrimRight(para[a:b-n], spaces)
			if last, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(marks, last) {
				b = a + len(before)
				continue
			}
		}
		break
	}
	if a < b {
		out = append(out, guillemet.Span{Start: a, End: b})
	}
	return out
}
