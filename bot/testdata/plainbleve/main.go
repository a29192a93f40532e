// Command plainbleve is the yardstick for guillemet's start-up: the least a
// bleve program does to answer one question about the article — index its
// paragraphs in memory with the French analyzer and run one match query.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"

	"guillemet/data"
)

func main() {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = fr.AnalyzerName
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		panic(err)
	}
	for i, p := range strings.Split(data.Article, "\n") {
		if strings.TrimSpace(p) != "" {
			idx.Index(fmt.Sprint(i), map[string]string{"text": p})
		}
	}
	q := bleve.NewMatchQuery(strings.Join(os.Args[1:], " "))
	res, err := idx.Search(bleve.NewSearchRequest(q))
	if err != nil {
		panic(err)
	}
	if len(res.Hits) > 0 {
		fmt.Println(res.Hits[0].ID)
	}
}
