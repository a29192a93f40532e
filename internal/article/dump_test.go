package article

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	var a = Default()
	if path != "default" {
		b, _ := os.ReadFile(path)
		a = Parse("x", string(b))
	}
	fmt.Printf("Title: %q\n", a.Title)
	for _, p := range a.Paragraphs {
		fmt.Printf("P%d heading=%v\n", p.Number, p.Heading)
		for _, s := range p.Sentences {
			fmt.Printf("   [%s]\n", p.Text[s.Start:s.End])
		}
	}
	for _, q := range a.Quotes {
		fmt.Printf("Q p%d %q <- %q\n", q.Paragraph, q.Text, q.Speaker)
	}
	for _, p := range a.People {
		fmt.Printf("Person %+v\n", p)
	}
}
