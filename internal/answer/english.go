package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/lexicon"
	"guillemet/internal/text"
)

// contentWords counts the words of a label that are not English stop
// words: "in charge of" says one thing, "electric car" two, "last year"
// one, modifiers and time words weighing half.
func contentWords(label string) float64 {
	n := 0.0
	for _, w := range strings.Fields(label) {
		switch {
		case modifiers[w] || timeWords[w]:
			n += modifier // "last year": the year matters more than which
		case !lexicon.IsStopword(w):
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return n
}

// isAcronym reports whether word is written in capitals in the question.
func isAcronym(q, word string) bool {
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.EqualFold(w, word) {
			return len(w) > 1 && strings.ToUpper(w) == w
		}
	}
	return false
}

// stripFillers lowercases q (Translate reads it lowercased anyway) and
// blanks its filler phrases.
func stripFillers(q string) string {
	return fillerPhrases.ReplaceAllString(strings.ToLower(q), " ")
}

func (e *Engine) englishConcepts(q string, ws []word, kind Kind, nouns map[string]bool) []concept {
	capital := capitals(ws)
	covered := map[string]bool{}
	var cs []concept
	howWord := "" // "how far", "how long": the adverb is part of the question word
	for i, w := range ws {
		if w.Fold == "how" && i+1 < len(ws) {
			howWord = ws[i+1].Fold
		}
	}
	particles := map[string]bool{}
	for _, w := range ws {
		particles[w.Fold] = particles[w.Fold] || w.Particle
	}
	naming := func(word string) bool { // "called" as in "what is it called", not "which union called the strike"
		for i, w := range ws {
			if w.Fold == word && names(ws, i) {
				return true
			}
		}
		return false
	}
	skip := func(t lexicon.Term) bool {
		return particles[t.English] || questionWords[t.English] || eventVerbs[t.English] || kind == Why && (causeVerbs[t.English] || causeNouns[t.English] || startVerbs[t.English]) || speechVerbs[t.English] && !nouns[t.English] ||
			opinionWords[t.Lemma] && !nouns[t.English] || namingWords[t.English] && naming(t.English) || fillers[t.English] || t.English == howWord || t.English == "according to"
	}
	for _, t := range e.lex.Translate(stripFillers(q)) {
		if skip(t) {
			continue
		}
		for _, w := range strings.Fields(t.English) {
			covered[w] = true
		}
		c := e.englishConcept(q, t, capital)
		if t.Phrase && len(c.Alts) == 0 && !c.Required {
			// "housing project" the article never renders may still be
			// "logements" and "programme", each word on its own.
			if ws := e.eachWord(q, t.English, capital, skip); len(ws) > 0 {
				cs = append(cs, ws...)
				continue
			}
		}
		if !t.Phrase || len(c.Alts) == 0 || e.together(c) { // "top scorer" the article never names stays one thing
			if t.Phrase && len(c.Alts) > 0 {
				words := t.English
				if c.Verb { // "raised the alarm": the alarm, not any "levée"
					_, words, _ = strings.Cut(words, " ")
				}
				c.Alts = e.wordByWord(c.Alts, words, skip) // "fishing boats": "navires" is part of it
			}
			cs = append(cs, c) // unmatched, it still counts against coverage
			continue
		}
		// The article never says the phrase: "teachers strike" may still be
		// "grève des professeurs", word by word.
		cs = append(cs, e.phraseWords(q, t.English, capital, skip)...)
	}
	// Names and numbers the lexicon does not know still count as they are.
	for _, w := range ws {
		if covered[w.Fold] || questionWords[w.Fold] || englishMarkers[w.Fold] {
			continue
		}
		if w.Capital && !w.First || isNumber(w.Fold) {
			c := concept{Label: w.Fold, Required: w.Capital, NameOnly: w.Capital}
			c.Alts = e.addAlt(nil, w.Fold, ownWord)
			cs = append(cs, c)
		}
	}
	return cs
}

// eachWord renders a phrase word by word, or returns nil when its words
// do not meet in one paragraph of the article either: then the phrase
// stays one unmatched thing.
func (e *Engine) eachWord(q, phrase string, capital map[string]bool, skip func(lexicon.Term) bool) []concept {
	cs := e.phraseWords(q, phrase, capital, skip)
	for _, c := range cs {
		if len(c.Alts) == 0 {
			return nil // "school principal" with no principal named
		}
	}
	if !e.meet(cs) {
		return nil // "share price": shares here, prices there
	}
	return cs
}

// phraseWords renders each word of a phrase as a concept of its own.
func (e *Engine) phraseWords(q, phrase string, capital map[string]bool, skip func(lexicon.Term) bool) []concept {
	var cs []concept
	for _, w := range strings.Fields(phrase) {
		for _, wt := range e.lex.Translate(w) {
			if !skip(wt) {
				cs = append(cs, e.englishConcept(q, wt, capital))
			}
		}
	}
	return cs
}

// meet reports whether some paragraph matches every concept.
func (e *Engine) meet(cs []concept) bool { return e.meetAt(cs, 0) }

// meetAt reports whether some paragraph matches every concept better than
// least: "chiffre" and "affaires" meet in "donne son interprétation…
// l'affaire" only through a loose synonym (données).
func (e *Engine) meetAt(cs []concept, least float64) bool {
	for _, art := range e.paras {
		for _, p := range art {
			all := true
			for _, c := range cs {
				f := matchFactor(c, p.terms)
				all = all && f > 0 && f >= least
			}
			if all {
				return true
			}
		}
	}
	return false
}

// englishConcept renders one term of an English question in the corpus's
// words.
func (e *Engine) englishConcept(q string, t lexicon.Term, capital map[string]bool) concept {
	c := concept{Label: t.English, Verb: englishVerb(q, t)}
	req := false
	for _, w := range strings.Fields(t.English) {
		req = req || capital[w]
	}
	// A word no English dictionary entry knows, which the article only
	// writes with a capital, is a name typed in lower case: "who is paperon".
	req = req || t.Lemma == "" && !t.Phrase && e.surface[t.English] && !e.writesLower(t.English) && !isNumber(t.English)
	// "Paris" is a name even if the lexicon knows it; "CEO" is a word; "United
	// States" is a name when the lexicon writes it as one (États-Unis).
	named := len(t.French) == 0 || capitalised(t.French[0])
	// "French" is capitalised, but the lexicon writes it "français": an
	// adjective, not a name the answer must hold.
	// A day or a month ("on Monday December 23") stays as binding as a name.
	calendar := len(t.French) > 0 && calendarWords[text.Fold(t.French[0])]
	c.Required = req && (!t.Phrase || named && allCapital(t.English, capital)) && (t.Lemma == "" || !isAcronym(q, t.English)) && (t.Lemma == "" || named || calendar || t.Phrase)
	c.NameOnly = c.Required && named // Paris, not American or Saturday
	// A name, or a loanword the article uses as is: "go" is not "50 Go",
	// and "union" is not "L'Union maritime".
	if e.surface[t.English] && (len(t.English) > 3 || req) && (req || e.writesLower(t.English)) || req && !t.Phrase && t.Lemma == "" {
		c.Alts = e.addAlt(c.Alts, t.English, ownWord) // the last: a name the article may spell one letter apart ("Papperon")
	}
	for i, fr := range t.French {
		f := translation
		if i < mainRenderings || strings.Contains(fr, " ") {
			f = mainTranslation // a main sense, or a phrase, is specific
		}
		if commonFrench[text.Fold(fr)] {
			f *= commonShare // "temps" for weather meets every "peu de temps"
		}
		if t.Lemma == "" { // cognates and numbers, made from what the user typed
			c.Alts = e.addGuessedAlt(c.Alts, fr, f)
			continue
		}
		c.Alts = e.addAlt(c.Alts, fr, f)
		if i < mainRenderings && !strings.Contains(fr, " ") {
			for _, w := range e.translatedFamily(fr) { // inspecter → inspecteurs
				c.Alts = e.addAlt(c.Alts, w, f*derived)
			}
		}
	}
	for i, a := range c.Alts {
		if a.Factor < ownWord && len(a.Terms) == 1 && len(a.Terms[0]) <= 3 && !e.acronym[a.Terms[0]] && !e.writtenAs(a.Terms[0], t.French) {
			c.Alts[i].Factor *= shortStem
		}
	}
	return c
}

// together reports whether some paragraph holds every term of one of a
// concept's renderings.
func (e *Engine) together(c concept) bool {
	for _, a := range c.Alts {
		for _, art := range e.paras {
			for _, p := range art {
				if allIn(a.Terms, p.terms) {
					return true
				}
			}
		}
	}
	return false
}

// englishVerb guesses whether a question's term is a verb: an inflected
// form ("asked", "hires") or a word after an auxiliary ("did … start").
func englishVerb(q string, t lexicon.Term) bool {
	if t.Phrase {
		// a phrasal verb typed inflected ("paying for", "took over"), or
		// an idiom on a common verb ("come into force", "get rid of")
		first, _, _ := strings.Cut(t.English, " ")
		lemmaFirst, _, many := strings.Cut(t.Lemma, " ")
		sameLength := strings.Count(t.English, " ") == strings.Count(t.Lemma, " ")
		return many && (sameLength && lemmaFirst != first || commonVerbs[lemmaFirst])
	}
	if t.Lemma != "" && t.Lemma != t.English && !strings.HasSuffix(t.English, "s") || commonVerbs[t.Lemma] {
		return true
	}
	if strings.HasSuffix(t.English, "ly") && len(t.English) > 5 {
		return true // "actually", "finally": manner, not matter
	}
	raw := strings.Fields(q)
	words := make([]string, len(raw))
	aux := false
	for i, w := range raw {
		w = strings.Trim(w, "?!.,;:")
		if r, _ := utf8.DecodeRuneInString(w); i > 0 && unicode.IsUpper(r) {
			words[i] = "" // "What does DNA stand for?": a name is no verb
			continue
		}
		w = strings.ToLower(w)
		words[i] = w
		if w == t.English && i > 0 && englishAuxiliaries[words[i-1]] && t.Lemma != "" {
			return true // not a word no dictionary knows: "what did zorglub say" names someone
		}
		aux = aux || englishAuxiliaries[w] && i > 0
	}
	// "When will the line open?", "Where did it come from?": after a
	// fronted auxiliary, the question ends on its verb and particles; not
	// on a noun after its article ("how do you make a pizza?").
	for i := len(words) - 1; aux && i > 0; i-- {
		if particles[words[i]] || fillers[words[i]] { // "when did the attack hit exactly"
			continue
		}
		return words[i] == t.English && !determinerWords[words[i-1]] && !inPhraseAfterPreposition(words, i)
	}
	return false
}

// inPhraseAfterPreposition reports whether words[i] ends a noun phrase
// that a preposition opens: "the boss of the combined bank", where "the
// line open" has a verb.
func inPhraseAfterPreposition(words []string, i int) bool {
	for j := i - 1; j > 0 && j >= i-3; j-- {
		if determinerWords[words[j]] {
			return particles[words[j-1]]
		}
	}
	return false
}

// wordByWord adds to a phrase's renderings those of its words, each worth
// a share of the phrase: an article may say "navires" for "fishing boats".
func (e *Engine) wordByWord(alts []alt, phrase string, skip func(lexicon.Term) bool) []alt {
	for _, w := range strings.Fields(phrase) {
		for _, t := range e.lex.Translate(w) {
			if skip(t) {
				continue
			}
			for i, fr := range t.French {
				if i < mainRenderings {
					alts = e.addAlt(alts, fr, mainTranslation*partialShare)
				}
			}
		}
	}
	return alts
}

// writtenAs reports whether one of the renderings stands in the corpus
// exactly as written and analyses to term: "musée" is "mus", and no
// other word's stem, when the article writes "musée".
func (e *Engine) writtenAs(term string, renderings []string) bool {
	for _, fr := range renderings {
		if !strings.Contains(fr, " ") && e.written[text.Fold(fr)] == term {
			return true
		}
	}
	return false
}

// allCapital reports whether every word of a phrase is capitalised in the
// question.
func allCapital(phrase string, capital map[string]bool) bool {
	for _, w := range strings.Fields(phrase) {
		if !capital[w] {
			return false
		}
	}
	return true
}

// writesLower reports whether the article writes a word in lower case
// somewhere: a loanword it uses ("cloud"), not only a part of a name.
func (e *Engine) writesLower(word string) bool {
	t := e.written[word]
	return t != "" && e.lower[t]
}
