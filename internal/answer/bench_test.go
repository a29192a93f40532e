package answer

import (
	"context"
	"testing"

	"guillemet/internal/article"
	"guillemet/internal/guillemet"
)

func BenchmarkBuild(b *testing.B) {
	arts := []guillemet.Article{article.Default()}
	b.ReportAllocs()
	for b.Loop() {
		e, err := New(arts)
		if err != nil {
			b.Fatal(err)
		}
		e.Close()
	}
}

func BenchmarkAsk(b *testing.B) {
	for _, q := range []string{"who asked for the audit?", "Quand la version bêta a-t-elle été lancée ?", "What is the capital of Australia?"} {
		b.Run(q, func(b *testing.B) {
			e := defaultEngine(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Ask(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
