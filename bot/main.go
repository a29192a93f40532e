// Command guillemet answers questions about French news articles, from the
// terminal or as a Discord bot. main only wires the parts together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"github.com/joho/godotenv"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// run dispatches a command line. .env is loaded first; variables already
// set in the environment win over it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	if err := godotenv.Load(); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "guillemet: .env: %v\n", err)
		return exitUsage
	}
	cmd, rest := "run", args
	if len(args) > 0 {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "ask":
		return ask(ctx, rest, getenv, stdin, stdout, stderr)
	case "quote":
		return quote(ctx, rest, getenv, stdout, stderr)
	case "run":
		return runBot(ctx, rest, getenv, stdout, stderr)
	case "serve-http":
		return serveHTTP(ctx, rest, getenv, stdout, stderr)
	case "register":
		return register(ctx, rest, getenv, stdout, stderr)
	case "help", "-h", "-help", "--help":
		return help(rest, stdout, stderr)
	}
	if len(cmd) > 0 && cmd[0] == '-' {
		return runBot(ctx, args, getenv, stdout, stderr)
	}
	fmt.Fprintf(stderr, "guillemet: unknown command %q\nRun 'guillemet help' for the commands.\n", cmd)
	return exitUsage
}
