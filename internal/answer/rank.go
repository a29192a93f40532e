package answer

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
	switch {
	case q.says && s.speaker != "":
		f += quoteBonus
	case q.says && s.quoted != "":
		f += quoteBonus / 2 // a few quoted words in someone else's sentence
	}
	if q.says && s.speakerTerms != nil && q.namesSpeaker(s.speakerTerms) {
		f += quoteBonus // "what does the mayor say?" and the mayor says it
	}
	switch {
	case q.succeeds && s.features.Newcomer:
		f += 0.3
	case q.current && s.features.Newcomer:
		f -= 0.3 // "le patron actuel" is not "le futur patron"
	}
	if q.money && s.features.Money {
		f += moneyBonus // "how much was spent?": "1,8 million d'euros", not "trois ans"
	}
	if q.clock && s.features.Clock {
		f += clockBonus // "what time…?": "vers 23 h 40", not "samedi"
	}
	return f
}

// moneyBonus is what an amount of money gains when the question asks for one.
const moneyBonus = 0.15

// clockBonus is what a time of day gains when the question asks what time.
const clockBonus = 0.2

// quoteBonus is what a quotation gains when the question asks what
// someone said or thinks.
const quoteBonus = 0.3

// followOn is the share of a question kind's bonus a sentence gets when
// what is asked for stands in the sentence after it.
const followOn = 0.6

func (e *Engine) rank(ctx context.Context, q question) ([]guillemet.Answer, error) {
	cs, kind := heaviestFirst(q.concepts), q.kind
	if q.unknownFocus || onlyNumbers(cs) {
		return nil, nil // "what's 2+2"
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
		if pm == 0 {
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
			if (kind == HowMany || kind == HowMuch) && q.focused != "" && counts(focusOf(cs, q.focused), s.tokens, para.Text) {
				score += countBonus // "Elle emploie 92 salariés" for "combien de salariés ?"
			}
			if kind == Who {
				score += whoNamed(cs, s.tokens, para.Text, asked, q.succeeds)
				if !namesSomeone(s, asked) && !namesSomeone(nextOf(pp.sentences, si), asked) {
					score -= nameless // "who" is answered by someone
				}
			}
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
			top.next = top.next || announces(para.Text, pp.sentences, top.sent) || q.says && quoteGoesOn(para.Text, pp.sentences, top.sent)
			best = append(best, top)
			if b, ok := e.causeFollows(q, top, carried); ok {
				best = append(best, b)
			}
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
// at the factor of its best rendering. A word of the text renders one
// concept only: "articles" is not both the "item" and the "section" asked
// about. Concepts come heaviest first (see rank), so the most specific
// one claims a shared word.
func cover(cs []concept, terms map[string]bool) float64 {
	sum := 0.0
	var claimed []string
	for _, c := range cs {
		best := 0.0
		var won []string
		for _, a := range c.Alts {
			if a.Factor > best && allIn(a.Terms, terms) && !anyClaimed(a.Terms, claimed) {
				best, won = a.Factor, a.Terms
			}
		}
		if best == 0 {
			best = partialFactor(c, terms) // "grève" in this sentence, "enseignants" in the one before
		}
		sum += c.Weight * best
		claimed = append(claimed, won...)
	}
	return sum
}

func anyClaimed(terms, claimed []string) bool {
	for _, t := range terms {
		if slices.Contains(claimed, t) {
			return true
		}
	}
	return false
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

// agentBonus is what a sentence gains when it names who did what a "who"
// question asks: "fondée par Claire Vasseur", "remplacé par Rui Fontes";
// holderBonus when it names who holds the role asked: "le DG Patrick
// Starck".
const (
	agentBonus  = 0.3
	holderBonus = 0.3
)

// whoNamed is the bonus of a sentence where a name follows a verb the
// question asks about, after "par" or "by", or a role it asks about.
func whoNamed(cs []concept, toks []index.Token, para string, asked map[string]bool, succeeds bool) float64 {
	bonus := 0.0
	for _, t := range toks {
		verb, noun := false, false
		for _, c := range cs {
			if conceptHas(c, t.Term) {
				verb, noun = verb || c.Verb, noun || !c.Verb
			}
		}
		if !verb && !noun {
			continue
		}
		rest := strings.TrimLeft(para[t.End:], " \u00a0")
		if verb && agentFollows(rest, asked) {
			return agentBonus
		}
		if noun && !succeeds && startsName(rest, asked) { // who replaces the coach is not the coach
			bonus = holderBonus
		}
	}
	return bonus
}

// agentFollows reports whether text after a verb (or its noun, "rachat")
// names who did it: "par Camille Ferrand", "en 2019 par X", "par le
// groupe allemand Mobilis".
func agentFollows(rest string, asked map[string]bool) bool {
	const maxBefore, maxNouns = 3, 2 // words before "par", common words before the name
	ws := strings.Fields(rest)
	for i := 0; i < len(ws) && i <= maxBefore; i++ {
		if ws[i] != "par" && ws[i] != "by" {
			if strings.ContainsAny(ws[i], ",;:.") {
				return false // the clause ends first
			}
			continue
		}
		after := ws[i+1:]
		for j := 0; j < len(after) && j <= maxNouns+1; j++ {
			w := text.StripElision(after[j])
			if startsName(w, asked) {
				return true
			}
			if w == "" || strings.ContainsAny(after[j], ",;:.") {
				return false
			}
		}
		return false
	}
	return false
}

// startsName reports whether s opens on a capitalised word the question
// does not hold.
func startsName(s string, asked map[string]bool) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	w := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	return len(w) > 0 && !asked[text.Fold(w[0])]
}

// causeShare is the share of a paragraph's match that the next paragraph
// gets when it opens on the cause: "En cause, deux épisodes climatiques".
const causeShare = 0.9

// shortOpening is the length under which an opening sentence only
// announces what follows.
const shortOpening = 80

// causeOpeners open a paragraph that explains the one before.
var causeOpeners = []string{"en cause", "la raison", "les raisons", "la cause", "les causes", "cela s'explique", "ce qui s'explique", "une situation qui s'explique", "l'explication", "explication"}

// causeFollows scores the next paragraph's first sentence for a why
// question when it opens on the cause of what top matched.
func (e *Engine) causeFollows(q question, top scored, carried float64) (scored, bool) {
	paras := e.articles[top.article].Paragraphs
	next := top.para + 1
	if q.kind != Why || next >= len(paras) || len(e.paras[top.article][next].sentences) == 0 {
		return scored{}, false
	}
	s := e.paras[top.article][next].sentences[0]
	opening := text.Fold(strings.TrimLeft(paras[next].Text[s.span.Start:s.span.End], " «\u00a0"))
	for _, o := range causeOpeners {
		if strings.HasPrefix(strings.ReplaceAll(opening, "’", "'"), o) {
			// "En cause, deux épisodes climatiques." announces; the next sentence tells.
			runOn := s.span.End-s.span.Start < shortOpening && len(e.paras[top.article][next].sentences) > 1
			return scored{article: top.article, para: next, sent: 0, next: runOn, score: causeShare*carried + q.fit(s, nil), coverage: top.coverage}, true
		}
	}
	return scored{}, false
}

// nameless is what a sentence loses, for a "who" question, when neither
// it nor the next one names anyone or anything the question does not.
const nameless = 0.15

func namesSomeone(s sentence, asked map[string]bool) bool {
	for _, n := range append(s.features.People, s.features.Names...) {
		if !asked[n] {
			return true
		}
	}
	return false
}

func nextOf(ss []sentence, i int) sentence {
	if i+1 < len(ss) {
		return ss[i+1]
	}
	return sentence{}
}

// shortSentence is the length, in characters, under which a sentence
// rarely answers alone: "La CFDT se montre plus nuancée." announces what
// the next one says.
const shortSentence = 60

// announces reports whether sentence i is short enough to run on into the
// next one, and the two fit in a snippet.
func announces(para string, ss []sentence, i int) bool {
	if i+1 >= len(ss) {
		return false
	}
	s, n := ss[i].span, ss[i+1].span
	return utf8.RuneCountInString(para[s.Start:s.End]) < shortSentence && utf8.RuneCountInString(para[s.Start:n.End]) <= guillemet.MaxSnippet
}

// paraShare is how much the whole paragraph's match counts beside the
// sentence's own: an answer is often worded over two sentences.
const paraShare = 0.5

// quoteGoesOn reports whether the sentence after sentence i quotes the
// same person, and the two fit in a snippet: what someone thinks is often
// in the words that follow the ones matched.
func quoteGoesOn(para string, ss []sentence, i int) bool {
	if i+1 >= len(ss) || ss[i].quoted == "" || ss[i+1].quoted != ss[i].quoted {
		return false
	}
	return utf8.RuneCountInString(para[ss[i].span.Start:ss[i+1].span.End]) <= guillemet.MaxSnippet
}

// heaviestFirst returns the concepts sorted by weight, heaviest first, in
// a new slice.
func heaviestFirst(cs []concept) []concept {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b concept) int { return cmp.Compare(b.Weight, a.Weight) })
	return out
}

// partialShare is what a rendering of several words is worth, per word
// present, when the text holds only some of them.
const partialShare = 0.5

func partialFactor(c concept, terms map[string]bool) float64 {
	best := 0.0
	for _, a := range c.Alts {
		if len(a.Terms) < 2 {
			continue
		}
		n := 0
		for _, t := range a.Terms {
			if terms[t] {
				n++
			}
		}
		best = max(best, a.Factor*partialShare*float64(n)/float64(len(a.Terms)))
	}
	return best
}

// namesSpeaker reports whether the question names the person, or the
// role, whose words a sentence quotes.
func (q question) namesSpeaker(speaker map[string]bool) bool {
	for _, c := range q.concepts {
		if matchFactor(c, speaker) >= translation {
			return true
		}
	}
	return false
}

// countBonus is what a sentence gains when a number counts the very thing
// a how-many question asks about.
const countBonus = 0.3

func focusOf(cs []concept, label string) concept {
	for _, c := range cs {
		if c.Label == label {
			return c
		}
	}
	return concept{}
}

// counts reports whether a number stands right before a word of concept
// c: "92 salariés", "1,3 million d'utilisateurs", "trois gares".
func counts(c concept, toks []index.Token, para string) bool {
	for _, t := range toks {
		if !conceptHas(c, t.Term) {
			continue
		}
		before := strings.Fields(text.Fold(para[max(0, t.Start-40):t.Start]))
		if n := len(before); n > 0 && (before[n-1] == "de" || before[n-1] == "d'" || before[n-1] == "d’") {
			before = before[:n-1] // "million de", "dizaines de"
		}
		if n := len(before); n > 0 && isCount(before[n-1]) {
			return true
		}
	}
	return false
}

func isCount(w string) bool {
	w = strings.Trim(w, "(),;:")
	if w == "" {
		return false
	}
	if r := w[0]; r >= '0' && r <= '9' {
		return true
	}
	return numberWords[w] || countNouns[w]
}

// countNouns stand for a number: "1,3 million d'utilisateurs".
var countNouns = set("million", "millions", "milliard", "milliards", "millier", "milliers", "centaine", "centaines", "dizaine", "dizaines", "cent", "mille")

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
