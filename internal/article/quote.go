package article

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// pair is a quotation found by its two marks, in a paragraph's text.
type pair struct {
	open, close guillemet.Span // the marks themselves
}

// span covers the quotation, marks included.
func (q pair) span() guillemet.Span { return guillemet.Span{Start: q.open.Start, End: q.close.End} }

// inner is the quoted text, without marks and surrounding spaces.
func (q pair) inner(t string) string {
	return strings.TrimFunc(t[q.open.End:q.close.Start], isSpace)
}

// Mark classes. Writers and converters flip guillemets at will (» … «,
// « … «), so the orientation of a mark says nothing: within a class, marks
// are paired in order of appearance, the first opening, the second closing.
const (
	guillemets = iota // « »
	curly             // “ ” „
	straight          // "
	classes
)

func markClass(r rune) int {
	switch r {
	case '«', '»':
		return guillemets
	case '“', '”', '„':
		return curly
	case '"':
		return straight
	}
	return -1
}

// pairMarks finds the quotations of a paragraph, in text order. Guillemets
// come first, as French press uses them; curly then straight quotes are
// kept only when they do not overlap a quotation already found, since a
// quote inside a quote belongs to the outer one. A mark left alone at the
// end of the paragraph is dropped.
func pairMarks(t string) []pair {
	var marks [classes][]guillemet.Span
	for i, r := range t {
		if c := markClass(r); c >= 0 {
			marks[c] = append(marks[c], guillemet.Span{Start: i, End: i + utf8.RuneLen(r)})
		}
	}
	var kept []pair
	for c := range classes {
		var ps []pair
		for i := 0; i+1 < len(marks[c]); i += 2 {
			ps = append(ps, pair{open: marks[c][i], close: marks[c][i+1]})
		}
		kept = merge(kept, ps)
	}
	return kept
}

// merge adds to kept (sorted, disjoint) the pairs of add (sorted, disjoint)
// that overlap none of kept, in linear time.
func merge(kept, add []pair) []pair {
	if len(add) == 0 {
		return kept
	}
	out := make([]pair, 0, len(kept)+len(add))
	k := 0
	for _, a := range add {
		s := a.span()
		for k < len(kept) && kept[k].span().End <= s.Start {
			out = append(out, kept[k])
			k++
		}
		if k < len(kept) && kept[k].span().Start < s.End {
			continue // overlaps a quotation already kept
		}
		out = append(out, a)
	}
	return append(out, kept[k:]...)
}

// regions are the spans of the pairs, for the sentence splitter.
func regions(ps []pair) []guillemet.Span {
	out := make([]guillemet.Span, len(ps))
	for i, p := range ps {
		out[i] = p.span()
	}
	return out
}
