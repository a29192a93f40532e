package answer

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// snippet returns the part of a sentence that answers: the whole sentence
// when it is short enough, else the run of clauses that fits in
// guillemet.MaxSnippet characters and best answers (see window). Marks are
// the matched words, relative to the snippet; start and end locate it in
// the paragraph.
func snippet(para string, s sentence, q question, surnames []string) (string, []guillemet.Span, int, int) {
	var matched []match
	for _, t := range s.tokens {
		for ci, c := range q.concepts {
			if conceptHas(c, t.Term) {
				matched = append(matched, match{Span: guillemet.Span{Start: t.Start, End: t.End}, concept: ci})
				break
			}
		}
	}
	start, end := s.span.Start, s.span.End
	if utf8.RuneCountInString(para[start:end]) > guillemet.MaxSnippet {
		cl := s.clauses
		if cl == nil { // a sentence run on into the next one
			cl = clausesOf(para, start, end, surnames)
		}
		if len(cl) > 0 {
			start, end = window(para, cl, matched, q)
		}
	}
	var marks []guillemet.Span
	for _, m := range matched {
		if m.Start >= start && m.End <= end {
			marks = append(marks, guillemet.Span{Start: m.Start - start, End: m.End - start})
		}
	}
	return para[start:end], marks, start, end
}

// match is a matched word and the concept it renders.
type match struct {
	guillemet.Span
	concept int
}

// window chooses, among the runs of consecutive clauses of [start, end)
// that fit in the limit, the one whose matched concepts weigh most, plus
// the bonus for holding what the question asks for (a number for "how
// many"), the shorter on a tie; a clause too long on its own is cut at
// words around its matches.
func window(para string, clauses []clause, matched []match, q question) (int, int) {
	mean := 0.0
	for _, c := range q.concepts {
		mean += c.Weight / float64(len(q.concepts))
	}
	bestLen, bestScore, bestI, bestJ := -1, 0.0, 0, 0
	for i := range clauses {
		seen := map[int]bool{}
		weight, f := 0.0, features{}
		for j := i; j < len(clauses); j++ {
			if utf8.RuneCountInString(para[clauses[i].Start:clauses[j].End]) > guillemet.MaxSnippet {
				break
			}
			for _, m := range matched {
				if m.Start >= clauses[j].Start && m.End <= clauses[j].End && !seen[m.concept] {
					seen[m.concept] = true
					weight += q.concepts[m.concept].Weight
				}
			}
			f = f.or(clauses[j].features)
			score, n := weight+mean*fits(q.kind, f, "", nil), clauses[j].End-clauses[i].Start
			if bestLen < 0 || score > bestScore || score == bestScore && n < bestLen {
				bestLen, bestScore, bestI, bestJ = n, score, i, j
			}
		}
	}
	if bestLen < 0 { // every clause is too long: cut the richest at words
		top := 0
		for i, c := range clauses {
			if count(c, matched) > count(clauses[top], matched) {
				top = i
			}
		}
		return cutWords(para, clauses[top].Span, matched)
	}
	return clauses[bestI].Start, clauses[bestJ].End
}

func count(c clause, matched []match) int {
	n := 0
	for _, m := range matched {
		if m.Start >= c.Start && m.End <= c.End {
			n++
		}
	}
	return n
}

// clause is a piece of a long sentence, with what it holds, prepared at
// build time so choosing a snippet costs no text analysis.
type clause struct {
	guillemet.Span
	features features
}

func clausesOf(para string, start, end int, surnames []string) []clause {
	spans := clauseSpans(para, start, end)
	out := make([]clause, len(spans))
	for i, sp := range spans {
		out[i] = clause{Span: sp, features: featuresOf(para[sp.Start:sp.End], surnames)}
	}
	return out
}

// clauseSpans splits [start, end) after commas, semicolons, colons and
// quotation marks, trimming spaces. Brackets do not split: "des éditeurs
// (30)" is one piece of information, nor does a decimal comma ("1,8 million").
func clauseSpans(para string, start, end int) []guillemet.Span {
	var out []guillemet.Span
	from := start
	for i, r := range para[start:end] {
		if strings.ContainsRune(",;:«»\"“”", r) && !decimalComma(para, start+i) {
			cut := start + i + utf8.RuneLen(r)
			out = appendTrimmed(out, para, from, cut)
			from = cut
		}
	}
	return appendTrimmed(out, para, from, end)
}

// decimalComma reports whether the comma at i stands between two digits.
func decimalComma(para string, i int) bool {
	return para[i] == ',' && i > 0 && i+1 < len(para) && isDigit(para[i-1]) && isDigit(para[i+1])
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
func cutWords(para string, c guillemet.Span, matched []match) (int, int) {
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

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
