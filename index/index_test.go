package index

import (
	"context"
	"testing"

	"guillemet/internal/guillemet"
)

func testIndex(t *testing.T) *Index {
	t.Helper()
	text := "Bercy n’a pas demandé d'audit. C'est Cloudwatt qui a demandé un audit."
	arts := []guillemet.Article{{
		Name: "a",
		Paragraphs: []guillemet.Paragraph{
			{Number: 1, Text: "Un titre", Heading: true, Sentences: []guillemet.Span{{Start: 0, End: 8}}},
			{Number: 2, Text: text, Sentences: []guillemet.Span{{Start: 0, End: 32}, {Start: 33, End: len(text)}}},
		},
		Quotes: []guillemet.Quote{{Text: "les moutons de Panurge", Speaker: "Pierre Paperon", Article: "a", Paragraph: 2}},
	}}
	x, err := Build(arts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func TestAnalyzeElisionAndAccents(t *testing.T) {
	x := testIndex(t)
	for _, in := range []string{"l’audit", "l'audit", "d’audit", "audits"} {
		toks := x.Analyze(in)
		if len(toks) != 1 || toks[0].Term != "audit" {
			t.Errorf("Analyze(%q) = %+v, want the one term audit", in, toks)
		}
	}
	a, b := x.Analyze("maîtriser"), x.Analyze("maitriser")
	if len(a) != 1 || len(b) != 1 || a[0].Term != b[0].Term {
		t.Errorf("accents not folded: %+v vs %+v", a, b)
	}
	if toks := x.Analyze("le la les de"); len(toks) != 0 {
		t.Errorf("stop words kept: %+v", toks)
	}
}

func TestDocFreq(t *testing.T) {
	x := testIndex(t)
	// "audit" is in the passage and both its sentences.
	if got := x.DocFreq("audit"); got != 3 {
		t.Errorf("DocFreq(audit) = %d, want 3", got)
	}
	if got := x.DocFreq("absent"); got != 0 {
		t.Errorf("DocFreq(absent) = %d", got)
	}
	if x.Docs() != 6 { // 2 passages, 3 sentences, 1 quote
		t.Errorf("Docs = %d, want 6", x.Docs())
	}
}

func TestSearch(t *testing.T) {
	x := testIndex(t)
	hits, err := x.Search(context.Background(), KindSentence, []Weighted{{Term: "cloudwatt", Boost: 2}, {Term: "audit", Boost: 1}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Ref != (Ref{KindSentence, 0, 1, 1}) {
		t.Fatalf("hits = %+v, want the Cloudwatt sentence first", hits)
	}
	hits, err = x.Match(context.Background(), KindQuote, "moutons", 10)
	if err != nil || len(hits) != 1 || hits[0].Ref.Item != 0 {
		t.Fatalf("quote hits = %+v, %v", hits, err)
	}
	// Query syntax is just words: nothing is parsed.
	hits, err = x.Match(context.Background(), KindQuote, `+moutons -Panurge title:x* ~2 ^3 /re.*/`, 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("syntax as words: %+v, %v", hits, err)
	}
}

func TestRefRoundTrip(t *testing.T) {
	for _, r := range []Ref{{KindPassage, 0, 0, 0}, {KindQuote, 3, 14, 159}} {
		got, err := ParseRef(r.ID())
		if err != nil || got != r {
			t.Errorf("ParseRef(%q) = %+v, %v", r.ID(), got, err)
		}
	}
	for _, bad := range []string{"", "passage", "passage:1:2", "passage:a:1:2", "passage:1:2:3:4"} {
		if _, err := ParseRef(bad); err == nil {
			t.Errorf("ParseRef(%q) accepted", bad)
		}
	}
}
