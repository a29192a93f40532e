package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"guillemet/internal/discord"
)

// registerUsage is the help of guillemet register.
const registerUsage = `Usage: guillemet register

Registers the slash commands /ask, /quote and /about with one bulk
overwrite: on the server DISCORD_GUILD_ID when it is set (they appear at
once), else globally. The gateway bot (guillemet run) does this itself at
start; run this when only 'guillemet serve-http' runs, once per
deployment (it is idempotent). Needs DISCORD_TOKEN (the bot token, used
for this and nothing else); DISCORD_GUILD_ID, DISCORD_API_URL, LOG_LEVEL
and LOG_FORMAT are optional.
A Discord outage is ridden out, with backoff, for up to 30 s.
Exit status: 0 once registered, 1 if Discord rejects the token or cannot
be reached, 2 if the configuration is not valid.
`

// registerTimeout bounds guillemet register, retries included: as long
// as the bot's own start-up.
var registerTimeout = openTimeout

// register registers the slash commands and says where.
func register(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if code, ok := noArgs("register", args, registerUsage, stdout, stderr); !ok {
		return code
	}
	cfg, err := discord.ConfigFromEnv(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "guillemet: the configuration is not valid:\n  %s\n", strings.ReplaceAll(message(err), "\n", "\n  "))
		return exitUsage
	}
	log := newLogger(cfg, stderr)

	rctx, cancel := context.WithTimeout(ctx, registerTimeout)
	defer cancel()
	appID, cmds, err := discord.Register(rctx, cfg, log)
	if err != nil {
		fmt.Fprintf(stderr, "guillemet: %s\n", message(err))
		return exitFail
	}
	names := make([]string, len(cmds))
	for i, c := range cmds {
		names[i] = "/" + c.Name
	}
	scope := "globally (Discord may take a while to show them everywhere)"
	if cfg.GuildID != "" {
		scope = "on server " + cfg.GuildID
	}
	fmt.Fprintf(stdout, "Registered %d commands (%s) %s for application %s.\n", len(cmds), strings.Join(names, ", "), scope, appID)
	log.Debug("slash commands registered", "count", len(cmds), "application", appID, "guild", cfg.GuildID)
	return exitOK
}

// noArgs parses the arguments of a command that takes none but -h; ok
// is false when the command is to exit with code.
func noArgs(name string, args []string, usage string, stdout, stderr io.Writer) (code int, ok bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return exitOK, false
		}
		fmt.Fprintf(stderr, "guillemet %s: %v\n\n%s", name, err, usage)
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "guillemet %s: unexpected %q\n\n%s", name, fs.Arg(0), usage)
		return exitUsage, false
	}
	return 0, true
}
