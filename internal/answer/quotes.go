package answer

import (
	"context"
	"strings"

	"guillemet/index"
	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

// Quotes lists the quotations whose speaker matches q.Speaker (every word
// of it found in the name, case and accents ignored) and whose text
// matches q.Words (analysed: "moutons" finds "moutons de Panurge"), best
// first; with no words, in article order.
func (e *Engine) Quotes(ctx context.Context, q guillemet.QuoteQuery) ([]guillemet.Quote, error) {
	speaker := strings.Fields(text.Fold(Clean(q.Speaker)))
	words := Clean(q.Words)
	keep := func(quote guillemet.Quote) bool {
		name := text.Fold(quote.Speaker)
		for _, w := range speaker {
			if !strings.Contains(name, w) {
				return false
			}
		}
		return true
	}
	var out []guillemet.Quote
	if len(e.idx.Analyze(words)) == 0 {
		if words != "" { // only stop words: match them as written
			fw := text.Fold(words)
			prev := keep
			keep = func(quote guillemet.Quote) bool { return prev(quote) && strings.Contains(text.Fold(quote.Text), fw) }
		}
		for _, a := range e.articles {
			for _, quote := range a.Quotes {
				if keep(quote) {
					out = append(out, quote)
				}
			}
		}
		return out, nil
	}
	hits, err := e.idx.Match(ctx, index.KindQuote, words, e.quoteCount())
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		quote := e.articles[h.Ref.Article].Quotes[h.Ref.Item]
		if keep(quote) {
			out = append(out, quote)
		}
	}
	return out, nil
}

func (e *Engine) quoteCount() int {
	n := 0
	for _, a := range e.articles {
		n += len(a.Quotes)
	}
	return max(n, 1)
}
