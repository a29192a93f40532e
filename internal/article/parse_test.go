package article

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"guillemet/data"
)

// checkArticle verifies the invariants of Parse on any input.
func checkArticle(t *testing.T, text string) {
	t.Helper()
	a := Parse("f", text)
	names := map[string]bool{"": true}
	for _, p := range a.People {
		if p.Name == "" {
			t.Fatalf("person without a name in %q", text)
		}
		names[p.Name] = true
	}
	for i, p := range a.Paragraphs {
		if p.Number != i+1 || p.Text == "" || !strings.Contains(text, p.Text) {
			t.Fatalf("paragraph %d: number %d, text %q", i, p.Number, p.Text)
		}
		prev := 0
		for _, s := range p.Sentences {
			if s.Start < prev || s.End <= s.Start || s.End > len(p.Text) {
				t.Fatalf("paragraph %d: bad sentence span %+v in %q", p.Number, s, p.Text)
			}
			prev = s.End
		}
	}
	prev := struct{ para, end int }{}
	for _, q := range a.Quotes {
		if q.Paragraph < 1 || q.Paragraph > len(a.Paragraphs) || q.Article != "f" {
			t.Fatalf("quote %q: paragraph %d of %d", q.Text, q.Paragraph, len(a.Paragraphs))
		}
		pt := a.Paragraphs[q.Paragraph-1].Text
		if q.Span.Start < 0 || q.Span.End > len(pt) || q.Span.Start >= q.Span.End {
			t.Fatalf("quote %q: span %+v out of paragraph %q", q.Text, q.Span, pt)
		}
		if q.Text == "" || !strings.Contains(pt[q.Span.Start:q.Span.End], q.Text) {
			t.Fatalf("quote %q not within its span %q", q.Text, pt[q.Span.Start:q.Span.End])
		}
		if q.Paragraph < prev.para || (q.Paragraph == prev.para && q.Span.Start < prev.end) {
			t.Fatalf("quotes out of order at %q", q.Text)
		}
		prev.para, prev.end = q.Paragraph, q.Span.End
		if !names[q.Speaker] {
			t.Fatalf("quote %q by %q, who is not among the people", q.Text, q.Speaker)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", "\u00a0\n \n", "# \n#", "«", "» «", "« »", `"`, "“”",
		"Titre\n\nTexte. « Citation », dit-il.",
		"M. Dupont a déclaré : « Oui. » Mme Durand : « Non », a-t-elle dit.",
		"Selon lui ( » a « ) ou ( « b « ).", "« a », dixit le DG Jean Dupont, x.",
		"Pierre Paperon, directeur, dit « x ». Celui-ci s’étonne de cette « y ».",
		"Jean de la de la Fontaine, , , a-t-il-elle « », selon selon.",
		"\xff\xfe« \xff »\r\n\rM.\xff Dupont", "a-t-il déclaré « x » d'après d’",
		"« a », s’est-il félicité. « b », a réagi le ministre de l'Économie, Jean Dupont, qui « c ».",
		"Le syndicat Sud Santé, de la CGT. Le ministère indique « x », selon la préfecture, se s' s",
		"« x », réagit la DG, Anne Roy. « y », répond Voltex. Pour l’ARS, « z », le fonds de la X, Y",
		data.Article,
	} {
		f.Add(s)
	}
	for _, name := range []string{"testdata/greve.txt", "testdata/festival.md", "testdata/levee.txt"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		checkArticle(t, s)
		// Parse takes well under a millisecond per kilobyte; far slower
		// means something is not linear.
		if d := time.Since(start); d > time.Second+time.Duration(len(s))*time.Microsecond*raceSlowdown {
			t.Fatalf("Parse of %d bytes took %v", len(s), d)
		}
	})
}

// generated builds an article of about n bytes: paragraphs of the made-up
// kind, with many people, quotations and messy marks.
func generated(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	first := []string{"Jean", "Marie", "Paul", "Anne", "Claude", "Sophie", "Luc"}
	syllables := []string{"du", "pon", "mar", "tin", "ran", "lè", "fè", "vre", "rou", "fa", "bre", "mo", "rel"}
	last := make([]string, 200)
	for i := range last {
		s := syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))]
		last[i] = strings.ToUpper(s[:1]) + s[1:]
	}
	verbs := []string{"explique-t-il", "a-t-elle déclaré", "poursuit-il", "rappelle", "insiste-t-elle", "dixit le DG"}
	var b strings.Builder
	for b.Len() < n {
		name := first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
		fmt.Fprintf(&b, "Titre %d\n\n", r.IntN(1000))
		fmt.Fprintf(&b, "%s, directeur de la stratégie chez Acme, s’étonne de cette « agitation » suite à une » info « . ", name)
		fmt.Fprintf(&b, "» Le taux est de 2,5 %%. M. %s le sait « , %s %s. ", last[r.IntN(len(last))], verbs[r.IntN(len(verbs))], name)
		b.WriteString("Selon lui ( » a … b « ) ou (« c « ). Il faut dire que “d” et \"e\" … f. ")
		b.WriteString(strings.Repeat("Un mot. ", r.IntN(20)))
		b.WriteString("\n\u00a0\n")
	}
	return b.String()
}

// TestLargeInput checks that Parse stays about linear: a 1 MB article, and
// 1 MB paragraphs built to stress the splitter, each well under a second.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	const mb = 1 << 20
	inputs := map[string]string{
		"article":       generated(mb),
		"one paragraph": strings.ReplaceAll(generated(mb), "\n", " "),
		"periods":       strings.Repeat("a.", mb/2),
		"initials":      strings.Repeat("A. ", mb/3),
		"marks":         strings.Repeat("« » ", mb/6),
		"capitals":      strings.Repeat("Jean Dupont de ", mb/15),
		"names":         strings.Repeat("M. Dupont, directeur, dit « x », selon lui. ", mb/48),
		"pronouns":      "Jean Dupont. " + strings.Repeat("« x », dit-il. ", mb/17),
		"invalid":       strings.Repeat("\xff« \xfe", mb/4),
		"one sentence":  "Selon Jean Dupont, " + strings.Repeat("« x » et ", mb/12),
		"subjects":      strings.Repeat("Jean Dupont dit « x » et ", mb/25),
		"roles":         strings.Repeat("Jean Dupont, directeur, dit « x », dit le directeur. ", mb/54),
		"titles":        strings.Repeat("« x », s’est félicité le ministre de l’Économie, Jean Dupont, qui « y », ", mb/80),
		"organisations": strings.Repeat("Le syndicat Sud Santé de la Santé du Rail indique « x » selon la CGT, ", mb/72),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			a := Parse("big", in)
			if d := time.Since(start); d > time.Second*raceSlowdown {
				t.Errorf("Parse of %d bytes took %v", len(in), d)
			} else {
				t.Logf("%d bytes, %d paragraphs, %d quotes, %d people in %v", len(in), len(a.Paragraphs), len(a.Quotes), len(a.People), d)
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data.Article)))
	for b.Loop() {
		Parse(data.ArticleName, data.Article)
	}
}

func BenchmarkParseLarge(b *testing.B) {
	in := generated(1 << 20)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		Parse("big", in)
	}
}
