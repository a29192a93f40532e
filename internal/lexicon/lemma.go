package lexicon

import "strings"

// Lemmas reduces an English inflected word to candidate base forms, most
// likely first, the word itself last: "asked" → [ask asked], "hired" →
// [hire hir hired], "companies" → [company companie companies], "took" →
// [take took]. Irregular verbs and plurals come from a small table; regular
// forms from suffix rules (-s, -es, -ies, -ed, -ing, -er, -est, -ly), with a
// second pass for plurals of -ing and -ed forms ("findings" → finding, find).
// Candidates need not be words: callers keep those their lexicon knows.
func Lemmas(word string) []string {
	w := fold(strings.TrimSpace(word))
	if w == "" {
		return nil
	}
	out := make([]string, 0, 6)
	for _, b := range irregular[w] {
		out = appendUnique(out, b)
	}
	out = dedupFrom(appendRuleLemmas(out, w), 0)
	return appendUnique(out, w)
}

// appendRuleLemmas appends the regular base forms of w, deduplicated,
// never w itself.
func appendRuleLemmas(dst []string, w string) []string {
	n0 := len(dst)
	var buf [8]string
	first := ruleLemmas(buf[:0], w, true)
	for _, c := range first {
		if c != w {
			dst = appendUniqueFrom(dst, n0, c)
		}
	}
	// Second pass: plurals of -ing and -ed nouns ("findings" → "finding"
	// → "find", "savings" → "saving" → "save").
	if strings.HasSuffix(w, "s") {
		for _, c := range first {
			if strings.HasSuffix(c, "ing") || strings.HasSuffix(c, "ed") {
				var buf2 [8]string
				for _, c2 := range ruleLemmas(buf2[:0], c, false) {
					dst = appendUniqueFrom(dst, n0, c2)
				}
			}
		}
	}
	return dst
}

func appendUniqueFrom(dst []string, from int, s string) []string {
	for _, x := range dst[from:] {
		if x == s {
			return dst
		}
	}
	return append(dst, s)
}

// ruleLemmas applies the first suffix rule that fits w. all=false restricts
// the rules to -ed and -ing, for the second pass.
func ruleLemmas(dst []string, w string, all bool) []string {
	n := len(w)
	if n < 4 || !isASCIIWord(w) {
		return dst
	}
	has := func(suf string) bool { return strings.HasSuffix(w, suf) }
	switch {
	case has("ing") && n >= 5:
		return appendStem(dst, w[:n-3])
	case has("eed"): // agreed → agree; proceed, succeed stay whole
		if eeVerbs[w[:n-1]] {
			return append(dst, w[:n-1])
		}
		return dst
	case has("ied") && n >= 5: // applied → apply
		return append(dst, w[:n-3]+"y")
	case has("ed"):
		return appendStem(dst, w[:n-2])
	case !all:
		return dst
	case has("ies") && n >= 5: // companies → company; movies → movie
		return append(dst, w[:n-3]+"y", w[:n-1])
	case has("men") && n >= 5: // spokesmen → spokesman
		return append(dst, w[:n-3]+"man")
	case has("es"):
		base := w[:n-2]
		switch {
		case strings.HasSuffix(base, "ss") || strings.HasSuffix(base, "x") ||
			strings.HasSuffix(base, "z") || strings.HasSuffix(base, "ch") ||
			strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "o") && len(base) >= 4 ||
			strings.HasSuffix(base, "us") && len(base) >= 5:
			// taxes → tax, processes → process, bonuses → bonus
			return append(dst, base, w[:n-1])
		default: // prices → price, cases → case
			return append(dst, w[:n-1], base)
		}
	case has("s") && !has("ss") && !has("us") && !has("is"):
		return append(dst, w[:n-1])
	case has("iest") && n >= 6: // earliest → early
		return append(dst, w[:n-4]+"y")
	case has("ier") && n >= 5: // earlier → early
		return append(dst, w[:n-3]+"y")
	case has("est") && n >= 6: // biggest → big, largest → large
		return appendComparative(dst, w[:n-3])
	case has("er") && n >= 5: // bigger → big, later → late
		return appendComparative(dst, w[:n-2])
	case has("ily") && n >= 5: // easily → easy
		return append(dst, w[:n-3]+"y")
	case (has("ably") || has("ibly")) && n >= 6: // probably → probable
		return append(dst, w[:n-1]+"e")
	case has("ly") && n >= 5: // quickly → quick, financially → financial
		return append(dst, w[:n-2])
	}
	return dst
}

// appendStem restores the base of an -ed or -ing form from its stem:
// stopp → stop, hir → hire, ask → ask, visit → visit|visite.
func appendStem(dst []string, s string) []string {
	l := len(s)
	if l < 2 || !hasVowel(s) {
		return dst // thing, bring, red
	}
	if l >= 3 && s[l-1] == s[l-2] && !isVowel(s, l-1) {
		switch s[l-1] {
		case 'l': // called → call; controlled → control
			return append(dst, s, s[:l-1])
		case 's', 'z', 'f', 'c', 'k':
			return append(dst, s)
		}
		if keepDouble[s] {
			return append(dst, s)
		}
		return append(dst, s[:l-1], s) // stopped → stop
	}
	if s[l-1] == 'e' { // agreeing → agree, seeing → see
		return append(dst, s)
	}
	if needsE(s) {
		return append(dst, s+"e", s)
	}
	if endsCVC(s) || strings.HasSuffix(s, "eat") { // visit(e), open(e), treat(e)
		return append(dst, s, s+"e")
	}
	return append(dst, s)
}

// appendComparative restores an adjective from a comparative or
// superlative stem: bigg → big, larg → large, fast → fast.
func appendComparative(dst []string, s string) []string {
	l := len(s)
	if l < 2 || !hasVowel(s) {
		return dst
	}
	if l >= 3 && s[l-1] == s[l-2] && !isVowel(s, l-1) {
		switch s[l-1] {
		case 'l', 's', 'f', 'z', 'c', 'k':
			return append(dst, s)
		}
		return append(dst, s[:l-1], s)
	}
	if needsE(s) || endsCVC(s) && measure(s) == 1 {
		return append(dst, s+"e", s)
	}
	return append(dst, s)
}

// eeVerbs are the verbs whose past form ends in -eed.
var eeVerbs = map[string]bool{
	"agree": true, "disagree": true, "free": true, "guarantee": true, "decree": true,
	"referee": true, "see": true, "foresee": true, "oversee": true, "flee": true,
}

// keepDouble lists stems whose double consonant belongs to the base.
var keepDouble = map[string]bool{
	"add": true, "odd": true, "err": true, "ebb": true, "inn": true, "egg": true,
	"butt": true, "putt": true, "purr": true, "buzz": true, "fizz": true,
}

// needsE reports a stem that most likely lost a final e: produc(e),
// mov(e), argu(e), organiz(e), us(e), chang(e), handl(e), hir(e), vot(e).
func needsE(s string) bool {
	l := len(s)
	last := s[l-1]
	switch last {
	case 'c', 'v', 'u', 'z', 's':
		return true
	case 'g':
		return !(l >= 2 && s[l-2] == 'n' && l >= 3 && (s[l-3] == 'i' || s[l-3] == 'o'))
	case 'l':
		return l >= 2 && !isVowel(s, l-2) && s[l-2] != 'r' && s[l-2] != 'w'
	case 't':
		if l >= 3 && isVowel(s, l-2) && !isVowel(s, l-3) {
			switch s[l-2] {
			case 'a', 'o', 'u':
				return true // vot(e), execut(e)
			}
		}
	}
	if endsCVC(s) && measure(s) == 1 || strings.HasSuffix(s, "creat") {
		return true
	}
	switch {
	case strings.HasSuffix(s, "ar"), strings.HasSuffix(s, "ir"), strings.HasSuffix(s, "ur"),
		strings.HasSuffix(s, "or") && endsCVC(s), strings.HasSuffix(s, "in") && endsCVC(s):
		return true // declar(e), requir(e), secur(e), ignor(e), combin(e)
	}
	return false
}

// endsCVC reports a stem ending consonant-vowel-consonant, the last
// consonant not w, x or y: hir, visit, open.
func endsCVC(s string) bool {
	l := len(s)
	if l < 3 {
		return false
	}
	c := s[l-1]
	if c == 'w' || c == 'x' || c == 'y' {
		return false
	}
	return !isVowel(s, l-1) && isVowel(s, l-2) && !isVowel(s, l-3)
}

// measure counts vowel-consonant sequences, as Porter's m: hir 1, visit 2.
func measure(s string) int {
	m := 0
	for i := 1; i < len(s); i++ {
		if !isVowel(s, i) && isVowel(s, i-1) {
			m++
		}
	}
	return m
}

// isVowel treats y as a vowel after a consonant (typ, styl).
func isVowel(s string, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u': // the u of qu is a consonant: quot(e)
		return i == 0 || s[i-1] != 'q'
	case 'y':
		return i > 0 && !isVowel(s, i-1)
	}
	return false
}

func hasVowel(s string) bool {
	for i := range len(s) {
		if isVowel(s, i) {
			return true
		}
	}
	return false
}

func isASCIIWord(s string) bool {
	for i := range len(s) {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// irregular maps irregular English forms to their base forms.
var irregular = map[string][]string{
	// verbs
	"said": {"say"}, "told": {"tell"}, "went": {"go"}, "gone": {"go"}, "goes": {"go"},
	"made": {"make"}, "took": {"take"}, "taken": {"take"}, "chose": {"choose"}, "chosen": {"choose"},
	"began": {"begin"}, "begun": {"begin"}, "came": {"come"}, "gave": {"give"}, "given": {"give"},
	"gotten": {"get"}, "knew": {"know"}, "known": {"know"}, "thought": {"think"}, "bought": {"buy"},
	"brought": {"bring"}, "sold": {"sell"}, "paid": {"pay"}, "built": {"build"}, "sent": {"send"},
	"spent": {"spend"}, "left": {"leave"}, "lost": {"lose"}, "met": {"meet"}, "ran": {"run"},
	"saw": {"see"}, "seen": {"see"}, "found": {"find", "found"}, "held": {"hold"}, "kept": {"keep"},
	"led": {"lead"}, "meant": {"mean"}, "stood": {"stand"}, "understood": {"understand"},
	"wrote": {"write"}, "written": {"write"}, "spoke": {"speak"}, "spoken": {"speak"},
	"fell": {"fall"}, "fallen": {"fall"}, "rose": {"rise"}, "risen": {"rise"},
	"grew": {"grow"}, "grown": {"grow"}, "drew": {"draw"}, "drawn": {"draw"},
	"drove": {"drive"}, "driven": {"drive"}, "flew": {"fly"}, "flown": {"fly"}, "won": {"win"},
	"felt": {"feel"}, "heard": {"hear"}, "became": {"become"}, "forgot": {"forget"},
	"forgotten": {"forget"}, "broke": {"break"}, "broken": {"break"}, "fought": {"fight"},
	"caught": {"catch"}, "taught": {"teach"}, "sought": {"seek"}, "struck": {"strike"},
	"stole": {"steal"}, "stolen": {"steal"}, "shot": {"shoot"}, "hid": {"hide"}, "hidden": {"hide"},
	"ate": {"eat"}, "eaten": {"eat"}, "shown": {"show"}, "laid": {"lay"}, "lent": {"lend"},
	"withdrew": {"withdraw"}, "withdrawn": {"withdraw"}, "undertook": {"undertake"},
	"undertaken": {"undertake"}, "overtook": {"overtake"}, "overtaken": {"overtake"},
	"foresaw": {"foresee"}, "foreseen": {"foresee"}, "dealt": {"deal"}, "dug": {"dig"},
	"fed": {"feed"}, "fled": {"flee"}, "forbade": {"forbid"}, "forbidden": {"forbid"},
	"froze": {"freeze"}, "frozen": {"freeze"}, "hung": {"hang"}, "rang": {"ring"}, "rung": {"ring"},
	"rode": {"ride"}, "ridden": {"ride"}, "sang": {"sing"}, "sung": {"sing"}, "sank": {"sink"},
	"sunk": {"sink"}, "slid": {"slide"}, "spun": {"spin"}, "sprang": {"spring"}, "sprung": {"spring"},
	"swore": {"swear"}, "sworn": {"swear"}, "swam": {"swim"}, "swum": {"swim"}, "threw": {"throw"},
	"thrown": {"throw"}, "tore": {"tear"}, "torn": {"tear"}, "woke": {"wake"}, "woken": {"wake"},
	"wore": {"wear"}, "worn": {"wear"}, "shook": {"shake"}, "shaken": {"shake"}, "sat": {"sit"},
	"slept": {"sleep"}, "swept": {"sweep"}, "wept": {"weep"}, "bent": {"bend"}, "bled": {"bleed"},
	"bred": {"breed"}, "crept": {"creep"}, "arose": {"arise"}, "arisen": {"arise"},
	"beaten": {"beat"}, "bitten": {"bite"}, "blew": {"blow"}, "blown": {"blow"},
	"burnt": {"burn"}, "dreamt": {"dream"}, "learnt": {"learn"}, "leapt": {"leap"},
	"spelt": {"spell"}, "spilt": {"spill"}, "lit": {"light"}, "mistook": {"mistake"},
	"mistaken": {"mistake"}, "overcame": {"overcome"}, "oversaw": {"oversee"}, "overseen": {"oversee"},
	"rebuilt": {"rebuild"}, "rewrote": {"rewrite"}, "rewritten": {"rewrite"}, "sped": {"speed"},
	"stuck": {"stick"}, "strove": {"strive"}, "striven": {"strive"}, "upheld": {"uphold"},
	"withheld": {"withhold"}, "withstood": {"withstand"}, "misled": {"mislead"},
	"overthrew": {"overthrow"}, "overthrown": {"overthrow"}, "underwent": {"undergo"},
	"undergone": {"undergo"}, "born": {"bear"}, "bore": {"bear"}, "borne": {"bear"},
	"died": {"die"}, "lied": {"lie"}, "tied": {"tie"}, "dying": {"die"}, "lying": {"lie"}, "tying": {"tie"},
	"did": {"do"}, "done": {"do"}, "does": {"do"}, "was": {"be"}, "were": {"be"}, "been": {"be"},
	"is": {"be"}, "are": {"be"}, "am": {"be"}, "has": {"have"}, "had": {"have"},
	// nouns
	"men": {"man"}, "women": {"woman"}, "children": {"child"}, "people": {"person"},
	"feet": {"foot"}, "teeth": {"tooth"}, "mice": {"mouse"}, "geese": {"goose"},
	"lives": {"life", "live"}, "wives": {"wife"}, "knives": {"knife"}, "leaves": {"leave", "leaf"},
	"halves": {"half"}, "shelves": {"shelf"}, "thieves": {"thief"}, "wolves": {"wolf"},
	"analyses": {"analysis", "analyse"}, "crises": {"crisis"}, "theses": {"thesis"},
	"hypotheses": {"hypothesis"}, "diagnoses": {"diagnosis"}, "criteria": {"criterion"},
	"phenomena": {"phenomenon"}, "indices": {"index"}, "stimuli": {"stimulus"},
	"alumni": {"alumnus"}, "bases": {"base", "basis"},
	// adjectives
	"elder": {"old"}, "eldest": {"old"}, "truly": {"true"}, "fully": {"full"},
}
