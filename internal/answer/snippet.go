package answer

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// snippet returns the part of a sentence that answers: the whole sentence
// when it is short enough, else the clauses around the matched words,
// widened while they fit in guillemet.MaxSnippet characters. Marks are the
// matched words, relative to the snippet; start and end locate it in the
// paragraph.
func snippet(para string, s sentence, cs []concept) (string, []guillemet.Span, int, int) {
	var matched []guillemet.Span
	for _, t := range s.tokens {
		for _, c := range cs {
			if conceptHas(c, t.Term) {
				matched = append(matched, guillemet.Span{Start: t.Start, End: t.End})
				break
			}
		}
	}
	start, end := s.span.Start, s.span.End
	if utf8.RuneCountInString(para[start:end]) > guillemet.MaxSnippet {
		start, end = window(para, start, end, matched)
	}
	var marks []guillemet.Span
	for _, m := range matched {
		if m.Start >= start && m.End <= end {
			marks = append(marks, guillemet.Span{Start: m.Start - start, End: m.End - start})
		}
	}
	return para[start:end], marks, start, end
}

// window picks the clause of [start, end) holding the most matches, then
// adds neighbouring clauses, the richer side first, while the text stays
// within the limit; a clause too long on its own is cut at words.
func window(para string, start, end int, matched []guillemet.Span) (int, int) {
	clauses := clauseSpans(para, start, end)
	count := func(c guillemet.Span) int {
		n := 0
		for _, m := range matched {
			if m.Start >= c.Start && m.End <= c.End {
				n++
			}
		}
		return n
	}
	best := 0
	for i, c := range clauses {
		if count(c) > count(clauses[best]) {
			best = i
		}
	}
	lo, hi := best, best
	fits := func(a, b int) bool {
		return utf8.RuneCountInString(para[clauses[a].Start:clauses[b].End]) <= guillemet.MaxSnippet
	}
	if !fits(lo, hi) {
		return cutWords(para, clauses[best], matched)
	}
	for {
		left, right := lo > 0 && fits(lo-1, hi), hi < len(clauses)-1 && fits(lo, hi+1)
		switch {
		case left && right && count(clauses[lo-1]) > count(clauses[hi+1]):
			lo--
		case right:
			hi++
		case left:
			lo--
		default:
			return clauses[lo].Start, clauses[hi].End
		}
	}
}

// clauseSpans splits [start, end) after commas, semicolons, colons,
// brackets and quotation marks, trimming spaces.
func clauseSpans(para string, start, end int) []guillemet.Span {
	var out []guillemet.Span
	from := start
	for i, r := range para[start:end] {
		if strings.ContainsRune(",;:()«»\"“”", r) {
			cut := start + i + utf8.RuneLen(r)
			out = appendTrimmed(out, para, from, cut)
			from = cut
		}
	}
	return appendTrimmed(out, para, from, end)
}

func appendTrimmed(out []guillemet.Span, para string, a, b int) []guillemet.Span {
	for a < b && isSpaceByte(para, a) {
		_, n := utf8.DecodeRuneInString(para[a:])
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(para[a:b])
		if r != ' ' && r != '\u00a0' && r != '\u202f' {
			break
		}
		b -= n
	}
	if a < b {
		out = append(out, guillemet.Span{Start: a, End: b})
	}
	return out
}

func isSpaceByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == ' ' || r == '\u00a0' || r == '\u202f'
}

// cutWords centres a window of at most MaxSnippet characters on the
// matched words of a span, cut at spaces.
func cutWords(para string, c guillemet.Span, matched []guillemet.Span) (int, int) {
	centre := c.Start
	var n int
	for _, m := range matched {
		if m.Start >= c.Start && m.End <= c.End {
			centre += m.Start - c.Start
			n++
		}
	}
	if n > 0 {
		centre = c.Start + (centre-c.Start)/n
	}
	// Walk out from the centre one rune at a time on each side.
	lo, hi, runes := centre, centre, 0
	for runes < guillemet.MaxSnippet && (lo > c.Start || hi < c.End) {
		if hi < c.End {
			_, n := utf8.DecodeRuneInString(para[hi:])
			hi += n
			runes++
		}
		if runes < guillemet.MaxSnippet && lo > c.Start {
			_, n := utf8.DecodeLastRuneInString(para[:lo])
			lo -= n
			runes++
		}
	}
	if lo > c.Start {
		if i := strings.IndexByte(para[lo:hi], ' '); i >= 0 {
			lo += i + 1
		}
	}
	if hi < c.End {
		if i := strings.LastIndexByte(para[lo:hi], ' '); i > 0 {
			hi = lo + i
		}
	}
	return lo, hi
}
