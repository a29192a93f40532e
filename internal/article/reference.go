package article

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

// byPronoun resolves il/elle: the person of that gender named last, else
// the last one of unknown gender, else the last one.
func (a *attributor) byPronoun(g guillemet.Gender) int {
	if g == guillemet.Unknown {
		return a.lastAny
	}
	if i := a.last[g]; i >= 0 && a.people[i].Gender == g {
		return i
	}
	if i := a.last[guillemet.Unknown]; i >= 0 && a.people[i].Gender == guillemet.Unknown {
		a.learn(i, g)
		return i
	}
	if i := a.lastAny; i >= 0 && a.people[i].Gender != guillemet.Unknown && a.people[i].Gender != g {
		return -1 // "a-t-elle dit" after Gaël Riou: someone the article did not name as a person
	}
	return a.lastAny
}

// learn gives person i the gender a pronoun showed, when none was known.
func (a *attributor) learn(i int, g guillemet.Gender) {
	if i < 0 || g == guillemet.Unknown || a.people[i].Gender != guillemet.Unknown {
		return
	}
	a.people[i].Gender = g
	if j := a.last[g]; j < 0 || a.seen[i] > a.seen[j] {
		a.last[g] = i
	}
}

// whoseRole resolves "le nouveau directeur": the person named last whose
// role has that word, or else the first one.
func (a *attributor) whoseRole(role string) int {
	if i, ok := a.byRole[role]; ok {
		return i
	}
	return -1
}

// ref is what a phrase designates.
type ref struct {
	ok      bool
	person  int // a person named, or -1
	pronoun bool
	role    string // a title without a name: "la syndicaliste"
	org     bool   // an institution, no person: "le ministère"
	gender  guillemet.Gender
	end     int // the word after the phrase
}

// parseRef reads the phrase at word i naming someone: a pronoun (lui,
// elle, celui-ci, ce dernier), or [determiner] [honorific] [title] [name].
func (p *para) parseRef(i int) ref {
	ws := p.words
	if i < 0 || i >= len(ws) {
		return ref{}
	}
	if g, ok := pronouns[ws[i].fold]; ok {
		return ref{ok: true, person: -1, pronoun: true, gender: g, end: i + 1}
	}
	if i+1 < len(ws) && p.joined(i) && strings.HasPrefix(ws[i+1].fold, "derni") {
		switch ws[i].fold {
		case "ce":
			return ref{ok: true, person: -1, pronoun: true, gender: guillemet.Male, end: i + 2}
		case "cette":
			return ref{ok: true, person: -1, pronoun: true, gender: guillemet.Female, end: i + 2}
		}
	}
	g := guillemet.Unknown
	k := i
	if dg, ok := determiners[ws[k].fold]; ok && k+1 < len(ws) && (p.joined(k) || p.elided(k)) {
		g = dg
		k++
	}
	if k > i && p.institution(k) {
		return ref{ok: true, person: -1, org: true, end: k + 1}
	}
	if hg, ok := p.honorific(k); ok {
		g = hg
		k++
	}
	role, roleG := "", guillemet.Unknown
	for n := 0; k < len(ws) && n < 4 && p.who[k] < 0; n++ {
		f := ws[k].fold
		if rg, ok := roleWord(f); ok {
			role = f
			if rg != guillemet.Unknown {
				roleG = rg
			}
		} else if mg, ok := roleModifiers[f]; ok {
			if roleG == guillemet.Unknown {
				roleG = mg
			}
		} else {
			break
		}
		if k+1 >= len(ws) || !p.joined(k) {
			k++
			break
		}
		k++
	}
	if k < len(ws) && p.who[k] >= 0 && (k == i || p.joined(k-1) || p.elided(k-1) || strings.HasPrefix(p.text[ws[k-1].end:ws[k].start], ".")) {
		who, end := p.who[k], k
		for end < len(ws) && p.who[end] == who {
			end++
		}
		return ref{ok: true, person: who, end: end}
	}
	if role == "" {
		return ref{}
	}
	if who, end := p.titledName(k); who >= 0 {
		return ref{ok: true, person: who, end: end}
	}
	if roleG == guillemet.Unknown {
		roleG = g
	}
	return ref{ok: true, person: -1, role: role, gender: roleG, end: k}
}

// resolve turns a reference into a person, or -1.
func (a *attributor) resolve(r ref) int {
	switch {
	case !r.ok || r.org:
		return -1
	case r.person >= 0:
		return r.person
	case r.role != "":
		if i := a.whoseRole(r.role); i >= 0 {
			return i
		}
		if r.gender != guillemet.Unknown {
			return a.byPronoun(r.gender)
		}
		return -1
	}
	i := a.byPronoun(r.gender)
	a.learn(i, r.gender)
	return i
}

// titledName reads the name set after a title and its complement, as in
// "a réagi le ministre de l'Économie, Étienne Rocher, qui…": from word k,
// the first after the title words, through a complement (de…, chez…) with
// no punctuation to a comma, then a person named there and closed by a
// comma or the end of the sentence. It returns the person and the word
// after the name, or -1.
func (p *para) titledName(k int) (who, end int) {
	ws, t := p.words, p.text
	for n := 0; k > 0 && k < len(ws) && n <= maxLeadingTitle; n++ {
		gap := strings.TrimFunc(t[ws[k-1].end:ws[k].start], isSpace)
		switch {
		case gap == ",":
			who, end = p.who[k], k
			if who < 0 {
				return -1, k
			}
			for end < len(ws) && p.who[end] == who {
				end++
			}
			if end < len(ws) && !closesApposition(t[ws[end-1].end:ws[end].start]) {
				return -1, k
			}
			return who, end
		case gap != "" && gap != "'" && gap != "’":
			return -1, k // other punctuation: the title ends with no name
		case p.who[k] >= 0 || p.quoted[k]:
			return -1, k // le conseiller de Paul Durand
		case n == 0 && !complementPrepositions[ws[k].fold]:
			return -1, k
		}
		k++
	}
	return -1, k
}

// closesApposition reports whether the text between a name and the next
// word closes an apposition: a comma, or the end of a clause or sentence.
func closesApposition(gap string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(gap, isSpace))
	return strings.ContainsRune(",;.!?…)", r)
}
