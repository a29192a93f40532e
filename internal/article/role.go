package article

import (
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
)

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
		if g, ok := roleWord(f); ok {
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
	// "Anne Roy, déléguée Sud Rail": a bare title after a comma belongs
	// to the name before it, and the name after it is an employer's.
	if k > 0 && strings.Contains(p.text[ws[k-1].end:ws[k].start], ",") {
		c.orgish = true
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
		// "le docteur Hélène Quéré": the article is the noun's, the first
		// name the person's
		if c.knownFirst && c.firstGender != guillemet.Unknown {
			c.gender = c.firstGender
		}
	}
}

// maxLeadingTitle bounds the words of a title put before a name.
const maxLeadingTitle = 8

// leadingTitle reads a title set before the name between commas, as in
// "Le président de la République, Emmanuel Macron, a estimé…": a clause
// opening with a determiner and a title, right before the name.
func (p *para) leadingTitle(c *candidate) bool {
	ws, i, t := p.words, c.first, p.text
	after := t[ws[c.last-1].end:]
	if c.last < len(ws) {
		after = t[ws[c.last-1].end:ws[c.last].start]
	}
	if strings.TrimFunc(t[ws[i-1].end:ws[i].start], isSpace) != "," ||
		(c.last < len(ws) && !closesApposition(after) && !strings.HasPrefix(strings.TrimLeftFunc(after, isSpace), "(")) {
		return false // "…, Jean-Marc Roussel (divers droite), défend…" closes it too
	}
	for k := i - 1; k >= 0 && i-k <= maxLeadingTitle; k-- {
		if k < i-1 && !p.joined(k) && !p.elided(k) {
			return false // punctuation inside: not one clause
		}
		// The title opens a clause, or follows a speech verb: « … », a
		// réagi le ministre de l'Économie, Étienne Rocher.
		dg, det := determiners[ws[k].fold]
		if !det || k >= i-1 || !(k == 0 || strings.ContainsAny(t[ws[k-1].end:ws[k].start], ",.;:!?…«»\"“”(") || p.afterSpeechVerb(k) || p.afterOpener(k)) {
			continue
		}
		j := k + 1
		_, mod := roleModifiers[ws[j].fold]
		if mod && j+1 < i {
			j++
		}
		rg, role := roleWord(ws[j].fold)
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

// afterOpener reports whether word k follows a clause opener such as
// "Pour" or "Selon" at the start of a clause: "Pour le recteur, Philippe
// Kerhervé, la fermeture…".
func (p *para) afterOpener(k int) bool {
	j := k - 1
	if j < 0 || !p.joined(j) || !clauseOpeners[p.words[j].fold] {
		return false
	}
	return j == 0 || strings.ContainsAny(p.text[p.words[j-1].end:p.words[j].start], ",.;:!?…«»\"“”(")
}

var clauseOpeners = map[string]bool{"pour": true, "selon": true, "apres": true, "chez": true, "cote": true}

// afterSpeechVerb reports whether a speech verb, maybe followed by a few
// adverbs, comes right before word k: "a annoncé mardi la ministre".
func (p *para) afterSpeechVerb(k int) bool {
	j := k - 1
	for n := 0; n < 3 && j >= 0 && p.joined(j) && adverbs[p.words[j].fold]; n++ {
		j--
	}
	return j >= 0 && p.joined(j) && speechVerbs[p.words[j].fold]
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
	if g, ok := stressedPronouns[ws[k].fold]; ok && k+1 < len(ws) && strings.TrimFunc(t[ws[k].end:ws[k+1].start], isSpace) == "," {
		c.pronoun, c.gender = true, g // "Tigist Bekele, elle, s'est imposée"
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
		if g, ok := roleWord(f); ok {
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

// stressedPronouns set after a name stand for a person of their gender.
var stressedPronouns = map[string]guillemet.Gender{"elle": guillemet.Female, "lui": guillemet.Male}
