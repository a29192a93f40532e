package interact

import (
	"errors"
	"strconv"
	"strings"

	"guillemet/internal/guillemet"
	"guillemet/internal/render"
)

// Paging buttons carry in their custom_id everything a process needs to
// serve the click, so any process (any shard, the gateway bot or an HTTP
// endpoint) can serve it without shared state: the click asks the engine
// again and shows the requested page.
//
// The format is "<kind>:<page>:<payload>", at most render.MaxCustomID
// (100) bytes:
//
//	a:<page>:<question>               /ask and questions in channels
//	q:<page>:<n>:<speaker><words>     /quote; n = len(speaker) in bytes
//
// When the payload does not fit, the kind is upper case and the payload
// is left out ("A:<page>", "Q:<page>"): the query is then read back from
// the footer of the message the button belongs to, where render writes
// it in full (render.QuestionFromEmbed, render.QuoteQueryFromEmbed). The
// page is 0-based.
const (
	kindAsk          = 'a'
	kindQuote        = 'q'
	kindAskInFooter  = 'A'
	kindQuoteFooter  = 'Q'
	maxCustomIDBytes = render.MaxCustomID
)

// paging is what a paging button asks for.
type paging struct {
	quote    bool
	page     int
	inFooter bool // the query must be read from the message
	question string
	query    guillemet.QuoteQuery
}

func askID(question string, page int) string {
	id := string(kindAsk) + ":" + strconv.Itoa(page) + ":" + question
	if len(id) > maxCustomIDBytes {
		return string(kindAskInFooter) + ":" + strconv.Itoa(page)
	}
	return id
}

func quoteID(q guillemet.QuoteQuery, page int) string {
	id := string(kindQuote) + ":" + strconv.Itoa(page) + ":" + strconv.Itoa(len(q.Speaker)) + ":" + q.Speaker + q.Words
	if len(id) > maxCustomIDBytes {
		return string(kindQuoteFooter) + ":" + strconv.Itoa(page)
	}
	return id
}

var errBadID = errors.New("not a paging custom_id")

func parseID(id string) (paging, error) {
	var p paging
	if len(id) < 3 || id[1] != ':' {
		return p, errBadID
	}
	kind, rest := id[0], id[2:]
	pageStr, payload, hasPayload := strings.Cut(rest, ":")
	page, err := strconv.Atoi(pageStr)
	if err != nil || page < 0 || page > 1_000_000 {
		return p, errBadID
	}
	p.page = page
	switch kind {
	case kindAsk:
		if !hasPayload || payload == "" {
			return p, errBadID
		}
		p.question = payload
	case kindQuote:
		p.quote = true
		nStr, words, ok := strings.Cut(payload, ":")
		n, err := strconv.Atoi(nStr)
		if !hasPayload || !ok || err != nil || n < 0 || n > len(words) {
			return p, errBadID
		}
		p.query = guillemet.QuoteQuery{Speaker: words[:n], Words: words[n:]}
	case kindAskInFooter, kindQuoteFooter:
		if hasPayload {
			return p, errBadID
		}
		p.quote = kind == kindQuoteFooter
		p.inFooter = true
	default:
		return p, errBadID
	}
	return p, nil
}

// nav builds the paging of a reply of pages pages showing page, with
// ids(target page) giving each button's custom_id. The previous button
// of the first page and the next button of the last are disabled; their
// targets are clamped so the two custom_ids always differ.
func nav(page, pages int, ids func(int) string) render.Nav {
	if pages < 2 {
		return render.Nav{Page: page, Pages: pages}
	}
	page = max(0, min(page, pages-1))
	prev, next := max(page-1, 0), min(page+1, pages-1)
	return render.Nav{Page: page, Pages: pages, PrevID: ids(prev), NextID: ids(next)}
}
