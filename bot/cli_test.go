package main

import (
	"bytes"
	"context"
	"encoding/json"
	"guillemet/internal/guillemet"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process, as the binary would.
func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func decodeAsk(t *testing.T, line string) answerJSON {
	t.Helper()
	var a answerJSON
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		t.Fatalf("bad JSON %q: %v", line, err)
	}
	return a
}

func TestAskJSONContract(t *testing.T) {
	code, out, errOut := runCLI(t, "", nil, "ask", "--json", "who", "asked", "for", "the", "audit?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Count(out, "\n") != 1 {
		t.Fatalf("want one line, got %q", out)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"question", "found", "answers"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	a := decodeAsk(t, out)
	if !a.Found || len(a.Answers) == 0 {
		t.Fatalf("not found: %s", out)
	}
	top := a.Answers[0]
	if a.Question != "who asked for the audit?" || top.Article != "article" || top.Paragraph != 3 {
		t.Errorf("question %q, top %s/%d", a.Question, top.Article, top.Paragraph)
	}
	// A quotation that does not name its speaker carries the name after it.
	snippet, found := strings.CutSuffix(top.Sentence, " — "+top.Speaker)
	if !strings.Contains(snippet, "qui a demandé un audit") || !strings.Contains(top.Passage, snippet) || top.Speaker != "Pierre Paperon" || !found {
		t.Errorf("sentence %q (speaker %q) not the answer, not inside passage, or not attributed", top.Sentence, top.Speaker)
	}
	item := raw["answers"].([]any)[0].(map[string]any)
	for _, k := range []string{"article", "paragraph", "passage", "sentence", "speaker", "score"} {
		if _, ok := item[k]; !ok {
			t.Errorf("answer lacks key %q", k)
		}
	}
}

func TestAskNotFoundJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "ask", "What is the capital of Australia?", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.TrimSpace(out) != `{"question":"What is the capital of Australia?","found":false,"answers":[]}` {
		t.Errorf("got %s", out)
	}
}

func TestAskHuman(t *testing.T) {
	code, out, _ := runCLI(t, "", nil, "ask", "Qui a demandé l'audit ?")
	if code != 0 || !strings.Contains(out, "qui a demandé un audit") || !strings.Contains(out, "paragraph 3") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", nil, "ask", "Quelle est la recette de la tarte tatin ?")
	if code != 0 || !strings.Contains(out, "does not answer") || !strings.Contains(out, "Pierre Paperon") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

func TestAskStdin(t *testing.T) {
	in := "who asked for the audit?\n\n" + strings.Repeat("x", 100000) + "\nQuel âge a le pape ?\n"
	code, out, _ := runCLI(t, in, nil, "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines (blank line skipped), got %d:\n%s", len(lines), out)
	}
	if a := decodeAsk(t, lines[0]); !a.Found {
		t.Errorf("first question not found")
	}
	if a := decodeAsk(t, lines[1]); a.Found || a.Error == "" {
		t.Errorf("huge line: %+v, want an error", a)
	}
	if a := decodeAsk(t, lines[2]); a.Found {
		t.Errorf("pope question found")
	}
}

func TestQuoteJSON(t *testing.T) {
	cases := []struct {
		args    []string
		n       int
		speaker string
	}{
		{[]string{"quote", "--json"}, 12, ""},
		{[]string{"quote", "--json", "--speaker", "starck"}, 1, "Patrick Starck"},
		{[]string{"quote", "--speaker", "Paperon", "--json"}, 11, "Pierre Paperon"},
		{[]string{"quote", "--json", "moutons"}, 1, "Pierre Paperon"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "", nil, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", c.args, code, errOut)
		}
		var q quotesJSON
		if err := json.Unmarshal([]byte(out), &q); err != nil {
			t.Fatal(err)
		}
		if len(q.Quotes) < c.n || c.speaker != "" && q.Quotes[0].Speaker != c.speaker {
			t.Errorf("%v: %d quotes, first %+v", c.args, len(q.Quotes), q.Quotes)
		}
		for _, x := range q.Quotes {
			if strings.ContainsAny(x.Text[:1], "«»\"“”") {
				t.Errorf("quote text keeps its marks: %q", x.Text)
			}
		}
	}
}

func TestDataPath(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "train.txt"), []byte("La ministre Claire Vasseur a annoncé le report de la ligne ferroviaire à 2027.\n"), 0o644)
	code, out, errOut := runCLI(t, "", map[string]string{"DATA_PATH": dir}, "ask", "--json", "When will the railway line open?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	a := decodeAsk(t, out)
	if !a.Found || a.Answers[0].Article != "train" {
		t.Errorf("got %s", out)
	}
	// --data wins over DATA_PATH.
	code, _, errOut = runCLI(t, "", map[string]string{"DATA_PATH": dir}, "ask", "--data", filepath.Join(dir, "missing"), "x")
	if code != 2 || !strings.Contains(errOut, "missing") {
		t.Errorf("missing corpus: exit %d, %q", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		out  string // on stdout, or stderr for errors
	}{
		{[]string{"help"}, 0, "guillemet ask"},
		{[]string{"--help"}, 0, "guillemet quote"},
		{[]string{"help", "ask"}, 0, "--json"},
		{[]string{"ask", "--help"}, 0, "QUESTION"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"ask", "--bogus", "x"}, 2, "flag provided but not defined"},
		{[]string{"ask", ""}, 2, "empty"},
		{[]string{"ask", strings.Repeat("mot ", 1000)}, 2, "too long"},
		{[]string{"quote", "--speaker"}, 2, "needs an argument"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "", nil, c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.code, errOut)
		}
		if !strings.Contains(out+errOut, c.out) {
			t.Errorf("%v: output lacks %q:\n%s%s", c.args, c.out, out, errOut)
		}
	}
}

func TestAttributed(t *testing.T) {
	long := strings.Repeat("mot ", 72) // 288 characters
	for _, c := range []struct {
		a    guillemet.Answer
		want string
	}{
		{guillemet.Answer{Sentence: "« Tout va bien », poursuit-il.", Speaker: "Pierre Paperon"}, "« Tout va bien », poursuit-il. — Pierre Paperon"},
		{guillemet.Answer{Sentence: "« Tout va bien », dit Pierre Paperon.", Speaker: "Pierre Paperon"}, "« Tout va bien », dit Pierre Paperon."},
		{guillemet.Answer{Sentence: "« Tout va bien », dit Paperon.", Speaker: "Pierre Paperon"}, "« Tout va bien », dit Paperon."}, // the surname is enough
		{guillemet.Answer{Sentence: "Bercy n'a rien demandé.", Speaker: ""}, "Bercy n'a rien demandé."},
		{guillemet.Answer{Sentence: long, Speaker: "Pierre Paperon"}, long}, // no room within the 300 characters
	} {
		if got := attributed(c.a); got != c.want {
			t.Errorf("attributed(%q, %q) = %q, want %q", c.a.Sentence, c.a.Speaker, got, c.want)
		}
	}
}
