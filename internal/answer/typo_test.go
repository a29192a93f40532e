package answer

import "testing"

// TestNamesAsTyped checks names typed in lower case or one letter off,
// as people type them in a chat.
func TestNamesAsTyped(t *testing.T) {
	checkAsk(t, defaultEngine(t), []askCase{
		{"what did paperon say about bercy", "Bercy n’a pas demandé", "Bercy", "Pierre Paperon"},
		{"What did Pierre Papperon say about Bercy?", "Bercy n’a pas demandé", "Bercy", "Pierre Paperon"},
		{"Qui est Pierre Papperon ?", "Pierre Paperon, directeur de la stratégie", "directeur de la stratégie", ""},
		{"How many software publishers joined Cloudwat's ecosystem?", "écosystème", "éditeurs", ""},
	})
	checkUnanswered(t, defaultEngine(t), []string{"Who is Macron?", "Who is Paperazzi?"})
}

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"paperonn", "paperon", true},   // one added
		{"papeorn", "paperon", true},    // two swapped
		{"papiron", "paperon", true},    // one changed
		{"cloudwat", "cloudwatt", true}, // one dropped
		{"paperon", "paperon", false},   // the same word is no typo
		{"papirun", "paperon", false},   // two changed
		{"paperonnn", "paperon", false},
		{"abc", "abcde", false},
	} {
		if got := oneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCognateWithoutAccents checks that a cognate guessed without its
// accent ("irregularite") meets the article's word, which the stemmer
// cuts apart from it ("irrégularités" is "irregular").
func TestCognateWithoutAccents(t *testing.T) {
	e := testEngine(t, "testdata/mairie.txt")
	for _, c := range e.parse("What irregularities does the association denounce?").concepts {
		if c.Label == "irregularities" {
			if !c.Known {
				t.Errorf("irregularities: not matched, alts %v", c.Alts)
			}
			return
		}
	}
	t.Error("no concept for irregularities")
}
