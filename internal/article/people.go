package article

import (
	"sort"

	"guillemet/internal/guillemet"
)

// candidate is a run of capitalised words that may name a person, with the
// evidence found around it.
type candidate struct {
	para, first, last int // words [first, last) of a paragraph
	name, key         string
	parts             int // name parts, particles excluded
	surnames          []string
	firstGender       guillemet.Gender // from the first-name list
	knownFirst        bool
	honorific         bool // M., Mme…
	title             bool // le DG, la ministre…
	role              string
	gender            guillemet.Gender // from a honorific, a title or an apposition
	verb              bool             // next to a speech verb
	pronoun           bool             // "Tigist Bekele, elle, …": a stressed pronoun stands for a person
	org               bool             // has a word of institutions or places
	// orgish: the words around or in the name say organisation ("le
	// syndicat X", "de la X", a common noun such as Sécurité): only
	// strong evidence makes it a person's.
	orgish bool
}

// evidence tells whether a name of several parts is a person's.
func (c *candidate) evidence() bool {
	return !c.org && (c.knownFirst || c.honorific || c.title || c.role != "" || c.verb || c.pronoun)
}

// strong tells whether the evidence for a person outweighs an
// organisation's context: a known first name, a honorific, a title.
func (c *candidate) strong() bool {
	return !c.org && (c.knownFirst || c.honorific || c.title)
}

// notPerson tells whether the candidate names an organisation or a place.
func (c *candidate) notPerson() bool {
	return c.org || (c.orgish && !c.strong())
}

// mention is a place where a person is named, by full name or surname.
type mention struct {
	first, last int // words [first, last)
	person      int
}

// registry collects the people of an article.
type registry struct {
	people    []guillemet.Person
	strong    []bool     // gender read from a title, not guessed from a first name
	surnames  [][]string // per person: the keys of their surname
	byKey     map[string]int
	bySurname map[string][]int
}

func (r *registry) add(c *candidate) int {
	i, ok := r.byKey[c.key]
	if !ok {
		i = len(r.people)
		r.people = append(r.people, guillemet.Person{Name: c.name})
		r.strong = append(r.strong, false)
		r.surnames = append(r.surnames, c.surnames)
		r.byKey[c.key] = i
		for _, s := range c.surnames {
			r.bySurname[s] = append(r.bySurname[s], i)
		}
	}
	r.merge(i, c)
	return i
}

// merge completes person i with what candidate c tells: the first role
// given wins; a gender from a title beats one from a first name.
func (r *registry) merge(i int, c *candidate) {
	p := &r.people[i]
	if p.Role == "" {
		p.Role = c.role
	}
	switch {
	case c.gender != guillemet.Unknown && !r.strong[i]:
		p.Gender, r.strong[i] = c.gender, true
	case p.Gender == guillemet.Unknown && c.knownFirst:
		p.Gender = c.firstGender
	}
}

// findPeople finds the people named by the paragraphs and records where
// each is mentioned (para.mentions, para.who). People come in order of
// first mention.
// placePrepositions come before a town: "à Nantes", "au Mans".
var placePrepositions = map[string]bool{"a": true, "au": true, "aux": true, "vers": true, "depuis": true}

func findPeople(paras []*para) []guillemet.Person {
	var cands []candidate
	for pi, p := range paras {
		cands = append(cands, p.candidates(pi)...)
	}
	r := &registry{byKey: map[string]int{}, bySurname: map[string][]int{}}
	// A name that is an organisation's once ("le syndicat Sud Rail") is
	// so everywhere, unless strong evidence says otherwise.
	orgs := map[string]bool{}
	for i := range cands {
		if c := &cands[i]; c.notPerson() {
			orgs[c.key] = true
		}
	}
	alone := map[string]bool{}  // words met alone, as a surname would be
	places := map[string]bool{} // words met after "à", as a town is: "à Nantes"
	for i := range cands {
		if c := &cands[i]; c.parts == 1 && !orgs[c.key] {
			alone[c.key] = true
			if ws := paras[c.para].words; c.first > 0 && placePrepositions[ws[c.first-1].fold] {
				places[c.key] = true
			}
		}
	}
	// Full names first: a first name or a title, an apposition, a speech
	// verb, or a surname that recurs alone ("Paperon").
	for i := range cands {
		c := &cands[i]
		if c.parts < 2 || (orgs[c.key] && !c.strong()) {
			continue
		}
		if c.evidence() || (!c.org && c.parts == 2 && alone[c.surnames[0]] && !places[c.surnames[0]]) { // "Marathon de Nantes" is no one
			r.add(c)
		}
	}
	// A lone name is a person's when a honorific or a title says so
	// ("M. Dupont", "le président Macron") and no full name explains it.
	for i := range cands {
		c := &cands[i]
		if c.parts != 1 || !(c.honorific || c.title) {
			continue
		}
		if ps := r.bySurname[c.key]; len(ps) > 0 {
			r.merge(ps[0], c)
		} else if !c.org || c.honorific {
			r.add(c)
		}
	}
	// Mentions, in text order; a lone surname names the last person of
	// that surname named in full.
	lastFull := map[string]int{}
	order := make([]int, len(r.people)) // first mention rank + 1
	rank := 0
	for i := range cands {
		c := &cands[i]
		pi, ok := r.byKey[c.key]
		if ok {
			for _, s := range r.surnames[pi] {
				lastFull[s] = pi
			}
		} else if ps := r.bySurname[c.key]; len(ps) > 0 {
			pi, ok = ps[0], true
			if l, seen := lastFull[c.key]; seen {
				pi = l
			}
		}
		if !ok {
			continue
		}
		if order[pi] == 0 {
			rank++
			order[pi] = rank
		}
		p := paras[c.para]
		p.mentions = append(p.mentions, mention{first: c.first, last: c.last, person: pi})
	}
	// Renumber people by first mention.
	idx := make([]int, len(r.people))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return order[idx[a]] < order[idx[b]] })
	remap := make([]int, len(idx))
	people := make([]guillemet.Person, len(idx))
	for n, i := range idx {
		remap[i] = n
		people[n] = r.people[i]
	}
	for _, p := range paras {
		p.who = make([]int, len(p.words))
		for i := range p.who {
			p.who[i] = -1
		}
		for m := range p.mentions {
			mm := &p.mentions[m]
			mm.person = remap[mm.person]
			for w := mm.first; w < mm.last; w++ {
				p.who[w] = mm.person
			}
		}
	}
	return people
}
