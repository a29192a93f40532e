package index

import (
	"bytes"

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

// pluralVerbFilter strips the "-ent" of the present's third person plural,
// which the snowball stemmer leaves: "demandent" meets "demande",
// "réclament" meets "réclamer". Short words keep it (moment, client).
const pluralVerbFilter = "plural_verb"

const minPluralVerb = 8

type pluralVerb struct{}

func (pluralVerb) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if len(t.Term) >= minPluralVerb && bytes.HasSuffix(t.Term, []byte("ent")) {
			t.Term = t.Term[:len(t.Term)-3]
		}
	}
	return input
}

// compoundFilter adds the word inside a compound the article may use for
// the plain word a question asks: "cyberattaque" is an "attaque",
// "télétravail" is "travail". Only prefixes that keep the word's meaning
// are split ("international" is not "national").
const compoundFilter = "compound_fr"

// minCompoundBase is the shortest stem left after a prefix: "téléphone"
// does not hold a "phon".
const minCompoundBase = 5

var compoundPrefixes = [][]byte{[]byte("cyber"), []byte("tele"), []byte("micro"), []byte("anti"), []byte("mini"), []byte("mega")}

type compound struct{}

func (compound) Filter(input analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for i, t := range input {
		for _, p := range compoundPrefixes {
			base := bytes.TrimPrefix(t.Term, p)
			if len(base) == len(t.Term) || len(base) < minCompoundBase {
				continue
			}
			base = bytes.TrimPrefix(base, []byte("-"))
			if out == nil {
				out = append(make(analysis.TokenStream, 0, len(input)+1), input[:i]...)
			}
			out = append(out, &analysis.Token{Term: base, Start: t.Start, End: t.End, Position: t.Position, Type: t.Type})
			break
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return input
	}
	return out
}

func init() {
	registry.RegisterTokenFilter(compoundFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return compound{}, nil
	})
	registry.RegisterTokenFilter(foldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldAccents{}, nil
	})
	registry.RegisterTokenFilter(pluralVerbFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return pluralVerb{}, nil
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
			pluralVerbFilter,
			compoundFilter,
		},
	})
}
