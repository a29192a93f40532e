// Package index keeps a corpus in bleve: its passages (paragraphs), their
// sentences and their quotations, analysed in French.
package index

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"guillemet/internal/guillemet"
)

// Document kinds, stored in the "kind" field.
const (
	KindPassage  = "passage"
	KindSentence = "sentence"
	KindQuote    = "quote"
)

// Index is a read-only bleve index of a corpus. Doc IDs point back into
// the slices it was built from, so hits map to the parsed structures
// without storing text twice.
type Index struct {
	bleve    bleve.Index
	analyzer analysis.Analyzer
	df       map[string]int // document frequency of each term of "text"
	docs     int
}

// Ref locates a document: the article and paragraph (indexes into the
// slices given to Build), and the sentence or quote number within it.
type Ref struct {
	Kind      string
	Article   int
	Paragraph int // index into Article.Paragraphs
	Item      int // sentence index, or index into Article.Quotes
}

// ID is the bleve document ID of r.
func (r Ref) ID() string {
	return r.Kind + ":" + strconv.Itoa(r.Article) + ":" + strconv.Itoa(r.Paragraph) + ":" + strconv.Itoa(r.Item)
}

// ParseRef reverses Ref.ID.
func ParseRef(id string) (Ref, error) {
	parts := strings.Split(id, ":")
	if len(parts) != 4 {
		return Ref{}, fmt.Errorf("bad document id %q", id)
	}
	r := Ref{Kind: parts[0]}
	var err [3]error
	r.Article, err[0] = strconv.Atoi(parts[1])
	r.Paragraph, err[1] = strconv.Atoi(parts[2])
	r.Item, err[2] = strconv.Atoi(parts[3])
	if e := errors.Join(err[:]...); e != nil {
		return Ref{}, fmt.Errorf("bad document id %q", id)
	}
	return r, nil
}

type document struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
}

func newMapping() (mapping.IndexMapping, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = Analyzer
	doc := bleve.NewDocumentStaticMapping()
	txt := bleve.NewTextFieldMapping()
	txt.Analyzer = Analyzer
	txt.IncludeTermVectors = false
	txt.Store = false
	doc.AddFieldMappingsAt("text", txt)
	kind := bleve.NewKeywordFieldMapping()
	kind.Store = false
	doc.AddFieldMappingsAt("kind", kind)
	m.DefaultMapping = doc
	return m, nil
}

// Build indexes the articles in memory.
func Build(articles []guillemet.Article) (*Index, error) {
	const op = "index.Build"
	m, err := newMapping()
	if err != nil {
		return nil, guillemet.E(op, guillemet.Internal, err)
	}
	// Scorch with no path keeps its segments in memory: building is
	// several times faster than the upsidedown/gtreap NewMemOnly store.
	b, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, guillemet.E(op, guillemet.Internal, err)
	}
	batch := b.NewBatch()
	add := func(r Ref, d document) error { return batch.Index(r.ID(), d) }
	for a, art := range articles {
		for p, para := range art.Paragraphs {
			if err := add(Ref{KindPassage, a, p, 0}, document{Kind: KindPassage, Text: para.Text}); err != nil {
				return nil, guillemet.E(op, guillemet.Internal, err)
			}
			for s, sp := range para.Sentences {
				if err := add(Ref{KindSentence, a, p, s}, document{Kind: KindSentence, Text: para.Text[sp.Start:sp.End]}); err != nil {
					return nil, guillemet.E(op, guillemet.Internal, err)
				}
			}
		}
		for q, quote := range art.Quotes {
			if err := add(Ref{KindQuote, a, quote.Paragraph - 1, q}, document{Kind: KindQuote, Text: quote.Text, Speaker: quote.Speaker}); err != nil {
				return nil, guillemet.E(op, guillemet.Internal, err)
			}
		}
	}
	if err := b.Batch(batch); err != nil {
		return nil, guillemet.E(op, guillemet.Internal, err)
	}
	x := &Index{bleve: b, analyzer: m.AnalyzerNamed(Analyzer)}
	if x.analyzer == nil {
		return nil, guillemet.Errorf(op, guillemet.Internal, "analyzer %s missing", Analyzer)
	}
	if x.df, err = docFreqs(b, "text"); err != nil {
		return nil, guillemet.E(op, guillemet.Internal, err)
	}
	n, _ := b.DocCount()
	x.docs = int(n)
	return x, nil
}

func docFreqs(b bleve.Index, field string) (map[string]int, error) {
	d, err := b.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	df := make(map[string]int)
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return df, nil
		}
		df[e.Term] = int(e.Count)
	}
}

// Close releases the index.
func (x *Index) Close() error { return x.bleve.Close() }

// Token is one analysed term of a text with its byte range there.
type Token struct {
	Term       string
	Start, End int
	Position   int // 1-based word position, counting removed stop words
}

// Analyze runs the index's analyzer over s.
func (x *Index) Analyze(s string) []Token {
	ts := x.analyzer.Analyze([]byte(s))
	out := make([]Token, 0, len(ts))
	for _, t := range ts {
		if len(t.Term) == 0 {
			continue
		}
		out = append(out, Token{Term: string(t.Term), Start: t.Start, End: t.End, Position: t.Position})
	}
	return out
}

// DocFreq is the number of documents whose text holds term; 0 means the
// term is not in the index's dictionary.
func (x *Index) DocFreq(term string) int { return x.df[term] }

// Docs is the number of documents in the index.
func (x *Index) Docs() int { return x.docs }

// Terms calls f with every term of the dictionary and its frequency.
func (x *Index) Terms(f func(term string, df int)) {
	for t, n := range x.df {
		f(t, n)
	}
}

// Weighted is an analysed term and how much a match on it counts.
type Weighted struct {
	Term  string
	Boost float64
}

// Hit is a matching document and bleve's score for it.
type Hit struct {
	Ref   Ref
	Score float64
}

// Search returns up to limit documents of the given kind matching any of
// terms, best first. Terms are used as they are (already analysed): user
// text never reaches a query parser.
func (x *Index) Search(ctx context.Context, kind string, terms []Weighted, limit int) ([]Hit, error) {
	if len(terms) == 0 || limit <= 0 {
		return nil, nil
	}
	dis := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		q := bleve.NewTermQuery(t.Term)
		q.SetField("text")
		q.SetBoost(t.Boost)
		dis = append(dis, q)
	}
	k := bleve.NewTermQuery(kind)
	k.SetField("kind")
	q := bleve.NewConjunctionQuery(k, bleve.NewDisjunctionQuery(dis...))
	return x.run(ctx, q, limit)
}

// Match returns up to limit documents of the given kind matching the
// analysed words of s, best first (bleve's match query: no query syntax).
func (x *Index) Match(ctx context.Context, kind, s string, limit int) ([]Hit, error) {
	m := bleve.NewMatchQuery(s)
	m.SetField("text")
	m.Analyzer = Analyzer
	k := bleve.NewTermQuery(kind)
	k.SetField("kind")
	return x.run(ctx, bleve.NewConjunctionQuery(k, m), limit)
}

func (x *Index) run(ctx context.Context, q query.Query, limit int) ([]Hit, error) {
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	res, err := x.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, guillemet.E("index.Search", guillemet.Internal, err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, err := ParseRef(h.ID)
		if err != nil {
			return nil, guillemet.E("index.Search", guillemet.Internal, err)
		}
		hits = append(hits, Hit{Ref: r, Score: h.Score})
	}
	return hits, nil
}
