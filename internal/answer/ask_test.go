package answer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"guillemet/internal/article"
	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

// engines caches the test articles' engines: building one takes a few
// milliseconds, and many tests ask the same article.
var engines struct {
	sync.Mutex
	byPath map[string]*Engine
}

// testEngine returns the engine of an article file, or of the embedded
// article for "".
func testEngine(t testing.TB, path string) *Engine {
	t.Helper()
	engines.Lock()
	defer engines.Unlock()
	if e := engines.byPath[path]; e != nil {
		return e
	}
	e, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if engines.byPath == nil {
		engines.byPath = map[string]*Engine{}
	}
	engines.byPath[path] = e
	return e
}

func defaultEngine(t testing.TB) *Engine { return testEngine(t, "") }

// articleEngine builds an engine over one article written in the test,
// closed when the test ends.
func articleEngine(t testing.TB, name, text string) *Engine {
	t.Helper()
	e, err := New([]guillemet.Article{article.Parse(name, text)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func railEngine(t testing.TB) *Engine { return testEngine(t, "testdata/rail.txt") }

type askCase struct {
	question string
	passage  string // substring of the top answer's paragraph
	snippet  string // substring of its sentence
	speaker  string
}

// checkUnanswered asks e each question and fails for any it answers.
func checkUnanswered(t *testing.T, e *Engine, questions []string) {
	t.Helper()
	for _, q := range questions {
		res, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Found {
			t.Errorf("%q answered with paragraph %d: %.80q", q, res.Answers[0].Paragraph, res.Answers[0].Sentence)
		}
	}
}

func checkAsk(t *testing.T, e *Engine, cases []askCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.question, func(t *testing.T) {
			res, err := e.Ask(context.Background(), c.question)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Found || len(res.Answers) == 0 {
				t.Fatalf("not found; want paragraph with %q", c.passage)
			}
			top := res.Answers[0]
			if !strings.Contains(norm(top.Passage), norm(c.passage)) {
				t.Fatalf("top passage %d = %.100q…, want one containing %q", top.Paragraph, top.Passage, c.passage)
			}
			if !strings.Contains(norm(top.Sentence), norm(c.snippet)) {
				t.Errorf("snippet = %q, want it to contain %q", top.Sentence, c.snippet)
			}
			if utf8.RuneCountInString(top.Sentence) > guillemet.MaxSnippet {
				t.Errorf("snippet has %d characters", utf8.RuneCountInString(top.Sentence))
			}
			if c.speaker != "" && top.Speaker != c.speaker {
				t.Errorf("speaker = %q, want %q", top.Speaker, c.speaker)
			}
		})
	}
}

func norm(s string) string { return strings.Join(strings.Fields(text.Fold(s)), " ") }

func TestAskDefaultArticle(t *testing.T) {
	checkAsk(t, defaultEngine(t), []askCase{
		{"who asked for the audit?", "qui a demandé un audit", "qui a demandé un audit", "Pierre Paperon"},
		{"Qui a demandé l'audit ?", "qui a demandé un audit", "qui a demandé un audit", ""},
		{"Who are Cloudwatt's shareholders?", "actionnaires", "Orange", ""},
		{"Quels sont les actionnaires de Cloudwatt ?", "actionnaires", "Orange", ""},
		{"How many employees did Cloudwatt hire?", "recruter 100 collaborateurs", "100 collaborateurs", ""},
		{"How much free storage does the service offer?", "50 Go", "50 Go", ""},
		{"When was the final version operational?", "mois d'octobre", "octobre", ""},
		{"Why was Cloudwatt late?", "s'explique notamment par le choix", "s'explique", ""},
		{"Combien d'intégrateurs font partie de l'écosystème ?", "intégrateurs (20)", "intégrateurs", ""},
		{"Which fable does Paperon mention?", "moutons de Panurge", "moutons de Panurge", "Pierre Paperon"},
	})
}

func TestAskOtherArticle(t *testing.T) {
	// Words this article never uses: the lexicon, not the Cloudwatt story, finds them.
	checkAsk(t, railEngine(t), []askCase{
		{"How many workers were hired?", "300 ouvriers", "300 ouvriers", ""},
		{"Combien d'ouvriers ont été recrutés ?", "300 ouvriers", "300 ouvriers", ""},
		{"How much was the construction site supposed to cost?", "4,2 milliards", "4,2 milliards", ""},
		{"Which train stations will close?", "trois gares", "gares", ""},
		{"Who is Marc Delorme?", "président de la région", "Marc Delorme", ""},
		{"When will the high-speed line open?", "automne 2027", "automne 2027", ""},
		{"Who announced the delay?", "a annoncé mardi la ministre", "ministre", ""},
		{"What did the minister say about the viaduct?", "viaduc", "difficultés géologiques", "Claire Vasseur"},
		{"Qui est le directeur général de Rail Express ?", "Antoine Ferrand", "directeur général", ""},
		{"What do the unions worry about?", "syndicats", "fermeture", ""},
	})
}

func TestAskNotInArticle(t *testing.T) {
	questions := []string{
		"What is the capital of Australia?",
		"Quelle est la recette de la tarte tatin ?",
		"asdf qwerty",
		"How much does a new electric car cost?",
		"Quel âge a le pape ?",
		"Recommend me a good pizza place",
		"Who won the football world cup?",
		"Qui a gagné la coupe du monde de football ?",
		"???",
		"the of and",
	}
	for name, e := range map[string]*Engine{"cloudwatt": defaultEngine(t), "rail": railEngine(t)} {
		for _, q := range questions {
			res, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatalf("%s: %q: %v", name, q, err)
			}
			if res.Found || len(res.Answers) != 0 {
				t.Errorf("%s: %q answered with paragraph %d: %.80q", name, q, res.Answers[0].Paragraph, res.Answers[0].Passage)
			}
			if len(res.Suggestions) == 0 {
				t.Errorf("%s: %q: no suggestions", name, q)
			}
		}
	}
}

func TestAskBadInput(t *testing.T) {
	e := defaultEngine(t)
	cases := []struct {
		question string
		invalid  bool
	}{
		{"", true},
		{"   \t\n ", true},
		{strings.Repeat("audit ", 20000), true},
		{"+audit -Bercy title:x* ~2 ^3 /re.*/", false},
		{"\xff\xfe audit \x00 Bercy", false},
		{"@everyone who asked for the audit?", false},
		{"\u200b\u202eaudit\u202c", false},
		{strings.Repeat("a", 900), false},
	}
	for _, c := range cases {
		res, err := e.Ask(context.Background(), c.question)
		if c.invalid {
			if guillemet.KindOf(err) != guillemet.Invalid {
				t.Errorf("%.30q: err = %v, want Invalid", c.question, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%.30q: %v", c.question, err)
		}
		if !utf8.ValidString(res.Question) {
			t.Errorf("%.30q: question echoed as invalid UTF-8", c.question)
		}
	}
}

func TestSnippetMarksMatchedWords(t *testing.T) {
	res, err := defaultEngine(t).Ask(context.Background(), "Qui a demandé l'audit ?")
	if err != nil || !res.Found {
		t.Fatal(res, err)
	}
	a := res.Answers[0]
	var marked []string
	for _, m := range a.Marks {
		marked = append(marked, text.Fold(a.Sentence[m.Start:m.End]))
	}
	got := strings.Join(marked, " ")
	if !strings.Contains(got, "demande") || !strings.Contains(got, "audit") {
		t.Errorf("marks = %q, want demandé and audit", got)
	}
}

// TestAskOffTopic asks 40 questions about anything but the news (the
// weather, recipes, trivia, in both languages) of every test article: the
// engine must leave them unanswered. A few slip through today (5 of 720);
// the test fails if that grows.
func TestAskOffTopic(t *testing.T) {
	const maxAnswered = 7
	questions, err := os.ReadFile("testdata/offtopic.txt")
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("testdata/eval/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	answered := 0
	for _, path := range append(paths, "", "testdata/port.txt", "testdata/rail.txt") {
		e, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range strings.Split(strings.TrimSpace(string(questions)), "\n") {
			res, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, q, err)
			}
			if res.Found {
				answered++
				t.Logf("%s: %q answered with %.60q", path, q, res.Answers[0].Sentence)
			}
		}
	}
	if answered > maxAnswered {
		t.Errorf("%d off-topic questions answered, want at most %d", answered, maxAnswered)
	}
}
