package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// buildBinary compiles a package of this module into the benchmark's
// temporary directory.
func buildBinary(b *testing.B, pkg string) string {
	b.Helper()
	out := filepath.Join(b.TempDir(), filepath.Base(pkg))
	if msg, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// BenchmarkCLIAsk is the wall time of `guillemet ask` for one question:
// start-up (parse, index, lexicon), answer and exit.
func BenchmarkCLIAsk(b *testing.B) {
	bin := buildBinary(b, "guillemet/bot")
	b.ResetTimer()
	for b.Loop() {
		if err := exec.Command(bin, "ask", "--json", "who asked for the audit?").Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCLIPlainBleve is the yardstick: a bare bleve program that
// indexes the article's paragraphs and runs one match query.
func BenchmarkCLIPlainBleve(b *testing.B) {
	bin := buildBinary(b, "./testdata/plainbleve")
	b.ResetTimer()
	for b.Loop() {
		if err := exec.Command(bin, "who asked for the audit?").Run(); err != nil {
			b.Fatal(err)
		}
	}
}
