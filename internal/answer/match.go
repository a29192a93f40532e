package answer

import (
	"math"
	"slices"

	"guillemet/index"
)

func allIn(terms []string, set map[string]bool) bool {
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}

// cover sums the weights of the concepts a set of terms renders, each
// at the factor of its best rendering. A word of the text renders one
// concept only: "articles" is not both the "item" and the "section" asked
// about. Concepts come heaviest first (see rank), so the most specific
// one claims a shared word.
func cover(cs []concept, terms map[string]bool) float64 {
	sum := 0.0
	var claimed []string
	for _, c := range cs {
		best := 0.0
		var won []string
		for _, a := range c.Alts {
			if a.Factor > best && allIn(a.Terms, terms) && !anyClaimed(a.Terms, claimed) {
				best, won = a.Factor, a.Terms
			}
		}
		if best == 0 {
			best = partialFactor(c, terms) // "grève" in this sentence, "enseignants" in the one before
		}
		sum += c.Weight * best
		claimed = append(claimed, won...)
	}
	return sum
}

func anyClaimed(terms, claimed []string) bool {
	for _, t := range terms {
		if slices.Contains(claimed, t) {
			return true
		}
	}
	return false
}

func matchFactor(c concept, terms map[string]bool) float64 {
	best := 0.0
	for _, a := range c.Alts {
		if allIn(a.Terms, terms) && a.Factor > best {
			best = a.Factor
		}
	}
	return best
}

// proximity rewards sentences where matched words of different concepts
// stand close together, as they do in the sentence that answers.
func proximity(cs []concept, toks []index.Token) float64 {
	last, lastConcept, bonus := -100, -1, 0.0
	for _, t := range toks {
		for ci, c := range cs {
			if !conceptHas(c, t.Term) {
				continue
			}
			if ci != lastConcept && t.Position-last <= 3 {
				bonus += 0.5
			}
			last, lastConcept = t.Position, ci
			break
		}
	}
	return math.Min(bonus, 1)
}

func conceptHas(c concept, term string) bool {
	for _, a := range c.Alts {
		for _, t := range a.Terms {
			if t == term {
				return true
			}
		}
	}
	return false
}

// partialShare is what a rendering of several words is worth, per word
// present, when the text holds only some of them.
const partialShare = 0.5

func partialFactor(c concept, terms map[string]bool) float64 {
	best := 0.0
	for _, a := range c.Alts {
		if len(a.Terms) < 2 {
			continue
		}
		n := 0
		for _, t := range a.Terms {
			if terms[t] {
				n++
			}
		}
		best = max(best, a.Factor*partialShare*float64(n)/float64(len(a.Terms)))
	}
	return best
}
