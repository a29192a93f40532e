package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

// printer writes ask results for a person, or as the JSON contract.
type printer struct {
	w    io.Writer
	json bool
	bold bool // ANSI bold for matched words, on a terminal only
}

func (p printer) result(res guillemet.Result) {
	if p.json {
		items := make([]answerItem, 0, len(res.Answers))
		for _, a := range res.Answers {
			items = append(items, answerItem{Article: a.Article, Paragraph: a.Paragraph, Passage: a.Passage, Sentence: attributed(a), Speaker: a.Speaker, Score: a.Score})
		}
		writeJSON(p.w, answerJSON{Question: res.Question, Found: res.Found, Answers: items})
		return
	}
	if !res.Found {
		fmt.Fprintf(p.w, "The article does not answer %q.\n", res.Question)
		if len(res.Suggestions) > 0 {
			fmt.Fprintf(p.w, "You can ask about: %s.\n", strings.Join(res.Suggestions, ", "))
		}
		return
	}
	best := res.Answers[0]
	fmt.Fprintf(p.w, "» %s\n", p.marked(best.Sentence, best.Marks))
	if best.Speaker != "" {
		fmt.Fprintf(p.w, "  — %s\n", best.Speaker)
	}
	fmt.Fprintf(p.w, "\n%s, paragraph %d:\n%s\n", best.Article, best.Paragraph, best.Passage)
	if len(res.Answers) > 1 {
		fmt.Fprintln(p.w, "\nAlso:")
		for i, a := range res.Answers[1:] {
			who := ""
			if a.Speaker != "" {
				who = " — " + a.Speaker
			}
			fmt.Fprintf(p.w, "%d. [%s, paragraph %d] %s%s\n", i+2, a.Article, a.Paragraph, p.marked(a.Sentence, a.Marks), who)
		}
	}
}

// invalid reports a question that could not be read, in a batch.
func (p printer) invalid(res guillemet.Result, err error) {
	msg := err.Error()
	if e, ok := err.(*guillemet.Error); ok {
		msg = e.Err.Error()
	}
	if p.json {
		writeJSON(p.w, answerJSON{Question: res.Question, Answers: []answerItem{}, Error: msg})
		return
	}
	fmt.Fprintf(p.w, "Cannot answer: %s.\n", msg)
}

func (p printer) marked(s string, marks []guillemet.Span) string {
	if !p.bold || len(marks) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range marks {
		if m.Start < last || m.End > len(s) {
			continue
		}
		b.WriteString(s[last:m.Start])
		b.WriteString("\x1b[1m" + s[m.Start:m.End] + "\x1b[0m")
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// attributed is the snippet with who said it, when it lies in a quotation
// whose words do not name the speaker ("…, poursuit-il"): the JSON
// sentence stands alone, where people read the speaker on its own line.
func attributed(a guillemet.Answer) string {
	if a.Speaker == "" {
		return a.Sentence
	}
	names := strings.Fields(text.Fold(a.Speaker))
	if len(names) == 0 || strings.Contains(text.Fold(a.Sentence), names[len(names)-1]) {
		return a.Sentence
	}
	s := a.Sentence + " — " + a.Speaker
	if utf8.RuneCountInString(s) > guillemet.MaxSnippet {
		return a.Sentence
	}
	return s
}
