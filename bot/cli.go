package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"guillemet/internal/answer"
	"guillemet/internal/guillemet"
)

// commandFlags holds the flags ask and quote share.
type commandFlags struct {
	json    bool
	data    string
	speaker string
}

// parseFlags accepts flags anywhere among the words, as people type them
// ("ask who asked --json"); words after "--" are never flags.
func parseFlags(name string, args []string, withSpeaker bool, usage string, stderr io.Writer) (commandFlags, []string, error) {
	var f commandFlags
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&f.json, "json", false, "")
	fs.StringVar(&f.data, "data", "", "")
	if withSpeaker {
		fs.StringVar(&f.speaker, "speaker", "", "")
	}
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return f, nil, err
			}
			fmt.Fprintf(stderr, "guillemet %s: %v\n\n%s", name, err, usage)
			return f, nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return f, words, nil
		}
		if len(args) > 0 && args[0] == "--" {
			return f, append(words, args[1:]...), nil
		}
		words, args = append(words, args[0]), args[1:]
	}
}

// prepare reads a command's flags and loads the corpus. A nil engine means
// the command is over (help was shown, or an error reported) and code is
// its exit status.
func prepare(name string, args []string, withSpeaker bool, usage string, getenv func(string) string, stdout, stderr io.Writer) (commandFlags, []string, *answer.Engine, int) {
	f, words, err := parseFlags(name, args, withSpeaker, usage, stderr)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return f, nil, nil, exitOK
	}
	if err != nil {
		return f, nil, nil, exitUsage
	}
	path := f.data
	if path == "" {
		path = getenv("DATA_PATH")
	}
	if name == "ask" && len(words) > 0 {
		answer.Prepare(strings.Join(words, " ")) // while the engine builds
	}
	eng, err := answer.Load(path)
	if err != nil {
		return f, nil, nil, fail(stderr, err)
	}
	return f, words, eng, exitOK
}

// answerJSON is the CLI's JSON contract for ask; other tools rely on it.
type answerJSON struct {
	Question string       `json:"question"`
	Found    bool         `json:"found"`
	Answers  []answerItem `json:"answers"`
	Error    string       `json:"error,omitempty"`
}

type answerItem struct {
	Article   string  `json:"article"`
	Paragraph int     `json:"paragraph"`
	Passage   string  `json:"passage"`
	Sentence  string  `json:"sentence"`
	Speaker   string  `json:"speaker"`
	Score     float64 `json:"score"`
}

func ask(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	f, words, eng, code := prepare("ask", args, false, askUsage, getenv, stdout, stderr)
	if eng == nil {
		return code
	}
	defer eng.Close()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	p := printer{w: out, json: f.json, bold: isTerminal(stdout)}
	if len(words) > 0 {
		res, err := eng.Ask(ctx, strings.Join(words, " "))
		if err != nil {
			return fail(stderr, err)
		}
		p.result(res)
		return exitOK
	}
	in := bufio.NewReader(stdin)
	for {
		line, rerr := readLine(in, 4*answer.MaxQuestion)
		if q := strings.TrimSpace(line); q != "" {
			res, err := eng.Ask(ctx, q)
			switch {
			case err != nil && guillemet.KindOf(err) != guillemet.Invalid:
				return fail(stderr, err)
			case err != nil:
				p.invalid(res, err)
			default:
				p.result(res)
			}
			out.Flush()
		}
		if rerr != nil {
			return exitOK
		}
	}
}

// readLine reads one line, keeping at most limit bytes of it so a huge
// line costs no more memory than a long question.
func readLine(r *bufio.Reader, limit int) (string, error) {
	var b strings.Builder
	for {
		chunk, isPrefix, err := r.ReadLine()
		if b.Len() < limit {
			b.Write(chunk[:min(len(chunk), limit-b.Len()+1)])
		}
		if err != nil || !isPrefix {
			return b.String(), err
		}
	}
}

type quotesJSON struct {
	Quotes []quoteItem `json:"quotes"`
}

type quoteItem struct {
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
}

func quote(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	f, words, eng, code := prepare("quote", args, true, quoteUsage, getenv, stdout, stderr)
	if eng == nil {
		return code
	}
	defer eng.Close()
	qs, err := eng.Quotes(ctx, guillemet.QuoteQuery{Speaker: f.speaker, Words: strings.Join(words, " ")})
	if err != nil {
		return fail(stderr, err)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if f.json {
		items := make([]quoteItem, 0, len(qs))
		for _, q := range qs {
			items = append(items, quoteItem{Text: q.Text, Speaker: q.Speaker, Article: q.Article, Paragraph: q.Paragraph})
		}
		writeJSON(out, quotesJSON{Quotes: items})
		return exitOK
	}
	if len(qs) == 0 {
		fmt.Fprintln(out, "No quotation matches.")
		return exitOK
	}
	for i, q := range qs {
		who := q.Speaker
		if who == "" {
			who = "unattributed"
		}
		fmt.Fprintf(out, "%d. « %s »\n   — %s (%s, paragraph %d)\n", i+1, q.Text, who, q.Article, q.Paragraph)
	}
	return exitOK
}

// fail prints err for a person and picks the exit status: bad input is a
// usage error, anything else a failure.
func fail(stderr io.Writer, err error) int {
	var e *guillemet.Error
	msg := err.Error()
	if errors.As(err, &e) {
		msg = e.Err.Error()
	}
	fmt.Fprintf(stderr, "guillemet: %s\n", msg)
	if k := guillemet.KindOf(err); k == guillemet.Invalid || k == guillemet.NotFound {
		return exitUsage
	}
	return exitFail
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // writes to a buffer; errors surface at Flush
}
