package article

import (
	"strings"
	"testing"

	"guillemet/internal/guillemet"
)

func TestPairMarks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // quotations, marks included
	}{
		{"none", "Rien à citer.", nil},
		{"standard", "Il dit « oui » et « non ».", []string{"« oui »", "« non »"}},
		{"reversed", "Il dit » oui « et » non «.", []string{"» oui «", "» non «"}},
		{"mixed orientation", "« a « b » c » d « e «", []string{"« a «", "» c »", "« e «"}},
		{"unpaired last mark dropped", "« a » « b", []string{"« a »"}},
		{"curly either way", "“a” ”b“ “c", []string{"“a”", "”b“"}},
		{"straight", `"a" b "c" "d`, []string{`"a"`, `"c"`}},
		{"nested curly belongs to outer", "« Il a dit “courage” hier »", []string{"« Il a dit “courage” hier »"}},
		{"classes side by side", `« a » "b" “c”`, []string{"« a »", `"b"`, "“c”"}},
		{"overlap dropped", `« a "b » c"`, []string{"« a \"b »"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range pairMarks(tt.in) {
				s := p.span()
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("pairMarks(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuoteText(t *testing.T) {
	a := Parse("t", "Il dit «\u00a0 bonjour\u202f». Puis « » rien. Puis “ fin ”.")
	var got []string
	for _, q := range a.Quotes {
		got = append(got, q.Text)
		if q.Article != "t" || q.Paragraph != 1 {
			t.Errorf("quote %q: Article %q, Paragraph %d", q.Text, q.Article, q.Paragraph)
		}
	}
	if want := []string{"bonjour", "fin"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quotes = %q, want %q (empty quotations dropped, spaces trimmed)", got, want)
	}
}

// speakerTest is one expected quotation: where, how it starts, who said it.
type speakerTest struct {
	para    int
	start   string
	speaker string
}

func checkQuotes(t *testing.T, got []guillemet.Quote, want []speakerTest, text func(int) string) {
	t.Helper()
	if len(got) != len(want) {
		for _, q := range got {
			t.Logf("p%d %.40q <- %q", q.Paragraph, q.Text, q.Speaker)
		}
		t.Fatalf("got %d quotations, want %d", len(got), len(want))
	}
	for i, w := range want {
		q := got[i]
		if q.Paragraph != w.para || !strings.HasPrefix(q.Text, w.start) || q.Speaker != w.speaker {
			t.Errorf("quote %d = p%d %.40q by %q, want p%d %q by %q", i+1, q.Paragraph, q.Text, q.Speaker, w.para, w.start, w.speaker)
		}
		p := text(q.Paragraph)
		if q.Span.Start < 0 || q.Span.End > len(p) || !strings.Contains(p[q.Span.Start:q.Span.End], q.Text) {
			t.Errorf("quote %d: span %+v does not hold %.30q", i+1, q.Span, q.Text)
		}
	}
}

func TestDefaultQuotes(t *testing.T) {
	const pp, ps = "Pierre Paperon", "Patrick Starck"
	a := Default()
	checkQuotes(t, a.Quotes, []speakerTest{
		{3, "agitation", pp},
		{3, "info plus ou moins bien sourcée", pp},
		{3, "Dans le cas présent, l’information est inexacte", pp},
		{3, "Bercy n’a pas demandé d’audit. C’est Cloudwatt", pp},
		{4, "Un petit fait inexact … qui se propage", pp},
		{5, "Le choix OpenStack n’avait été fait par personne", pp},
		{5, "Le choix a été fait de maitriser le coeur", pp},
		{7, "Près d’un million de visites", pp},
		{7, "Pas d’annonce tonitruante", pp},
		{7, "comprenant des intégrateurs (20)", pp},
		{7, "six mois après la création de la société", pp},
		{9, "parti d’une page blanche", ps},
	}, func(n int) string { return a.Paragraphs[n-1].Text })
	for _, q := range a.Quotes {
		if strings.TrimFunc(q.Text, func(r rune) bool { return r == '«' || r == '»' || isSpace(r) }) != q.Text {
			t.Errorf("quote %q keeps marks or spaces", q.Text)
		}
	}
}
