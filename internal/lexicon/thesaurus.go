package lexicon

import (
	"fmt"
	"slices"
	"strings"

	"guillemet/data"
)

// Thesaurus groups French words and phrases of one meaning in a news
// story, everyday and journalistic: "flics" and "policiers", "viré" and
// "limogé". A French question's words meet the article's through it.
// A Thesaurus is immutable after ParseThesaurus and safe for concurrent use.
type Thesaurus struct {
	groups [][]member
	index  map[string][]int32 // frenchKey of a member → its groups
}

// member is a word or phrase of a group, with its key, worked out once.
type member struct{ text, key string }

// maxThesaurusSynonyms bounds what one word brings: a group is tight, but
// a word in two long groups would flood a question.
const maxThesaurusSynonyms = 16

// ParseThesaurus reads one group a line, members separated by '|'; blank
// lines and lines starting with '#' are skipped. A line of one member
// is an error naming its line number.
func ParseThesaurus(text string) (*Thesaurus, error) {
	members := strings.Count(text, "|") + strings.Count(text, "\n")
	t := &Thesaurus{index: make(map[string][]int32, members), groups: make([][]member, 0, strings.Count(text, "\n"))}
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		var texts []string
		for _, m := range strings.Split(line, "|") {
			if m = strings.TrimSpace(m); m != "" {
				texts = appendUnique(texts, m)
			}
		}
		if len(texts) < 2 {
			return nil, fmt.Errorf("thesaurus: line %d: a group needs two members: %q", n, line)
		}
		id := int32(len(t.groups))
		group := make([]member, len(texts))
		for i, m := range texts {
			group[i] = member{text: m, key: frenchKey(m)}
		}
		t.groups = append(t.groups, group)
		for _, m := range group {
			for _, k := range []string{m.key, unreflexive(m.key)} {
				if ids := t.index[k]; len(ids) == 0 || ids[len(ids)-1] != id {
					t.index[k] = append(ids, id)
				}
			}
		}
	}
	return t, nil
}

// Synonyms returns the other members of the groups french belongs to,
// in the order the groups list them.
func (t *Thesaurus) Synonyms(french string) []string {
	key := frenchKey(french)
	var out, keys []string
	for _, id := range t.index[key] {
		for _, m := range t.groups[id] {
			if m.key == key {
				continue
			}
			// The bound counts words, not forms: "payé", "payée", "payés"
			// are one word, and a long group's last word still comes.
			if !slices.Contains(keys, m.key) {
				if len(keys) == maxThesaurusSynonyms {
					continue
				}
				keys = append(keys, m.key)
			}
			out = appendUnique(out, m.text)
		}
	}
	return out
}

// Has reports whether the thesaurus holds french, a word or a phrase.
func (t *Thesaurus) Has(french string) bool { return len(t.index[frenchKey(french)]) > 0 }

// Len is the number of groups.
func (t *Thesaurus) Len() int { return len(t.groups) }

var defaultThesaurus = embedded(ParseThesaurus, data.SynonymsFR)

// DefaultThesaurus returns the thesaurus embedded from
// data/synonyms_fr.tsv, parsed once, on the first French question.
func DefaultThesaurus() *Thesaurus { return defaultThesaurus() }

// unreflexive drops the reflexive pronoun of a verb's key: a question's
// "s'installer" reaches the engine as "installer".
func unreflexive(key string) string {
	for _, p := range []string{"s'", "se "} {
		if rest, ok := strings.CutPrefix(key, p); ok && !strings.Contains(rest, " ") {
			return frenchKey(rest) // "s'installer" was kept whole: strip its ending now
		}
	}
	return key
}
