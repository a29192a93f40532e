package answer

import "testing"

// How a question is read: its kind, the words that carry it and those
// that only ask.

// TestQuestionWordsThatNameNothing checks words that must not become
// concepts: the pronoun "I" is no name, and "next" in a when question
// only says when.
func TestQuestionWordsThatNameNothing(t *testing.T) {
	e := testEngine(t, "testdata/mairie.txt")
	for q, absent := range map[string]string{
		"Until when can I get my money back?":                           "i",
		"When is the next council meeting?":                             "next",
		"C'est quand la prochaine réunion du conseil ?":                 "prochaine",
		"Qu'a demandé le maire après la plainte ?":                      "apres",
		"Until when is the town hall closed?":                           "until",
		"Did anybody get hurt?":                                         "anybody",
		"Comment on va aller à l'île maintenant ?":                      "maintenant",
		"y a quoi de gratos comme stockage chez eux":                    "comme",
		"le retard c'était de combien par rapport à ce qui était prévu": "rapport",
		"du coup ils ont recruté combien ?":                             "coup",
	} {
		for _, c := range e.parse(q).concepts {
			if c.Label == absent {
				t.Errorf("%q: concept %q (required %v)", q, c.Label, c.Required)
			}
		}
	}
}

// TestAsksEarnings checks which questions ask what someone earns: only a
// salary answers those.
func TestAsksEarnings(t *testing.T) {
	e := testEngine(t, "testdata/mairie.txt")
	for q, want := range map[string]bool{
		"How much does Laurent Berthaud make a year?":                 true,
		"How much does she make?":                                     true,
		"What is the mayor's salary?":                                 true,
		"Quel est le salaire de la maire ?":                           true,
		"How much does the town make from parking fees?":              false,
		"What did the mayor say about salaries?":                      false,
		"How much does Delaunay make a year?":                         false,
		"Pourquoi le traitement des dossiers a-t-il pris du retard ?": false,
	} {
		if got := e.parse(q).earns; got != want {
			t.Errorf("%q: earns = %v, want %v", q, got, want)
		}
	}
}

// TestMoneyWords checks questions that ask for an amount of money, which
// euros answer before any other number.
func TestMoneyWords(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string]bool{
		"How much was the club fined?":               true,
		"How much did the region invest?":            true,
		"How much debt does the port have?":          true,
		"Combien l'État a-t-il versé ?":              true,
		"Quel est le montant de l'amende ?":          true,
		"La métropole leur avait prêté combien ?":    true,
		"How much did the bank lend?":                true,
		"How much fish did the port land last year?": false,
		"Combien de navires compte le port ?":        false,
	} {
		if got := e.parse(q).money; got != want {
			t.Errorf("%q: money = %v, want %v", q, got, want)
		}
	}
}

// TestSayAsNoun checks that "say" as a noun asks for no quotation.
func TestSayAsNoun(t *testing.T) {
	e := testEngine(t, "testdata/mairie.txt")
	if e.parse("Who gets the final say on the plan?").says {
		t.Error("the final say: read as asking what someone said")
	}
	if !e.parse("What did the mayor say about the plan?").says {
		t.Error("what did the mayor say: not read as asking what someone said")
	}
}

// TestFrenchComment checks that "comment" in French asks how: neither
// what someone said nor advice ("comment on va aller à Ouessant ?" is
// about the island's link, not a request for directions).
func TestFrenchComment(t *testing.T) {
	e := testEngine(t, "testdata/mairie.txt")
	q := e.parse("Comment on va aller à l'île maintenant ?")
	if q.says || q.advice {
		t.Errorf("says %v, advice %v", q.says, q.advice)
	}
	if !e.parse("What did the mayor comment on?").says {
		t.Error("English comment: not read as asking what someone said")
	}
	if !e.parse("Comment faire pour rénover mon bureau ?").advice {
		t.Error("comment faire: not read as advice")
	}
}

// TestHowManyPeople checks that "how many ppl" counts any people the
// article counts, as "combien de personnes" does: "100 collaborateurs".
func TestHowManyPeople(t *testing.T) {
	e := defaultEngine(t)
	for _, q := range []string{"how many ppl did they hire", "How many people did Cloudwatt hire?"} {
		checkAsk(t, e, []askCase{{q, "recruter 100 collaborateurs", "100 collaborateurs", ""}})
	}
}

// TestColloquialFrench checks words of chat French the thesaurus brings
// to the article's: "gratos" is "gratuits", "partir de zéro" is "partir
// d'une page blanche".
func TestColloquialFrench(t *testing.T) {
	checkAsk(t, defaultEngine(t), []askCase{
		{"y a quoi de gratos comme stockage chez eux", "50 Go gratuits", "50 Go", ""},
		{"qui a dit qu'ils étaient partis de zéro", "page blanche", "Patrick Starck", ""},
	})
}

// TestWhoIsLowerCaseName checks that "who is X" asks for X's role when
// X is a name of the article typed in lower case, and only then.
func TestWhoIsLowerCaseName(t *testing.T) {
	e := defaultEngine(t)
	for q, want := range map[string]Kind{
		"who's pierre paperon anyway, what's his job": WhoIs,
		"who is patrick starck":                       WhoIs,
		"who's the boss":                              Who,
		"who is responsible for the delay":            Who,
	} {
		if got := e.parse(q).kind; got != want {
			t.Errorf("%q: kind %v, want %v", q, got, want)
		}
	}
}

func TestMeasureQuestion(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string]bool{
		"How strong were the winds?":      true,
		"How far is the port from Brest?": true,
		"How much did the state give?":    false,
		"How long did the strike last?":   false,
	} {
		qq := e.parse(q)
		if qq.kind != HowMuch || qq.measure != want {
			t.Errorf("%q: kind %d, measure %v; want HowMuch, %v", q, qq.kind, qq.measure, want)
		}
	}
}

func TestDoesForALiving(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string]Kind{
		"What does Gaël Riou do for a living?":  WhoIs,
		"What does Gaël Riou do?":               WhoIs,
		"What did Gaël Riou do after the vote?": Open,
		"What does the port do?":                Open,
	} {
		if got := e.parse(q).kind; got != want {
			t.Errorf("%q: kind %d, want %d", q, got, want)
		}
	}
}

func TestNamingQuestion(t *testing.T) {
	e := portEngine(t)
	for q, want := range map[string]bool{
		"Which union called the strike?": false, // calls a strike, asks no name
		"Who called for a boycott?":      false,
		"What is the union called?":      true,
		"What's the name of the mayor?":  true,
		"Comment s'appelle le maire ?":   true,
	} {
		if got := e.parse(q).naming; got != want {
			t.Errorf("%q: naming = %v, want %v", q, got, want)
		}
	}
}

// TestCapitalisedCommonWords checks which capitalised English words an
// answer must hold: names and days, not nationality adjectives.
func TestCapitalisedCommonWords(t *testing.T) {
	e := portEngine(t)
	q := e.parse("Did French boats fish in Brest on Monday?")
	for label, want := range map[string]bool{"french": false, "brest": true, "monday": true} {
		found := false
		for _, c := range q.concepts {
			if c.Label == label {
				found = true
				if c.Required != want {
					t.Errorf("%q: required %v, want %v", label, c.Required, want)
				}
			}
		}
		if !found {
			t.Errorf("no concept %q in %+v", label, q.concepts)
		}
	}
}

func TestUSIsACountry(t *testing.T) {
	e := portEngine(t)
	for _, c := range e.parse("Is the US market buying the scallops?").concepts {
		if c.Label == "us" {
			t.Errorf("US read as the pronoun: %+v", c)
		}
		if c.Label == "usa" {
			return
		}
	}
	t.Error("no concept for the United States")
}
