package answer

import (
	"strings"

	"guillemet/internal/text"
)

// The corpus answers when the best passage matches at least minCoverage of
// the question's weighted content, or minAnchored of it when what matches
// is one of the corpus's topics (a common term spread over several
// paragraphs): "the audit rumour" is about the article even if it never
// says "rumour"; "a new electric car" is not, though it says "nouveau".
const (
	minCoverage = 0.5
	minAnchored = 0.25
	// minCorroborated is the least coverage when two or more concepts,
	// one of them not a name, match strongly.
	minCorroborated = 0.2
	topical         = 2 // paragraphs a term must occur in to be a topic
)

// answers decides whether the best passage answers at all, from the
// evidence: it covers enough of the question's weighted content; or less,
// but what it matches is one of the corpus's topics; or less still, but
// it matches several things the question asks, at least one of them not
// a name ("Who's in charge of strategy and marketing at Cloudwatt?" when
// the article never says "in charge").
func (e *Engine) answers(cs []concept, b scored, advice bool) bool {
	if advice {
		return b.coverage >= 1 // all of it, or it is not about the article
	}
	switch {
	case b.coverage >= minCoverage:
		return true
	case b.coverage >= minAnchored && e.anchored(cs, b):
		return true
	case b.coverage >= minCorroborated:
		strong, common := 0, false
		for _, c := range cs {
			if matchFactor(c, e.paras[b.article][b.para].terms) >= translation {
				strong++
				common = common || !c.Required
			}
		}
		return strong >= 2 && common
	}
	return false
}

// quotesNamed reports whether the passage quotes the person a "what did X
// say" question names: "Il a dit quoi, Rivière, devant les juges ?" is
// answered by what Rivière said, wherever he said it.
func (e *Engine) quotesNamed(q question, b scored) bool {
	if !q.says || b.sent < 0 {
		return false
	}
	s := e.paras[b.article][b.para].sentences[b.sent]
	for _, c := range q.concepts {
		if s.speakerTerms != nil && matchFactor(c, s.speakerTerms) >= translation {
			return true // by name, or by role: "what did the prefect say…" and "…, a déclaré le préfet"
		}
	}
	return false
}

// namesAround reports whether the names a question holds appear in the
// answering paragraph or the one before it (which a pronoun may refer to).
func (e *Engine) namesAround(cs []concept, b scored) bool {
	for _, c := range cs {
		if !c.Required {
			continue
		}
		// implied is not named: "How many tourists visit Kerbrat?" needs Kerbrat written
		f := matchFactor(c, e.paras[b.article][b.para].terms)
		here := f > implied || f == implied && e.headed(b.article, c) // the heading's subject goes unsaid in its story
		before := b.para > 0 && matchFactor(c, e.paras[b.article][b.para-1].terms) > implied && (e.refersBack(b) || e.headed(b.article, c))
		if !here && !before {
			return false
		}
	}
	return true
}

// anchored reports whether a passage matches a concept that is one of the
// corpus's topics, by the question's own word or a translation of it: a
// loose synonym or a near form is too weak a link, and a name is not a
// topic ("How many employees does Voltaria have?" is not answered by an
// article that only names Voltaria).
func (e *Engine) anchored(cs []concept, b scored) bool {
	terms := e.paras[b.article][b.para].terms
	for _, c := range cs {
		for _, a := range c.Alts {
			if a.Factor < translation || !allIn(a.Terms, terms) {
				continue
			}
			if c.Required || c.timely() {
				continue // the article's names are everywhere in it, and so are its years
			}
			for _, t := range a.Terms {
				if e.spread[t] >= topical {
					return true
				}
			}
		}
	}
	return false
}

// covered sums the weights of the concepts a set of terms renders at all:
// whether the passage speaks of each thing asked, however it words it.
func covered(cs []concept, terms map[string]bool) float64 {
	sum := 0.0
	for _, c := range cs {
		switch f := matchFactor(c, terms); {
		case f >= translation:
			sum += c.evidence()
		case f > 0:
			sum += c.evidence() / 2 // a loose synonym or a near form is weaker evidence
		}
	}
	return sum
}

// evidence is what a concept counts for when deciding whether the corpus
// answers: its weight, without the boost that makes the noun a question
// asks about rank first. "How much money did the state give?" is not
// answered by any mention of money.
func (c concept) evidence() float64 {
	if c.Focus {
		return c.Weight / focusBoost
	}
	return c.Weight
}

// totalEvidence sums the evidence of a question's concepts.
func totalEvidence(cs []concept) float64 {
	sum := 0.0
	for _, c := range cs {
		sum += c.evidence()
	}
	return sum
}

// timely reports whether a concept says when ("last year", "ce mois"):
// every article has dates, so it is no sign of the topic.
func (c concept) timely() bool {
	for _, w := range strings.Fields(c.Label) {
		if timeWords[w] {
			return true
		}
	}
	return false
}

// unnamed is the share of its score a passage keeps when it does not
// name, even by implication, someone or something the question names.
const unnamed = 0.92

// lacksName reports whether a passage leaves out a name the question holds.
func lacksName(cs []concept, terms map[string]bool) bool {
	for _, c := range cs {
		if c.Required && matchFactor(c, terms) == 0 {
			return true
		}
	}
	return false
}

// refersBack reports whether an answer's paragraph, or its sentence, opens
// on words that stand for someone named before: a pronoun, a possessive,
// "le groupe", "l'entreprise".
func (e *Engine) refersBack(b scored) bool {
	para := e.articles[b.article].Paragraphs[b.para].Text
	if opensOnReference(para) {
		return true
	}
	if b.sent < 0 {
		return false
	}
	sp := e.paras[b.article][b.para].sentences[b.sent].span
	return opensOnReference(para[sp.Start:sp.End])
}

// opensOnReference reports whether a text's first words stand for someone
// named before it.
func opensOnReference(s string) bool {
	ws := strings.Fields(text.Fold(s[:min(len(s), leadBytes)]))
	if len(ws) == 0 {
		return false
	}
	first := strings.Trim(ws[0], ",;:«»\"")
	if noun, elided := strings.CutPrefix(first, "l'"); elided {
		return groupNouns[noun] // "L'entreprise"
	}
	if anaphors[first] {
		return true // "Il", "Son directeur"
	}
	return len(ws) > 1 && (first == "le" || first == "la" || first == "les") && groupNouns[ws[1]] // "Le groupe"
}

// anaphors open a sentence about someone named before.
var anaphors = set("il", "elle", "ils", "elles", "son", "sa", "ses", "leur", "leurs", "celui-ci", "celle-ci", "ce", "cette", "lui", "eux", "y")

// groupNouns stand for an organisation named before: "le groupe", "l'entreprise".
var groupNouns = set("groupe", "entreprise", "societe", "firme", "start-up", "startup", "compagnie", "banque", "operateur", "editeur", "studio", "constructeur", "club", "association", "syndicat", "collectivite", "ville", "commune", "mairie", "etablissement", "enseigne", "chaine", "geant", "fabricant", "laboratoire", "fonds", "maison", "titre", "journal", "quotidien", "ministere", "region", "departement", "agglomeration", "metropole", "universite", "hopital", "centrale", "usine", "site")
