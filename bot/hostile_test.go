package main

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"guillemet/internal/hostiletest"
)

// TestHostileInputsCLI types every hostile input of hostiletest at
// `guillemet ask` (as arguments, with and without --json, and all of them
// at once on standard input) and at `guillemet quote` (as words and as
// the speaker). Each gets the answer when it asks about the audit, a
// clear one-line error (exit 2) when it is blank or too long, otherwise
// an answer or "the article does not answer"; the output is valid UTF-8
// with no control character but line breaks, so nothing typed can drive
// the terminal (an escape sequence echoed back would).
func TestHostileInputsCLI(t *testing.T) {
	for _, in := range hostiletest.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			refused := in.Blank || in.TooLong

			code, out, errOut := runCLI(t, "", nil, "ask", "--", in.Text)
			checkTerminalSafe(t, "ask", out+errOut)
			switch {
			case refused:
				want := "the question is empty"
				if in.TooLong {
					want = "the question is too long"
				}
				if code != 2 || out != "" || !strings.Contains(errOut, want) {
					t.Errorf("ask: exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, want)
				}
				if strings.Count(errOut, "\n") != 1 || len(errOut) > 200 {
					t.Errorf("ask: the error is not one short line: %q", errOut)
				}
			case code != 0:
				t.Errorf("ask: exit %d: %s", code, errOut)
			case in.Audit && !strings.Contains(out, "qui a demandé un audit"):
				t.Errorf("ask: not the answer:\n%s", out)
			case !in.Audit && !strings.Contains(out, "paragraph") && !strings.HasPrefix(out, "The article does not answer "):
				t.Errorf("ask: neither an answer nor 'does not answer':\n%s", out)
			}

			code, out, errOut = runCLI(t, "", nil, "ask", "--json", "--", in.Text)
			checkTerminalSafe(t, "ask --json", out+errOut)
			if refused {
				if code != 2 || out != "" {
					t.Errorf("ask --json: exit %d, stdout %q", code, out)
				}
			} else {
				a := decodeAsk(t, out)
				if code != 0 || strings.Count(out, "\n") != 1 || (in.Audit && !a.Found) || a.Found != (len(a.Answers) > 0) {
					t.Errorf("ask --json: exit %d, found %v:\n%s", code, a.Found, out)
				}
			}

			for _, args := range [][]string{{"quote", "--", in.Text}, {"quote", "--speaker", in.Text}, {"quote", "--json", "--speaker", in.Text, "--", in.Text}} {
				code, out, errOut := runCLI(t, "", nil, args...)
				checkTerminalSafe(t, "quote", out+errOut)
				if code != 0 {
					t.Errorf("%s: exit %d: %s", strings.Join(args[:len(args)-1], " "), code, errOut)
				}
			}
		})
	}

	// All of them on standard input, one question a line: one JSON line
	// each (an answer, or the error), and the batch goes on to the end.
	var lines []string
	for _, in := range hostiletest.Inputs() {
		for _, l := range strings.Split(in.Text, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
	}
	code, out, errOut := runCLI(t, strings.Join(lines, "\n")+"\n", nil, "ask", "--json")
	checkTerminalSafe(t, "ask < stdin", out+errOut)
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(got) != len(lines) {
		t.Fatalf("stdin: exit %d, %d lines out for %d in; stderr %q", code, len(got), len(lines), errOut)
	}
	for i, l := range got {
		var a answerJSON
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Errorf("line %d: %v: %q", i, err, l)
		}
	}
}

// checkTerminalSafe checks that s is valid UTF-8 with no control
// character other than a line break.
func checkTerminalSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: output is not valid UTF-8", what)
	}
	for i, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) {
			t.Errorf("%s: control character %U at %d: %q", what, r, i, s[max(0, i-20):min(len(s), i+20)])
			return
		}
	}
}
