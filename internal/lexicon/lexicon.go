// Package lexicon translates English questions into French search terms.
//
// Questions may be asked in English about French articles. The lexicon maps
// English words and phrases (by their base form) to the French forms met in
// news text; Translate splits a question into words, matches phrases of up to
// four words greedily, reduces inflected words to their base forms (Lemmas)
// and, for words the lexicon does not know, proposes French spellings built by
// regular rules (Cognates). The answer engine keeps only the French terms that
// occur in its index, so the lexicon may offer several alternatives.
package lexicon

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"guillemet/data"
)

// MaxWords is the longest English phrase, in words, that the lexicon holds.
const MaxWords = 4

// Lexicon maps English words and phrases to French terms.
// A Lexicon is immutable after Parse and safe for concurrent use.
type Lexicon struct {
	entries []entry
	index   map[string]int32 // normalised English key → entries index
	// prefix holds every strict word prefix of a multi-word key
	// ("supervisory" for "supervisory board"), so that phrase matching
	// stops as soon as no key can follow.
	prefix map[string]struct{}
	// irregular holds, for each irregular form of the built-in table
	// ("took", "people"), the entry of its base form merged with the
	// entry of the form itself when both exist.
	irregular map[string]hit
	maxWords  int
	synonyms  synonymIndex
}

// entry keeps the French side as written: most entries are never read,
// so a start-up only checks it and renderings splits it on use.
type entry struct {
	key   string
	raw   string   // "directeur général|PDG|DG"
	more  []string // the French sides of the key's other lines, if any
	words int
}

// renderings returns the entry's French terms, tidied and deduplicated,
// in a new slice.
func (e *entry) renderings() []string { return e.firstRenderings(-1) }

// firstRenderings returns the first n renderings, or all for n < 0.
func (e *entry) firstRenderings(n int) []string {
	out := make([]string, 0, strings.Count(e.raw, "|")+1)
	for _, raw := range append([]string{e.raw}, e.more...) {
		for f := range strings.SplitSeq(raw, "|") {
			if len(out) == n {
				return out
			}
			if !tidy(f) {
				f = strings.Join(strings.Fields(f), " ")
			}
			out = appendUnique(out, f)
		}
	}
	return out
}

// hit is an irregular form's entry: its base's, and its own when the form
// is a key too ("people").
type hit struct {
	lemma      string
	base, form int32 // entries indexes; form is -1 when the form is no key
}

func (l *Lexicon) hitRenderings(h hit) []string {
	out := l.entries[h.base].renderings()
	if h.form >= 0 {
		for _, f := range l.entries[h.form].renderings() {
			out = appendUnique(out, f)
		}
	}
	return out
}

// Parse reads the lexicon format: one entry a line, "english<TAB>french|french...";
// blank lines and lines starting with '#' are skipped. The English side is
// folded to lowercase; hyphens count as spaces, so "co-founder" and
// "co founder" are the same key. Entries repeated on several lines are
// merged. A malformed line gives an error naming its line number.
func Parse(r io.Reader) (*Lexicon, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return parse(string(b))
}

// parse reads a whole lexicon held in memory; its entries share the
// string, so the embedded lexicon costs no copy.
func parse(text string) (*Lexicon, error) {
	lines := strings.Count(text, "\n") + 1
	l := &Lexicon{
		index:     make(map[string]int32, lines),
		entries:   make([]entry, 0, lines),
		prefix:    make(map[string]struct{}),
		irregular: make(map[string]hit),
	}
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if err := l.addLine(line); err != nil {
			return nil, fmt.Errorf("lexicon: line %d: %w", n, err)
		}
	}
	l.link()
	return l, nil
}

func (l *Lexicon) addLine(line string) error {
	en, fr, ok := strings.Cut(line, "\t")
	if !ok {
		return fmt.Errorf("no tab between English and French in %q", line)
	}
	key, words, err := normalise(en)
	if err != nil {
		return err
	}
	if strings.ContainsRune(fr, '\t') {
		return fmt.Errorf("%q: more than one tab", key)
	}
	if !plainFrench(fr) {
		for f := range strings.SplitSeq(fr, "|") {
			if strings.TrimSpace(f) == "" {
				return fmt.Errorf("%q: empty French term", key)
			}
		}
	}
	if i, ok := l.index[key]; ok {
		l.entries[i].more = append(l.entries[i].more, fr)
		return nil
	}
	l.index[key] = int32(len(l.entries))
	l.entries = append(l.entries, entry{key: key, raw: fr, words: words})
	return nil
}

// normalise turns the English side of a line into its key: the words the
// tokenizer would find in a question, joined by single spaces.
func normalise(en string) (key string, words int, err error) {
	if plainKey(en) { // most lines: lowercase ASCII words and single spaces
		return en, strings.Count(en, " ") + 1, nil
	}
	en = strings.TrimSpace(en)
	if en == "" {
		return "", 0, fmt.Errorf("empty English side")
	}
	folded := fold(en)
	toks := tokenize(folded, nil)
	switch {
	case len(toks) == 0:
		return "", 0, fmt.Errorf("%q: no English word", en)
	case len(toks) > MaxWords:
		return "", 0, fmt.Errorf("%q: more than %d words", en, MaxWords)
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			if t.brk {
				return "", 0, fmt.Errorf("%q: punctuation inside the English side", en)
			}
			b.WriteByte(' ')
		}
		b.WriteString(t.w)
	}
	// Anything the tokenizer dropped, other than spaces, hyphens and a
	// possessive, means the key could never match a question.
	if t := toks[len(toks)-1]; strings.TrimRight(folded[t.end:], " ") != "" && !strings.HasPrefix(folded[t.end:], "'") {
		return "", 0, fmt.Errorf("%q: trailing punctuation", en)
	}
	if strings.TrimLeft(folded[:toks[0].start], " ") != "" {
		return "", 0, fmt.Errorf("%q: leading punctuation", en)
	}
	return b.String(), len(toks), nil
}

// link precomputes the phrase prefixes and the irregular forms.
func (l *Lexicon) link() {
	l.maxWords = 1
	for _, e := range l.entries {
		if e.words < 2 {
			continue
		}
		l.maxWords = max(l.maxWords, e.words)
		k := e.key
		for {
			i := strings.LastIndexByte(k, ' ')
			if i < 0 {
				break
			}
			k = k[:i]
			l.prefix[k] = struct{}{}
		}
	}
	for form, bases := range irregular {
		h := hit{base: -1, form: -1}
		for _, b := range bases {
			if i, ok := l.index[b]; ok {
				h.lemma, h.base = b, i
				break
			}
		}
		if h.base < 0 {
			continue // the form itself, if a key, is found the usual way
		}
		if i, ok := l.index[form]; ok {
			h.form = i
		}
		l.irregular[form] = h
	}
}

// Len is the number of distinct English entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Lookup returns the French terms of an English key, written as in the
// lexicon ("supervisory board", "co-founder"), or nil. It does not
// lemmatise: use Translate for running text. The slice is shared; do not
// modify its elements.
func (l *Lexicon) Lookup(english string) []string {
	key, _, err := normalise(english)
	if err != nil {
		return nil
	}
	if i, ok := l.index[key]; ok {
		return l.entries[i].renderings()
	}
	return nil
}

// embedded returns a function that parses embedded data on its first
// call and returns the result ever after. It panics only if the data is
// malformed, which a test guards.
func embedded[T any](parse func(string) (T, error), text string) func() T {
	return sync.OnceValue(func() T {
		v, err := parse(text)
		if err != nil {
			panic(err)
		}
		return v
	})
}

var defaultLexicon = embedded(parse, data.Lexicon)

// The embedded lexicon is parsed as soon as the package is initialised:
// on a second core it overlaps the rest of a command's start-up (the
// initialisation of bleve's packages alone takes several milliseconds).
// The French thesaurus is not: prepared here too, it took the core from
// the index and cost an English question 6 ms; a French question parses
// it on first use.
func init() { go Default() }

// Default returns the lexicon embedded from data/lexicon.tsv, parsed once.
func Default() *Lexicon { return defaultLexicon() }

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// tidy reports a French term with no spaces to collapse or trim: no
// leading, trailing or double space, no tab, no no-break space.
func tidy(f string) bool {
	if f == "" || f[0] == ' ' || f[len(f)-1] == ' ' {
		return false
	}
	for i := 1; i < len(f); i++ {
		if f[i] == '\t' || f[i] == ' ' && f[i-1] == ' ' || f[i] == 0xa0 && f[i-1] == 0xc2 {
			return false
		}
	}
	return f[0] != '\t'
}

// plainFrench reports a French side with no empty term, read in one
// scan: no leading, trailing or doubled bar, and no space beside a bar.
func plainFrench(fr string) bool {
	if fr == "" || fr[0] == '|' || fr[len(fr)-1] == '|' {
		return false
	}
	// Only the bars need looking at, and the runtime finds them fast.
	for i := strings.IndexByte(fr, '|'); i >= 0; {
		if fr[i-1] == '|' || fr[i-1] == ' ' || fr[i+1] == ' ' {
			return false
		}
		next := strings.IndexByte(fr[i+1:], '|')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return true
}

// plainKey reports an English side that is already a key: lowercase ASCII
// words separated by single spaces, at most MaxWords of them.
func plainKey(en string) bool {
	if en == "" || en[0] == ' ' || en[len(en)-1] == ' ' || strings.Count(en, " ") >= MaxWords {
		return false
	}
	prev := byte(' ')
	for i := 0; i < len(en); i++ {
		c := en[i]
		if c == ' ' && prev == ' ' || c != ' ' && (c < 'a' || c > 'z') {
			return false
		}
		prev = c
	}
	return true
}
