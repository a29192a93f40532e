package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"guillemet/internal/guillemet"
	"guillemet/internal/interact"
	"guillemet/internal/render"
)

// DefaultDeferAfter is how long a handler may work on an interaction
// before the bot defers it: Discord wants a first response within 3 s of
// the interaction, and the response itself takes time to arrive.
const DefaultDeferAfter = 2 * time.Second

// interactionLifetime is how long an interaction token stays valid for
// edits and follow-ups after it was acknowledged.
const interactionLifetime = 15 * time.Minute

// messageTimeout bounds the work on one question asked in a message.
const messageTimeout = 30 * time.Second

// ErrUnauthorized is the error when Discord rejects the token (HTTP 401,
// or gateway close code 4004).
var ErrUnauthorized = errors.New("Discord rejected DISCORD_TOKEN (401 Unauthorized): it is wrong, or it was reset. " +
	"Copy the current token from https://discord.com/developers/applications → your application → Bot → Reset Token")

// Bot is the gateway bot: one discordgo session (one shard) whose events
// go to an interact.Handler.
type Bot struct {
	// DeferAfter is how long a handler may take before its interaction
	// is deferred (and its original response edited once it is done).
	// Set it before Open; 0 means DefaultDeferAfter.
	DeferAfter time.Duration

	// restTimeout bounds one REST request (0: defaultRESTTimeout), and
	// openBackoff paces the start-up attempts (zero: defaultOpenBackoff).
	// Tests shorten them.
	restTimeout time.Duration
	openBackoff backoff

	cfg     Config
	handler *interact.Handler
	log     *slog.Logger
	session *discordgo.Session
	api     *interactionAPI
	conns   connTracker

	ctx    context.Context // of the handlers; cancelled when Close gives up on them
	cancel context.CancelFunc

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup

	botID     atomic.Value // string
	appID     atomic.Value // string
	readyOnce sync.Once
	readyCh   chan struct{}
}

// New returns a Bot that answers with h. Logs go to log (nil:
// slog.Default()), through RedactingHandler.
func New(cfg Config, h *interact.Handler, log *slog.Logger) *Bot {
	if log == nil {
		log = slog.Default()
	}
	addSecret(cfg.Token.Reveal())
	ctx, cancel := context.WithCancel(context.Background())
	b := &Bot{cfg: cfg, handler: h, log: slog.New(RedactingHandler(log.Handler())), ctx: ctx, cancel: cancel, readyCh: make(chan struct{})}
	b.botID.Store("")
	b.appID.Store("")
	return b
}

// BotID is the user id of the bot, once Open has checked the token.
func (b *Bot) BotID() string { return b.botID.Load().(string) }

// AppID is the application id, once the gateway is ready.
func (b *Bot) AppID() string { return b.appID.Load().(string) }

// InviteURL is the link that adds the bot to a server.
func (b *Bot) InviteURL() string { return b.cfg.InviteURL(b.AppID()) }

// Intents are what the bot asks the gateway for: messages in servers and
// in DMs, and their content only when ASK_CHANNELS needs it (a
// privileged intent: mentions and DMs carry their content without it).
func Intents(cfg Config) discordgo.Intent {
	i := discordgo.IntentGuildMessages | discordgo.IntentDirectMessages
	if len(cfg.AskChannels) > 0 {
		i |= discordgo.IntentMessageContent
	}
	return i
}

// Open checks the token, connects to the gateway, registers the slash
// commands (shard 0 only: one bulk overwrite is enough for all) and logs
// that the bot is ready, with its invite URL. A rejected token is an
// error of kind Invalid wrapping ErrUnauthorized; Discord out of reach,
// of kind Unavailable.
func (b *Bot) Open(ctx context.Context) error {
	const op = "discord.Open"
	token := b.cfg.Token.Reveal()
	if token == "" {
		return guillemet.E(op, guillemet.Invalid, ErrNoToken)
	}
	addSecret(token)
	routeDiscordgoLogs(b.log)

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return guillemet.E(op, guillemet.Internal, err)
	}
	transport, err := NewTransport(b.cfg.APIURL, nil)
	if err != nil {
		return guillemet.E(op, guillemet.Invalid, err)
	}
	s.Client = &http.Client{Transport: transport, Timeout: b.restTimeoutOr()}
	b.api = &interactionAPI{client: s.Client, userAgent: s.UserAgent}
	s.Dialer = &websocket.Dialer{HandshakeTimeout: 10 * time.Second, Proxy: http.ProxyFromEnvironment, NetDialContext: b.conns.dial}
	s.StateEnabled = false
	s.LogLevel = discordgoLevel(logLevel(b.log))
	s.Identify.Intents = Intents(b.cfg)
	s.ShardID, s.ShardCount = b.cfg.ShardID, max(b.cfg.ShardCount, 1)
	s.AddHandler(b.onReady)
	s.AddHandler(b.onResumed)
	s.AddHandler(b.onDisconnect)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)
	b.session = s

	// The token, over REST first: a 401 is then a clear error. Every
	// step is retried while Discord is out of reach (retryOpen).
	var me *discordgo.User
	err = b.retryOpen(ctx, "checking the token", func() (err error) {
		me, err = s.User("@me", discordgo.WithContext(ctx))
		return err
	})
	if err != nil {
		return b.openError(op, "checking the token", err)
	}
	b.botID.Store(me.ID)

	// The gateway. discordgo's Open knows no context: on cancellation,
	// its connection is closed under it.
	err = b.retryOpen(ctx, "looking up the gateway and connecting to it", func() error {
		opened := make(chan error, 1)
		go func() { opened <- s.Open() }()
		select {
		case err := <-opened:
			return err
		case <-ctx.Done():
			b.conns.closeAll()
			return fmt.Errorf("connecting to the gateway: %w", ctx.Err())
		}
	})
	if err != nil {
		return b.openError(op, "connecting to the gateway", err)
	}
	select {
	case <-b.readyCh:
	case <-ctx.Done():
		return guillemet.E(op, guillemet.Unavailable, fmt.Errorf("waiting for READY: %w", ctx.Err()))
	}

	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "server " + b.cfg.GuildID
	}
	if b.cfg.ShardID == 0 {
		var cmds []*discordgo.ApplicationCommand
		err := b.retryOpen(ctx, "registering the slash commands", func() (err error) {
			cmds, err = s.ApplicationCommandBulkOverwrite(b.AppID(), b.cfg.GuildID, interact.Commands(), discordgo.WithContext(ctx))
			return err
		})
		if err != nil {
			return b.openError(op, "registering the slash commands", err)
		}
		b.log.Debug("slash commands registered", "count", len(cmds), "scope", scope)
	} else {
		scope = "registered by shard 0"
	}
	b.log.Info("Guillemet is ready: invite it with the URL below",
		"user", me.Username, "shard", fmt.Sprintf("%d/%d", b.cfg.ShardID, max(b.cfg.ShardCount, 1)),
		"commands", scope, "ask_channels", len(b.cfg.AskChannels), "invite", b.InviteURL())
	return nil
}

// openError classifies an error of Open.
func (b *Bot) openError(op, doing string, err error) error {
	var rest *discordgo.RESTError
	var closeErr *websocket.CloseError
	switch {
	case errors.Is(err, discordgo.ErrUnauthorized),
		errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized,
		errors.As(err, &closeErr) && closeErr.Code == 4004:
		return guillemet.E(op, guillemet.Invalid, ErrUnauthorized)
	case errors.As(err, &closeErr) && closeErr.Code == 4014:
		return guillemet.Errorf(op, guillemet.Invalid, "Discord refused the Message Content intent that ASK_CHANNELS needs: "+
			"enable it at https://discord.com/developers/applications → your application → Bot → Privileged Gateway Intents, or unset ASK_CHANNELS")
	case errors.As(err, &closeErr) && (closeErr.Code == 4010 || closeErr.Code == 4011):
		return guillemet.Errorf(op, guillemet.Invalid, "Discord refused the shard %d/%d (close code %d): check SHARD_ID and SHARD_COUNT",
			b.cfg.ShardID, b.cfg.ShardCount, closeErr.Code)
	case errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusForbidden:
		return guillemet.Errorf(op, guillemet.Invalid, "%s: Discord said 403 Forbidden: is the bot in server %s, invited with the applications.commands scope?",
			doing, b.cfg.GuildID)
	}
	return guillemet.Errorf(op, guillemet.Unavailable, "%s at %s: %s", doing, b.cfg.APIURL, Redact(err.Error()))
}

// Close stops taking new events, waits for the replies in flight (until
// ctx ends: then their work is cancelled), and closes the gateway.
func (b *Bot) Close(ctx context.Context) error {
	b.mu.Lock()
	already := b.closing
	b.closing = true
	b.mu.Unlock()
	if already {
		return nil
	}
	var errs []error
	drained := make(chan struct{})
	go func() { b.inflight.Wait(); close(drained) }()
	select {
	case <-drained:
	case <-ctx.Done():
		b.cancel()
		errs = append(errs, fmt.Errorf("replies still in flight: %w", ctx.Err()))
	}
	if s := b.session; s != nil {
		closed := make(chan error, 1)
		go func() {
			s.Lock()
			s.ShouldReconnectOnError = false
			s.Unlock()
			closed <- s.Close()
		}()
		select {
		case err := <-closed:
			if err != nil {
				errs = append(errs, err)
			}
		case <-ctx.Done():
			b.conns.closeAll()
			errs = append(errs, fmt.Errorf("closing the gateway: %w", ctx.Err()))
		}
	}
	b.cancel()
	if len(errs) > 0 {
		return guillemet.E("discord.Close", guillemet.Unavailable, errors.Join(errs...))
	}
	b.log.Debug("gateway closed")
	return nil
}

// enter counts an event in flight, unless the bot is closing.
func (b *Bot) enter() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.inflight.Add(1)
	return true
}

func (b *Bot) recoverEvent(what string) {
	if p := recover(); p != nil {
		b.log.Error("panic while serving an event", "event", what, "panic", p, "stack", string(debug.Stack()))
	}
}

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
	if r.User != nil {
		b.botID.Store(r.User.ID)
	}
	if r.Application != nil {
		b.appID.Store(r.Application.ID)
	}
	first := false
	b.readyOnce.Do(func() { first = true; close(b.readyCh) })
	if !first {
		b.log.Info("gateway: new session", "shard", b.cfg.ShardID)
	}
}

func (b *Bot) onResumed(*discordgo.Session, *discordgo.Resumed) {
	b.log.Info("gateway: session resumed", "shard", b.cfg.ShardID)
}

func (b *Bot) onDisconnect(*discordgo.Session, *discordgo.Disconnect) {
	b.mu.Lock()
	closing := b.closing
	b.mu.Unlock()
	if !closing {
		b.log.Warn("gateway: disconnected; reconnecting", "shard", b.cfg.ShardID)
	}
}

func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil || !b.enter() {
		return
	}
	defer b.inflight.Done()
	defer b.recoverEvent("INTERACTION_CREATE")
	b.serveInteraction(ic.Interaction)
}

// serveInteraction answers i with what the handler returns, if it
// returns within DeferAfter; otherwise it defers (a "thinking…" state,
// or for a button, an acknowledged click), then edits the original
// response with the result, or sends it as an ephemeral follow-up when
// it is a private notice.
func (b *Bot) serveInteraction(i *discordgo.Interaction) {
	start := time.Now()
	if i.AppID == "" {
		i.AppID = b.AppID()
	}
	ctx, cancel := context.WithTimeout(b.ctx, interactionLifetime)
	defer cancel()
	// Discord's 3 s run from the interaction's creation, which its id
	// tells: an interaction replayed after a reconnection arrives late.
	origin := start
	if t, ok := createdAt(i.ID, start); ok {
		origin = t
	}
	// The first response, retried while Discord fails, is of use within
	// Discord's 3 s only.
	callbackCtx, cancelCallback := context.WithDeadline(ctx, origin.Add(discordgo.InteractionDeadline))
	defer cancelCallback()
	result := make(chan *discordgo.InteractionResponse, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("panic in the interaction handler", "panic", p, "stack", string(debug.Stack()))
				result <- render.Failure().Response(discordgo.InteractionResponseChannelMessageWithSource)
			}
		}()
		result <- b.handler.Interaction(ctx, i)
	}()
	after := b.DeferAfter
	if after <= 0 {
		after = DefaultDeferAfter
	}
	timer := time.NewTimer(max(0, after-start.Sub(origin)))
	defer timer.Stop()

	select {
	case resp := <-result:
		if err := b.api.respond(callbackCtx, i, resp); err != nil {
			b.log.Warn("cannot answer an interaction", "err", b.scrub(err, i), "elapsed", time.Since(start))
			return
		}
		b.log.Debug("interaction answered", "type", i.Type.String(), "elapsed", time.Since(start))
		return
	case <-timer.C:
	}

	// Too slow: defer.
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		// An autocomplete cannot wait: offer nothing this time.
		if err := b.api.respond(callbackCtx, i, render.Choices(nil)); err != nil {
			b.log.Warn("cannot answer an autocomplete", "err", b.scrub(err, i))
		}
		return
	case discordgo.InteractionMessageComponent:
		deferred.Type = discordgo.InteractionResponseDeferredMessageUpdate
	}
	if err := b.api.respond(callbackCtx, i, deferred); err != nil {
		b.log.Warn("cannot defer an interaction", "err", b.scrub(err, i), "elapsed", time.Since(start))
		return
	}
	var resp *discordgo.InteractionResponse
	select {
	case resp = <-result:
	case <-ctx.Done():
		b.log.Warn("interaction abandoned", "err", ctx.Err())
		return
	}
	msg := render.FromData(resp.Data)
	var err error
	switch {
	case msg.Ephemeral && deferred.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource:
		// The deferred response is public: say it privately instead, and
		// remove the "thinking…" placeholder.
		if err = b.api.followup(ctx, i, msg); err == nil {
			err = b.api.deleteOriginal(ctx, i)
		}
	case msg.Ephemeral || (resp.Type != discordgo.InteractionResponseUpdateMessage && deferred.Type == discordgo.InteractionResponseDeferredMessageUpdate):
		// A notice about a click: the paged message stays as it is.
		err = b.api.followup(ctx, i, msg)
	default:
		err = b.api.editOriginal(ctx, i, msg)
	}
	if err != nil {
		b.log.Warn("cannot send a deferred answer", "err", b.scrub(err, i), "elapsed", time.Since(start))
		return
	}
	b.log.Debug("interaction answered after deferring", "type", i.Type.String(), "elapsed", time.Since(start))
}

// scrub removes the interaction token (part of the URLs) from an error.
func (b *Bot) scrub(err error, i *discordgo.Interaction) string {
	s := err.Error()
	if i != nil && i.Token != "" {
		s = strings.ReplaceAll(s, i.Token, "[interaction token]")
	}
	return s
}

func (b *Bot) onMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	if mc == nil || mc.Message == nil || mc.Author == nil || mc.Author.Bot {
		return // most traffic: leave before counting it
	}
	if !b.enter() {
		return
	}
	defer b.inflight.Done()
	defer b.recoverEvent("MESSAGE_CREATE")
	ctx, cancel := context.WithTimeout(b.ctx, messageTimeout)
	defer cancel()
	send := b.handler.Message(ctx, mc.Message, b.BotID())
	if send == nil {
		return
	}
	// Sent again while Discord fails, with the question's id as nonce:
	// never twice.
	if err := b.reply(ctx, s, mc.ChannelID, mc.ID, send); err != nil {
		b.log.Warn("cannot reply to a message", "channel", mc.ChannelID, "err", err)
		return
	}
	b.log.Debug("message answered", "channel", mc.ChannelID)
}

func logLevel(l *slog.Logger) slog.Level {
	for _, lv := range []slog.Level{slog.LevelDebug, slog.LevelInfo, slog.LevelWarn} {
		if l.Enabled(context.Background(), lv) {
			return lv
		}
	}
	return slog.LevelError
}

// connTracker remembers the gateway's network connections, so that they
// can be closed under discordgo when it is stuck (an Open or a Close
// that outlives its context).
type connTracker struct {
	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

func (t *connTracker) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.conns == nil {
		t.conns = map[net.Conn]struct{}{}
	}
	tc := &trackedConn{Conn: c, t: t}
	t.conns[tc] = struct{}{}
	return tc, nil
}

func (t *connTracker) closeAll() {
	t.mu.Lock()
	conns := t.conns
	t.conns = nil
	t.mu.Unlock()
	for c := range conns {
		c.(*trackedConn).Conn.Close()
	}
}

type trackedConn struct {
	net.Conn
	t    *connTracker
	once sync.Once
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.t.mu.Lock()
		delete(c.t.conns, c)
		c.t.mu.Unlock()
	})
	return c.Conn.Close()
}
