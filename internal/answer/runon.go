package answer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

// causeShare is the share of a paragraph's match that the next paragraph
// gets when it opens on the cause: "En cause, deux épisodes climatiques".
const causeShare = 0.9

// shortOpening is the length under which an opening sentence only
// announces what follows.
const shortOpening = 80

// causeOpeners open a paragraph that explains the one before.
var causeOpeners = []string{"en cause", "la raison", "les raisons", "la cause", "les causes", "cela s'explique", "ce qui s'explique", "une situation qui s'explique", "l'explication", "explication"}

// explainers say that what comes next is the cause of what was said.
var explainers = []string{"s'explique", "s'expliquent", "en raison d", "a cause d", "imputable", "faute d", "parce qu", "du fait d"}

// causeFollows scores the next paragraph for a why question when it opens
// on the cause of what top matched ("En cause, deux épisodes
// climatiques"), or when top gives no cause and the next paragraph, about
// the same thing, explains it in its first sentences ("La compagnie
// traînait une dette. Ses difficultés s'expliquent par…").
func (e *Engine) causeFollows(q question, top scored, carried float64) (scored, bool) {
	paras := e.articles[top.article].Paragraphs
	next := top.para + 1
	if q.kind != Why || next >= len(paras) || len(e.paras[top.article][next].sentences) == 0 {
		return scored{}, false
	}
	ss := e.paras[top.article][next].sentences
	s := ss[0]
	opening := text.Fold(strings.TrimLeft(paras[next].Text[s.span.Start:s.span.End], " «\u00a0"))
	for _, o := range causeOpeners {
		if strings.HasPrefix(opening, o) { // folded: ’ is already '
			// "En cause, deux épisodes climatiques." announces; the next sentence tells.
			runOn := s.span.End-s.span.Start < shortOpening && len(ss) > 1
			return scored{article: top.article, para: next, sent: 0, next: runOn, score: causeShare*carried + q.fit(s, nil), coverage: top.coverage}, true
		}
	}
	if e.paras[top.article][top.para].sentences[top.sent].features.Cause || strings.HasPrefix(opening, "ce ") {
		return scored{}, false // "Ce n'est pas la première faillite" moves on to another story
	}
	for i, s := range ss[:min(2, len(ss))] {
		if i > 0 && !opensOnReference(paras[next].Text) {
			break // "Selon la direction, la décision s'explique par…" opens on the cause; a second sentence must be about the same thing
		}
		said := text.Fold(paras[next].Text[s.span.Start:s.span.End])
		for _, x := range explainers {
			if strings.Contains(said, x) {
				return scored{article: top.article, para: next, sent: i, score: causeShare*carried + q.fit(s, nil), coverage: top.coverage}, true
			}
		}
	}
	return scored{}, false
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

// quoteGoesOn reports whether the sentence after sentence i quotes the
// same person, and the two fit in a snippet: what someone thinks is often
// in the words that follow the ones matched.
func quoteGoesOn(para string, ss []sentence, i int) bool {
	if i+1 >= len(ss) || ss[i].quoted == "" || ss[i+1].quoted != ss[i].quoted {
		return false
	}
	return utf8.RuneCountInString(para[ss[i].span.Start:ss[i+1].span.End]) <= guillemet.MaxSnippet
}

// causeNear returns the sentence of a paragraph nearest to sent that gives
// a cause, or sent when none does.
func causeNear(ss []sentence, sent int) int {
	for d := 1; d < len(ss); d++ {
		for _, i := range []int{sent - d, sent + d} {
			if i >= 0 && i < len(ss) && ss[i].features.Cause {
				return i
			}
		}
	}
	return sent
}

// purposeRe finds a purpose clause, which answers why as well as a cause:
// "pour ne pas dépendre d'un éditeur", "afin de".
var purposeRe = regexp.MustCompile(`(?i)\bpour (ne (pas|plus) )?\p{L}+(er|ir|re)\b|\bafin (de|d'|d’|que|qu)|\bdans le but de\b`)

func purpose(para string, s sentence) bool {
	return purposeRe.MatchString(para[s.span.Start:s.span.End])
}
