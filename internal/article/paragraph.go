package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one paragraph before analysis.
type line struct {
	text    string
	heading bool
}

// Heading limits: a heading is a short line, so that a one-line paragraph
// that merely forgot its final period is not taken for one.
const (
	maxHeadingRunes = 80
	maxHeadingWords = 12
	// maxTitleLineRunes bounds an article's opening title line.
	maxTitleLineRunes = 160
	maxTitleRunes     = 80
)

// splitParagraphs cuts text into its non-blank lines. Lines holding only
// spaces (non-breaking ones included) are blank: editors leave them
// between paragraphs and a reader does not count them.
func splitParagraphs(s string) []line {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []line
	for raw := range strings.SplitSeq(s, "\n") {
		t := strings.TrimFunc(raw, isSpace)
		if t == "" {
			continue
		}
		// Markdown corpora mark their headings; drop the marker so the
		// heading reads as text.
		if h, ok := markdownHeading(t); ok {
			out = append(out, line{text: h, heading: true})
			continue
		}
		out = append(out, line{text: t, heading: isHeading(t) || len(out) == 0 && isTitle(t)})
	}
	return out
}

// isTitle tells an article's opening line that is its title: news titles
// run longer than section headings ("Voltaria : bénéfice record en 2023,
// le groupe promet une baisse des prix") but have the same shape.
func isTitle(t string) bool {
	return utf8.RuneCountInString(t) <= maxTitleLineRunes && headingShape(t)
}

// markdownHeading recognises "# Title" up to "###### Title".
func markdownHeading(t string) (string, bool) {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(t) || (t[n] != ' ' && t[n] != '\t') {
		return "", false
	}
	h := strings.TrimFunc(t[n:], isSpace)
	h = strings.TrimRightFunc(strings.TrimRight(h, "#"), isSpace)
	return h, h != ""
}

// isHeading tells a heading: short, and shaped like one.
func isHeading(t string) bool {
	if utf8.RuneCountInString(t) > maxHeadingRunes || len(strings.FieldsFunc(t, isSpace)) > maxHeadingWords {
		return false
	}
	return headingShape(t)
}

// headingShape: starting like a title, and without the final punctuation
// that ends a sentence or announces a quotation.
func headingShape(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?…:;,«»\"“”'’", last) {
		return false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// title is the first heading when the article opens with one, else the
// start of the first paragraph, cut at a word boundary.
func title(ls []line) string {
	if len(ls) == 0 {
		return ""
	}
	if ls[0].heading {
		return ls[0].text
	}
	return cutWords(ls[0].text, maxTitleRunes)
}

// cutWords shortens s to at most n runes, at a word boundary, marking the
// cut with an ellipsis.
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	end, count := 0, 0
	for i := range s {
		if count == n {
			end = i
			break
		}
		count++
	}
	cut := s[:end]
	if i := strings.LastIndexFunc(cut, isSpace); i > 0 {
		cut = cut[:i]
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune(",;:(«“\"-–—", r)
	})
	return cut + "…"
}
