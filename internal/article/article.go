// Package article turns the text of a news article into a
// guillemet.Article: paragraphs and sentences, quotations, the people it
// names, and who said what. It is heuristic, tuned for French press
// writing; every function takes any input without panicking, in time
// about linear in its size.
package article

import (
	"sort"
	"sync"

	"guillemet/data"
	"guillemet/internal/guillemet"
)

// para is a paragraph under analysis.
type para struct {
	text     string
	heading  bool
	sents    []guillemet.Span
	pairs    []pair // quotations, in text order
	words    []word
	quoted   []bool // per word: inside a quotation
	who      []int  // per word: the person a mention there names, or -1
	mentions []mention
	// Per sentence, computed on demand: where "selon X", the subject and
	// the first speech verb stand (word indices), unknownWord until looked
	// for.
	selonAt, subjectAt, verbAt []int
}

// Parse splits text into paragraphs, sentences and quotations, finds the
// people it names and attributes each quotation.
func Parse(name, text string) guillemet.Article {
	lines := splitParagraphs(text)
	paras := make([]*para, len(lines))
	for i, l := range lines {
		p := &para{text: l.text, heading: l.heading}
		p.pairs = pairMarks(p.text)
		p.sents = sentences(p.text, regions(p.pairs))
		p.words = tokenize(p.text)
		p.quoted = quotedWords(p.words, p.pairs)
		p.selonAt = unknownWords(len(p.sents))
		p.subjectAt = unknownWords(len(p.sents))
		p.verbAt = unknownWords(len(p.sents))
		paras[i] = p
	}
	a := guillemet.Article{Name: name, Title: title(lines)}
	a.People = findPeople(paras)
	a.Quotes = attribute(name, paras, a.People)
	a.Paragraphs = make([]guillemet.Paragraph, len(paras))
	for i, p := range paras {
		a.Paragraphs[i] = guillemet.Paragraph{Number: i + 1, Text: p.text, Heading: p.heading, Sentences: p.sents}
	}
	return a
}

// quotedWords marks the words lying inside a quotation.
func quotedWords(ws []word, ps []pair) []bool {
	out := make([]bool, len(ws))
	k := 0
	for i, w := range ws {
		for k < len(ps) && ps[k].span().End <= w.start {
			k++
		}
		out[i] = k < len(ps) && ps[k].span().Start <= w.start
	}
	return out
}

func unknownWords(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = unknownWord
	}
	return s
}

// sentenceOf returns the index of the sentence holding byte pos: the last
// one starting at or before it.
func sentenceOf(ss []guillemet.Span, pos int) int {
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Start > pos })
	return max(i-1, 0)
}

var parsedDefault = sync.OnceValue(func() guillemet.Article {
	return Parse(data.ArticleName, data.Article)
})

// Default returns the embedded article, parsed once. Each call gets its
// own copy of the slices, so callers may modify what they get.
func Default() guillemet.Article {
	return clone(parsedDefault())
}

func clone(a guillemet.Article) guillemet.Article {
	ps := make([]guillemet.Paragraph, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		p.Sentences = append([]guillemet.Span(nil), p.Sentences...)
		ps[i] = p
	}
	a.Paragraphs = ps
	a.Quotes = append([]guillemet.Quote(nil), a.Quotes...)
	a.People = append([]guillemet.Person(nil), a.People...)
	return a
}
