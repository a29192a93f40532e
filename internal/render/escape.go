package render

import (
	"sort"
	"strings"

	"guillemet/internal/guillemet"
)

// Escape makes text from a user or the article inert in Discord: markdown
// characters are backslash-escaped, and a zero-width space follows every
// "@" and "<" so no mention (@everyone, @here, <@id>, <@&id>, <#id>, </cmd:id>,
// <t:…>) is formed. Discord renders "\x" as "x" for any punctuation x, so
// the text reads the same.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\', '*', '_', '~', '`', '|', '[', ']':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '#', '-', '+', '>':
			// Headings, lists and block quotes only start a line.
			if lineStart {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		case '@', '<':
			b.WriteByte(c)
			b.WriteString(zeroWidthSpace)
		case '\r':
			// dropped: Discord shows \r\n as one line break anyway
		default:
			if lineStart && c >= '0' && c <= '9' {
				// "1. " starts an ordered list: escape its dot.
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				if j < len(s) && s[j] == '.' {
					b.WriteString(s[i:j])
					b.WriteString(`\.`)
					i = j + 1
					lineStart = false
					continue
				}
			}
			b.WriteByte(c)
		}
		if c == '\n' {
			lineStart = true
		} else if c != ' ' && c != '\t' {
			lineStart = false
		}
		i++
	}
	return b.String()
}

// EscapeFit returns Escape(s) if it fits in max units, or else the escape
// of the longest prefix of s that fits with "…" appended. Cutting before
// escaping never leaves half an escape sequence.
func EscapeFit(s string, max int) string {
	if e := Escape(s); Len(e) <= max {
		return e
	}
	if max <= 0 {
		return ""
	}
	starts := runeStarts(s)
	// Largest n such that Escape(s[:starts[n]]) + "…" fits.
	n := sort.Search(len(starts), func(n int) bool {
		return Len(Escape(s[:starts[n]]))+1 > max
	}) - 1
	if n < 0 {
		return ellipsis
	}
	return strings.TrimRight(Escape(s[:starts[n]]), " \t\n") + ellipsis
}

// Bold escapes s and wraps the byte spans marks of s in ** **. Marks out
// of range are clipped, overlapping ones merged, and each is moved to
// rune boundaries (widened) and trimmed of spaces (Discord does not bold "** x**").
func Bold(s string, marks []guillemet.Span) string {
	spans := cleanMarks(s, marks)
	var b strings.Builder
	at := 0
	for _, m := range spans {
		b.WriteString(Escape(s[at:m.Start]))
		b.WriteString("**")
		b.WriteString(Escape(s[m.Start:m.End]))
		b.WriteString("**")
		at = m.End
	}
	b.WriteString(Escape(s[at:]))
	return b.String()
}

func cleanMarks(s string, marks []guillemet.Span) []guillemet.Span {
	var spans []guillemet.Span
	for _, m := range marks {
		start, end := max(m.Start, 0), min(m.End, len(s))
		if start >= end {
			continue
		}
		for start > 0 && !isRuneStart(s, start) {
			start--
		}
		for end < len(s) && !isRuneStart(s, end) {
			end++
		}
		for start < end && strings.ContainsRune(" \t\n", rune(s[start])) {
			start++
		}
		for end > start && strings.ContainsRune(" \t\n", rune(s[end-1])) {
			end--
		}
		if start < end {
			spans = append(spans, guillemet.Span{Start: start, End: end})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var merged []guillemet.Span
	for _, m := range spans {
		// Touching spans are merged too: "**a****b**" would not render.
		if n := len(merged); n > 0 && m.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, m.End)
			continue
		}
		merged = append(merged, m)
	}
	return merged
}

func isRuneStart(s string, i int) bool { return i >= len(s) || s[i]&0xC0 != 0x80 }

// oneLine replaces line breaks and tabs by spaces and trims s, for text
// that must stay on one line of a footer.
func oneLine(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s))
}
