package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// Sentences returns the byte spans of the sentences of a paragraph, each
// trimmed of surrounding spaces, in order. A quotation is never cut: it is
// one unit for answers and attributions.
func Sentences(paragraph string) []guillemet.Span {
	return sentences(paragraph, regions(pairMarks(paragraph)))
}

// sentences splits t, whose quotations span quoted (sorted, disjoint).
// A sentence ends on . ! ? … followed by a space and an upper-case letter or
// an opening mark, unless the period ends an abbreviation; the text end
// closes the last one. Lower-case after "…" or "..." continues the
// sentence, and so does ", poursuit-il" after a quotation.
func sentences(t string, quoted []guillemet.Span) []guillemet.Span {
	var out []guillemet.Span
	emit := func(s, e int) {
		for s < e {
			r, n := utf8.DecodeRuneInString(t[s:e])
			if !isSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(t[s:e])
			if !isSpace(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, guillemet.Span{Start: s, End: e})
		}
	}
	start, qi, i := 0, 0, 0
	for i < len(t) {
		for qi < len(quoted) && quoted[qi].End <= i {
			qi++
		}
		if qi < len(quoted) && i >= quoted[qi].Start {
			// Jump over the quotation; it ends the sentence only when its
			// own text does and what follows starts a new one.
			q := quoted[qi]
			qi++
			i = q.End
			if endsSentence(t, q) {
				if next, ok := boundary(t, i, quoted, qi); ok {
					emit(start, i)
					start, i = next, next
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isTerminator(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(t) {
			r2, n2 := utf8.DecodeRuneInString(t[j:])
			if !isTerminator(r2) {
				break
			}
			j += n2
		}
		for j < len(t) && (t[j] == ')' || t[j] == ']') {
			j++
		}
		if next, ok := boundary(t, j, quoted, qi); ok && !(r == '.' && t[i+1:j] == "" && isAbbreviation(t, i)) {
			emit(start, j)
			start = next
		}
		i = j
	}
	emit(start, len(t))
	return out
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// endsSentence reports whether the text inside a quotation ends with a
// terminator, as in « Nous irons. ».
func endsSentence(t string, q guillemet.Span) bool {
	_, n := utf8.DecodeLastRuneInString(t[q.Start:q.End]) // the closing mark
	in := strings.TrimRightFunc(t[q.Start:q.End-n], isSpace)
	r, _ := utf8.DecodeLastRuneInString(in)
	return isTerminator(r)
}

// boundary reports whether a sentence ending at j is followed by a new
// one: spaces, then an upper-case letter or an opening mark. It returns
// where the next sentence starts.
func boundary(t string, j int, quoted []guillemet.Span, qi int) (int, bool) {
	k := j
	for k < len(t) {
		r, n := utf8.DecodeRuneInString(t[k:])
		if !isSpace(r) {
			break
		}
		k += n
	}
	if k == j || k >= len(t) {
		return 0, false
	}
	if qi < len(quoted) && quoted[qi].Start == k {
		return k, true
	}
	r, _ := utf8.DecodeRuneInString(t[k:])
	return k, unicode.IsUpper(r) || r == '«' || r == '“'
}

// maxAbbrev bounds the look-back for an abbreviation, keeping the split
// linear whatever the input.
const maxAbbrev = 24

// isAbbreviation reports whether the period at dot ends an abbreviation
// ("M.", "cf.", "J.-C.") or an initial ("P. Paperon") rather than a sentence.
func isAbbreviation(t string, dot int) bool {
	k := dot
	for k > 0 && dot-k < maxAbbrev {
		r, n := utf8.DecodeLastRuneInString(t[:k])
		if !(unicode.IsLetter(r) || r == '.' || isHyphen(r)) {
			break
		}
		k -= n
	}
	w := strings.TrimLeft(t[k:dot], ".-")
	if w == "" {
		return false
	}
	if abbreviations[fold(w)] {
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) {
		return unicode.IsUpper(r) // an initial
	}
	// Dotted or hyphenated initials: "J.-C", "c.-à-d", "U.S".
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '.' || isHyphen(r) })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) > 1 {
			return false
		}
	}
	return true
}
