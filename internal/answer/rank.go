package answer

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
	"strings"

	"guillemet/index"
	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

type scored struct {
	article, para, sent int
	next                bool // the answer runs on into the next sentence
	score               float64
	coverage            float64
}

// followOn is the share of a question kind's bonus a sentence gets when
// what is asked for stands in the sentence after it.
const followOn = 0.6

func (e *Engine) rank(ctx context.Context, q question) ([]guillemet.Answer, error) {
	cs, kind := heaviestFirst(q.concepts), q.kind
	if q.unknownFocus || q.personal || onlyNumbers(cs) {
		return nil, nil // "what's 2+2", "how do I fix my bike?"
	}
	total := 0.0
	for _, c := range cs {
		if c.Required && !c.Known {
			return nil, nil // a name the corpus never mentions
		}
		total += c.Weight
	}
	if total == 0 {
		return nil, nil
	}
	evidence := totalEvidence(cs)
	cands, err := e.candidates(ctx, cs)
	if err != nil {
		return nil, err
	}
	names := e.namedPeople(cs)
	asked := map[string]bool{}
	for _, c := range cs { // what the question names, in its words or the article's
		for _, w := range strings.Fields(c.Label) {
			asked[w] = true
		}
		for _, a := range c.Alts {
			for _, t := range a.Terms {
				asked[t] = true
			}
		}
	}
	var best []scored
	for _, ref := range cands {
		pp := e.paras[ref.Article][ref.Paragraph]
		para := e.articles[ref.Article].Paragraphs[ref.Paragraph]
		pm := cover(cs, pp.terms)
		if pm == 0 || !e.passageHolds(q, cs, ref.Article, pp) {
			continue
		}
		top := scored{article: ref.Article, para: ref.Paragraph, sent: -1, score: math.Inf(-1), coverage: covered(cs, pp.terms) / evidence}
		carried := 0.0 // the best match, before any bonus
		for si, s := range pp.sentences {
			sm := cover(cs, s.terms)
			if sm == 0 {
				continue
			}
			score := (sm + paraShare*pm) / total
			carried = max(carried, score)
			// What is asked for often follows in the next sentence: "Le
			// marché attire de nombreux concurrents. L'israélien Hydrasense…"
			fit, next := q.fit(s, asked), false
			if si+1 < len(pp.sentences) {
				n := pp.sentences[si+1]
				if f := followOn * fits(kind, n.features, q.speaker(n), asked); f > fit {
					fit, next = f, true
				}
			}
			if !q.sentenceHolds(cs, pp.sentences, si, para.Text, asked) {
				continue
			}
			score += fit
			if (kind == HowMany || kind == HowMuch) && q.focused != "" && counts(focusOf(cs, q.focused), s.tokens, para.Text) {
				score += countBonus // "Elle emploie 92 salariés" for "combien de salariés ?"
			}
			if kind == Who {
				score += whoNamed(cs, s, para.Text, asked, q.succeeds)
				if !namesSomeone(s, asked) && !namesSomeone(nextOf(pp.sentences, si), asked) {
					score -= nameless // "who" is answered by someone
				}
			}
			if (kind == Open || kind == Which || kind == HowMany) && !q.says && doesAsked(cs, s.terms) {
				score += verbBonus // "qu'est-ce que demande l'asso ?": "L'association réclame…", not the sentence that only names it
			}
			if kind == WhoIs && mentionsRole(para.Text[s.span.Start:s.span.End], names) {
				score += 0.4
			}
			if s.features.Negated && kind != YesNo && !(q.says && s.quoted != "") { // a denial is what someone said
				score -= 0.15 // "Bercy n'a pas demandé" does not say who asked, but does say whether
			}
			score += 0.1 * proximity(cs, s.tokens)
			score -= 0.02 * math.Log1p(float64(len(s.tokens)))
			if para.Heading {
				score *= 0.3 // a heading announces a story, it rarely answers
			}
			if score > top.score {
				top.sent, top.score, top.next = si, score, next
			}
		}
		if top.sent >= 0 && kind == Why && !top.next && !pp.sentences[top.sent].features.Cause && !purpose(para.Text, pp.sentences[top.sent]) {
			// "Les enquêteurs…" matched; "L'affaire a éclaté en raison de…"
			// answers, a neighbour's cause, less sure than the match's own.
			if near := causeNear(pp.sentences, top.sent); near != top.sent {
				top.sent = near
				top.score += fits(Why, pp.sentences[near].features, "", asked) / 2
			}
		}
		if top.sent >= 0 && lacksName(cs, pp.terms) {
			top.score *= unnamed // "Devant quelle juridiction Gérard Lemoine veut-il faire appel ?": his paragraph, not another's
		}
		if top.sent >= 0 {
			top.next = top.next || announces(para.Text, pp.sentences, top.sent) || q.says && quoteGoesOn(para.Text, pp.sentences, top.sent)
			best = append(best, top)
			if b, ok := e.causeFollows(q, top, carried); ok {
				best = append(best, b)
			}
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
	if len(best) == 0 || !e.answers(cs, best[0], q.advice) && !(best[0].coverage >= minAnchored && e.quotesNamed(q, best[0])) {
		return nil, nil
	}
	if !e.namesAround(cs, best[0]) {
		return nil, nil // "How many employees does Numergy have?" is not answered by Cloudwatt's
	}
	var out []guillemet.Answer
	shown := map[[2]int]bool{} // a paragraph scored twice (for itself, and as the cause of the one before) is shown once
	for _, b := range best {
		if len(out) == MaxAnswers || b.score < best[0].score/3 {
			break
		}
		if key := [2]int{b.article, b.para}; !shown[key] {
			shown[key] = true
			out = append(out, e.answer(b, q))
		}
	}
	return out, nil
}

// candidates asks bleve for the passages that mention any rendering of
// the question's concepts, each term boosted by its concept's weight.
func (e *Engine) candidates(ctx context.Context, cs []concept) ([]index.Ref, error) {
	var terms []index.Weighted
	seen := map[string]bool{}
	for _, c := range cs {
		for _, a := range c.Alts {
			for _, t := range a.Terms {
				if !seen[t] {
					seen[t] = true
					terms = append(terms, index.Weighted{Term: t, Boost: c.Weight * a.Factor})
				}
			}
		}
	}
	hits, err := e.idx.Search(ctx, index.KindPassage, terms, 50)
	if err != nil {
		return nil, err
	}
	refs := make([]index.Ref, len(hits))
	for i, h := range hits {
		refs[i] = h.Ref
	}
	return refs, nil
}

// namedPeople returns the people of the corpus the question names.
func (e *Engine) namedPeople(cs []concept) []guillemet.Person {
	var out []guillemet.Person
	for _, art := range e.articles {
		for _, p := range art.People {
			name := text.Fold(p.Name)
			for _, c := range cs {
				if c.Required && strings.Contains(name, c.Label) {
					out = append(out, p)
					break
				}
			}
		}
	}
	return out
}

func mentionsRole(sentence string, people []guillemet.Person) bool {
	f := text.Fold(sentence)
	for _, p := range people {
		if p.Role != "" && strings.Contains(f, text.Fold(p.Role)) {
			return true
		}
	}
	return false
}

// paraShare is how much the whole paragraph's match counts beside the
// sentence's own: an answer is often worded over two sentences.
const paraShare = 0.5

// heaviestFirst returns the concepts sorted by weight, heaviest first, in
// a new slice.
func heaviestFirst(cs []concept) []concept {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b concept) int { return cmp.Compare(b.Weight, a.Weight) })
	return out
}

// onlyNumbers reports whether a question holds nothing but numbers to
// match.
func onlyNumbers(cs []concept) bool {
	for _, c := range cs {
		if !isNumber(c.Label) {
			return false
		}
	}
	return len(cs) > 0
}
