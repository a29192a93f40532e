package article

import (
	"strings"
	"testing"
)

func TestDefaultParagraphs(t *testing.T) {
	a := Default()
	want := []struct {
		start   string
		heading bool
	}{
		{"Suite à la publication", false},
		{"Ces articles suscitent", false},
		{"Celui-ci s’étonne", false},
		{"«\u00a0 Un petit fait inexact", false},
		{"Il tente également", false},
		{"Un bilan loin d’être négligeable", true},
		{"Selon lui l’apport", false},
		{"Sur ce point, Pierre Paperon", false},
		{"Ces ratés sont imputables", false},
	}
	if len(a.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs, want %d (the NBSP-only line is blank)", len(a.Paragraphs), len(want))
	}
	for i, w := range want {
		p := a.Paragraphs[i]
		if p.Number != i+1 || !strings.HasPrefix(p.Text, w.start) || p.Heading != w.heading {
			t.Errorf("paragraph %d = {%d %.30q heading=%v}, want {%d %q heading=%v}", i, p.Number, p.Text, p.Heading, i+1, w.start, w.heading)
		}
		if strings.TrimSpace(p.Text) != p.Text || strings.Trim(p.Text, "\u00a0") != p.Text {
			t.Errorf("paragraph %d is not trimmed: %q", p.Number, p.Text)
		}
		if len(p.Sentences) == 0 {
			t.Errorf("paragraph %d has no sentence", p.Number)
		}
	}
	if a.Name != "article" {
		t.Errorf("Name = %q", a.Name)
	}
	if want := "Suite à la publication d’une brève dans la rubrique Confidentiel du magazine…"; a.Title != want {
		t.Errorf("Title = %q, want %q", a.Title, want)
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []line
	}{
		{"empty", "", nil},
		{"blank lines", " \n\u00a0\n\t\u202f\r\n", nil},
		{"crlf", "Titre court\r\n\r\nUne phrase.\rUne autre.", []line{{"Titre court", true}, {"Une phrase.", false}, {"Une autre.", false}}},
		{"bom and trim", "\ufeff  Bonjour à tous.  \n", []line{{"Bonjour à tous.", false}}},
		{"markdown", "# Le titre #\n## \ntexte", []line{{"Le titre", true}, {"##", false}, {"texte", false}}},
		{"heading punctuation", "Fin.\nQuoi ?\nIl a dit :\n« Non »\n2024 en chiffres", []line{{"Fin.", false}, {"Quoi ?", false}, {"Il a dit :", false}, {"« Non »", false}, {"2024 en chiffres", true}}},
		{"lower case is no heading", "et puis voilà", []line{{"et puis voilà", false}}},
		{"long line is no heading", "Début.\n" + strings.Repeat("Mot ", 13), []line{{"Début.", false}, {strings.TrimSpace(strings.Repeat("Mot ", 13)), false}}},
		{"long opening line is a title", "Voltaria : bénéfice record en 2023, le groupe promet une baisse des prix\nTexte.", []line{{"Voltaria : bénéfice record en 2023, le groupe promet une baisse des prix", true}, {"Texte.", false}}},
		{"opening sentence is no title", strings.Repeat("Mot ", 13) + "fin.", []line{{strings.TrimSpace(strings.Repeat("Mot ", 13)) + " fin.", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitParagraphs(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("line %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Un titre\n\nLe texte.", "Un titre"},
		{"Une phrase courte.", "Une phrase courte."},
		{strings.Repeat("abcdefghi ", 10), "abcdefghi abcdefghi abcdefghi abcdefghi abcdefghi abcdefghi abcdefghi abcdefghi…"},
	}
	for _, tt := range tests {
		if got := Parse("t", tt.in).Title; got != tt.want {
			t.Errorf("Title(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
