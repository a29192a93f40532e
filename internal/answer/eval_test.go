package answer

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// TestEvalSet asks the questions of testdata/eval about made-up articles
// the engine was not written for, and holds it to its figures there:
// right paragraph first, right snippet, and no answer where the article
// has none. questions.tsv came first (a tramway, a start-up, a hospital
// strike, an energy company); questions2.tsv was written later, blind,
// by other hands, about eleven more articles and the embedded one. Both
// guard against regressions; the failures they log are the engine's
// known limits.
func TestEvalSet(t *testing.T) {
	for _, set := range []struct {
		file                         string
		minTop1, minSnippet, minNone float64
	}{
		{"questions.tsv", 0.80, 0.78, 0.80},
		{"questions2.tsv", 0.72, 0.65, 0.74},
	} {
		t.Run(set.file, func(t *testing.T) {
			top1, snippets, asks, noneOK, nones := evalFile(t, filepath.Join("testdata", "eval", set.file))
			t.Logf("top1 %d/%d, snippet %d/%d, none %d/%d", top1, asks, snippets, asks, noneOK, nones)
			if asks == 0 || nones == 0 {
				t.Fatal("empty question set")
			}
			if r := float64(top1) / float64(asks); r < set.minTop1 {
				t.Errorf("right paragraph first for %.0f%% of questions, want at least %.0f%%", 100*r, 100*set.minTop1)
			}
			if r := float64(snippets) / float64(asks); r < set.minSnippet {
				t.Errorf("right snippet for %.0f%% of questions, want at least %.0f%%", 100*r, 100*set.minSnippet)
			}
			if r := float64(noneOK) / float64(nones); r < set.minNone {
				t.Errorf("%.0f%% of unanswerable questions left unanswered, want at least %.0f%%", 100*r, 100*set.minNone)
			}
		})
	}
}

// evalFile asks a question file's questions, each of its article
// (testdata/eval/ARTICLE.txt, or the embedded article for "cloudwatt").
func evalFile(t *testing.T, path string) (top1, snippets, asks, noneOK, nones int) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	engines := map[string]*Engine{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		col := strings.Split(line, "\t")
		for len(col) < 7 {
			col = append(col, "")
		}
		id, kind, art, q, passage, snip := col[0], col[1], col[3], col[4], col[5], col[6]
		e := engines[art]
		if e == nil {
			src := filepath.Join("testdata", "eval", art+".txt")
			if art == "cloudwatt" {
				src = "" // the embedded article
			}
			if e, err = Load(src); err != nil {
				t.Fatal(err)
			}
			engines[art] = e
		}
		res, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if kind == "none" {
			nones++
			if !res.Found {
				noneOK++
			} else {
				t.Logf("%s answered %q: paragraph %d", id, q, res.Answers[0].Paragraph)
			}
			continue
		}
		asks++
		if !res.Found {
			t.Logf("%s not found: %q", id, q)
			continue
		}
		top := res.Answers[0]
		if !anyIn(top.Passage, passage) {
			t.Logf("%s wrong passage for %q: %.60q", id, q, top.Passage)
			continue
		}
		top1++
		if anyIn(top.Sentence, snip) && utf8.RuneCountInString(top.Sentence) <= guillemet.MaxSnippet {
			snippets++
		} else {
			t.Logf("%s wrong snippet for %q: %.80q", id, q, top.Sentence)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return top1, snippets, asks, noneOK, nones
}

// anyIn reports whether one of the " || "-separated alternatives occurs
// in s, ignoring case, accents, apostrophe styles and spacing.
func anyIn(s, alternatives string) bool {
	for _, a := range strings.Split(alternatives, " || ") {
		if strings.Contains(norm(s), norm(a)) {
			return true
		}
	}
	return false
}
