package article

import (
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \u00a0 ", nil},
		{"two", "Il pleut. Il vente.", []string{"Il pleut.", "Il vente."}},
		{"no final period", "Il pleut. Il vente", []string{"Il pleut.", "Il vente"}},
		{"trimmed", "  Bonjour.\u00a0 Au revoir.  ", []string{"Bonjour.", "Au revoir."}},
		{"honorific", "M. Dupont est arrivé. Mme Martin aussi.", []string{"M. Dupont est arrivé.", "Mme Martin aussi."}},
		{"abbreviations", "Voir p. ex. le rapport, cf. Annexe. Le Dr. Martin et MM. Durand en parlent.", []string{"Voir p. ex. le rapport, cf. Annexe.", "Le Dr. Martin et MM. Durand en parlent."}},
		{"initial", "Selon P. Paperon, rien ne presse. Vraiment.", []string{"Selon P. Paperon, rien ne presse.", "Vraiment."}},
		{"dotted initials", "Né en 52 av. J.-C. César arrive.", []string{"Né en 52 av. J.-C. César arrive."}},
		{"numbers", "Le taux passe de 2,5 % à 3.5 %. Il vise 1.000 clients.", []string{"Le taux passe de 2,5 % à 3.5 %.", "Il vise 1.000 clients."}},
		{"year", "Lancé en 2013. Arrêté en 2020.", []string{"Lancé en 2013.", "Arrêté en 2020."}},
		{"ellipsis lower case", "Il hésite… puis accepte. Enfin.", []string{"Il hésite… puis accepte.", "Enfin."}},
		{"dots lower case", "Il hésite... puis accepte.", []string{"Il hésite... puis accepte."}},
		{"ellipsis upper case", "Il hésite… Puis il accepte.", []string{"Il hésite…", "Puis il accepte."}},
		{"marks", "Quoi ? Vraiment ! Oui ?! Bon.", []string{"Quoi ?", "Vraiment !", "Oui ?!", "Bon."}},
		{"lower case after period", "Il part. et revient.", []string{"Il part. et revient."}},
		{"no space", "Il part.Puis revient.", []string{"Il part.Puis revient."}},
		{"bracket", "Il part (enfin.) Puis revient.", []string{"Il part (enfin.)", "Puis revient."}},
		{"quote continues", "« Nous irons jusqu’au bout. », poursuit-il. Puis il se tait.", []string{"« Nous irons jusqu’au bout. », poursuit-il.", "Puis il se tait."}},
		{"quote ends sentence", "« Nous irons. » Puis il part.", []string{"« Nous irons. »", "Puis il part."}},
		{"quote is one unit", "Il dit : « Bercy n’a rien demandé. C’est nous. » Fin.", []string{"Il dit : « Bercy n’a rien demandé. C’est nous. »", "Fin."}},
		{"reversed marks", "Il s’étonne. » Dans ce cas. Non « . explique-t-il. » Bercy « .", []string{"Il s’étonne.", "» Dans ce cas. Non « . explique-t-il.", "» Bercy « ."}},
		{"period before closing mark then comma", "» Un fait inexact. « , poursuit-il. Voilà.", []string{"» Un fait inexact. « , poursuit-il.", "Voilà."}},
		{"opening mark after period", "Il parle. “Oui.” Fin.", []string{"Il parle.", "“Oui.”", "Fin."}},
		{"straight quotes", `Il parle. "Non. Jamais." Fin.`, []string{"Il parle.", `"Non. Jamais."`, "Fin."}},
		{"unpaired mark", "Il parle. « Oui. Non.", []string{"Il parle.", "« Oui.", "Non."}},
		{"invalid utf-8", "\xff\xfe. A\xff. B", []string{"\xff\xfe.", "A\xff.", "B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.in)
			var got []string
			for _, s := range spans {
				got = append(got, tt.in[s.Start:s.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sentence %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// checkSentences verifies the invariants of Sentences on any input.
func checkSentences(t *testing.T, s string) {
	t.Helper()
	prev := 0
	for i, sp := range Sentences(s) {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("sentence %d: bad span %+v after %d in %q", i, sp, prev, s)
		}
		if !isBlank(s[prev:sp.Start]) {
			t.Fatalf("text %q between sentences is lost in %q", s[prev:sp.Start], s)
		}
		first, _ := utf8.DecodeRuneInString(s[sp.Start:sp.End])
		last, _ := utf8.DecodeLastRuneInString(s[sp.Start:sp.End])
		if isSpace(first) || isSpace(last) {
			t.Fatalf("sentence %d %q is not trimmed", i, s[sp.Start:sp.End])
		}
		prev = sp.End
	}
	if !isBlank(s[prev:]) {
		t.Fatalf("text %q after the last sentence is lost in %q", s[prev:], s)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", " ", ".", "...", "…", "M.", "M. ", "J.-C. A", "« . » A", "» « » «", `"".""`,
		"Il dit : « Non. » Puis. ", "a.b.c.d. E", "\xff.\xfe A", "« \u00a0» . “ ” \" .",
		"(.) A", "?!?! B", "1.000. 2,5. A", "Mme. Dupont. Dr. X.",
		"\u00a0» info « .\u00a0» Dans le cas « . explique-t-il. » Bercy « .",
	} {
		f.Add(s)
	}
	f.Fuzz(checkSentences)
}
