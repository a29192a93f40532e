// Package hostiletest is what people type at a public bot, for the tests
// of every interface that takes a question (the CLI, the gateway bot, the
// HTTP interactions endpoint) and for the seed corpora of the fuzz
// targets; and the checks that what the bot sends back is safe: no
// mention can ping, user text cannot break the message's markdown, every
// Discord limit holds.
package hostiletest

import (
	"strings"
)

// Input is one thing a user may type.
type Input struct {
	Name string
	Text string
	// Audit: amid the noise, the text asks "who asked for the audit?",
	// which the default article answers.
	Audit bool
	// Blank: nothing is left once whitespace, control and invisible
	// characters are dropped.
	Blank bool
	// TooLong: over 1,000 characters once cleaned (every interface
	// refuses it: the engine reads at most 1,000, Discord commands 500).
	TooLong bool
}

// Question is the question that the default article answers.
const Question = "who asked for the audit?"

// Inputs returns the hostile inputs, each with what it is.
func Inputs() []Input {
	return []Input{
		{Name: "empty", Text: "", Blank: true},
		{Name: "whitespace", Text: " \t\n\r\u00a0\u3000\u2028 ", Blank: true},
		{Name: "invisible only", Text: "\u200b\u200d\ufeff\u2060\u202e\u2066", Blank: true},
		{Name: "control characters only", Text: "\x00\x01\x07\x1b\x7f", Blank: true},
		{Name: "plain question", Text: Question, Audit: true},
		{Name: "100 KB", Text: strings.Repeat("audit ", 100<<10/6), TooLong: true},
		{Name: "invalid UTF-8", Text: "\xff\xfe who asked for the \xc3\x28 audit? \xed\xa0\x80\xc0\xaf"},
		{Name: "control characters", Text: "\x00\x07who\x1b[31m asked\x08 for\r the\x7f audit?\x1b]0;pwned\x07", Audit: true},
		{Name: "zero-width and right-to-left", Text: "\u200bwho\u200d asked\ufeff for the \u202eaudit\u202c?\u2066\u200f", Audit: true},
		{Name: "right-to-left script", Text: "من طلب التدقيق؟ מי ביקש את הביקורת?"},
		{Name: "mass mentions", Text: "@everyone @here " + Question + " @everyone", Audit: true},
		{Name: "user, role and channel mentions", Text: "<@123456789012345678> <@!123456789012345678> <@&123456789012345678> <#123456789012345678> " + Question, Audit: true},
		{Name: "mentions only", Text: "@everyone @here <@&1> <@1>"},
		{Name: "look-alike mentions", Text: "＠everyone @\u200beveryone @ｅveryone <\u200b@1> <@\u200b1>"},
		{Name: "slash, emoji and timestamp syntax", Text: "</ask:123> <:pepe:123> <a:party:123> <t:1700000000:R> <id:customize>"},
		{Name: "markdown", Text: "**who** __asked__ *for* ~~the~~ ||audit||? `x` > quote\n# heading\n-# small\n1. list [link](https://evil.example/@everyone)"},
		{Name: "spoilers", Text: "||@everyone|| ||" + Question + "||"},
		{Name: "code fences", Text: "```\n@everyone\n``` ```go\npanic(1)\n``` " + Question, Audit: true},
		{Name: "unbalanced markdown", Text: "**__~~||`" + Question + "\\", Audit: true},
		{Name: "bleve query syntax", Text: `+audit -Bercy title:x* ~2 ^3 /re.*/ "audit" AND OR NOT ( ) { } [ ] : \ field:>5 *`},
		{Name: "bleve syntax only", Text: `*:* +-~^ /.*/ ""`},
		{Name: "long single word", Text: strings.Repeat("a", 490)},
		{Name: "very long single word", Text: strings.Repeat("anticonstitutionnellement", 400), TooLong: true},
		{Name: "10,000 repeated words", Text: strings.Repeat("audit ", 10000), TooLong: true},
		{Name: "emoji", Text: "🔥👀 " + Question + " 👩\u200d👩\u200d👧 🇫🇷 🏳️\u200d🌈 👍🏽", Audit: true},
		{Name: "emoji only", Text: "🔥🔥🔥 😀"},
		{Name: "newlines", Text: "who asked\n\n\nfor the\n> audit?", Audit: true},
		{Name: "HTML and JSON", Text: `</script><img src=x onerror=alert(1)> {"type":4,"data":{"content":"@everyone"}} ` + Question, Audit: true},
		{Name: "format strings", Text: "%s %d %n %v %!(EXTRA) {0} ${jndi:ldap://x} " + Question, Audit: true},
	}
}
