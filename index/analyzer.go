package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"guillemet/internal/text"
)

// Analyzer is the name of the analyzer every text field uses: bleve's
// French analysis (elision of ' and ’, stop words, light stemming) with
// accents folded last, so "maîtriser" meets "maitriser" and English
// cognates spelled without accents find their French words.
const Analyzer = "fr_folded"

const foldFilter = "fold_accents"

type foldAccents struct{}

func (foldAccents) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = []byte(text.Fold(string(t.Term)))
	}
	return input
}

func init() {
	registry.RegisterTokenFilter(foldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldAccents{}, nil
	})
}

func addAnalyzer(m *mapping.IndexMappingImpl) error {
	return m.AddCustomAnalyzer(Analyzer, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []string{
			lowercase.Name,
			fr.ElisionName,
			fr.StopName,
			fr.SnowballStemmerName,
			foldFilter,
		},
	})
}
