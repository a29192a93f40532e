package answer

import (
	"context"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/guillemet"
	"guillemet/internal/lexicon"
)

// MaxQuestion is the longest question Ask reads, in characters.
const MaxQuestion = 1000

// MaxAnswers is how many answers a Result holds at most.
const MaxAnswers = 5

// Ask answers a question. A question the corpus does not answer gives a
// Result with Found false and suggestions, not an error; an empty or
// oversized question is an error of kind Invalid.
func (e *Engine) Ask(ctx context.Context, question string) (guillemet.Result, error) {
	const op = "answer.Ask"
	q := Clean(question)
	res := guillemet.Result{Question: q}
	if q == "" {
		res.Suggestions = e.suggestions()
		return res, guillemet.Errorf(op, guillemet.Invalid, "the question is empty")
	}
	if utf8.RuneCountInString(q) > MaxQuestion {
		res.Question = ""
		return res, guillemet.Errorf(op, guillemet.Invalid, "the question is too long (at most %d characters)", MaxQuestion)
	}
	answers, err := e.rank(ctx, e.parse(q))
	if err != nil {
		return res, err
	}
	if len(answers) == 0 {
		res.Suggestions = e.suggestions()
		return res, nil
	}
	res.Found = true
	res.Answers = answers
	return res, nil
}

// Prepare starts, in the background, what a question will need beyond
// the engine: for a French question, the thesaurus and the lexicon's
// index of French renderings. A command line that knows its question
// before it builds the engine overlaps the two on a second core.
func Prepare(question string) {
	if language(splitWords(Clean(question))) != French {
		return
	}
	go lexicon.DefaultThesaurus()
	go lexicon.Default().PrepareFrench()
}

// Clean makes user text safe to analyse: control, zero-width and
// direction characters go, whitespace collapses, invalid UTF-8 is dropped.
func Clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (e *Engine) answer(b scored, q question) guillemet.Answer {
	art := e.articles[b.article]
	para := art.Paragraphs[b.para]
	s := e.paras[b.article][b.para].sentences[b.sent]
	if b.next {
		n := e.paras[b.article][b.para].sentences[b.sent+1]
		s.span.End = n.span.End
		s.tokens = append(s.tokens[:len(s.tokens):len(s.tokens)], n.tokens...)
	}
	snip, marks, start, end := snippet(para.Text, s, q, e.surnames)
	speaker := s.speaker
	if start != s.span.Start || end != s.span.End {
		speaker = speakerAt(quotesIn(art.Quotes, para.Number), start, end)
	}
	return guillemet.Answer{
		Article:   art.Name,
		Paragraph: para.Number,
		Passage:   para.Text,
		Sentence:  snip,
		Speaker:   speaker,
		Score:     math.Round(b.score*1000) / 1000,
		Marks:     marks,
	}
}

func (e *Engine) suggestions() []string {
	var out []string
	for _, p := range e.overview.People {
		out = append(out, p.Name)
	}
	return append(out, e.overview.Topics...)
}
