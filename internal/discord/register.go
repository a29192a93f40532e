package discord

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
	"guillemet/internal/interact"
)

// Register overwrites the slash commands of the application of
// cfg.Token with interact.Commands(), in one bulk overwrite: on the
// server cfg.GuildID, or globally. It is what Open does on shard 0, for
// deployments without a gateway (guillemet serve-http). It returns the
// application id and the commands as registered. Its errors are
// classified as Open's: a rejected token is of kind Invalid and wraps
// ErrUnauthorized; Discord out of reach is of kind Unavailable. Logs go
// to log (nil: slog.Default()), never with the token.
func Register(ctx context.Context, cfg Config, log *slog.Logger) (appID string, cmds []*discordgo.ApplicationCommand, err error) {
	const op = "discord.Register"
	token := cfg.Token.Reveal()
	if token == "" {
		return "", nil, guillemet.E(op, guillemet.Invalid, ErrNoToken)
	}
	addSecret(token)
	if log == nil {
		log = slog.Default()
	}
	log = slog.New(RedactingHandler(log.Handler()))
	routeDiscordgoLogs(log)
	b := &Bot{cfg: cfg, log: log} // for openError

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return "", nil, guillemet.E(op, guillemet.Internal, err)
	}
	transport, err := NewTransport(cfg.APIURL, nil)
	if err != nil {
		return "", nil, guillemet.E(op, guillemet.Invalid, err)
	}
	s.Client = &http.Client{Transport: transport, Timeout: 20 * time.Second}
	s.LogLevel = discordgoLevel(logLevel(log))

	// The application of the token (also checks the token). Both steps
	// ride out an outage as Open's do, until ctx ends.
	me := discordgo.EndpointOAuth2Application("@me")
	var body []byte
	if err := b.retryOpen(ctx, "reading the application", func() (err error) {
		body, err = s.RequestWithBucketID("GET", me, nil, me, discordgo.WithContext(ctx))
		return err
	}); err != nil {
		return "", nil, b.openError(op, "reading the application", err)
	}
	var app discordgo.Application
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return "", nil, guillemet.E(op, guillemet.Unavailable, errors.New("Discord did not say which application the token belongs to"))
	}
	if err := b.retryOpen(ctx, "registering the slash commands", func() (err error) {
		cmds, err = s.ApplicationCommandBulkOverwrite(app.ID, cfg.GuildID, interact.Commands(), discordgo.WithContext(ctx))
		return err
	}); err != nil {
		return app.ID, nil, b.openError(op, "registering the slash commands", err)
	}
	return app.ID, cmds, nil
}
