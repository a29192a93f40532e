package answer

import (
	"context"
	"fmt"
	"testing"
)

// portEngine reads testdata/port.txt, a made-up article written to hold
// the shapes of French news the engine reads: an agent after "par", a
// role before a name, a paragraph that opens on "En cause", a sentence
// whose subject is a pronoun, a name with an accent, a plural verb.
func portEngine(t testing.TB) *Engine { return testEngine(t, "testdata/port.txt") }

func TestAskSentenceShapes(t *testing.T) {
	checkAsk(t, portEngine(t), []askCase{
		// who: the name after "par" answers, not the one asked about
		{"Who founded Armor Marée?", "fondée par Yannick Le Goff", "Yannick Le Goff", ""},
		{"Who replaced the port director?", "remplacée par Hervé Tanguy", "Hervé Tanguy", ""},
		{"Who is the mayor?", "Le maire Gaël Riou", "Gaël Riou", ""},
		// why: the cause opens the next paragraph
		{"Why was the volume of fish so low?", "En cause", "gazole", ""},
		{"Pourquoi le volume de poisson a-t-il baissé ?", "En cause", "gazole", ""},
		// "Elle exporte…": elle is the coopérative of the sentence before
		{"Does Armor Marée export to China?", "exporte surtout", "Chine", ""},
		// Thales and Thalès; "demandent" and "asking"
		{"Is Thales Pêche asking for money?", "Thalès Pêche", "demandent une aide", ""},
		// a short sentence runs on into the one that says it
		{"What does the union think?", "syndicat des marins", "promesses", ""},
		// "créé" meets "création"; a year is a date
		{"Le port a été créé quand ?", "depuis sa création", "1952", ""},
		{"Is Thalès Pêche's request big?", "Thalès Pêche", "4 millions", ""},
		// a number counts the noun asked about
		{"Combien de salariés à la criée ?", "85 salariés", "85 salariés", ""},
		// people in general count salariés
		{"Combien de personnes travaillent à la criée ?", "85 salariés", "85 salariés", ""},
		// a clock time is when; "the cause of" asks why
		{"What time did the fire start?", "23 h 40", "23 h 40", ""},
		{"What's the likely cause of the fire?", "court-circuit", "court-circuit", ""},
		// a phrase the article never says whole: "grève" and "marins-pêcheurs"
		{"When is the fishermen's strike?", "mardi 4 mars", "mardi 4 mars", ""},
		// money asked, an amount in euros answers
		{"How much money does Thalès Pêche want?", "Thalès Pêche", "4 millions d'euros", ""},
	})
}

func TestAskRoleNotInArticle(t *testing.T) {
	checkUnanswered(t, portEngine(t), []string{
		"Qui est le meilleur pêcheur du port ?", // the role is nowhere in the article
		"Who is the top scorer?",
		"How much is a ticket to Kerbrat?", // the name matches, the thing priced does not
		"How much does a kilo of sole cost?",
		"How many tourists visit Kerbrat?",
		"How much money did the state give?",
	})
}

func TestLanguage(t *testing.T) {
	for q, want := range map[string]Lang{
		"Is Cloudwatt's track record insignificant?":      English,
		"Didn't they hire anyone?":                        English,
		"Qu'a dit le maire ?":                             French,
		"Est-ce que Thales est actionnaire ?":             French,
		"Il s'est installé où ?":                          French,
		"Cloudwatt's revenue?":                            English,
		"Which organisation granted a repayable advance?": English,
	} {
		if got := language(splitWords(q)); got != want {
			t.Errorf("language(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestKindOf(t *testing.T) {
	for q, want := range map[string]Kind{
		"What caused the contamination?":            Why,
		"what's the suspected cause of the fire?":   Why,
		"Quelle est la raison du retard ?":          Why,
		"Qu'est-ce que l'ANSM reproche à l'usine ?": Open,
		"Est-ce que Thales est actionnaire ?":       YesNo,
		"what time did the fire start?":             When,
		"Who is Pierre Paperon?":                    WhoIs,
		"Combien de temps a duré le chantier ?":     HowMuch,
		"Combien d'étudiants sont concernés ?":      HowMany, // the "d'" is gone when the kind is read
		"Combien d'argent a été versé ?":            HowMuch,
		"How did the hackers get in?":               Why, // the means, worded as a cause
		"Comment les pirates sont-ils entrés ?":     Why,
		"Comment s'appelle le port ?":               Open,
		"Why did Paul Le Bihan quit his job?":       Why, // not his role
	} {
		ws := splitWords(q)
		if got := kindOf(ws, language(ws)); got != want {
			t.Errorf("kindOf(%q) = %d, want %d", q, got, want)
		}
	}
	e := portEngine(t)
	for q, want := range map[string]Kind{
		"what's the deadline to hand in the plan?": When,
		"Quelle est la date limite ?":              When,
		"What is the plan?":                        Open,
		"Quelle somme l'État a-t-il versée ?":      HowMuch, // a sum is an amount
		"What amount did the state give?":          HowMuch,
	} {
		if got := e.parse(q).kind; got != want {
			t.Errorf("parse(%q).kind = %d, want %d", q, got, want)
		}
	}
}

// TestRenderingCacheBounded checks that what users type never reaches the
// engine's cache of renderings: nonsense words, asked once each, add
// nothing to it.
func TestRenderingCacheBounded(t *testing.T) {
	e, err := Load("testdata/port.txt")
	if err != nil {
		t.Fatal(err)
	}
	size := func() int {
		n := 0
		e.renderings.Range(func(any, any) bool { n++; return true })
		e.families.Range(func(any, any) bool { n++; return true })
		return n
	}
	e.Ask(context.Background(), "Qui a fondé Armor Marée ?") // warm the cache with real renderings
	before := size()
	for i := range 300 {
		for _, q := range []string{
			fmt.Sprintf("Pourquoi le zorglub%d frimousse-t-il le plonk%d ?", i, i),
			fmt.Sprintf("Why did the zorglubization%d of plonkity%d happen?", i, i), // English words the lexicon lacks get cognates
		} {
			if _, err := e.Ask(context.Background(), q); err != nil {
				t.Fatal(err)
			}
		}
	}
	if after := size(); after != before {
		t.Errorf("cache grew from %d to %d renderings on nonsense questions", before, after)
	}
}

func TestSuccession(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string]bool{
		"Who will replace the director?":    true,
		"Who replaced Maëlle Quéré?":        true,
		"Qui va remplacer la directrice ?":  true,
		"Who did the new director replace?": false, // the one replaced is asked
		"Who did Hervé Tanguy replace?":     false,
		"When did the strike start?":        false,
	} {
		if got := e.parse(q).succeeds; got != want {
			t.Errorf("%q: succeeds = %v, want %v", q, got, want)
		}
	}
}

// TestAnswersDistinct checks that no paragraph is given twice, though a
// why question scores a paragraph that opens on "En cause" both for itself
// and as the cause of the one before.
func TestAnswersDistinct(t *testing.T) {
	for _, q := range []string{"Why was the volume of fish so low?", "Pourquoi le volume de poisson a-t-il baissé ?", "Why did the catch fall?"} {
		res, err := portEngine(t).Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]bool{}
		for _, a := range res.Answers {
			if seen[a.Paragraph] {
				t.Errorf("%q: paragraph %d given twice", q, a.Paragraph)
			}
			seen[a.Paragraph] = true
		}
	}
}
