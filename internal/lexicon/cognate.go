package lexicon

import "strings"

// Cognates proposes French spellings of an English word by regular rules,
// without accents, most likely first, then the word itself (names and
// loanwords such as "marketing" or "cloud" are used as they are) and its
// stripped base. -s, -ed and -ing are stripped first ("organized" →
// organize), then: -ization → -isation, -ize/-ise → -iser, -yze → -yser,
// -ical → -ique, -ic → -ique, -ial → -iel, -ual → -uel, -ious → -ieux,
// -ous → -eux, -ist → -iste, -ism → -isme, -ator → -ateur, -or → -eur,
// -er → -eur, -ive → -if, -ancy/-ency → -ance/-ence, -ogy → -ogie,
// -phy → -phie, -ity/-ty → -ité/-té (without accent), -ary → -aire,
// -ory → -oire|-orie, -ery → -erie, -acy → -atie, -y → -ie,
// -ate → -er|-at, -ically → -iquement, -ally → -alement, -ly → -ement.
// Words that keep their form (-tion, -al, -ment, -ance, -ble, -ure) come
// back as the word itself. The engine keeps the candidates its index holds.
func Cognates(word string) []string {
	w := fold(strings.TrimSpace(word))
	if w == "" {
		return nil
	}
	if !isASCIIWord(w) {
		return []string{w}
	}
	out := make([]string, 0, 6)
	var buf [8]string
	bases := inflectionBases(buf[:0], w)
	if len(bases) == 0 {
		bases = append(bases, w)
	}
	for _, b := range bases {
		out = appendCognates(out, b)
	}
	out = appendUnique(out, w)
	for _, b := range bases {
		out = appendUnique(out, b)
	}
	return out
}

// inflectionBases strips a plural, -ed or -ing ending: the candidates of
// ruleLemmas restricted to those endings.
func inflectionBases(dst []string, w string) []string {
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		for _, c := range appendRuleLemmas(nil, w) {
			dst = append(dst, c)
		}
	}
	return dst
}

type cognateRule struct {
	suffix string
	repl   []string
	min    int // minimum length of the word
}

// cognateRules are tried in order; the first suffix that fits applies.
var cognateRules = []cognateRule{
	{"ization", []string{"isation"}, 8},
	{"isation", []string{"isation"}, 8},
	{"ically", []string{"iquement"}, 8},
	{"ally", []string{"alement"}, 7},
	{"ably", []string{"ablement"}, 7},
	{"ibly", []string{"iblement"}, 7},
	{"ely", []string{"ement"}, 6},
	{"ily", []string{"iement"}, 6},
	{"ly", []string{"ement"}, 6},
	{"tion", nil, 5},
	{"sion", nil, 5},
	{"ize", []string{"iser"}, 6},
	{"ise", []string{"iser"}, 6},
	{"yze", []string{"yser"}, 6},
	{"yse", []string{"yser"}, 6},
	{"ical", []string{"ique", "ical"}, 6},
	{"ics", []string{"ique"}, 5},
	{"ic", []string{"ique"}, 4},
	{"ial", []string{"iel", "ial"}, 5},
	{"ual", []string{"uel", "ual"}, 5},
	{"ian", []string{"ien"}, 5}, // technician, obstetrician
	{"al", nil, 4},
	{"ious", []string{"ieux"}, 6},
	{"uous", []string{"ueux"}, 6},
	{"ous", []string{"eux"}, 5},
	{"ist", []string{"iste"}, 5},
	{"ism", []string{"isme"}, 5},
	{"ator", []string{"ateur"}, 6},
	{"or", []string{"eur"}, 5},
	{"er", []string{"eur"}, 5},
	{"ment", nil, 6},
	{"ive", []string{"if", "ive"}, 5},
	{"ancy", []string{"ance"}, 6},
	{"ency", []string{"ence"}, 6},
	{"ance", nil, 6},
	{"ence", nil, 6},
	{"ogy", []string{"ogie"}, 5},
	{"phy", []string{"phie"}, 5},
	{"ity", []string{"ite"}, 5},
	{"ty", []string{"te"}, 4},
	{"ary", []string{"aire"}, 5},
	{"ory", []string{"oire", "orie"}, 5},
	{"ery", []string{"erie"}, 5},
	{"acy", []string{"atie"}, 5},
	{"ate", []string{"er", "at"}, 6},
	{"ble", nil, 5},
	{"ure", nil, 5},
}

func appendCognates(out []string, b string) []string {
	for _, r := range cognateRules {
		if len(b) < r.min || !strings.HasSuffix(b, r.suffix) {
			continue
		}
		stem := b[:len(b)-len(r.suffix)]
		for _, rep := range r.repl {
			out = appendUnique(out, stem+rep)
		}
		return out
	}
	// -y after a consonant: economy → economie, strategy → strategie.
	if n := len(b); n >= 5 && b[n-1] == 'y' && !isVowel(b, n-2) {
		out = appendUnique(out, b[:n-1]+"ie")
	}
	return out
}
