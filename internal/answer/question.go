package answer

import (
	"strings"
	"unicode"

	"guillemet/internal/text"
)

// Kind is what a question asks for; it decides which sentences fit.
type Kind int

const (
	Open    Kind = iota // what, which, quel, que: no constraint
	Who                 // a person or an organisation
	When                // a date, month, season or year
	HowMany             // a count or an age: the answer must hold a number
	HowMuch             // an amount, a duration: a number helps
	Where               // a place or a source
	Why                 // a cause
	WhoIs               // who is X: X's role
	Which               // which/quel + noun: a named thing
	Age                 // how old: an age in years
	YesNo               // did X…? is X…?: a denial answers as well as an assertion
)

// Lang is the language a question is written in.
type Lang int

const (
	French Lang = iota
	English
)

// words splits s into lowercase, accent-folded words, keeping the
// original capitalisation flag so proper nouns can be told apart.
type word struct {
	Fold    string
	Capital bool
	First   bool // first word of the question
}

func splitWords(s string) []word {
	var out []word
	f := func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}
	for i, w := range strings.FieldsFunc(s, f) {
		w = text.StripElision(strings.Trim(w, "'’-")) // l'Australie is a name
		if w == "" {
			continue
		}
		r := []rune(w)
		out = append(out, word{Fold: text.Fold(w), Capital: unicode.IsUpper(r[0]), First: i == 0})
	}
	return out
}

var englishMarkers = set("the", "who", "what", "when", "where", "why", "how", "which", "did", "does", "do", "is", "are", "was", "were",
	"of", "for", "to", "from", "about", "with", "and", "has", "have", "many", "much", "said", "say", "says", "its", "his", "her", "their", "whose", "whom", "an", "on", "in", "at", "by", "this", "that")

var frenchMarkers = set("le", "la", "les", "des", "du", "de", "un", "une", "qui", "que", "quoi", "quand", "combien", "pourquoi", "ou", "comment",
	"quel", "quelle", "quels", "quelles", "est", "sont", "a", "ont", "il", "elle", "ils", "elles", "dit", "pour", "avec", "sur", "dans", "au", "aux", "et", "ce", "cette", "l", "d", "qu", "se", "son", "sa", "ses")

// language guesses the language of a question from its function words.
func language(ws []word) Lang {
	en, fr := 0, 0
	for _, w := range ws {
		base := w.Fold
		if i := strings.IndexAny(base, "'’"); i >= 0 {
			fr++ // elision: l', d', qu'
			base = base[i+1:]
		}
		if englishMarkers[base] {
			en++
		}
		if frenchMarkers[base] {
			fr++
		}
	}
	if en > fr {
		return English
	}
	return French
}

// kindOf recognises the question word, in either language.
func kindOf(ws []word, lang Lang) Kind {
	if asksRole(ws) {
		return WhoIs
	}
	if len(ws) > 1 && (yesNoOpeners[ws[0].Fold] || ws[0].Fold == "est-ce" && ws[1].Fold == "que") {
		return YesNo
	}
	for i, w := range ws {
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1].Fold
		}
		switch w.Fold {
		case "who", "qui", "whom", "whose":
			if (next == "is" || next == "was" || next == "est") && i+2 < len(ws) && ws[i+2].Capital {
				return WhoIs
			}
			return Who
		case "when", "quand":
			return When
		case "combien":
			if (next == "de" || next == "d") && !(i+2 < len(ws) && ws[i+2].Fold == "temps") {
				return HowMany
			}
			return HowMuch // combien coûte, combien de temps
		case "how":
			switch next {
			case "old":
				return Age
			case "many":
				return HowMany
			case "much", "long", "often", "far", "big", "large":
				return HowMuch
			}
		case "where", "ou":
			if w.Fold == "ou" && lang != French {
				continue
			}
			if w.Fold == "ou" && i > 0 { // "où" as question word opens the question; "ou" (or) does not
				continue
			}
			return Where
		case "why", "pourquoi":
			return Why
		case "cause", "caused", "causes", "reason", "reasons", "raison", "raisons", "explains", "explique":
			if i > 0 && (ws[0].Fold == "what" || strings.HasPrefix(ws[0].Fold, "quel") || ws[0].Fold == "qu'est-ce") {
				return Why // "what caused the delays?", "quelle est la raison…"
			}
		case "which", "quel", "quelle", "quels", "quelles":
			switch next {
			case "age":
				return Age
			case "year", "annee", "date", "month", "mois", "day", "jour", "season", "saison":
				return When
			}
			return Which
		case "what":
			switch {
			case next == "year" || next == "date" || next == "month" || next == "day" || next == "season" || next == "time":
				return When
			case i == 0 && next != "" && !englishMarkers[next] && !yesNoOpeners[next] && next != "'s" && next != "s":
				return Which // "what platform did…", like "which platform"
			}
		}
	}
	return Open
}

// roleWords name what someone does: "what is X's job?", "quel est le
// rôle de X ?" ask who X is.
var roleWords = set("job", "role", "position", "function", "occupation", "role", "poste", "fonction", "metier")

// asksRole recognises a question about a named person's role.
func asksRole(ws []word) bool {
	role, name := false, false
	for _, w := range ws {
		role = role || roleWords[w.Fold]
		name = name || w.Capital && !w.First
	}
	return role && name
}

// yesNoOpeners open a question that asks whether.
var yesNoOpeners = set("did", "does", "do", "is", "was", "were", "are", "has", "have", "had", "can", "could", "will", "would", "should")

// strict kinds ask for something a sentence either holds or not: a
// passage without a date does not say when.
func (k Kind) strict() bool { return k == When || k == HowMany || k == Age }

// questionWords are dropped before matching: they say what is asked,
// not what it is about.
var questionWords = set("who", "whom", "whose", "what", "when", "where", "why", "how", "which", "many", "much",
	"qui", "que", "qu", "quoi", "quand", "combien", "pourquoi", "ou", "comment", "quel", "quelle", "quels", "quelles",
	"lequel", "laquelle", "est-ce", "est-ce-que")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
