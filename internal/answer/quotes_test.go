package answer

import (
	"context"
	"strings"
	"testing"

	"guillemet/internal/guillemet"
)

func TestQuotes(t *testing.T) {
	e := defaultEngine(t)
	all, err := e.Quotes(context.Background(), guillemet.QuoteQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 12 {
		t.Fatalf("got %d quotations, want 12", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Paragraph < all[i-1].Paragraph {
			t.Errorf("quotations not in article order at %d", i)
		}
	}
	cases := []struct {
		q          guillemet.QuoteQuery
		n          int    // expected count, -1 for any non-zero
		firstText  string // substring of the first quotation
		allSpeaker string
	}{
		{guillemet.QuoteQuery{Speaker: "starck"}, 1, "page blanche", "Patrick Starck"},
		{guillemet.QuoteQuery{Speaker: "Paperon"}, 11, "agitation", "Pierre Paperon"},
		{guillemet.QuoteQuery{Speaker: "PIERRE  paperon"}, 11, "agitation", "Pierre Paperon"},
		{guillemet.QuoteQuery{Speaker: "Pâperon"}, 11, "agitation", "Pierre Paperon"},
		{guillemet.QuoteQuery{Words: "moutons"}, -1, "moutons de Panurge", ""},
		{guillemet.QuoteQuery{Words: "inexacte"}, -1, "information est inexacte", ""},
		{guillemet.QuoteQuery{Words: "OpenStack"}, -1, "choix OpenStack", ""},
		{guillemet.QuoteQuery{Speaker: "starck", Words: "OpenStack"}, 0, "", ""},
		{guillemet.QuoteQuery{Speaker: "nobody"}, 0, "", ""},
		{guillemet.QuoteQuery{Words: "+zzzz -wwww title:qqq* ~ ^3 /vvv.*/"}, 0, "", ""},
	}
	for _, c := range cases {
		got, err := e.Quotes(context.Background(), c.q)
		if err != nil {
			t.Fatalf("%+v: %v", c.q, err)
		}
		if c.n >= 0 && len(got) != c.n || c.n < 0 && len(got) == 0 {
			t.Errorf("%+v: %d quotations, want %d", c.q, len(got), c.n)
			continue
		}
		if c.firstText != "" && !strings.Contains(norm(got[0].Text), norm(c.firstText)) {
			t.Errorf("%+v: first = %q, want %q", c.q, got[0].Text, c.firstText)
		}
		for _, q := range got {
			if c.allSpeaker != "" && q.Speaker != c.allSpeaker {
				t.Errorf("%+v: speaker %q", c.q, q.Speaker)
			}
		}
	}
}

func TestOverview(t *testing.T) {
	o := defaultEngine(t).Overview()
	if len(o.Articles) != 1 || o.Articles[0].Quotes != 12 {
		t.Fatalf("articles = %+v", o.Articles)
	}
	if len(o.People) < 2 || o.People[0].Name != "Pierre Paperon" || o.People[0].Quotes != 11 {
		t.Errorf("people = %+v", o.People)
	}
	found := false
	for _, topic := range o.Topics {
		found = found || topic == "Cloudwatt"
	}
	if !found {
		t.Errorf("topics = %v, want Cloudwatt among them", o.Topics)
	}
}
