package answer

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// FuzzAsk checks what holds for any question: no panic, an error only for
// empty or oversized input, and answers that are well formed — a snippet
// of at most 300 characters taken from its passage, marks inside it.
func FuzzAsk(f *testing.F) {
	for _, seed := range []string{
		"who asked for the audit?", "Qui a demandé l'audit ?", "", " ", "\x00\xff\xfe",
		"+audit -Bercy title:x* ~2 ^3 /re.*/", "@everyone <@&123> <@456> ||spoiler|| ```code```",
		"\u200b\u202e\u2066audit", strings.Repeat("audit ", 300), strings.Repeat("x", 2000), "🙂🙃 OpenStack?",
		"l’information « est » inexacte … 2,5 M. Dupont", "Combien de temps reste-t-il ?", "how old is the mayor",
	} {
		f.Add(seed)
	}
	e := defaultEngine(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := e.Ask(context.Background(), q)
		if err != nil {
			if guillemet.KindOf(err) != guillemet.Invalid {
				t.Fatalf("Ask(%q): %v", q, err)
			}
			return
		}
		if !utf8.ValidString(res.Question) {
			t.Fatalf("question echoed as invalid UTF-8: %q", res.Question)
		}
		if res.Found != (len(res.Answers) > 0) || len(res.Answers) > MaxAnswers {
			t.Fatalf("found=%v with %d answers", res.Found, len(res.Answers))
		}
		for _, a := range res.Answers {
			if utf8.RuneCountInString(a.Sentence) > guillemet.MaxSnippet || !strings.Contains(a.Passage, a.Sentence) {
				t.Fatalf("snippet %q not a short part of its passage", a.Sentence)
			}
			for _, m := range a.Marks {
				if m.Start < 0 || m.End > len(a.Sentence) || m.Start >= m.End {
					t.Fatalf("mark %v outside %q", m, a.Sentence)
				}
			}
		}
	})
}
