package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
)

// Colour of the embeds.
const colour = 0x2F6FB5

// QuotesPerPage is how many quotations one page of /quote shows.
const QuotesPerPage = 5

// maxQuoteText is how much of one quotation a page shows, so that
// QuotesPerPage of them always fit a description.
const maxQuoteText = 700

// Footer lines that carry a query, so a button click can recover it from
// the message when its custom_id had no room for it. Footers are plain
// text in Discord (no markdown, no mentions), so the text is kept as it
// was asked, on one line.
const (
	footerQuestion = "Question: "
	footerSpeaker  = "Speaker: "
	footerWords    = "Words: "
)

// Nav is the paging of a reply: the page shown (0-based), how many there
// are, and the custom_id of the buttons that show the previous and the
// next one. With fewer than two pages there are no buttons.
type Nav struct {
	Page, Pages    int
	PrevID, NextID string
}

func (n Nav) components() []discordgo.MessageComponent {
	if n.Pages < 2 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "◀ Previous", Style: discordgo.SecondaryButton, CustomID: n.PrevID, Disabled: n.Page <= 0},
		discordgo.Button{Label: "Next ▶", Style: discordgo.PrimaryButton, CustomID: n.NextID, Disabled: n.Page >= n.Pages-1},
	}}}
}

// Answer renders answer i of r: the answering sentence with its matched
// words in bold, who said it when it is a quotation, the paragraph around
// it as context, and a footer with the question, the article and the
// paragraph number.
func Answer(r guillemet.Result, i int, nav Nav) Message {
	if i < 0 || i >= len(r.Answers) {
		return NotFound(r)
	}
	a := r.Answers[i]
	var d strings.Builder
	d.WriteString("> ")
	d.WriteString(oneLine(Bold(a.Sentence, a.Marks)))
	if a.Speaker != "" {
		d.WriteString("\n— *")
		d.WriteString(EscapeFit(oneLine(a.Speaker), MaxTitle))
		d.WriteString("*")
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Color:       colour,
		Description: d.String(),
		Footer: &discordgo.MessageEmbedFooter{Text: footerQuestion + oneLine(r.Question) + "\n" +
			fmt.Sprintf("%s · paragraph %d · answer %d/%d", oneLine(a.Article), a.Paragraph, i+1, len(r.Answers))},
	}
	if ctx := Excerpt(a.Passage, a.Sentence, MaxFieldValue); ctx != "" && oneLine(a.Passage) != oneLine(a.Sentence) {
		e.Fields = []*discordgo.MessageEmbedField{{Name: "Context", Value: ctx}}
	}
	return Message{Embeds: []*discordgo.MessageEmbed{e}, Components: nav.components()}
}

// Excerpt returns passage escaped and cut to max units around sentence:
// the whole passage when it fits, or else a window that starts a little
// before the sentence, with "…" where it was cut.
func Excerpt(passage, sentence string, max int) string {
	passage = strings.TrimSpace(passage)
	if e := Escape(passage); Len(e) <= max {
		return e
	}
	at := strings.Index(passage, strings.TrimSpace(sentence))
	if at <= 0 {
		return EscapeFit(passage, max)
	}
	// Start up to a fifth of the room before the sentence, on a word.
	lead := max / 5
	start := at
	for n := 0; start > 0 && n < lead; n++ {
		start--
		for start > 0 && !isRuneStart(passage, start) {
			start--
		}
	}
	if start > 0 {
		if sp := strings.IndexByte(passage[start:at], ' '); sp >= 0 {
			start += sp + 1
		}
		return ellipsis + EscapeFit(passage[start:], max-1)
	}
	return EscapeFit(passage, max)
}

// QuestionFromEmbed recovers the question an answer embed was rendered
// for, from its footer.
func QuestionFromEmbed(e *discordgo.MessageEmbed) (string, bool) {
	if e == nil || e.Footer == nil {
		return "", false
	}
	for _, line := range strings.Split(e.Footer.Text, "\n") {
		if q, ok := strings.CutPrefix(line, footerQuestion); ok && q != "" {
			return q, true
		}
	}
	return "", false
}

// NotFound is the short, ephemeral reply when the article does not
// answer: it says what can be asked instead.
func NotFound(r guillemet.Result) Message {
	var b strings.Builder
	fmt.Fprintf(&b, "I found nothing in the article that answers “%s”.", EscapeFit(oneLine(r.Question), 200))
	if len(r.Suggestions) > 0 {
		b.WriteString(" You could ask:")
		for i, s := range r.Suggestions {
			if i == 5 {
				break
			}
			b.WriteString("\n• ")
			b.WriteString(EscapeFit(oneLine(s), 200))
		}
	}
	b.WriteString("\nOr look up quotations with `/quote`, and see what the article is about with `/about`.")
	return Message{Content: b.String(), Ephemeral: true}
}

// QuotePages is how many pages n quotations take.
func QuotePages(n int) int { return (n + QuotesPerPage - 1) / QuotesPerPage }

// Quotes renders page `page` (0-based) of quotes found for q, numbered
// across pages, each with its speaker and paragraph.
func Quotes(q guillemet.QuoteQuery, quotes []guillemet.Quote, page int, nav Nav) Message {
	if len(quotes) == 0 {
		return NoQuotes(q)
	}
	page = max(0, min(page, QuotePages(len(quotes))-1))
	from := page * QuotesPerPage
	to := min(from+QuotesPerPage, len(quotes))
	var d strings.Builder
	for i, qt := range quotes[from:to] {
		if i > 0 {
			d.WriteString("\n\n")
		}
		speaker := "unattributed"
		if qt.Speaker != "" {
			speaker = EscapeFit(oneLine(qt.Speaker), 100)
		}
		fmt.Fprintf(&d, "**%d.** « %s »\n— *%s*, paragraph %d", from+i+1, EscapeFit(oneLine(qt.Text), maxQuoteText), speaker, qt.Paragraph)
	}
	var footer strings.Builder
	if s := oneLine(q.Speaker); s != "" {
		footer.WriteString(footerSpeaker + s + "\n")
	}
	if w := oneLine(q.Words); w != "" {
		footer.WriteString(footerWords + w + "\n")
	}
	if to-from == 1 {
		fmt.Fprintf(&footer, "quotation %d of %d", from+1, len(quotes))
	} else {
		fmt.Fprintf(&footer, "quotations %d–%d of %d", from+1, to, len(quotes))
	}
	title := "Quotations"
	if len(quotes) == 1 {
		title = "Quotation"
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Color:       colour,
		Title:       title,
		Description: d.String(),
		Footer:      &discordgo.MessageEmbedFooter{Text: footer.String()},
	}
	return Message{Embeds: []*discordgo.MessageEmbed{e}, Components: nav.components()}
}

// QuoteQueryFromEmbed recovers the query a quotations embed was rendered
// for, from its footer. ok is false when the footer has no query (the
// embed is not one of quotations, or they were all listed).
func QuoteQueryFromEmbed(e *discordgo.MessageEmbed) (q guillemet.QuoteQuery, ok bool) {
	if e == nil || e.Footer == nil {
		return q, false
	}
	for _, line := range strings.Split(e.Footer.Text, "\n") {
		if s, found := strings.CutPrefix(line, footerSpeaker); found {
			q.Speaker, ok = s, true
		}
		if w, found := strings.CutPrefix(line, footerWords); found {
			q.Words, ok = w, true
		}
	}
	return q, ok
}

// NoQuotes is the ephemeral reply when no quotation matches q.
func NoQuotes(q guillemet.QuoteQuery) Message {
	var parts []string
	if s := oneLine(q.Speaker); s != "" {
		parts = append(parts, "by “"+EscapeFit(s, 100)+"”")
	}
	if w := oneLine(q.Words); w != "" {
		parts = append(parts, "with “"+EscapeFit(w, 200)+"”")
	}
	text := "No quotation"
	if len(parts) > 0 {
		text += " " + strings.Join(parts, " ")
	}
	return Message{Content: text + " in the article. `/about` lists who is quoted.", Ephemeral: true}
}

// About renders /about: what the article is, its people and how many
// quotations each has, and how to ask.
func About(o guillemet.Overview) Message {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: colour, Title: "Guillemet"}
	var d strings.Builder
	switch len(o.Articles) {
	case 0:
		d.WriteString("I answer questions about a news article.")
	case 1:
		a := o.Articles[0]
		fmt.Fprintf(&d, "I answer questions about the article **%s** (%d paragraphs, %d quotations).",
			EscapeFit(oneLine(a.Title), 1000), a.Paragraphs, a.Quotes)
		e.Title = Truncate(oneLine(a.Title), MaxTitle)
	default:
		fmt.Fprintf(&d, "I answer questions about %d articles:", len(o.Articles))
		for _, a := range o.Articles {
			fmt.Fprintf(&d, "\n• **%s** (%d paragraphs, %d quotations)", EscapeFit(oneLine(a.Title), 300), a.Paragraphs, a.Quotes)
		}
	}
	d.WriteString("\n\n**How to ask:** `/ask` followed by your question, or mention me with it " +
		"(for example “who asked for the audit?”). `/quote` finds who said what: " +
		"by speaker, by words, or both.")
	e.Description = Truncate(d.String(), MaxDescription)

	// People, one line each, in as many fields as they need.
	var lines []string
	for _, p := range o.People {
		line := "**" + EscapeFit(oneLine(p.Name), 100) + "**"
		if p.Role != "" {
			line += " — " + EscapeFit(oneLine(p.Role), 200)
		}
		switch p.Quotes {
		case 0:
		case 1:
			line += " · 1 quotation"
		default:
			line += fmt.Sprintf(" · %d quotations", p.Quotes)
		}
		lines = append(lines, line)
	}
	name := "People"
	for _, v := range packLines(lines, MaxFieldValue) {
		if len(e.Fields) == 10 {
			break
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: v})
		name = "People (continued)"
	}
	if len(o.Topics) > 0 {
		var ts []string
		for _, t := range o.Topics {
			ts = append(ts, EscapeFit(oneLine(t), 100))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Topics", Value: Truncate(strings.Join(ts, ", "), MaxFieldValue)})
	}
	return Message{Embeds: []*discordgo.MessageEmbed{e}}
}

// packLines joins lines with "\n" into chunks of at most max units; a
// single line longer than max is cut.
func packLines(lines []string, max int) []string {
	var out []string
	var cur strings.Builder
	for _, l := range lines {
		l = Truncate(l, max)
		if cur.Len() > 0 && Len(cur.String())+1+Len(l) > max {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(l)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// Help is the reply to a mention with no question.
func Help() Message {
	return Message{Content: "Ask me a question about the article: mention me with it " +
		"(for example “who asked for the audit?”) or use `/ask`. " +
		"`/quote` finds quotations, `/about` tells what the article is about."}
}

// TooLong is the polite refusal of a question over MaxQuestion characters.
func TooLong(n int) Message {
	return Message{Content: fmt.Sprintf("Sorry, that question is %d characters long; "+
		"please ask it in at most %d.", n, MaxQuestion), Ephemeral: true}
}

// EmptyQuestion asks for a question when /ask got only spaces.
func EmptyQuestion() Message {
	return Message{Content: "Please write a question, for example `/ask question: who asked for the audit?`", Ephemeral: true}
}

// Cooldown tells a user who asks too fast when to ask again.
func Cooldown(wait time.Duration) Message {
	s := int(wait.Round(time.Second) / time.Second)
	if s < 1 {
		s = 1
	}
	return Message{Content: fmt.Sprintf("You are asking quickly: please wait %d s before the next question.", s), Ephemeral: true}
}

// Failure is the reply when something went wrong on our side.
func Failure() Message {
	return Message{Content: "Sorry, something went wrong while answering. Please try again in a moment.", Ephemeral: true}
}

// Expired is the reply to a button whose message no longer says what it
// was about (an old or unknown button).
func Expired() Message {
	return Message{Content: "This button no longer works; please ask again.", Ephemeral: true}
}
