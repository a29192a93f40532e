package lexicon

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Term is one English word or phrase of a question with its French renderings.
type Term struct {
	English string   // as found in the question (lowercased), e.g. "asked" or "supervisory board"
	Lemma   string   // the lexicon key that matched, e.g. "ask"; "" when French holds only cognates
	French  []string // French terms, possibly multi-word, from the lexicon, then cognates
	Phrase  bool     // true when English spans several words
}

// Translate splits an English question into words (lowercase, punctuation
// stripped, "company's" → "company"), matches multi-word lexicon entries
// greedily, longest first and up to four words, on lemmatised words too
// ("supervisory boards" matches "supervisory board"), then single words
// through Lemmas (an irregular form such as "people" or "left" gives its
// base's French, then its own if the lexicon has it), then proposes
// Cognates for the words the lexicon does not know; numbers stand for
// themselves. Stopwords and question words give
// no Term, nor do phrases that start with a question word ("how many"),
// which the engine reads itself. Terms come in question order.
//
// Each Term's French slice is its own.
func (l *Lexicon) Translate(question string) []Term {
	folded := fold(question)
	m := matchers.Get().(*matcher)
	defer m.release()
	m.l = l
	m.toks = tokenize(folded, m.toks[:0])
	if len(m.toks) == 0 {
		return nil
	}
	m.cands = slices.Grow(m.cands[:0], len(m.toks))[:len(m.toks)]
	toks := m.toks
	terms := make([]Term, 0, len(toks)/2+1)
	for i := 0; i < len(toks); {
		if n, idx := m.phrase(i); n > 1 && !nounBeforeParticle(toks, i, n) {
			if !IsQuestionWord(toks[i].w) {
				e := &l.entries[idx]
				terms = append(terms, Term{
					English: folded[toks[i].start:toks[i+n-1].end],
					Lemma:   e.key,
					French:  e.renderings(),
					Phrase:  true,
				})
			}
			i += n
			continue
		}
		if t, ok := m.word(i); ok {
			terms = append(terms, t)
		}
		i++
	}
	return terms
}

// matcher holds the per-question scratch state of Translate; matchers are
// pooled so that a translation allocates little beyond its result.
type matcher struct {
	l     *Lexicon
	toks  []token
	cands [][]string // lemma candidates per token, computed on demand
	buf   []string   // backing store for cands
	key   [64]byte   // phrase being built
}

var matchers = sync.Pool{New: func() any {
	return &matcher{toks: make([]token, 0, 32), cands: make([][]string, 0, 32), buf: make([]string, 0, 64)}
}}

// release clears the references to the question and pools m again.
func (m *matcher) release() {
	clear(m.toks)
	clear(m.cands)
	clear(m.buf[:cap(m.buf)])
	m.l, m.toks, m.cands, m.buf = nil, m.toks[:0], m.cands[:0], m.buf[:0]
	matchers.Put(m)
}

// candidates returns the forms to look up for token i: irregular bases,
// the word itself, then regular lemmas. Stopwords match only as written.
func (m *matcher) candidates(i int) []string {
	if c := m.cands[i]; c != nil {
		return c
	}
	w := m.toks[i].w
	start := len(m.buf)
	if IsStopword(w) || !isASCIIWord(w) {
		m.buf = append(m.buf, w)
	} else {
		for _, b := range irregular[w] {
			m.buf = appendUniqueFrom(m.buf, start, b)
		}
		m.buf = appendUniqueFrom(m.buf, start, w)
		m.buf = appendRuleLemmas(m.buf, w)
		// appendRuleLemmas deduplicates against what it added only.
		m.buf = dedupFrom(m.buf, start)
	}
	c := m.buf[start:len(m.buf):len(m.buf)]
	m.cands[i] = c
	return c
}

func dedupFrom(s []string, from int) []string {
	out := s[:from]
	for _, x := range s[from:] {
		out = appendUniqueFrom(out, from, x)
	}
	return out
}

// phrase finds the longest multi-word entry starting at token i and
// returns its length in tokens and its entry index, or 0.
func (m *matcher) phrase(i int) (n int, idx int32) {
	l := m.l
	if l.maxWords < 2 || i+1 >= len(m.toks) || m.toks[i+1].brk {
		return 0, 0
	}
	// Cheap test before computing lemmas: the word as written, or any
	// candidate, must begin some phrase.
	found := false
	for _, c := range m.candidates(i) {
		if _, ok := l.prefix[c]; ok {
			found = true
			break
		}
	}
	if !found {
		return 0, 0
	}
	m.extend(i, i, m.key[:0], &n, &idx)
	return n, idx
}

// extend tries every candidate of token j after the phrase so far in key.
func (m *matcher) extend(i, j int, key []byte, bestN *int, bestIdx *int32) {
	l := m.l
	for _, c := range m.candidates(j) {
		k := key
		if j > i {
			k = append(k, ' ')
		}
		k = append(k, c...)
		if j > i {
			if idx, ok := l.index[string(k)]; ok && j-i+1 > *bestN {
				*bestN, *bestIdx = j-i+1, idx
			}
		}
		if j+1 < len(m.toks) && j+1-i < l.maxWords && !m.toks[j+1].brk {
			if _, ok := l.prefix[string(k)]; ok {
				m.extend(i, j+1, k, bestN, bestIdx)
				// "get their money back" is "get money back": a possessive
				// inside a phrase is no word of it, or stands for "the"
				// ("on his way out" is "on the way out"); so is the object
				// of a separable verb ("taking this to court")
				if _, obj := objects[m.toks[j+1].w]; obj && j+2 < len(m.toks) && !m.toks[j+2].brk {
					m.extend(i, j+2, k, bestN, bestIdx)
				}
				if _, own := possessives[m.toks[j+1].w]; own && j+2 < len(m.toks) && !m.toks[j+2].brk {
					m.extend(i, j+2, k, bestN, bestIdx)
					if the := append(k, " the"...); j+2-i < l.maxWords {
						if _, ok := l.prefix[string(the)]; ok {
							m.extend(i, j+2, the, bestN, bestIdx)
						}
					}
				}
			}
		}
	}
}

var (
	possessives = set("my", "your", "his", "her", "its", "our", "their")
	objects     = set("it", "them", "him", "this", "that", "these", "those", "us", "me")
)

// word translates the single token i.
func (m *matcher) word(i int) (Term, bool) {
	l := m.l
	w := m.toks[i].w
	if IsStopword(w) {
		return Term{}, false
	}
	if h, ok := l.irregular[w]; ok {
		return Term{English: w, Lemma: h.lemma, French: l.hitRenderings(h)}, true
	}
	for _, c := range m.candidates(i) {
		if c != w && IsStopword(c) {
			continue
		}
		if idx, ok := l.index[c]; ok {
			e := &l.entries[idx]
			return Term{English: w, Lemma: e.key, French: e.renderings()}, true
		}
	}
	if isNumber(w) {
		fr := []string{w}
		if strings.ContainsRune(w, '.') {
			fr = append(fr, strings.ReplaceAll(w, ".", ","))
		}
		return Term{English: w, French: fr}, true
	}
	if utf8.RuneCountInString(w) < 2 {
		return Term{}, false
	}
	return Term{English: w, French: Cognates(w)}, true
}

// nounBeforeParticle reports a phrasal verb read where its first word is a
// noun: "the deal with the ministry" is a contract, not "deal with". A
// phrase that opens on a particle is no verb's ("that's on the way out").
func nounBeforeParticle(toks []token, i, n int) bool {
	_, last := particles[toks[i+n-1].w]
	_, first := particles[toks[i].w]
	_, det := determiners[toks[max(i-1, 0)].w]
	return i > 0 && last && !first && det
}

var (
	particles   = set("with", "up", "off", "on", "for", "about", "out", "in", "into", "over", "down", "back", "to", "of", "at", "from")
	determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your")
)

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
