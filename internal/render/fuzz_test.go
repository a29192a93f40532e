package render_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
	"guillemet/internal/hostiletest"
	"guillemet/internal/render"
)

// FuzzRender puts anything in every field the renderer shows (a question,
// an answer's sentence, passage, speaker and article, suggestions, a
// quotation query and quotations, an overview) and checks, for every
// reply in every shape it is sent in (interaction response, channel
// message, edit, follow-up, autocomplete), hostiletest's checks: no ping,
// no mention formed, every Discord limit. And:
//
//   - Escape is lossless: Discord shows exactly the text escaped (bar
//     carriage returns);
//   - Bold leaves its ** balanced, whatever the marks;
//   - EscapeFit fits;
//   - the question in an answer's footer, and the query in a quotation
//     page's, read back as they were asked, so the paging buttons serve
//     the same question.
//
// The seed corpus is hostiletest.Inputs, run by go test.
func FuzzRender(f *testing.F) {
	for i, in := range hostiletest.Inputs() {
		f.Add(in.Text, hostiletest.Question, i, i*7, i*3)
	}
	f.Add("1. # - > @everyone", "<@&1>**", -5, 1000, 0)
	f.Fuzz(func(t *testing.T, s, a string, start, end, n int) {
		// Escape and its relatives.
		e := render.Escape(s)
		if err := hostiletest.Inert(e); err != nil {
			t.Fatalf("Escape(%q) = %q: %v", s, e, err)
		}
		if !strings.Contains(s, "\u200b") {
			if got, want := unescape(e), strings.ReplaceAll(s, "\r", ""); got != want {
				t.Fatalf("Escape(%q) = %q reads %q", s, e, got)
			}
		}
		max := n % 300
		if max < 0 {
			max = -max
		}
		if fit := render.EscapeFit(s, max); render.Len(fit) > max {
			t.Fatalf("EscapeFit(%q, %d) = %q, longer", s, max, fit)
		} else if err := hostiletest.Inert(fit); err != nil {
			t.Fatalf("EscapeFit(%q, %d): %v", s, max, err)
		}
		b := render.Bold(a, []guillemet.Span{{Start: start, End: end}, {Start: end, End: end + n%9}})
		if err := hostiletest.Inert(b); err != nil {
			t.Fatalf("Bold: %v", err)
		}
		if c := strings.Count(unescapedOnly(b), "**"); c%2 != 0 {
			t.Fatalf("Bold(%q) = %q: unbalanced **", a, b)
		}

		// Every reply, with s and a everywhere.
		res := guillemet.Result{Question: s, Found: true, Suggestions: []string{s, a, s + a},
			Answers: []guillemet.Answer{
				{Article: s, Paragraph: n, Passage: s + " " + a + " " + s, Sentence: a, Speaker: s, Marks: []guillemet.Span{{Start: start, End: end}}},
				{Article: a, Paragraph: start, Passage: a, Sentence: s, Speaker: a},
			}}
		q := guillemet.QuoteQuery{Speaker: s, Words: a}
		quotes := []guillemet.Quote{{Text: s, Speaker: a, Article: s, Paragraph: n}, {Text: a, Speaker: s}, {Text: s + a}}
		for i := 0; i < 4; i++ {
			quotes = append(quotes, quotes...)
		}
		nav := render.Nav{Page: 0, Pages: 2, PrevID: "a:0:" + s, NextID: "a:1:" + a}
		overview := guillemet.Overview{
			Articles: []guillemet.ArticleSummary{{Name: s, Title: a, Paragraphs: n, Quotes: start}},
			People:   []guillemet.PersonSummary{{Name: s, Role: a, Quotes: n}, {Name: a, Role: s}},
			Topics:   []string{s, a},
		}
		msgs := map[string]render.Message{
			"answer":      render.Answer(res, 0, nav),
			"answer 2":    render.Answer(res, 1, render.Nav{}),
			"not found":   render.NotFound(res),
			"quotes":      render.Quotes(q, quotes, n%5, nav),
			"no quotes":   render.NoQuotes(q),
			"about":       render.About(overview),
			"about, many": render.About(guillemet.Overview{Articles: append(overview.Articles, overview.Articles...), People: overview.People}),
			"too long":    render.TooLong(n),
			"empty":       render.EmptyQuestion(),
		}
		for name, m := range msgs {
			body, err := render.MarshalResponse(m.Response(discordgo.InteractionResponseChannelMessageWithSource))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if _, err := hostiletest.CheckResponse(body); err != nil {
				t.Fatalf("%s: %v\n%s", name, err, body)
			}
			for shape, v := range map[string]any{"send": m.Send(&discordgo.Message{ID: "1", ChannelID: "2"}), "edit": m.Edit(), "followup": m.Followup()} {
				body, err := json.Marshal(v)
				if err != nil {
					t.Fatalf("%s %s: %v", name, shape, err)
				}
				if _, err := hostiletest.CheckMessage(body); err != nil {
					t.Fatalf("%s %s: %v\n%s", name, shape, err, body)
				}
			}
		}
		body, err := render.MarshalResponse(render.Choices([]string{s, a, s + a, "", s}))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := hostiletest.CheckResponse(body); err != nil {
			t.Fatalf("choices: %v\n%s", err, body)
		}

		// The queries read back from the footers, for questions of the
		// length the handlers accept.
		if utf8.RuneCountInString(s) <= render.MaxQuestion && utf8.RuneCountInString(a) <= render.MaxQuestion {
			fitted := render.Fit(msgs["answer"])
			if got, ok := render.QuestionFromEmbed(fitted.Embeds[0]); render.OneLine(s) != "" && (!ok || got != render.OneLine(s)) {
				t.Fatalf("question %q read back as %q (%v)", s, got, ok)
			}
			fitted = render.Fit(msgs["quotes"])
			got, ok := render.QuoteQueryFromEmbed(fitted.Embeds[0])
			if want := (guillemet.QuoteQuery{Speaker: render.OneLine(s), Words: render.OneLine(a)}); (want != guillemet.QuoteQuery{}) && (!ok || got != want) {
				t.Fatalf("query %+v read back as %+v (%v)", want, got, ok)
			}
		}
	})
}

// unescape is what Discord shows of escaped text: "\x" shows x, and the
// zero-width space after "@" and "<" shows nothing.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case (s[i] == '@' || s[i] == '<') && strings.HasPrefix(s[i+1:], "\u200b"):
			b.WriteByte(s[i])
			i += len("\u200b")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// unescapedOnly drops every escape and what it escapes.
func unescapedOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
