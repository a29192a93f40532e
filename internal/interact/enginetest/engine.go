// Package enginetest is an in-process stand-in for the answer engine, for
// the tests of the handlers and the transports: it answers a few known
// questions instantly and can be made slow, or to panic, on demand.
package enginetest

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"guillemet/internal/guillemet"
)

// AuditSentence is the sentence that answers any question containing "audit".
const AuditSentence = "Pierre Paperon, qui a demandé un audit, n'a pas été entendu."

// AuditPassage is the paragraph of AuditSentence.
const AuditPassage = "Le projet a pris du retard. " + AuditSentence + " La direction a tranché."

// Engine answers:
//   - questions containing "audit": three answers, the first AuditSentence
//     in AuditPassage, said by Jean Dupont, with "demandé" and "audit" marked;
//   - questions containing "panic": it panics;
//   - questions containing "slow": after Delay (or until ctx ends);
//   - anything else: not found, with two suggestions.
//
// Quotes has Quotes quotations (default 12) by "Pierre Paperon" and
// "Marie Curie", alternately. Its fields may be set before use only.
type Engine struct {
	Delay   time.Duration
	NQuotes int
	People  []guillemet.PersonSummary // nil: the default people
	asked   atomic.Int64
}

// Asked is how many times Ask was called.
func (e *Engine) Asked() int64 { return e.asked.Load() }

// Ask implements interact.Engine.
func (e *Engine) Ask(ctx context.Context, question string) (guillemet.Result, error) {
	e.asked.Add(1)
	q := strings.Join(strings.Fields(question), " ")
	res := guillemet.Result{Question: q}
	lower := strings.ToLower(q)
	if strings.Contains(lower, "panic") {
		panic("enginetest: asked to panic")
	}
	if strings.Contains(lower, "slow") {
		select {
		case <-time.After(e.Delay):
		case <-ctx.Done():
			return res, guillemet.E("enginetest.Ask", guillemet.Unavailable, ctx.Err())
		}
	}
	if !strings.Contains(lower, "audit") {
		res.Suggestions = []string{"Qui a demandé un audit ?", "Que dit Marie Curie ?"}
		return res, nil
	}
	at := strings.Index(AuditSentence, "demandé")
	au := strings.Index(AuditSentence, "audit")
	res.Found = true
	res.Answers = []guillemet.Answer{
		{Article: "article", Paragraph: 4, Passage: AuditPassage, Sentence: AuditSentence, Speaker: "Jean Dupont", Score: 3,
			Marks: []guillemet.Span{{Start: at, End: at + len("demandé")}, {Start: au, End: au + len("audit")}}},
		{Article: "article", Paragraph: 9, Passage: "L'audit a été rendu en mars.", Sentence: "L'audit a été rendu en mars.", Score: 2},
		{Article: "article", Paragraph: 12, Passage: "Personne n'a lu l'audit.", Sentence: "Personne n'a lu l'audit.", Score: 1},
	}
	return res, nil
}

// Quotes implements interact.Engine: the quotations whose speaker
// contains q.Speaker and whose text contains q.Words, case ignored.
func (e *Engine) Quotes(ctx context.Context, q guillemet.QuoteQuery) ([]guillemet.Quote, error) {
	n := e.NQuotes
	if n == 0 {
		n = 12
	}
	var out []guillemet.Quote
	for i := 1; i <= n; i++ {
		speaker := "Pierre Paperon"
		if i%2 == 0 {
			speaker = "Marie Curie"
		}
		qt := guillemet.Quote{Text: fmt.Sprintf("Citation numéro %d sur l'audit", i), Speaker: speaker, Article: "article", Paragraph: i}
		if strings.Contains(strings.ToLower(qt.Speaker), strings.ToLower(q.Speaker)) &&
			strings.Contains(strings.ToLower(qt.Text), strings.ToLower(q.Words)) {
			out = append(out, qt)
		}
	}
	return out, nil
}

// Overview implements interact.Engine.
func (e *Engine) Overview() guillemet.Overview {
	people := e.People
	if people == nil {
		people = []guillemet.PersonSummary{
			{Name: "Pierre Paperon", Role: "directeur de la stratégie", Quotes: 6},
			{Name: "Marie Curie", Role: "physicienne", Quotes: 6},
			{Name: "Jean Dupont", Role: "porte-parole", Quotes: 0},
		}
	}
	return guillemet.Overview{
		Articles: []guillemet.ArticleSummary{{Name: "article", Title: "Le cloud souverain en question", Paragraphs: 20, Quotes: 12}},
		People:   people,
		Topics:   []string{"Cloudwatt", "audit"},
	}
}
