package answer

import (
	"context"
	"math"
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

// speaker is who said s, when the question asks who said something: "Who
// is the CEO?" is not answered by whoever is being quoted.
func (q question) speaker(s sentence) string {
	if q.says {
		return s.quoted
	}
	return ""
}

// fit is the bonus a sentence gets for holding what the question asks
// for, and for being a quotation when it asks what someone said.
func (q question) fit(s sentence, asked map[string]bool) float64 {
	f := fits(q.kind, s.features, q.speaker(s), asked)
	if q.says && s.quoted != "" {
		f += quoteBonus
	}
	if q.succeeds && s.features.Newcomer {
		f += 0.3
	}
	return f
}

// quoteBonus is what a quotation gains when the question asks what
// someone said or thinks.
const quoteBonus = 0.3

// followOn is the share of a question kind's bonus a sentence gets when
// what is asked for stands in the sentence after it.
const followOn = 0.6

func (e *Engine) rank(ctx context.Context, q question) ([]guillemet.Answer, error) {
	cs, kind := q.concepts, q.kind
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
		if pm == 0 {
			continue
		}
		top := scored{article: ref.Article, para: ref.Paragraph, sent: -1, score: math.Inf(-1), coverage: covered(cs, pp.terms) / total}
		for si, s := range pp.sentences {
			sm := cover(cs, s.terms)
			if sm == 0 {
				continue
			}
			score := (sm + 0.5*pm) / total
			// What is asked for often follows in the next sentence: "Le
			// marché attire de nombreux concurrents. L'israélien Hydrasense…"
			fit, next := q.fit(s, asked), false
			strict := fitsStrictly(kind, s.features)
			if si+1 < len(pp.sentences) {
				n := pp.sentences[si+1]
				if f := followOn * fits(kind, n.features, q.speaker(n), asked); f > fit {
					fit, next = f, true
				}
				strict = strict || fitsStrictly(kind, n.features)
			}
			if kind.strict() && !strict {
				continue
			}
			score += fit
			if kind == WhoIs && mentionsRole(para.Text[s.span.Start:s.span.End], names) {
				score += 0.4
			}
			if s.features.Negated && kind != YesNo {
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
		if top.sent >= 0 {
			best = append(best, top)
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
	if len(best) == 0 || !e.answers(cs, best[0]) {
		return nil, nil
	}
	if !e.namesAround(cs, best[0]) {
		return nil, nil // "How many employees does Numergy have?" is not answered by Cloudwatt's
	}
	var out []guillemet.Answer
	for _, b := range best {
		if len(out) == MaxAnswers || b.score < best[0].score/3 {
			break
		}
		out = append(out, e.answer(b, q))
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

func allIn(terms []string, set map[string]bool) bool {
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}

// cover sums the weights of the concepts a set of terms renders, each
// at the factor of its best rendering.
func cover(cs []concept, terms map[string]bool) float64 {
	sum := 0.0
	for _, c := range cs {
		sum += c.Weight * matchFactor(c, terms)
	}
	return sum
}

func matchFactor(c concept, terms map[string]bool) float64 {
	best := 0.0
	for _, a := range c.Alts {
		if allIn(a.Terms, terms) && a.Factor > best {
			best = a.Factor
		}
	}
	return best
}

// proximity rewards sentences where matched words of different concepts
// stand close together, as they do in the sentence that answers.
func proximity(cs []concept, toks []index.Token) float64 {
	last, lastConcept, bonus := -100, -1, 0.0
	for _, t := range toks {
		for ci, c := range cs {
			if !conceptHas(c, t.Term) {
				continue
			}
			if ci != lastConcept && t.Position-last <= 3 {
				bonus += 0.5
			}
			last, lastConcept = t.Position, ci
			break
		}
	}
	return math.Min(bonus, 1)
}

func conceptHas(c concept, term string) bool {
	for _, a := range c.Alts {
		for _, t := range a.Terms {
			if t == term {
				return true
			}
		}
	}
	return false
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
