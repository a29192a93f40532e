package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
	org               bool
}

// evidence tells whether a name of several parts is a person's.
func (c *candidate) evidence() bool {
	return !c.org && (c.knownFirst || c.honorific || c.title || c.role != "" || c.verb)
}

// mention is a place where a person is named, by full name or surname.
type mention struct {
	first, last int // words [first, last)
	person      int
}

// namePart reports whether word i can be part of a name: capitalised, no
// digits, not a function word; an acronym only after a first part
// ("Pierre PAPERON"), and every part of a hyphenated word capitalised
// ("Jean-Pierre", not "Celui-ci").
func (p *para) namePart(i int, first bool) bool {
	w := &p.words[i]
	if !w.cap || w.digit || w.runes < 2 || stopwords[w.fold] || isPronoun(w.fold) {
		return false
	}
	if first {
		if _, ok := roleWords[w.fold]; ok {
			return false
		}
		if _, ok := honorifics[w.fold]; ok {
			return false
		}
		if nameParticles[w.fold] {
			return false
		}
	}
	if !w.lower {
		return !first && w.runes >= 3
	}
	s := p.text[w.start:w.end]
	for i, r := range s {
		if i > 0 && isHyphen(r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !unicode.IsUpper(next) {
				return false
			}
		}
	}
	return true
}

// joined reports whether words i and i+1 are separated by spaces only.
func (p *para) joined(i int) bool {
	if i < 0 || i+1 >= len(p.words) {
		return false
	}
	g := p.text[p.words[i].end:p.words[i+1].start]
	return g != "" && isBlank(g)
}

// elided reports whether word i is an elision glued to the next by an
// apostrophe: d'Estaing, d'après.
func (p *para) elided(i int) bool {
	if i < 0 || i+1 >= len(p.words) {
		return false
	}
	g := p.text[p.words[i].end:p.words[i+1].start]
	return g == "'" || g == "’"
}

// particle reports whether word k can join the parts of a name. A
// lower-case "de" follows a first name only (Charles de Gaulle): after two
// parts it usually names an employer (Tim Cook d'Apple).
func (p *para) particle(k, parts int, second bool) bool {
	w := &p.words[k]
	if !nameParticles[w.fold] || w.digit {
		return false
	}
	if w.cap {
		return true
	}
	if !second && (w.fold == "le" || w.fold == "la") {
		return false
	}
	return parts == 1
}

// candidates finds the capitalised runs of paragraph pi.
func (p *para) candidates(pi int) []candidate {
	var out []candidate
	ws := p.words
	for i := 0; i < len(ws); {
		if !p.namePart(i, true) {
			i++
			continue
		}
		j, parts := i+1, 1
		for j < len(ws) && p.joined(j-1) {
			if p.namePart(j, false) {
				j++
				parts++
				continue
			}
			k := j
			for k < len(ws) && k-j < 2 && p.particle(k, parts, k > j) && (p.joined(k) || (ws[k].fold == "d" && p.elided(k))) {
				k++
			}
			if k > j && k < len(ws) && p.namePart(k, false) {
				j = k + 1
				parts++
				continue
			}
			break
		}
		// "Hier Pierre Paperon": a capitalised word opening the sentence is
		// not part of the name that follows it.
		if parts >= 2 && p.sentenceInitial(i) && !isFirstName(ws[i].fold) && isFirstName(ws[i+1].fold) {
			i++
			parts--
		}
		out = append(out, p.candidate(pi, i, j, parts))
		i = j
	}
	return out
}

// sentenceInitial reports whether word i opens a sentence or a quotation.
func (p *para) sentenceInitial(i int) bool {
	if i == 0 {
		return true
	}
	g := p.text[p.words[i-1].end:p.words[i].start]
	return strings.ContainsAny(g, ".!?…«»“”\"(:")
}

func isFirstName(f string) bool {
	_, ok := firstNameGender(f)
	return ok
}

// firstNameGender looks a folded first name up, whole then by its first
// hyphenated part (Jean-Noël).
func firstNameGender(f string) (guillemet.Gender, bool) {
	if g, ok := firstNames[f]; ok {
		return g, true
	}
	if i := strings.IndexByte(f, '-'); i > 0 {
		g, ok := firstNames[f[:i]]
		return g, ok
	}
	return guillemet.Unknown, false
}

// candidate gathers the evidence around words [i, j).
func (p *para) candidate(pi, i, j, parts int) candidate {
	ws := p.words
	c := candidate{para: pi, first: i, last: j, parts: parts}
	c.name = strings.Join(strings.FieldsFunc(p.text[ws[i].start:ws[j-1].end], isSpace), " ")
	c.key = fold(c.name)
	c.surnames = []string{ws[j-1].fold}
	for k := i + 1; k < j-1; k++ {
		if nameParticles[ws[k].fold] { // "de gaulle", "le pen"
			c.surnames = append(c.surnames, fold(strings.Join(strings.FieldsFunc(p.text[ws[k].start:ws[j-1].end], isSpace), " ")))
			break
		}
	}
	if parts == 1 {
		c.surnames = []string{c.key}
	}
	c.firstGender, c.knownFirst = firstNameGender(ws[i].fold)
	c.knownFirst = c.knownFirst && parts >= 2
	for k := i; k < j; k++ {
		f := ws[k].fold
		if h := strings.IndexByte(f, '-'); h > 0 {
			f = f[:h] // Saint-Nazaire
		}
		if organisationWords[f] {
			c.org = true
		}
	}
	p.titleBefore(&c)
	p.apposition(&c)
	if i > 0 && p.joined(i-1) && speechVerbs[ws[i-1].fold] {
		c.verb = true
	}
	// "Les analystes de Kepler Cheuvreux jugent": after a preposition the
	// subject is the noun before, and the name a firm's.
	if j < len(ws) && p.joined(j-1) && !(i > 0 && complementPrepositions[ws[i-1].fold]) &&
		(speechVerbs[ws[j].fold] || (auxiliaries[ws[j].fold] && j+1 < len(ws) && p.joined(j) && speechVerbs[ws[j+1].fold])) {
		c.verb = true
	}
	return c
}

// titleBefore reads a honorific (M., Mme) or a title (le DG, la ministre,
// le directeur général) just before the name.
func (p *para) titleBefore(c *candidate) {
	ws, i := p.words, c.first
	if i == 0 {
		return
	}
	if g, ok := p.honorific(i - 1); ok {
		c.honorific, c.gender = true, g
		return
	}
	if p.leadingTitle(c) {
		return
	}
	k, hasRole := i, false
	roleG, modG := guillemet.Unknown, guillemet.Unknown
	for k > 0 && i-k < 4 && p.joined(k-1) {
		f := ws[k-1].fold
		if g, ok := roleWords[f]; ok {
			hasRole = true
			if roleG == guillemet.Unknown {
				roleG = g
			}
		} else if g, ok := roleModifiers[f]; ok {
			if modG == guillemet.Unknown {
				modG = g
			}
		} else {
			break
		}
		k--
	}
	if !hasRole {
		return
	}
	c.title = true
	c.role = p.text[ws[k].start:ws[i-1].end]
	c.gender = roleG
	if c.gender == guillemet.Unknown {
		c.gender = modG
	}
	if c.gender == guillemet.Unknown && k > 0 && (p.joined(k-1) || p.elided(k-1)) {
		c.gender = determiners[ws[k-1].fold]
	}
}

// maxLeadingTitle bounds the words of a title put before a name.
const maxLeadingTitle = 8

// leadingTitle reads a title set before the name between commas, as in
// "Le président de la République, Emmanuel Macron, a estimé…": a clause
// opening with a determiner and a title, right before the name.
func (p *para) leadingTitle(c *candidate) bool {
	ws, i, t := p.words, c.first, p.text
	if c.last >= len(ws) || strings.TrimFunc(t[ws[i-1].end:ws[i].start], isSpace) != "," ||
		strings.TrimFunc(t[ws[c.last-1].end:ws[c.last].start], isSpace) != "," {
		return false
	}
	for k := i - 1; k >= 0 && i-k <= maxLeadingTitle; k-- {
		if k < i-1 && !p.joined(k) && !p.elided(k) {
			return false // punctuation inside: not one clause
		}
		dg, det := determiners[ws[k].fold]
		if !det || k >= i-1 || !(k == 0 || strings.ContainsAny(t[ws[k-1].end:ws[k].start], ",.;:!?…«»\"“”(")) {
			continue
		}
		j := k + 1
		_, mod := roleModifiers[ws[j].fold]
		if mod && j+1 < i {
			j++
		}
		rg, role := roleWords[ws[j].fold]
		if !role {
			return false
		}
		c.title = true
		c.role = t[ws[k+1].start:ws[i-1].end]
		c.gender = rg
		if c.gender == guillemet.Unknown {
			c.gender = dg
		}
		return true
	}
	return false
}

// honorific reads word k as M., Mme, Dr…; the short ones need their period.
func (p *para) honorific(k int) (guillemet.Gender, bool) {
	w := &p.words[k]
	g, ok := honorifics[w.fold]
	if !ok || !w.cap || k+1 >= len(p.words) {
		return 0, false
	}
	gap := p.text[w.end:p.words[k+1].start]
	switch {
	case strings.HasPrefix(gap, ".") && len(gap) > 1 && isBlank(gap[1:]):
		return g, true
	case w.fold == "m" || w.fold == "mm" || w.fold == "me":
		return 0, false // a letter, or "me"
	case gap != "" && isBlank(gap):
		return g, true
	}
	return 0, false
}

// maxRole bounds a role read from an apposition.
const maxRole = 160

// apposition reads the role after the name: "Pierre Paperon, directeur de
// la stratégie et du marketing chez Cloudwatt", up to the end of the clause.
func (p *para) apposition(c *candidate) {
	ws, t, k := p.words, p.text, c.last
	if k >= len(ws) || strings.TrimFunc(t[ws[k-1].end:ws[k].start], isSpace) != "," {
		return
	}
	detG := guillemet.Unknown
	if g, ok := determiners[ws[k].fold]; ok && (p.joined(k) || p.elided(k)) {
		detG = g
		k++
	}
	// "Thomas Bernard, 42 ans, directeur…"
	if k+1 < len(ws) && ws[k].digit && ws[k+1].fold == "ans" {
		if k+2 >= len(ws) || strings.TrimFunc(t[ws[k+1].end:ws[k+2].start], isSpace) != "," {
			return
		}
		k += 2
	}
	start, modG := k, guillemet.Unknown
	for n := 0; k < len(ws) && n < 3; n++ {
		f := strings.TrimPrefix(ws[k].fold, "ex-")
		if g, ok := roleWords[f]; ok {
			c.role = clause(t, ws[start].start)
			switch {
			case g != guillemet.Unknown:
				c.gender = g
			case modG != guillemet.Unknown:
				c.gender = modG
			default:
				c.gender = detG
			}
			return
		}
		g, ok := roleModifiers[f]
		if !ok || !p.joined(k) {
			return
		}
		if modG == guillemet.Unknown {
			modG = g
		}
		k++
	}
}

// clause returns the text from start to the end of its clause: a comma, a
// semicolon, a bracket, a quotation mark or the end of the sentence.
func clause(t string, start int) string {
	end := len(t)
	for i, r := range t[start:] {
		if i > maxRole {
			end = start + i
			if sp := strings.LastIndexFunc(t[start:end], isSpace); sp > 0 {
				end = start + sp
			}
			break
		}
		if strings.ContainsRune(",;:!?()[]«»\"“”…", r) {
			end = start + i
			break
		}
		if r == '.' {
			if next, _ := utf8.DecodeRuneInString(t[start+i+1:]); start+i+1 == len(t) || isSpace(next) {
				end = start + i
				break
			}
		}
	}
	return strings.TrimFunc(t[start:end], isSpace)
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
func findPeople(paras []*para) []guillemet.Person {
	var cands []candidate
	for pi, p := range paras {
		cands = append(cands, p.candidates(pi)...)
	}
	r := &registry{byKey: map[string]int{}, bySurname: map[string][]int{}}
	alone := map[string]bool{} // words met alone, as a surname would be
	for i := range cands {
		if c := &cands[i]; c.parts == 1 && !c.org {
			alone[c.key] = true
		}
	}
	// Full names first: a first name or a title, an apposition, a speech
	// verb, or a surname that recurs alone ("Paperon").
	for i := range cands {
		c := &cands[i]
		if c.parts >= 2 && (c.evidence() || (!c.org && c.parts == 2 && alone[c.surnames[0]])) {
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

func isPronoun(f string) bool {
	_, ok := pronouns[f]
	return ok
}
