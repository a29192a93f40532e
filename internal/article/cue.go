package article

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// maxCueGap bounds the punctuation between a quotation and its cue.
const maxCueGap = 16

// after reads a cue right after a quotation: « … », explique-t-il;
// « … », rappelle Pierre Paperon; « … », a déclaré la ministre.
func (a *attributor) after(p *para, end int) (int, bool) {
	t := p.text
	j := end
	for n := 0; j < len(t) && n < maxCueGap; n++ {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !isSpace(r) && !strings.ContainsRune(",.;:–—-)", r) {
			break
		}
		j += size
	}
	wi := wordAt(p.words, j)
	if wi < 0 {
		return -1, false
	}
	return a.cue(p, wi)
}

// cue reads a speech verb or "selon"/"dixit" at word wi and whom it names.
// A cue that names nobody on purpose (dit-on) ends the search with -1.
func (a *attributor) cue(p *para, wi int) (int, bool) {
	ws := p.words
	if p.objectPronoun(wi) { // « … », nous a-t-il confié
		wi++
	}
	if p.reflexive(wi) { // « … », s'interroge X; s'est félicité X
		wi++
	}
	f := ws[wi].fold
	if who, ok, isCue := a.inversion(p, wi); isCue {
		return who, ok
	}
	if speechPrepositions[f] || (f == "d" && wi+1 < len(ws) && p.elided(wi) && ws[wi+1].fold == "apres") {
		k := wi + 1
		if f == "d" {
			k++
		}
		if k < len(ws) && (p.joined(k-1) || p.elided(k-1)) {
			r := p.parseRef(k)
			if r.org {
				return -1, true // selon le ministère
			}
			if who := a.resolve(r); who >= 0 {
				return who, true
			}
		}
		return -1, false
	}
	k := wi
	switch {
	case p.auxiliary(wi) && wi+1 < len(ws) && p.joined(wi) && speechVerbs[ws[wi+1].fold]:
		k = wi + 1
	case !speechVerbs[f]:
		return -1, false
	}
	for n := 0; n < 3 && k+1 < len(ws) && p.joined(k) && adverbs[ws[k+1].fold]; n++ {
		k++
	}
	if k+1 < len(ws) && (p.joined(k) || p.elided(k)) {
		r := p.parseRef(k + 1)
		if r.org || p.namesNobody(k+1) {
			return -1, true // « … », indique le ministère; « … », répond Voltaria
		}
		if who := a.resolve(r); who >= 0 {
			return who, true
		}
		// « … », explique à l'AFP Jean Dupont: a short complement first.
		if f := ws[k+1].fold; f == "a" || f == "au" || f == "aux" {
			for j := k + 2; j < len(ws) && j <= k+5 && (p.joined(j-1) || p.elided(j-1)); j++ {
				if p.who[j] >= 0 {
					return p.who[j], true
				}
			}
		}
	}
	return -1, false
}

// inversion reads "explique-t-il", "a-t-elle déclaré", "fait-il". isCue
// tells whether it was one; ok whether it names a person.
func (a *attributor) inversion(p *para, wi int) (who int, ok, isCue bool) {
	parts := hyphenParts(p.words[wi].fold)
	if len(parts) < 2 {
		return -1, false, false
	}
	base, pro := parts[0], parts[len(parts)-1]
	verb := speechVerbs[base] || inversionVerbs[base] ||
		(p.auxiliaryForm(wi, base) && wi+1 < len(p.words) && p.joined(wi) && speechVerbs[p.words[wi+1].fold])
	if !verb {
		return -1, false, false
	}
	switch pro {
	case "il":
		return a.resolve(ref{ok: true, person: -1, pronoun: true, gender: guillemet.Male}), true, true
	case "elle":
		return a.resolve(ref{ok: true, person: -1, pronoun: true, gender: guillemet.Female}), true, true
	case "on", "ils", "elles":
		return -1, true, true
	}
	return -1, false, false
}

// before reads a cue between the sentence start (or the previous
// quotation) and the quotation: "X a déclaré :", "X estime que",
// "selon X,", "pour elle,".
func (a *attributor) before(p *para, segStart, qStart int) (int, bool) {
	seg := strings.TrimRightFunc(p.text[segStart:qStart], isSpace)
	if seg == "" {
		return -1, false
	}
	lo, hi := wordsIn(p.words, segStart, segStart+len(seg))
	if hi <= lo {
		return -1, false
	}
	last, _ := utf8.DecodeLastRuneInString(seg)
	switch {
	case last == ':':
		return a.verbSubject(p, lo, hi)
	case last == ',':
		if who, ok := a.source(p, lo, hi); ok {
			return who, ok
		}
		return a.incise(p, lo, hi)
	case p.words[hi-1].end == segStart+len(seg) && p.words[hi-1].fold == "que":
		return a.verbSubject(p, lo, hi-1)
	}
	return -1, false
}

// verbSubject finds the speech verb ending words [lo, hi) and its subject.
func (a *attributor) verbSubject(p *para, lo, hi int) (int, bool) {
	ws := p.words
	for v := hi - 1; v >= lo && v >= hi-6; v-- {
		if who, ok, isCue := a.inversion(p, v); isCue {
			return who, ok && who >= 0
		}
		if !speechVerbs[ws[v].fold] || p.quoted[v] {
			continue
		}
		// « explique Marie Dupont : »
		if v+1 < hi && p.joined(v) {
			if r := p.parseRef(v + 1); r.ok && r.end == hi {
				if r.org {
					return -1, true
				}
				if who := a.resolve(r); who >= 0 {
					return who, true
				}
			}
		}
		return a.subjectBefore(p, lo, v)
	}
	return -1, false
}

// maxSubject bounds how far back a subject is looked for.
const maxSubject = 25

// subjectBefore finds the subject of the verb at word v: the nearest
// person named, subject pronoun or title before it.
func (a *attributor) subjectBefore(p *para, lo, v int) (int, bool) {
	ws := p.words
	for k := v - 1; k >= lo && k >= v-maxSubject; k-- {
		if p.quoted[k] {
			continue
		}
		if p.who[k] >= 0 {
			return p.who[k], true
		}
		f := ws[k].fold
		if subjectPronouns[f] && !(f == "il" && p.impersonal(k)) {
			who := a.resolve(p.parseRef(k))
			return who, who >= 0
		}
		if k > lo && p.institutionSubject(k-1, lo) {
			return -1, true // le ministère indique que « … »: no person speaks
		}
		if _, ok := roleWord(f); ok && k > lo {
			if _, det := determiners[ws[k-1].fold]; det {
				who := a.resolve(p.parseRef(k - 1))
				return who, who >= 0
			}
		}
	}
	return -1, false
}

// impersonal reports whether "il" at word k refers to nobody: il faut,
// il y a, il reste.
func (p *para) impersonal(k int) bool {
	return k+1 < len(p.words) && impersonal[p.words[k+1].fold]
}

// source reads "selon X," "pour X," or "d'après X," just before a quotation.
func (a *attributor) source(p *para, lo, hi int) (int, bool) {
	ws := p.words
	for k := hi - 1; k >= lo && k >= hi-8; k-- {
		f := ws[k].fold
		if f != "selon" && f != "pour" && !(f == "apres" && k > 0 && ws[k-1].fold == "d" && p.elided(k-1)) {
			continue
		}
		if k+1 < hi && p.joined(k) {
			if r := p.parseRef(k + 1); r.ok && r.end == hi {
				if r.org {
					return -1, true // pour la direction, « … »
				}
				if who := a.resolve(r); who >= 0 {
					return who, true
				}
			}
		}
		return -1, false
	}
	return -1, false
}

// selon finds "selon X" or "d'après X" anywhere in the sentence, outside
// quotations: the whole sentence reports X's words. Where it stands is
// found once per sentence, so that a long sentence full of quotations
// stays linear.
func (a *attributor) selon(p *para, si int, sent guillemet.Span) (int, bool) {
	if p.selonAt[si] == unknownWord {
		p.selonAt[si] = p.findSelon(sent)
	}
	if k := p.selonAt[si]; k >= 0 {
		r := p.parseRef(k)
		if r.org {
			return -1, true // selon la préfecture
		}
		if who := a.resolve(r); who >= 0 {
			return who, true
		}
	}
	return -1, false
}

// unknownWord marks a per-sentence cache entry not computed yet.
const unknownWord = -2

// maxIncise bounds the words of a speech verb and its subject set
// between commas.
const maxIncise = 8

// incise reads a speech verb set between commas just before the
// quotation: "L'entreprise, explique Paul Durand, « … »", "Le projet,
// ajoute-t-elle, « … »". Words [lo, hi) end with the comma.
func (a *attributor) incise(p *para, lo, hi int) (int, bool) {
	ws := p.words
	for w := hi - 1; w > lo && w >= hi-maxIncise; w-- {
		if p.quoted[w] {
			return -1, false
		}
		if strings.Contains(p.text[ws[w-1].end:ws[w].start], ",") {
			return a.cue(p, w)
		}
	}
	return -1, false
}

// findSelon returns the word after the first "selon"/"d'après" of the
// sentence that introduces someone, or -1.
func (p *para) findSelon(sent guillemet.Span) int {
	ws := p.words
	lo, hi := wordsIn(ws, sent.Start, sent.End)
	for k := lo; k < hi; k++ {
		if p.quoted[k] {
			continue
		}
		f := ws[k].fold
		if (f == "selon" && p.joined(k)) || (f == "apres" && k > 0 && ws[k-1].fold == "d" && p.elided(k-1) && p.joined(k)) {
			if p.parseRef(k + 1).ok {
				return k + 1
			}
		}
	}
	return -1
}

// findVerb returns the speech verb that comes before any quotation in
// the sentence, or -1. A verb after one is that quotation's cue.
func (p *para) findVerb(sent guillemet.Span) int {
	lo, hi := wordsIn(p.words, sent.Start, sent.End)
	for k := lo; k < hi && !p.quoted[k]; k++ {
		if speechVerbs[p.words[k].fold] {
			return k
		}
	}
	return -1
}

// subject finds the subject of the sentence before the quotation: the
// first person named, or a subject pronoun or a title opening the
// sentence or a clause. It is found once per sentence.
func (a *attributor) subject(p *para, si int, sent guillemet.Span, qStart int) (int, bool) {
	if p.subjectAt[si] == unknownWord {
		p.subjectAt[si] = p.findSubject(sent)
	}
	k := p.subjectAt[si]
	if k < 0 || p.words[k].end > qStart {
		return -1, false
	}
	if p.who[k] >= 0 {
		return p.who[k], true
	}
	r := p.parseRef(k)
	if r.org {
		return -1, true // le ministère indique « … »
	}
	who := a.resolve(r)
	return who, who >= 0
}

// findSubject returns the word where the subject of the sentence stands,
// or -1.
func (p *para) findSubject(sent guillemet.Span) int {
	ws := p.words
	lo, hi := wordsIn(ws, sent.Start, sent.End)
	opening := true
	for k := lo; k < hi; k++ {
		if p.quoted[k] {
			opening = false
			continue
		}
		if p.who[k] >= 0 {
			return k
		}
		f := ws[k].fold
		if opening {
			if subjectPronouns[f] && !(f == "il" && p.impersonal(k)) {
				return k
			}
			if _, det := determiners[f]; det && k+1 < hi {
				if _, role := roleWord(ws[k+1].fold); role {
					return k
				}
			}
			// "Le groupe, par la voix de son PDG Paul Durand, affirme":
			// the person named next speaks for the institution.
			if p.institutionSubject(k, lo) && !p.spokesperson(k+2, hi) {
				return k
			}
		}
		opening = k+1 < len(ws) && strings.Contains(p.text[ws[k].end:ws[k+1].start], ",")
	}
	return -1
}

// reflexive reports whether word i is the pronoun of a reflexive verb
// that follows it: s'interroge, se défend, s'est félicité.
func (p *para) reflexive(i int) bool {
	if i < 0 || i+1 >= len(p.words) {
		return false
	}
	switch p.words[i].fold {
	case "s":
		return p.elided(i)
	case "se":
		return p.joined(i)
	}
	return false
}

// objectPronoun reports whether word i is an object pronoun standing
// before a verb: nous a-t-il confié, lui répond-elle, m'a dit X.
func (p *para) objectPronoun(i int) bool {
	if i < 0 || i+1 >= len(p.words) {
		return false
	}
	switch p.words[i].fold {
	case "nous", "vous", "lui", "leur", "me", "te":
		return p.joined(i)
	case "m", "t":
		return p.elided(i)
	}
	return false
}

// auxiliary reports whether word i builds a compound past.
func (p *para) auxiliary(i int) bool { return p.auxiliaryForm(i, p.words[i].fold) }

// auxiliaryForm reports whether f, read at word i, builds a compound past:
// a, avait…, or est after a reflexive pronoun (s'est félicité, s'est-il
// félicité).
func (p *para) auxiliaryForm(i int, f string) bool {
	return auxiliaries[f] || (reflexiveAuxiliaries[f] && p.reflexive(i-1))
}

// speechAt reports whether a speech verb stands at word j, maybe in the
// compound past or reflexive: dit, a déclaré, s'interroge, s'est félicité.
func (p *para) speechAt(j int) bool {
	ws := p.words
	if p.reflexive(j) {
		j++
	}
	if j >= len(ws) {
		return false
	}
	if speechVerbs[ws[j].fold] {
		return true
	}
	return p.auxiliary(j) && j+1 < len(ws) && p.joined(j) && speechVerbs[ws[j+1].fold]
}

// namesNobody reports whether word k, right after a speech verb, is a
// capitalised name that is no person's: « … », répond Voltaria. The
// speaker is then someone the article does not name as a person.
func (p *para) namesNobody(k int) bool {
	w := &p.words[k]
	if !w.cap || w.digit || p.who[k] >= 0 || p.quoted[k] || stopwords[w.fold] || isPronoun(w.fold) ||
		isFirstName(w.fold) { // « … », sourit Camille: someone named by first name
		return false
	}
	if _, ok := determiners[w.fold]; ok {
		return false
	}
	if _, ok := honorifics[w.fold]; ok {
		return false
	}
	if _, ok := roleWord(w.fold); ok {
		return false
	}
	_, ok := roleModifiers[w.fold]
	return !ok
}

// institutionSubject reports whether words k and k+1 open a clause with
// an institution for subject: "le ministère de la Santé indique", "la
// direction estime", "l'intersyndicale". lo is the first word the clause
// may start at.
func (p *para) institutionSubject(k, lo int) bool {
	ws := p.words
	if k < lo || k+1 >= len(ws) || p.quoted[k] || !subjectDeterminers[ws[k].fold] || !(p.joined(k) || p.elided(k)) || !p.institution(k+1) {
		return false
	}
	return k == lo || strings.ContainsAny(p.text[ws[k-1].end:ws[k].start], ",;:(")
}

// institution reports whether word k, after a determiner, names an
// institution rather than a person: ministère, syndicats, l'ARS.
func (p *para) institution(k int) bool {
	w := &p.words[k]
	if p.who[k] >= 0 || w.digit || (p.joined(k) && p.who[k+1] >= 0) {
		return false // a title before a name: le VP Jean Dupont
	}
	if _, role := roleWord(w.fold); role {
		return false // le DG, la DRH
	}
	if w.cap && !w.lower && w.runes >= 2 {
		return true // an acronym: la CGT, l'ARS
	}
	return institutions[w.fold] || institutions[strings.TrimSuffix(w.fold, "s")] || institutions[strings.TrimSuffix(w.fold, "x")]
}

// maxSpokesperson bounds how far after an institution its spokesperson
// may be introduced.
const maxSpokesperson = 6

// spokesperson reports whether words from k, up to a few, introduce
// someone speaking for an institution: par la voix de, via son
// porte-parole.
func (p *para) spokesperson(k, hi int) bool {
	for m := k; m < hi && m < k+maxSpokesperson && !p.quoted[m]; m++ {
		if spokesWords[p.words[m].fold] {
			return true
		}
	}
	return false
}
