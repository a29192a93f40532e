package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/text"
)

// token is one word of a folded question: w is the word with any possessive
// or contraction suffix removed ("company's" → "company"), [start, end) its
// bytes in the folded string, and brk reports punctuation (a comma, a full
// stop...) between it and the previous word, which no phrase may cross.
type token struct {
	w          string
	start, end int
	brk        bool
}

// fold lowercases s and strips accents; plain ASCII, the common case for
// English, takes a fast path that allocates only when s has capitals.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return text.Fold(s)
		}
	}
	return strings.ToLower(s)
}

// tokenize splits a folded string into words: runs of letters and digits,
// with apostrophes kept between letters ("o'clock", "didn't") and dots or
// commas kept between digits ("1.5"). Possessives lose their "'s" and
// contractions their "'re", "'ve", "'ll", "'d", "'m" tail.
func tokenize(s string, toks []token) []token {
	brk := false
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if isBreak(r) {
				brk = true
			}
			i += size
			continue
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if i+size < len(s) {
				prev, _ := utf8.DecodeLastRuneInString(s[start:i])
				next, _ := utf8.DecodeRuneInString(s[i+size:])
				if r == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(next) ||
					(r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
					i += size
					continue
				}
			}
			break
		}
		end := i
		w := s[start:end]
		if j := strings.LastIndexByte(w, '\''); j > 0 {
			switch w[j+1:] {
			case "s", "re", "ve", "ll", "d", "m":
				w = w[:j]
				end = start + j
			}
		}
		toks = append(toks, token{w: w, start: start, end: end, brk: brk})
		brk = false
	}
	return toks
}

// isBreak reports punctuation that ends a phrase: anything but spaces,
// hyphens, apostrophes and quotation marks.
func isBreak(r rune) bool {
	switch r {
	case '\'', '-', '"':
		return false
	}
	return unicode.IsPunct(r) && !unicode.In(r, unicode.Pi, unicode.Pf) || unicode.IsSymbol(r)
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// IsStopword reports whether an English word (lowercase) carries no meaning
// worth translating: articles, auxiliaries, pronouns, most prepositions and
// the question words, which the answer engine reads itself.
func IsStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

// IsQuestionWord reports whether w is an English question word
// (what, who, which, when, where, why, how...).
func IsQuestionWord(w string) bool {
	_, ok := questionWords[w]
	return ok
}

var questionWords = set(
	"what", "who", "whom", "whose", "which", "when", "where", "why", "how",
	"whatever", "whoever", "whichever", "whenever", "wherever",
)

var stopwords = set(
	// articles, determiners, quantifiers without content
	"a", "an", "the", "this", "that", "these", "those", "all", "any", "some",
	"each", "both", "either", "neither", "such", "one", "ones", "other",
	"more", "most", "much", "less", "least", "same", "own", "every",
	// auxiliaries and modals
	"be", "is", "are", "was", "were", "been", "being", "am",
	"do", "does", "did", "done", "doing", "have", "has", "had", "having",
	"will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
	"get", "got", "let",
	// pronouns
	"i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves",
	"he", "him", "his", "himself", "she", "her", "hers", "herself",
	"it", "its", "itself", "we", "us", "our", "ours", "ourselves",
	"they", "them", "their", "theirs", "themselves",
	"there", "here", "somebody", "someone", "something", "anything", "anyone", "anybody",
	// prepositions and conjunctions
	"of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "as",
	"into", "onto", "upon", "out", "off", "up", "down", "over", "than", "then",
	"during", "through", "throughout", "across", "within", "among", "amongst", "per", "via",
	"and", "or", "but", "nor", "if", "so", "whether", "while", "also", "too",
	"very", "just", "even", "still", "yet", "ever", "else", "please",
	"not", "no", "yes", "ok", "okay",
	// contractions that survive tokenisation
	"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
	"won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "mustn't",
	"hasn't", "haven't", "hadn't", "needn't", "mightn't", "shan't", "ain't",
	// question words (see IsQuestionWord)
	"what", "who", "whom", "whose", "which", "when", "where", "why", "how",
	"whatever", "whoever", "whichever", "whenever", "wherever",
)

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
