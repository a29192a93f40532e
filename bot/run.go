package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"guillemet/internal/answer"
	"guillemet/internal/cooldown"
	"guillemet/internal/discord"
	"guillemet/internal/guillemet"
	"guillemet/internal/interact"
)

// How long start-up may take, and shutdown (Discord's supervisors and
// container runtimes usually allow 10 s after SIGTERM; we take 5 at most).
const (
	openTimeout  = 30 * time.Second
	closeTimeout = 4 * time.Second
)

// Cooldowns: each user may ask 5 questions at once, then one every 2 s;
// each channel (questions asked in messages) 10 at once, then one a second.
const (
	userEvery, userBurst       = 2 * time.Second, 5
	channelEvery, channelBurst = time.Second, 10
)

// runUsage is the help of guillemet run (guillemet help run prints it).
const runUsage = `Usage: guillemet [run]

Starts the Discord bot and runs it until SIGINT or SIGTERM. Configuration
comes from the environment and from a .env file in the working directory
(the environment wins); see .env.example. DISCORD_TOKEN is required;
DISCORD_GUILD_ID, DISCORD_API_URL, ASK_CHANNELS, SHARD_ID and SHARD_COUNT,
DATA_PATH, LOG_LEVEL and LOG_FORMAT are optional.
Exit status: 0 once stopped by a signal, 1 if Discord rejects the token or
cannot be reached, 2 if the configuration (DATA_PATH included) is not valid.
`

// runBot runs the gateway bot: it validates the configuration (exit 2 if
// it is wrong), loads the corpus, connects to Discord (exit 1 if the
// token is rejected or Discord cannot be reached), serves until ctx is
// done (SIGINT, SIGTERM), then finishes the replies in flight (for up to
// 3 s), closes the gateway and returns 0, within 5 s of the signal.
func runBot(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, runUsage)
			return exitOK
		}
		fmt.Fprintf(stderr, "guillemet run: %v\n\n%s", err, runUsage)
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "guillemet run: unexpected %q\n\n%s", fs.Arg(0), runUsage)
		return exitUsage
	}

	cfg, err := discord.ConfigFromEnv(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "guillemet: the configuration is not valid:\n  %s\n", strings.ReplaceAll(message(err), "\n", "\n  "))
		return exitUsage
	}
	log := newLogger(cfg, stderr)
	prev := slog.Default()
	slog.SetDefault(log)
	defer slog.SetDefault(prev)

	start := time.Now()
	engine, err := answer.Load(cfg.DataPath)
	if err != nil {
		fmt.Fprintf(stderr, "guillemet: cannot load the articles: %s\n", message(err))
		if k := guillemet.KindOf(err); k == guillemet.Invalid || k == guillemet.NotFound {
			return exitUsage // a wrong DATA_PATH, like the other commands
		}
		return exitFail
	}
	o := engine.Overview()
	log.Info("articles loaded", "articles", len(o.Articles), "people", len(o.People), "took", time.Since(start).Round(time.Millisecond))

	h := interact.New(engine, interact.Options{
		Users:       cooldown.New(userEvery, userBurst),
		Channels:    cooldown.New(channelEvery, channelBurst),
		AskChannels: cfg.AskChannels,
		Logger:      log,
	})
	bot := discord.New(cfg, h, log)

	openCtx, cancel := context.WithTimeout(ctx, openTimeout)
	err = bot.Open(openCtx)
	cancel()
	if err != nil {
		closeBot(bot, log)
		if ctx.Err() != nil {
			return exitOK // asked to stop while starting
		}
		fmt.Fprintf(stderr, "guillemet: %s\n", message(err))
		return exitFail
	}

	<-ctx.Done()
	log.Info("stopping: finishing the replies in flight")
	if err := closeBot(bot, log); err == nil {
		log.Info("stopped")
	}
	// Stopping is what was asked, even when a reply had to be cut short
	// (closeBot logged it): exit 0.
	return exitOK
}

func closeBot(bot *discord.Bot, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	err := bot.Close(ctx)
	if err != nil {
		log.Warn("shutdown incomplete", "err", err)
	}
	return err
}

// newLogger writes to w, as LOG_FORMAT and LOG_LEVEL say, and never a
// secret.
func newLogger(cfg discord.Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	return slog.New(discord.RedactingHandler(h))
}

// message is the text of err without the operation that failed, for a
// person rather than a log.
func message(err error) string {
	var e *guillemet.Error
	if errors.As(err, &e) {
		return e.Err.Error()
	}
	return err.Error()
}
