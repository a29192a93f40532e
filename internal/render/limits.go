// Package render is the one place that turns what the engine says
// (guillemet.Result, []guillemet.Quote, guillemet.Overview) into Discord
// messages. Every transport (the gateway bot, an HTTP interactions
// endpoint) sends only what this package builds, so every Discord limit,
// every escape and the "never ping anyone" rule are enforced here once:
//
//   - text from users and from the article is escaped (markdown) and
//     neutralised (a zero-width space after "@" and "<", so no @everyone,
//     @here, <@user>, <@&role>, <#channel> survives);
//   - every message, interaction response, edit and follow-up carries
//     allowed_mentions {"parse": []};
//   - Fit cuts every string to its limit on a rune boundary with "…" and
//     drops what does not fit (fields past 25, buttons past 5 a row or
//     with a custom_id past 100).
//
// Lengths are counted in UTF-16 code units, as Discord's clients count
// them, which is never less than the number of characters.
package render

import (
	"strings"
	"unicode/utf8"
)

// Discord limits, in UTF-16 code units (for strings) or items.
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxTitle            = 256
	MaxDescription      = 4096
	MaxFields           = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooter           = 2048
	MaxAuthor           = 256
	MaxEmbedTotal       = 6000 // title+description+fields+footer+author of all embeds of a message
	MaxRows             = 5
	MaxButtonsPerRow    = 5
	MaxButtonLabel      = 80
	MaxCustomID         = 100
	MaxChoices          = 25
	MaxChoiceName       = 100
	MaxChoiceValue      = 100
	MaxQuestion         = 500 // ours, not Discord's: longer questions are refused
	ellipsis            = "…"
	zeroWidthSpace      = "\u200b"
	emptyFieldText      = zeroWidthSpace // Discord refuses empty field names and values
	defaultEmptyContent = "…"
)

// Len returns the length of s as Discord counts it: UTF-16 code units.
func Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Truncate returns s if it fits in max units, or else its longest prefix
// that fits with "…" appended, cut on a rune boundary.
func Truncate(s string, max int) string {
	if Len(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	return strings.TrimRight(prefix(s, max-1), " \t\n") + ellipsis
}

// Cut returns the longest prefix of s that fits in max units, without
// ellipsis (for values that are sent back to the bot, like choice values).
func Cut(s string, max int) string {
	if Len(s) <= max {
		return s
	}
	return prefix(s, max)
}

// prefix returns the longest prefix of s of at most max units.
func prefix(s string, max int) string {
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > max {
			return s[:i]
		}
		n += w
	}
	return s
}

// runeStarts returns the byte offsets where the runes of s start, and len(s).
func runeStarts(s string) []int {
	idx := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		idx = append(idx, i)
	}
	return append(idx, len(s))
}
