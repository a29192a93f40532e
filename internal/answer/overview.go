package answer

import (
	"sort"
	"strings"
	"unicode"

	"guillemet/internal/guillemet"
	"guillemet/internal/text"
)

// maxTopics is how many topics an Overview lists.
const maxTopics = 6

func overview(articles []guillemet.Article) guillemet.Overview {
	var o guillemet.Overview
	counts := map[string]int{}
	roles := map[string]string{}
	var order []string
	for _, a := range articles {
		o.Articles = append(o.Articles, guillemet.ArticleSummary{Name: a.Name, Title: a.Title, Paragraphs: len(a.Paragraphs), Quotes: len(a.Quotes)})
		for _, p := range a.People {
			if _, ok := roles[p.Name]; !ok {
				order = append(order, p.Name)
				roles[p.Name] = p.Role
			}
		}
		for _, q := range a.Quotes {
			if q.Speaker != "" {
				counts[q.Speaker]++
			}
		}
	}
	for _, name := range order {
		o.People = append(o.People, guillemet.PersonSummary{Name: name, Role: roles[name], Quotes: counts[name]})
	}
	sort.SliceStable(o.People, func(i, j int) bool { return o.People[i].Quotes > o.People[j].Quotes })
	o.Topics = topics(articles)
	return o
}

// topics are the capitalised words that recur inside sentences and are
// not part of a person's name: the companies, bodies and products an
// article is about.
func topics(articles []guillemet.Article) []string {
	names := map[string]bool{}
	count := map[string]int{}
	surface := map[string]string{}
	var order []string
	for _, a := range articles {
		for _, p := range a.People {
			for _, w := range strings.Fields(p.Name) {
				names[text.Fold(w)] = true
			}
		}
		for _, para := range a.Paragraphs {
			for _, sp := range para.Sentences {
				for i, w := range strings.Fields(para.Text[sp.Start:sp.End]) {
					w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
					w = text.StripElision(w)
					r := []rune(w)
					if i == 0 || len(r) < 3 || !unicode.IsUpper(r[0]) {
						continue
					}
					f := text.Fold(w)
					if names[f] {
						continue
					}
					if count[f] == 0 {
						order = append(order, f)
						surface[f] = w
					}
					count[f]++
				}
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	var out []string
	for _, f := range order {
		if len(out) == maxTopics || count[f] < 2 {
			break
		}
		out = append(out, surface[f])
	}
	return out
}
