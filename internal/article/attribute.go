package article

import (
	"guillemet/internal/guillemet"
)

// attributor walks an article in text order, remembering who was named
// last, to give each quotation its speaker.
type attributor struct {
	people  []guillemet.Person
	roles   [][]string     // per person: the title words of the role
	byRole  map[string]int // per role word: the person holding it named last
	seen    []int          // per person: clock of the last mention, 0 for never
	clock   int
	last    [3]int // per gender: the person of that gender named last
	lastAny int
}

// previous is the quotation met last.
type previous struct {
	ok                  bool
	para, sent, speaker int
}

// attribute gives every quotation of the paragraphs its speaker. The rules,
// by priority: a speech verb after the quote (« … », explique-t-il); one
// before it (X a déclaré : « … », selon X, « … »); "selon X" in its
// sentence; the subject of its sentence; and last, the speaker of the
// quotation just before, when nothing came in between. An institution
// found by any of these rules (le ministère indique, selon la préfecture,
// répond le syndicat) speaks for no person: the quotation gets none.
func attribute(name string, paras []*para, people []guillemet.Person) []guillemet.Quote {
	a := &attributor{people: people, seen: make([]int, len(people)), last: [3]int{-1, -1, -1}, lastAny: -1}
	a.roles = make([][]string, len(people))
	a.byRole = map[string]int{}
	for i, p := range people {
		for _, w := range tokenize(p.Role) {
			if _, ok := roleWord(w.fold); !ok {
				continue
			}
			a.roles[i] = append(a.roles[i], w.fold)
			if _, ok := a.byRole[w.fold]; !ok {
				a.byRole[w.fold] = i
			}
		}
	}
	var out []guillemet.Quote
	prev := previous{}
	since := -1 // person named since the previous quotation
	for pi, p := range paras {
		mi := 0
		named := func(upTo int) {
			for ; mi < len(p.mentions) && p.words[p.mentions[mi].first].start < upTo; mi++ {
				m := p.mentions[mi]
				if !p.quoted[m.first] {
					a.touch(m.person)
					since = m.person
				}
			}
		}
		for qi, q := range p.pairs {
			text := q.inner(p.text)
			if text == "" {
				continue
			}
			span := q.span()
			named(span.Start)
			si := sentenceOf(p.sents, span.Start)
			who := a.speaker(paras, pi, qi, si, prev, since)
			sp := ""
			if who >= 0 {
				sp = a.people[who].Name
				a.touch(who)
			}
			out = append(out, guillemet.Quote{Text: text, Speaker: sp, Article: name, Paragraph: pi + 1, Span: span})
			prev = previous{ok: true, para: pi, sent: si, speaker: who}
			since = -1
		}
		named(len(p.text) + 1)
	}
	return out
}

func (a *attributor) touch(i int) {
	for _, w := range a.roles[i] {
		a.byRole[w] = i
	}
	a.clock++
	a.seen[i] = a.clock
	a.lastAny = i
	a.last[a.people[i].Gender] = i
}

// speaker attributes quotation qi of paragraph pi, in sentence si.
func (a *attributor) speaker(paras []*para, pi, qi, si int, prev previous, since int) int {
	p := paras[pi]
	span := p.pairs[qi].span()
	if who, ok := a.after(p, span.End); ok {
		return who
	}
	if si >= len(p.sents) { // never: a quotation is not blank, so its sentence is not
		return -1
	}
	sent := p.sents[si]
	segStart := sent.Start
	if qi > 0 {
		if e := p.pairs[qi-1].span().End; e > segStart && e <= span.Start {
			segStart = e
		}
	}
	if who, ok := a.before(p, segStart, span.Start); ok {
		return who
	}
	if who, ok := a.selon(p, si, sent); ok {
		return who
	}
	if who, ok := a.subject(p, si, sent, span.Start); ok {
		return who
	}
	// A quotation chain: the same speaker goes on, in the same or the next
	// sentence, or at the start of the next paragraph, unless someone else
	// was named or the sentence opens with a speech verb whose subject is
	// no one we know ("Les analystes jugent l'opération « bien calibrée »").
	if p.verbAt[si] == unknownWord {
		p.verbAt[si] = p.findVerb(sent)
	}
	if v := p.verbAt[si]; v >= 0 && p.words[v].end <= span.Start {
		return -1
	}
	if prev.ok && prev.speaker >= 0 && (since < 0 || since == prev.speaker) {
		if (prev.para == pi && si-prev.sent <= 1) ||
			(prev.para == pi-1 && si == 0 && prev.sent == len(paras[prev.para].sents)-1) {
			return prev.speaker
		}
	}
	return -1
}
