// Package answer finds, in an indexed corpus, the passage and the sentence
// that answer a question asked in French or in English, and says so
// honestly when the corpus does not answer.
package answer

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"guillemet/index"
	"guillemet/internal/article"
	"guillemet/internal/guillemet"
	"guillemet/internal/lexicon"
	"guillemet/internal/text"
)

// Engine answers questions about a corpus. It is safe for concurrent use:
// everything it holds is read-only after New.
type Engine struct {
	articles []guillemet.Article
	idx      *index.Index
	lex      *lexicon.Lexicon
	paras    [][]paragraph     // per article, per paragraph
	terms    []string          // the index's dictionary, sorted, for near forms
	surface  map[string]bool   // the corpus's words as written, folded
	written  map[string]string // a folded word of the corpus → its term: Thalès and "Thales" meet
	spread   map[string]int    // in how many paragraphs each term occurs
	lower    map[string]bool   // terms written in lower case somewhere: common words, not only names
	capital  map[string]bool   // terms written with a capital somewhere: names can match them
	acronym  map[string]bool   // terms written as acronyms (DG, PDG): short, yet specific
	subject  []string          // per article, the term of the organisation it is about ("cloudwatt"), or ""
	surnames []string          // of the corpus's people, folded
	overview guillemet.Overview
	// renderings caches what addAlt makes of lexicon and corpus strings,
	// families the corpus's words of a lexicon rendering's family.
	renderings, families sync.Map
}

// paragraph is what ranking needs of a paragraph, analysed once.
type paragraph struct {
	sentences []sentence
	terms     map[string]bool
}

type sentence struct {
	span     guillemet.Span
	tokens   []index.Token // offsets into the paragraph's text
	terms    map[string]bool
	features features
	speaker  string // who said it, when it is mostly a quotation
	quoted   string // whose words it quotes at some length, if anyone's
	// speakerTerms are the terms of the quoted person's name and role
	speakerTerms map[string]bool
	clauses      []clause // for a sentence too long to show whole
}

// New indexes the articles and prepares them for answering.
func New(articles []guillemet.Article) (*Engine, error) {
	// The lexicon is parsed once per process; on a second core it costs a
	// command-line start-up nothing while bleve builds the index.
	lex := make(chan *lexicon.Lexicon, 1)
	go func() { lex <- lexicon.Default() }()
	idx, err := index.Build(articles)
	if err != nil {
		<-lex
		return nil, err
	}
	e := &Engine{articles: articles, idx: idx, lex: <-lex, surface: map[string]bool{}, written: map[string]string{}, spread: map[string]int{}, lower: map[string]bool{}, acronym: map[string]bool{}, capital: map[string]bool{}}
	for _, a := range articles {
		for _, p := range a.People {
			if f := strings.Fields(text.Fold(p.Name)); len(f) > 0 {
				e.surnames = append(e.surnames, f[len(f)-1])
			}
		}
	}
	e.paras = make([][]paragraph, len(articles))
	for a, art := range articles {
		e.paras[a] = make([]paragraph, len(art.Paragraphs))
		roles := map[string]string{}
		for _, person := range art.People {
			roles[person.Name] = person.Role
		}
		for p, para := range art.Paragraphs {
			pp := paragraph{terms: map[string]bool{}}
			quotes := quotesIn(art.Quotes, para.Number)
			var named []string // the names of the sentence before, which a pronoun may stand for
			for _, sp := range units(para.Text, para.Sentences) {
				s := sentence{span: sp, terms: map[string]bool{}}
				if opensOnPronoun(para.Text[sp.Start:sp.End]) {
					for _, t := range named {
						s.terms[t] = true // "Elle exporte surtout vers la Chine": elle is the coopérative named before
					}
				}
				named = named[:0]
				for _, t := range e.idx.Analyze(para.Text[sp.Start:sp.End]) {
					t.Start += sp.Start
					t.End += sp.Start
					s.tokens = append(s.tokens, t)
					s.terms[t.Term] = true
					if commonWord(para.Text, sp.Start, t.Start, t.End) {
						e.lower[t.Term] = true
					} else {
						named = append(named, t.Term)
					}
					if w := para.Text[t.Start:t.End]; len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
						e.acronym[t.Term] = true
					}
					if r, _ := utf8.DecodeRuneInString(text.StripElision(para.Text[t.Start:t.End])); unicode.IsUpper(r) {
						e.capital[t.Term] = true
					}
					pp.terms[t.Term] = true
					e.written[text.Fold(text.StripElision(para.Text[t.Start:t.End]))] = t.Term
				}
				s.features = featuresOf(para.Text[sp.Start:sp.End], e.surnames)
				if s.features.Money {
					s.terms[amountTerm], pp.terms[amountTerm] = true, true
				}
				if utf8.RuneCountInString(para.Text[sp.Start:sp.End]) > guillemet.MaxSnippet {
					s.clauses = clausesOf(para.Text, sp.Start, sp.End, e.surnames)
				}
				s.speaker = speakerAt(quotes, sp.Start, sp.End)
				s.quoted = quotedIn(para.Text, quotes, sp.Start, sp.End)
				// Who speaks is mentioned where they speak, even as "il".
				for _, q := range quotes {
					if q.Speaker != "" && q.Span.Start < sp.End && q.Span.End > sp.Start {
						for _, t := range e.idx.Analyze(q.Speaker) {
							s.terms[t.Term] = true
							pp.terms[t.Term] = true
						}
					}
				}
				if s.quoted != "" { // "what does the mayor say?": the mayor is who speaks
					s.speakerTerms = map[string]bool{}
					for _, t := range e.idx.Analyze(s.quoted) {
						s.speakerTerms[t.Term] = true
					}
					// the role the article gives, and the one set before the
					// name in this paragraph: "dénonce la maire, Sophie Bertin"
					role := roles[s.quoted] + " " + titleBefore(para.Text, s.quoted)
					for _, t := range e.idx.Analyze(role) {
						if r, _ := utf8.DecodeRuneInString(role[t.Start:t.End]); unicode.IsLower(r) { // maire, directeur; not Cloudwatt
							s.speakerTerms[t.Term] = true
							s.terms[t.Term] = true
						}
					}
				}
				pp.sentences = append(pp.sentences, s)
			}
			e.paras[a][p] = pp
			for t := range pp.terms {
				e.spread[t]++
			}
			for _, w := range strings.FieldsFunc(text.Fold(para.Text), notWordRune) {
				e.surface[text.StripElision(w)] = true
			}
		}
	}
	idx.Terms(func(t string, _ int) { e.terms = append(e.terms, t) })
	sort.Strings(e.terms)
	e.overview = overview(articles)
	e.subject = make([]string, len(articles))
	for a := range articles {
		e.subject[a] = e.subjectOf(a)
		if e.subject[a] == "" {
			continue
		}
		// Every paragraph is about the article's subject, named or not.
		about := aboutTerm(e.subject[a])
		for _, pp := range e.paras[a] {
			pp.terms[about] = true
			for _, s := range pp.sentences {
				s.terms[about] = true
			}
		}
	}
	return e, nil
}

// Load parses the corpus at path ("" for the embedded article) and
// builds an Engine over it.
func Load(path string) (*Engine, error) {
	if path == "" {
		return New([]guillemet.Article{article.Default()})
	}
	arts, err := article.Load(path)
	if err != nil {
		return nil, err
	}
	return New(arts)
}

// Close releases the index.
func (e *Engine) Close() error { return e.idx.Close() }

// Overview describes the corpus: its articles, people and topics.
func (e *Engine) Overview() guillemet.Overview { return e.overview }

// Articles returns the parsed corpus.
func (e *Engine) Articles() []guillemet.Article { return e.articles }

// commonWord reports whether the word at [start, end) of a paragraph is
// written as a common word: in lower case, as an acronym (DG, PDG), or
// capitalised only because it opens a sentence or a quotation, or an
// institution's capital ("la Région", "l'État"). Names ("Challenges",
// "Orange") are not.
func commonWord(para string, sentence, start, end int) bool {
	w := text.StripElision(para[start:end])
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w || institutions[text.Fold(w)] {
		return true
	}
	before := strings.TrimRight(para[sentence:start], " \u00a0\u202f«»\"“”(")
	return before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, ":")
}

// institutions are common nouns that French capitalises for the body:
// "la Région a promis", "l'État indemnise".
var institutions = set("region", "etat", "departement", "metropole", "prefecture", "gouvernement", "agglomeration", "academie", "assemblee", "senat", "chambre")

func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
}

func quotesIn(qs []guillemet.Quote, number int) []guillemet.Quote {
	var out []guillemet.Quote
	for _, q := range qs {
		if q.Paragraph == number {
			out = append(out, q)
		}
	}
	return out
}

// subjectPronouns open a sentence whose subject was named before it.
var subjectPronouns = []string{"il ", "elle ", "ils ", "elles ", "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "ce dernier", "cette derniere"}

func opensOnPronoun(sentence string) bool {
	f := text.Fold(strings.TrimLeft(sentence, " «\u00a0\"“"))
	for _, p := range subjectPronouns {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// minSubjectSpread is how many paragraphs a name must appear in to be
// what an article is about.
const minSubjectSpread = 3

// subjectOf returns the term of the name, not a person's, that an article
// mentions in the most paragraphs: what "the company" means in a question
// about it.
func (e *Engine) subjectOf(a int) string {
	personal := map[string]bool{} // Camille of Camille Roussel is no organisation
	for _, p := range e.articles[a].People {
		for _, w := range strings.Fields(text.Fold(p.Name)) {
			personal[w] = true
		}
	}
	spread := map[string]int{}
	for _, pp := range e.paras[a] {
		seen := map[string]bool{}
		for _, s := range pp.sentences {
			for _, n := range s.features.Names {
				if t := e.nameTerm(n, personal); t != "" && !seen[t] {
					seen[t] = true
					spread[t]++
				}
			}
		}
	}
	// An organisation the article calls one ("la société Azur Calcul",
	// "chez Cloudwatt") beats a town it names more often.
	firms := e.firms(a)
	best, most, firm := "", minSubjectSpread-1, false
	for t, n := range spread {
		f := firms[t] && n >= 2
		if f && !firm || f == firm && (n > most || n == most && t < best) {
			best, most, firm = t, n, f
		}
	}
	return best
}

// firmCues come before a company's name: "la société Azur Calcul", "le
// groupe papetier suédois Nordvik Paper", "chez Orange".
var firmCues = set("societe", "groupe", "entreprise", "firme", "start-up", "startup", "compagnie", "banque", "operateur", "editeur", "constructeur", "fabricant", "enseigne", "filiale", "laboratoire", "chez")

// firms returns the terms of the names an article calls companies: a
// capitalised word after a firm cue, two adjectives at most between.
func (e *Engine) firms(a int) map[string]bool {
	out := map[string]bool{}
	for _, para := range e.articles[a].Paragraphs {
		ws := strings.Fields(para.Text)
		for i, w := range ws {
			if !firmCues[text.Fold(text.StripElision(w))] {
				continue
			}
			for _, next := range ws[i+1 : min(i+4, len(ws))] {
				bare := strings.Trim(text.StripElision(next), ",;:.!?()«»\"“”")
				if r, _ := utf8.DecodeRuneInString(bare); unicode.IsUpper(r) {
					if t := e.written[text.Fold(bare)]; t != "" {
						out[t] = true
					}
					break
				}
				if strings.ContainsAny(next, ",.;:") || complements[text.Fold(bare)] || bare != strings.Trim(next, ",;:.!?()«»\"“”") {
					break // "la compagnie aérienne de Lorient": a place, not the name
				}
			}
		}
	}
	return out
}

// complements open a noun's complement: "l'usine de Tartas".
var complements = set("de", "du", "des", "d", "a", "au", "aux", "en")

// nameTerm returns the term that stands for a name that is no one's: the
// word itself, or the rarest capitalised word of a name of several ("la
// station du Haut-Faing", "Saint-Denis").
func (e *Engine) nameTerm(name string, personal map[string]bool) string {
	if personal[name] {
		return ""
	}
	if t := e.written[name]; t != "" {
		return t
	}
	best := ""
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if personal[w] {
			return "" // "Le Goff" of Didier Le Goff
		}
		if t := e.written[w]; t != "" && e.capital[t] && !e.lower[t] && (best == "" || e.spread[t] <= e.spread[best]) {
			best = t
		}
	}
	return best
}

// titleBefore returns the role nouns that stand right before a name in a
// paragraph: "la maire, Sophie Bertin" gives "maire".
func titleBefore(para, name string) string {
	i := strings.Index(para, name)
	if i < 0 {
		return ""
	}
	ws := strings.Fields(para[:i])
	var out []string
	for j := len(ws) - 1; j >= 0 && j >= len(ws)-3; j-- {
		if strings.ContainsAny(ws[j], ".!?»:") {
			break // another sentence, or a quotation
		}
		w := strings.Trim(text.StripElision(ws[j]), ",")
		if roleNouns[text.Fold(w)] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
