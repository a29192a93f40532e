package lexicon

import (
	"guillemet/data"
	"slices"
	"strings"
	"testing"
)

func TestThesaurus(t *testing.T) {
	th, err := ParseThesaurus("# police\npolicier|policiers|flic|flics\n\nlicencier|viré|limogé\nvol|vols|larcin\nvol|vols|trajet en avion\ns'installer|s'implanter\nvoter|se prononcer\n" +
		"payer|payé|payée|payés|payées|paie|paye|régler|réglé|réglée|réglés|verser|versé|versée|versés|versées|débourser|déboursé|déboursée|financer\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		word string
		want []string // among the synonyms
		not  []string
	}{
		{"flics", []string{"policier", "policiers"}, []string{"flics", "flic"}}, // not itself, in any inflection
		{"Viré", []string{"licencier", "limogé"}, nil},                          // folded
		{"vol", []string{"larcin", "trajet en avion"}, []string{"vol"}},         // a word of two groups brings both
		{"inconnu", nil, nil},
		{"installer", []string{"s'implanter"}, nil},  // the question lost its "s'"
		{"votent", []string{"se prononcer"}, nil},    // a short stem: vot
		{"paie", []string{"financer", "payée"}, nil}, // forms count as one word, so a long group's last word still comes
	} {
		got := th.Synonyms(c.word)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Synonyms(%q) = %q, want %q among them", c.word, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("Synonyms(%q) = %q, should not hold %q", c.word, got, w)
			}
		}
		if c.want == nil && got != nil {
			t.Errorf("Synonyms(%q) = %q, want none", c.word, got)
		}
	}
	if !th.Has("Flic") || th.Has("gendarme") {
		t.Error("Has")
	}
	if _, err := ParseThesaurus("policier|policiers\nseul\n"); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a group of one member: err = %v, want one naming line 2", err)
	}
}

// TestDefaultThesaurus guards the embedded file: it parses, it is not a
// token list, and no word is spread over many groups (a word in four
// groups has too many senses to link them; three happen when inflections
// meet: coût, coûte, coûter).
func TestDefaultThesaurus(t *testing.T) {
	th := DefaultThesaurus()
	if th.Len() < 400 {
		t.Fatalf("%d groups, want several hundred", th.Len())
	}
	for k, ids := range th.index {
		if len(ids) > 3 {
			t.Errorf("%q is in %d groups", k, len(ids))
		}
	}
	if got := th.Synonyms("flics"); !slices.Contains(got, "policiers") {
		t.Errorf("Synonyms(flics) = %q", got)
	}
}

func BenchmarkParseThesaurus(b *testing.B) {
	for b.Loop() {
		if _, err := ParseThesaurus(data.SynonymsFR); err != nil {
			b.Fatal(err)
		}
	}
}
