package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

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
		if _, ok := roleWord(w.fold); ok {
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
		// "Hier Pierre Paperon", "la ministre de la Santé Anne Roy": a
		// capitalised word opening the sentence, or an institution's, is
		// not part of the name that follows it.
		if parts >= 2 && !isFirstName(ws[i].fold) && isFirstName(ws[i+1].fold) &&
			(p.sentenceInitial(i) || organisationWords[ws[i].fold] || p.orgContext(i)) {
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
		if k > i && p.commonNoun(k) {
			c.orgish = true // Sud Solidarité, Groupe Innovation
		}
	}
	if p.orgContext(i) {
		c.orgish = true
	}
	p.titleBefore(&c)
	p.apposition(&c)
	if i > 0 && p.joined(i-1) && speechVerbs[ws[i-1].fold] {
		c.verb = true
	}
	// "Les analystes de Kepler Cheuvreux jugent": after a preposition the
	// subject is the noun before, and the name a firm's.
	if j < len(ws) && p.joined(j-1) && !(i > 0 && complementPrepositions[ws[i-1].fold]) && p.speechAt(j) {
		c.verb = true
	}
	return c
}

func isPronoun(f string) bool {
	_, ok := pronouns[f]
	return ok
}

// commonNoun reports whether word k, inside a capitalised run, has the
// shape of a common noun rather than a surname: Sécurité, Innovation,
// Tourisme.
func (p *para) commonNoun(k int) bool {
	w := &p.words[k]
	f := w.fold
	if w.runes >= 6 && (strings.HasSuffix(f, "tion") || strings.HasSuffix(f, "sion") || strings.HasSuffix(f, "isme") || strings.HasSuffix(f, "ologie")) {
		return true
	}
	return w.runes >= 4 && strings.HasSuffix(p.text[w.start:w.end], "té")
}

// orgContext reports whether the words before the name at word i make it
// an organisation's or a place's: "le syndicat X", "le fonds parisien X",
// "la start-up X", "de la X", "du X".
func (p *para) orgContext(i int) bool {
	ws := p.words
	if i == 0 || !(p.joined(i-1) || p.elided(i-1)) {
		return false
	}
	switch ws[i-1].fold {
	case "du", "des", "au", "aux":
		return true
	case "la", "l":
		if i >= 2 && (p.joined(i-2) || p.elided(i-2)) {
			switch ws[i-2].fold {
			case "de", "d", "a":
				return true
			}
		}
		return false
	}
	k := i - 1
	// Two adjectives may stand between: le fonds parisien X, le groupe
	// papetier suédois X.
	for n := 0; n < 2 && !institutions[ws[k].fold] && !ws[k].cap && k > 0 && p.joined(k-1) && !stopwords[ws[k].fold]; n++ {
		k--
	}
	_, det := determiners[ws[k].fold]
	return !det && institutions[ws[k].fold] && !ws[k].cap
}
