package answer

// What a passage or a sentence must hold before it may answer at all,
// whatever it matches: the rules behind "the article does not answer"
// that look at one passage rather than at the question's coverage.

// passageHolds reports whether a paragraph may answer: "how many votes" is
// not answered by a paragraph that never speaks of votes, nor "combien
// coûtent les frais d'inscription" by one that only says "charges" (but
// the tramway of a story about the tramway may go unsaid).
func (e *Engine) passageHolds(q question, cs []concept, article int, pp paragraph) bool {
	if q.focused == "" {
		return true
	}
	focus := focusOf(cs, q.focused)
	if q.kind == HowMany && !anyone[q.focused] && matchFactor(focus, pp.terms) == 0 {
		return false
	}
	return !q.prices || matchFactor(focus, pp.terms) >= translation || e.headed(article, focus)
}

// sentenceHolds reports whether sentence si, or for most rules the one
// after it, holds what the question's kind requires: a date for when, a
// number for how many, an age right after the name for how old, a salary
// for someone's pay, euros for money, a person's name when a name is
// asked ("comment s'appelle le coureur ?").
func (q question) sentenceHolds(cs []concept, ss []sentence, si int, para string, asked map[string]bool) bool {
	s := ss[si]
	strict := fitsStrictly(q.kind, s.features)
	paid := s.features.Money
	named := q.namesPerson && fresh(s.features.People, asked)
	if si+1 < len(ss) {
		n := ss[si+1]
		strict = strict || fitsStrictly(q.kind, n.features)
		paid = paid || n.features.Money
		named = named || q.namesPerson && fresh(n.features.People, asked)
	}
	switch {
	case q.kind.strict() && !strict:
		return false
	case q.kind == Age && !ageOfNamed(cs, s, para):
		return false
	case q.earns && !s.features.Salary:
		return false
	case q.money && q.kind == HowMuch && !paid: // "how much did Valdrex pay?"
		return false
	case q.namesPerson && !named:
		return false
	}
	return true
}

// headed reports whether an article's heading names what a concept does:
// the whole story is about it.
func (e *Engine) headed(article int, c concept) bool {
	for p, para := range e.articles[article].Paragraphs {
		if para.Heading && matchFactor(c, e.paras[article][p].terms) >= translation {
			return true
		}
	}
	return false
}
