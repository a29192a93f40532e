package article

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"guillemet/internal/guillemet"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "une.txt", []byte("Un titre\n\nLe texte, enfin.\n"))
	as, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "une" || as[0].Title != "Un titre" || len(as[0].Paragraphs) != 2 {
		t.Fatalf("Load = %+v", as)
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.md", []byte("# Deux\n\nTexte deux."))
	write(t, dir, "a.txt", []byte("Texte un."))
	write(t, dir, "C.TXT", []byte("Texte trois."))
	write(t, dir, "notes.pdf", []byte("%PDF\x00"))
	write(t, dir, ".cache.txt", []byte{0, 1, 2})
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	as, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	if got, want := strings.Join(names, ","), "C,a,b"; got != want {
		t.Errorf("names = %s, want %s (sorted by file name, .txt and .md only)", got, want)
	}
	if as[2].Title != "Deux" {
		t.Errorf("markdown title = %q", as[2].Title)
	}
}

func TestLoadTestdata(t *testing.T) {
	as, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 3 || as[0].Name != "festival" || as[1].Name != "greve" || as[2].Name != "levee" {
		t.Fatalf("Load(testdata) gave %d articles", len(as))
	}
}

func TestLoadWindows1252(t *testing.T) {
	dir := t.TempDir()
	// "Élu, il a déclaré : « Œuvrons ! »" in Windows-1252.
	p := write(t, dir, "vieux.txt", []byte("\xc9lu, il a d\xe9clar\xe9 : \xab \x8cuvrons ! \xbb"))
	as, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := as[0].Paragraphs[0].Text, "Élu, il a déclaré : « Œuvrons ! »"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "vide.txt", nil)
	blank := write(t, dir, "blanc.txt", []byte(" \n\u00a0\n\t\r\n"))
	binary := write(t, dir, "image.txt", []byte("GIF89a\x00\x01\x02\x03"))
	garbage := write(t, dir, "bruit.txt", bytes.Repeat([]byte{0xff, 0xfe, 'a'}, 100))
	huge := write(t, dir, "enorme.txt", bytes.Repeat([]byte("Texte. "), MaxFileSize/7+1))
	noText := filepath.Join(dir, "rien")
	if err := os.Mkdir(noText, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, noText, "image.png", []byte("png"))
	dup := filepath.Join(dir, "doublon")
	if err := os.Mkdir(dup, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dup, "a.md", []byte("Un."))
	write(t, dup, "a.txt", []byte("Deux."))
	bad := filepath.Join(dir, "mauvais")
	if err := os.Mkdir(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, bad, "a.txt", []byte("Un."))
	write(t, bad, "b.txt", nil)
	missing := filepath.Join(dir, "absent.txt")

	tests := []struct {
		name, path string
		kind       guillemet.Kind
		msg        string
	}{
		{"missing", missing, guillemet.NotFound, missing},
		{"empty", empty, guillemet.Invalid, empty + " has no text"},
		{"blank", blank, guillemet.Invalid, blank + " has no text"},
		{"binary", binary, guillemet.Invalid, binary + " is not a text file"},
		{"invalid utf-8", garbage, guillemet.Invalid, garbage + " is not a text file"},
		{"too large", huge, guillemet.Invalid, huge + " is too large"},
		{"no article in directory", noText, guillemet.Invalid, "has no .txt or .md file"},
		{"same name twice", dup, guillemet.Invalid, `both be named "a"`},
		{"one bad file", bad, guillemet.Invalid, filepath.Join(bad, "b.txt") + " has no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := Load(tt.path)
			if err == nil {
				t.Fatalf("Load(%s) = %d articles, want an error", tt.path, len(as))
			}
			if k := guillemet.KindOf(err); k != tt.kind {
				t.Errorf("kind = %v, want %v (%v)", k, tt.kind, err)
			}
			if !strings.HasPrefix(err.Error(), "article.Load: ") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}
