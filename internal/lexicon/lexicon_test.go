package lexicon

import (
	"bufio"
	"errors"
	"slices"
	"strings"
	"testing"

	"guillemet/data"
	"guillemet/internal/text"
)

func TestParse(t *testing.T) {
	const good = "# a comment\n" +
		"\n" +
		"ask\tdemander|demande|réclamer\n" +
		"supervisory board\tconseil de surveillance|conseils de surveillance\n" +
		"  # indented comment\n" +
		"co-founder\tcofondateur\r\n" +
		"ask\tsolliciter|demander\n"
	l, err := Parse(strings.NewReader(good))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got := l.Len(); got != 3 {
		t.Errorf("Len = %d, want 3", got)
	}
	tests := []struct {
		key  string
		want []string
	}{
		{"ask", []string{"demander", "demande", "réclamer", "solliciter"}}, // merged
		{"supervisory board", []string{"conseil de surveillance", "conseils de surveillance"}},
		{"Supervisory  Board", []string{"conseil de surveillance", "conseils de surveillance"}},
		{"co-founder", []string{"cofondateur"}},
		{"co founder", []string{"cofondateur"}},
		{"board", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := l.Lookup(tt.key); !slices.Equal(got, tt.want) {
			t.Errorf("Lookup(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no tab", "ask\tdemander\nboard conseil\n", "line 2:"},
		{"empty French", "# c\n\nask\t\n", "line 3:"},
		{"empty alternative", "ask\tdemander||réclamer\n", "line 1:"},
		{"empty last alternative", "ask\tdemander|\n", "line 1:"},
		{"empty first alternative", "ask\t|demander\n", "line 1:"},
		{"blank alternative", "ask\tdemander| |réclamer\n", "line 1:"},
		{"empty English", "\tdemander\n", "line 1:"},
		{"two tabs", "a\tb\n\nask\tdemander\tréclamer\n", "line 3:"},
		{"too many words", "one two three four five\tx\n", "line 1:"},
		{"punctuation", "r&d\tR&D\n", "line 1:"},
		{"trailing punctuation", "ask.\tdemander\n", "line 1:"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in))
		if err == nil {
			t.Errorf("%s: Parse succeeded, want an error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q does not name %q", tt.name, err, tt.want)
		}
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("boom") }

func TestParseReadError(t *testing.T) {
	if _, err := Parse(failingReader{}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Parse(failing reader) error = %v", err)
	}
}

func TestDefault(t *testing.T) {
	l := Default()
	if l.Len() < 3000 {
		t.Errorf("Default().Len() = %d, want at least 3000", l.Len())
	}
	if Default() != l {
		t.Error("Default is not parsed once")
	}
	for _, key := range []string{"ask", "audit", "ceo", "supervisory board", "finance ministry",
		"train", "hospital", "election", "mayor", "spring", "december", "open source"} {
		if len(l.Lookup(key)) == 0 {
			t.Errorf("Default has no entry for %q", key)
		}
	}
	if got := l.Lookup("finance ministry"); !slices.Contains(got, "Bercy") {
		t.Errorf("finance ministry = %q, want Bercy", got)
	}
}

// TestDefaultFile checks the hygiene of data/lexicon.tsv itself: unique
// keys, lowercase English, no blank or repeated French alternative, and
// sections.
func TestDefaultFile(t *testing.T) {
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(data.Lexicon))
	n, sections := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "# ") && !strings.Contains(line, "\t") {
			sections++
		}
		if line == "" || line[0] == '#' {
			continue
		}
		en, fr, _ := strings.Cut(line, "\t")
		if en != strings.ToLower(en) || en != strings.TrimSpace(en) {
			t.Errorf("line %d: English %q is not lowercase and trimmed", n, en)
		}
		key, _, err := normalise(en)
		if err != nil {
			t.Errorf("line %d: %v", n, err)
			continue
		}
		if prev, ok := seen[key]; ok {
			t.Errorf("line %d: %q already on line %d", n, key, prev)
		}
		seen[key] = n
		alts := strings.Split(fr, "|")
		folded := map[string]bool{}
		for _, a := range alts {
			if a != strings.TrimSpace(a) {
				t.Errorf("line %d: French %q has surrounding spaces", n, a)
			}
			if folded[a] {
				t.Errorf("line %d: French %q repeated", n, a)
			}
			folded[a] = true
		}
	}
	if sections < 10 {
		t.Errorf("%d section headers, want themed sections", sections)
	}
}

func TestLemmas(t *testing.T) {
	tests := []struct {
		word string
		want string // first candidate
	}{
		{"asked", "ask"},
		{"asking", "ask"},
		{"asks", "ask"},
		{"hires", "hire"},
		{"hired", "hire"},
		{"hiring", "hire"},
		{"companies", "company"},
		{"stopped", "stop"},
		{"bigger", "big"},
		{"biggest", "big"},
		{"larger", "large"},
		{"running", "run"},
		{"made", "make"},
		{"said", "say"},
		{"told", "tell"},
		{"went", "go"},
		{"took", "take"},
		{"chose", "choose"},
		{"chosen", "choose"},
		{"began", "begin"},
		{"men", "man"},
		{"children", "child"},
		{"people", "person"},
		{"taxes", "tax"},
		{"prices", "price"},
		{"used", "use"},
		{"produced", "produce"},
		{"organized", "organize"},
		{"changed", "change"},
		{"handled", "handle"},
		{"created", "create"},
		{"quoted", "quote"},
		{"declared", "declare"},
		{"applied", "apply"},
		{"agreed", "agree"},
		{"added", "add"},
		{"called", "call"},
		{"passed", "pass"},
		{"played", "play"},
		{"earlier", "early"},
		{"quickly", "quick"},
		{"easily", "easy"},
		{"probably", "probable"},
		{"spokesmen", "spokesman"},
		{"ASKED", "ask"},
		{"audit", "audit"},
		{"bus", "bus"},
		{"news", "new"}, // a candidate only: Translate prefers the word itself
	}
	for _, tt := range tests {
		got := Lemmas(tt.word)
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("Lemmas(%q) = %q, want %q first", tt.word, got, tt.want)
			continue
		}
		if last := got[len(got)-1]; last != strings.ToLower(tt.word) {
			t.Errorf("Lemmas(%q) = %q, want the word itself last", tt.word, got)
		}
	}
	if got := Lemmas("findings"); !slices.Contains(got, "find") {
		t.Errorf("Lemmas(findings) = %q, want find among them", got)
	}
	if got := Lemmas("  "); got != nil {
		t.Errorf("Lemmas(blank) = %q, want nil", got)
	}
}

func TestCognates(t *testing.T) {
	tests := []struct {
		word string
		want string
	}{
		{"integrator", "integrateur"},
		{"technology", "technologie"},
		{"technologies", "technologie"},
		{"organize", "organiser"},
		{"organized", "organiser"},
		{"organisation", "organisation"},
		{"activity", "activite"},
		{"electronic", "electronique"},
		{"investor", "investeur"},
		{"strategic", "strategique"},
		{"political", "politique"},
		{"marketing", "marketing"},
		{"numerous", "numereux"},
		{"famous", "fameux"},
		{"serious", "serieux"},
		{"journalist", "journaliste"},
		{"capitalism", "capitalisme"},
		{"director", "directeur"},
		{"active", "actif"},
		{"agency", "agence"},
		{"primary", "primaire"},
		{"history", "histoire"},
		{"democracy", "democratie"},
		{"economy", "economie"},
		{"technician", "technicien"},
		{"integrate", "integrer"},
		{"candidate", "candidat"},
		{"industrial", "industriel"},
		{"annual", "annuel"},
		{"automatically", "automatiquement"},
		{"completely", "completement"},
		{"rapidly", "rapidement"},
		{"government", "government"},
		{"Cloudwatt", "cloudwatt"},
		{"Numérique", "numerique"},
	}
	for _, tt := range tests {
		got := Cognates(tt.word)
		if !slices.Contains(got, tt.want) {
			t.Errorf("Cognates(%q) = %q, want %q among them", tt.word, got, tt.want)
		}
		for _, c := range got {
			if c != text.Fold(c) {
				t.Errorf("Cognates(%q) gives %q, not folded", tt.word, c)
			}
		}
	}
	if got := Cognates("technology"); got[0] != "technologie" {
		t.Errorf("Cognates(technology) = %q, want the French form first", got)
	}
	if got := Cognates(""); got != nil {
		t.Errorf("Cognates(\"\") = %q", got)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		brk  []bool
	}{
		{"Who asked for the audit?", []string{"who", "asked", "for", "the", "audit"}, nil},
		{"the company's CEO", []string{"the", "company", "ceo"}, nil},
		{"the companies' boards", []string{"the", "companies", "boards"}, nil},
		{"they're late, didn't they", []string{"they", "late", "didn't", "they"},
			[]bool{false, false, true, false}},
		{"a co-founder", []string{"a", "co", "founder"}, []bool{false, false, false}},
		{"€1.5 billion", []string{"1.5", "billion"}, nil},
		{"at 5 o'clock", []string{"at", "5", "o'clock"}, nil},
		{"“supervisory board”", []string{"supervisory", "board"}, []bool{false, false}},
		{"board. ceo", []string{"board", "ceo"}, []bool{false, true}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		toks := tokenize(fold(tt.in), nil)
		var got []string
		var brk []bool
		for _, tk := range toks {
			got = append(got, tk.w)
			brk = append(brk, tk.brk)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if tt.brk != nil && !slices.Equal(brk, tt.brk) {
			t.Errorf("tokenize(%q) breaks = %v, want %v", tt.in, brk, tt.brk)
		}
	}
}

// find returns the term whose Lemma (or English, for cognates) is key.
func find(terms []Term, key string) (Term, bool) {
	for _, t := range terms {
		if t.Lemma == key || t.Lemma == "" && t.English == key {
			return t, true
		}
	}
	return Term{}, false
}

func TestTranslate(t *testing.T) {
	l := Default()
	tests := []struct {
		question string
		lemma    string   // the term to look at
		english  string   // its English span
		french   []string // French forms it must include
		phrase   bool
	}{
		{"who asked for the audit?", "ask", "asked", []string{"demander"}, false},
		{"who asked for the audit?", "audit", "audit", []string{"audit"}, false},
		{"Who sits on the supervisory board?", "supervisory board", "supervisory board", []string{"conseil de surveillance"}, true},
		{"Who sits on the Supervisory Boards?", "supervisory board", "supervisory boards", []string{"conseil de surveillance"}, true},
		{"What did the CEO say?", "ceo", "ceo", []string{"directeur général", "PDG"}, false},
		{"What did the CEO say?", "say", "say", []string{"dire"}, false},
		{"They started from a blank page", "blank page", "blank page", []string{"page blanche"}, true},
		{"They started from a blank page", "start", "started", []string{"démarrer"}, false},
		{"Did the finance ministry order it?", "finance ministry", "finance ministry", []string{"Bercy"}, true},
		{"Why is the train late?", "train", "train", []string{"train"}, false},
		{"Why is the train late?", "late", "late", []string{"retard"}, false},
		{"How many patients did the hospital treat?", "hospital", "hospital", []string{"hôpital"}, false},
		{"When is the next election?", "election", "election", []string{"élection"}, false},
		{"Who was elected mayor?", "mayor", "mayor", []string{"maire"}, false},
		{"Which airlines cancelled flights?", "airline", "airlines", []string{"compagnie aérienne"}, false},
		{"Who hired the new engineers?", "hire", "hired", []string{"embaucher", "recruter"}, false},
		{"Who took over the company?", "take over", "took over", []string{"reprendre"}, true},
		{"Who is the company's co-founder?", "co founder", "co-founder", []string{"cofondateur"}, true},
		{"What did the company's boss say?", "boss", "boss", []string{"patron"}, false},
		{"Who chose OpenStack?", "choose", "chose", []string{"choisir"}, false},
		{"Why are people angry?", "person", "people", []string{"gens"}, false},
		{"Who left the company?", "leave", "left", []string{"quitter"}, false},
		{"What are the findings?", "findings", "findings", []string{"conclusions"}, false},
		{"Is the delay due to OpenStack?", "due to", "due to", []string{"en raison de"}, true},
		{"In which season was it launched?", "season", "season", []string{"saison"}, false},
		{"Who is the integrator?", "integrator", "integrator", []string{"intégrateur"}, false},
		{"Who plays for the national team?", "national team", "national team", []string{"équipe nationale"}, true},
		{"When do people get their money back?", "get money back", "get their money back", []string{"remboursement"}, true},  // a possessive inside a phrase
		{"who's the boss that's on the way out", "on the way out", "on the way out", []string{"sur le départ"}, true},        // "that" is no determiner of "on"
		{"who's the boss on his way out", "on the way out", "on his way out", []string{"sur le départ"}, true},               // a possessive for "the"
		{"Is the group taking this to court?", "take to court", "taking this to court", []string{"saisir la justice"}, true}, // the object of a separable verb
		{"did they call it off", "call off", "call it off", []string{"annuler"}, true},
		{"How much did the Alsatian hotel group order?", "alsatian", "alsatian", []string{"alsacien"}, false}, // a region's people, capitalised in English
	}
	for _, tt := range tests {
		terms := l.Translate(tt.question)
		term, ok := find(terms, tt.lemma)
		if !ok {
			t.Errorf("Translate(%q) = %+v: no term for %q", tt.question, terms, tt.lemma)
			continue
		}
		if term.English != tt.english || term.Phrase != tt.phrase {
			t.Errorf("Translate(%q): term %q has English %q phrase %v, want %q %v",
				tt.question, tt.lemma, term.English, term.Phrase, tt.english, tt.phrase)
		}
		for _, f := range tt.french {
			if !slices.Contains(term.French, f) {
				t.Errorf("Translate(%q): %q gives %q, want %q among them", tt.question, tt.lemma, term.French, f)
			}
		}
	}
}

func TestTranslateSkips(t *testing.T) {
	l := Default()
	tests := []struct {
		question string
		want     []string // English of every term, in order
	}{
		{"What did the CEO say?", []string{"ceo", "say"}},
		{"Who is he?", nil},
		{"How many employees does Cloudwatt have?", []string{"employees", "cloudwatt"}},
		{"How much did it cost in 2012?", []string{"cost", "2012"}},
		{"Who asked for the audit, and why?", []string{"asked", "audit"}},
		{"What's the board's role?", []string{"board", "role"}},
		{"", nil},
		{"?!", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range l.Translate(tt.question) {
			got = append(got, term.English)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Translate(%q) terms = %q, want %q", tt.question, got, tt.want)
		}
	}
}

func TestTranslateCognatesAndNumbers(t *testing.T) {
	l := Default()
	terms := l.Translate("Did Cloudwatt's virtualization strategy cost 1.5 billion?")
	want := map[string]string{
		"cloudwatt":      "cloudwatt",
		"virtualization": "virtualisation",
		"1.5":            "1,5",
	}
	for en, fr := range want {
		term, ok := find(terms, en)
		if !ok {
			// virtualization is a lexicon word; look it up by English.
			for _, tm := range terms {
				if tm.English == en {
					term, ok = tm, true
				}
			}
		}
		if !ok || !slices.Contains(term.French, fr) {
			t.Errorf("term %q = %+v, want French %q", en, term, fr)
		}
	}
	// Cognate terms carry no lemma.
	if term, ok := find(terms, "cloudwatt"); !ok || term.Lemma != "" {
		t.Errorf("cloudwatt term = %+v, want an empty Lemma", term)
	}
}

// TestTranslateShared checks that appending to a term's French never
// changes the lexicon.
func TestTranslateShared(t *testing.T) {
	l := Default()
	before := slices.Clone(l.Lookup("audit"))
	for _, term := range l.Translate("the audit") {
		_ = append(term.French, "x")
	}
	if got := l.Lookup("audit"); !slices.Equal(got, before) {
		t.Errorf("Lookup(audit) = %q after an append, want %q", got, before)
	}
}

func TestTranslateConcurrent(t *testing.T) {
	l := Default()
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 50 {
				if len(l.Translate("Who sits on the supervisory board?")) == 0 {
					t.Error("no term")
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

func BenchmarkTranslate(b *testing.B) {
	l := Default()
	q := "Why did the finance ministry ask for an audit?"
	b.ReportAllocs()
	for b.Loop() {
		l.Translate(q)
	}
}

// BenchmarkParse reads the embedded lexicon the way Default does, in
// place.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(data.Lexicon); err != nil {
			b.Fatal(err)
		}
	}
}

// The fast paths of Parse must read untidy lines as the slow path does.
func TestParseUntidySpacing(t *testing.T) {
	l, err := Parse(strings.NewReader("  Supervisory   Board \t conseil  de\u00a0surveillance | CS \nboard\tconseil\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := l.Lookup("supervisory board")
	if len(got) != 2 || got[0] != "conseil de surveillance" || got[1] != "CS" {
		t.Errorf("Lookup = %q", got)
	}
	if got := l.Lookup("board"); len(got) != 1 || got[0] != "conseil" {
		t.Errorf("Lookup(board) = %q", got)
	}
}

// TestPrepareFrench checks that building the French index in the
// background, as the command line does while the engine builds, races
// with nothing a French question reads.
func TestPrepareFrench(t *testing.T) {
	l, err := Parse(strings.NewReader("boss\tpatron|PDG|directeur général\nchief executive\tdirecteur général|PDG\n"))
	if err != nil {
		t.Fatal(err)
	}
	go l.PrepareFrench()
	if got := l.Synonyms("patron"); !slices.Contains(got, "PDG") {
		t.Errorf("Synonyms(patron) = %q, want PDG among them", got)
	}
	if !l.IsFrenchPhrase("directeur général") {
		t.Error("directeur général: not a French phrase of the lexicon")
	}
}
