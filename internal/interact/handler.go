// Package interact holds the transport-agnostic handlers of the bot:
// slash commands, autocomplete, paging buttons and questions asked in
// messages. A transport (the gateway bot in internal/discord, an HTTP
// interactions endpoint) only decodes what Discord sends, calls Handler
// and sends back what it returns; everything it sends is built by
// internal/render.
package interact

import (
	"context"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
	"guillemet/internal/render"
	"guillemet/internal/text"
)

// Engine answers questions about the corpus. *answer.Engine implements it.
type Engine interface {
	Ask(ctx context.Context, question string) (guillemet.Result, error)
	Quotes(ctx context.Context, q guillemet.QuoteQuery) ([]guillemet.Quote, error)
	Overview() guillemet.Overview
}

// Limiter says whether key may act now, and if not how long to wait.
// *cooldown.Limiter implements it.
type Limiter interface {
	Allow(key string) (ok bool, wait time.Duration)
}

// Options configures a Handler. The zero value is usable.
type Options struct {
	// Users limits each user (commands, button clicks and questions in
	// messages alike); nil means no limit.
	Users Limiter
	// Channels limits each channel for questions asked in messages, so
	// a busy ASK_CHANNELS channel cannot be flooded by many users; nil
	// means no limit.
	Channels Limiter
	// AskChannels are the channels where every message is a question.
	AskChannels []string
	// Logger receives errors and recovered panics; nil means slog.Default().
	Logger *slog.Logger
}

// Handler answers interactions and messages. It is safe for concurrent use.
type Handler struct {
	engine      Engine
	users       Limiter
	channels    Limiter
	askChannels map[string]bool
	log         *slog.Logger
}

// New returns a Handler that answers with engine.
func New(engine Engine, o Options) *Handler {
	h := &Handler{engine: engine, users: o.Users, channels: o.Channels, askChannels: map[string]bool{}, log: o.Logger}
	for _, c := range o.AskChannels {
		h.askChannels[c] = true
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	return h
}

// Command names.
const (
	cmdAsk   = "ask"
	cmdQuote = "quote"
	cmdAbout = "about"

	optQuestion = "question"
	optSpeaker  = "speaker"
	optWords    = "words"
)

// Longest quote filters, enforced by Discord (max_length) and here.
const (
	maxSpeaker = 100
	maxWords   = 200
)

// Commands are the slash commands, for one bulk overwrite at start.
func Commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{
			Type: discordgo.ChatApplicationCommand, Name: cmdAsk,
			Description: "Ask a question about the article",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: optQuestion, Required: true,
				Description: "Your question, in French or in English: who asked for the audit?",
			}},
		},
		{
			Type: discordgo.ChatApplicationCommand, Name: cmdQuote,
			Description: "Find quotations of the article: who said what",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optSpeaker, Autocomplete: true, MaxLength: maxSpeaker,
					Description: "Who said it (part of the name)",
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optWords, MaxLength: maxWords,
					Description: "Words of the quotation",
				},
			},
		},
		{
			Type: discordgo.ChatApplicationCommand, Name: cmdAbout,
			Description: "What the article is, who is quoted, how to ask",
			Options:     []*discordgo.ApplicationCommandOption{},
		},
	}
}

// Interaction answers one interaction: a slash command, an autocomplete
// or a button click. It always returns a response; a panic is recovered,
// logged, and answered with a short ephemeral error (or no choices, for
// an autocomplete).
func (h *Handler) Interaction(ctx context.Context, i *discordgo.Interaction) (resp *discordgo.InteractionResponse) {
	defer func() {
		if p := recover(); p != nil {
			id := ""
			if i != nil {
				id = i.ID
			}
			h.log.Error("panic while answering an interaction", "panic", p, "interaction", id, "stack", string(debug.Stack()))
			if i != nil && i.Type == discordgo.InteractionApplicationCommandAutocomplete {
				resp = render.Choices(nil)
			} else {
				resp = render.Failure().Response(discordgo.InteractionResponseChannelMessageWithSource)
			}
		}
	}()
	reply := func(m render.Message) *discordgo.InteractionResponse {
		return m.Response(discordgo.InteractionResponseChannelMessageWithSource)
	}
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
	case discordgo.InteractionApplicationCommandAutocomplete:
		return h.autocomplete(i.ApplicationCommandData())
	case discordgo.InteractionApplicationCommand:
		return reply(h.command(ctx, i))
	case discordgo.InteractionMessageComponent:
		m, update := h.click(ctx, i)
		if update {
			return m.Response(discordgo.InteractionResponseUpdateMessage)
		}
		return reply(m)
	}
	return reply(render.Failure())
}

func (h *Handler) command(ctx context.Context, i *discordgo.Interaction) render.Message {
	data := i.ApplicationCommandData()
	user := userOf(i)
	switch data.Name {
	case cmdAsk:
		q := clean(option(data.Options, optQuestion))
		if q == "" {
			return render.EmptyQuestion()
		}
		if n := utf8.RuneCountInString(q); n > render.MaxQuestion {
			return render.TooLong(n)
		}
		if ok, wait := allow(h.users, user); !ok {
			return render.Cooldown(wait)
		}
		return h.ask(ctx, q, 0)
	case cmdQuote:
		q := guillemet.QuoteQuery{Speaker: clean(option(data.Options, optSpeaker)), Words: clean(option(data.Options, optWords))}
		if n := utf8.RuneCountInString(q.Speaker + q.Words); n > render.MaxQuestion {
			return render.TooLong(n)
		}
		if ok, wait := allow(h.users, user); !ok {
			return render.Cooldown(wait)
		}
		return h.quotes(ctx, q, 0)
	case cmdAbout:
		if ok, wait := allow(h.users, user); !ok {
			return render.Cooldown(wait)
		}
		return render.About(h.engine.Overview())
	}
	h.log.Warn("unknown command", "command", data.Name)
	return render.Failure()
}

// ask answers question q with answer page of the result.
func (h *Handler) ask(ctx context.Context, q string, page int) render.Message {
	res, err := h.engine.Ask(ctx, q)
	if err != nil {
		if guillemet.KindOf(err) == guillemet.Invalid {
			if res.Question == "" {
				res.Question = q
			}
			return render.NotFound(res)
		}
		h.log.Error("ask failed", "err", err, "kind", guillemet.KindOf(err))
		return render.Failure()
	}
	if res.Question == "" {
		res.Question = q
	}
	if !res.Found || len(res.Answers) == 0 {
		return render.NotFound(res)
	}
	page = max(0, min(page, len(res.Answers)-1))
	return render.Answer(res, page, nav(page, len(res.Answers), func(p int) string { return askID(res.Question, p) }))
}

func (h *Handler) quotes(ctx context.Context, q guillemet.QuoteQuery, page int) render.Message {
	quotes, err := h.engine.Quotes(ctx, q)
	if err != nil && guillemet.KindOf(err) != guillemet.Invalid {
		h.log.Error("quotes failed", "err", err, "kind", guillemet.KindOf(err))
		return render.Failure()
	}
	pages := render.QuotePages(len(quotes))
	page = max(0, min(page, pages-1))
	return render.Quotes(q, quotes, page, nav(page, pages, func(p int) string { return quoteID(q, p) }))
}

// autocomplete offers the people of the article whose name contains what
// was typed (case and accents ignored), names starting with it first,
// most quoted first otherwise.
func (h *Handler) autocomplete(data discordgo.ApplicationCommandInteractionData) *discordgo.InteractionResponse {
	typed := ""
	for _, o := range data.Options {
		if o.Focused {
			typed, _ = o.Value.(string)
		}
	}
	typed = text.Fold(clean(typed))
	var starts, contains []string
	for _, p := range h.engine.Overview().People {
		name := text.Fold(p.Name)
		switch {
		case strings.HasPrefix(name, typed) || hasWordPrefix(name, typed):
			starts = append(starts, p.Name)
		case strings.Contains(name, typed):
			contains = append(contains, p.Name)
		}
	}
	return render.Choices(append(starts, contains...))
}

func hasWordPrefix(name, prefix string) bool {
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// click serves a paging button. update is true when the message the
// button belongs to is to be replaced by m; false when m is a new
// (ephemeral) message, such as a cooldown notice.
func (h *Handler) click(ctx context.Context, i *discordgo.Interaction) (m render.Message, update bool) {
	p, err := parseID(i.MessageComponentData().CustomID)
	if err != nil {
		return render.Expired(), false
	}
	if p.inFooter {
		var embed *discordgo.MessageEmbed
		if i.Message != nil && len(i.Message.Embeds) > 0 {
			embed = i.Message.Embeds[0]
		}
		var ok bool
		if p.quote {
			p.query, ok = render.QuoteQueryFromEmbed(embed)
		} else {
			p.question, ok = render.QuestionFromEmbed(embed)
		}
		if !ok {
			return render.Expired(), false
		}
	}
	if ok, wait := allow(h.users, userOf(i)); !ok {
		return render.Cooldown(wait), false
	}
	if p.quote {
		m = h.quotes(ctx, p.query, p.page)
	} else {
		m = h.ask(ctx, p.question, p.page)
	}
	// A page that turned into a notice (the article changed since) is
	// sent apart, leaving the message as it was.
	return m, !m.Ephemeral
}

// Message answers a message: in direct messages, when the bot (botID) is
// mentioned, and in the ask channels. It returns nil for messages to
// ignore: from bots (itself included) and webhooks, elsewhere, or when
// the author or the channel is cooling down. A panic is recovered and
// logged, and answered with a short error.
func (h *Handler) Message(ctx context.Context, m *discordgo.Message, botID string) (send *discordgo.MessageSend) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.Author.ID == botID || m.WebhookID != "" {
		return nil
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return nil
	}
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("panic while answering a message", "panic", p, "message", m.ID, "stack", string(debug.Stack()))
			send = render.Failure().Send(m)
		}
	}()
	dm := m.GuildID == ""
	mentioned := mentions(m, botID)
	if !dm && !mentioned && !h.askChannels[m.ChannelID] {
		return nil
	}
	q := clean(stripMentionOf(m.Content, botID))
	if q == "" {
		if dm || mentioned {
			return render.Help().Send(m)
		}
		return nil
	}
	if n := utf8.RuneCountInString(q); n > render.MaxQuestion {
		return render.TooLong(n).Send(m)
	}
	if ok, _ := allow(h.users, m.Author.ID); !ok {
		h.log.Debug("user cooling down: message ignored", "user", m.Author.ID)
		return nil
	}
	if !dm {
		if ok, _ := allow(h.channels, m.ChannelID); !ok {
			h.log.Debug("channel cooling down: message ignored", "channel", m.ChannelID)
			return nil
		}
	}
	return h.ask(ctx, q, 0).Send(m)
}

func mentions(m *discordgo.Message, botID string) bool {
	if botID == "" {
		return false
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			return true
		}
	}
	return strings.Contains(m.Content, "<@"+botID+">") || strings.Contains(m.Content, "<@!"+botID+">")
}

func stripMentionOf(s, botID string) string {
	if botID == "" {
		return s
	}
	s = strings.ReplaceAll(s, "<@"+botID+">", " ")
	return strings.ReplaceAll(s, "<@!"+botID+">", " ")
}

// clean drops control characters and invisible format characters
// (zero-width, direction overrides, as the engine does) and collapses
// whitespace, so that a question has one spelling in a custom_id, a
// footer and the engine, one made only of invisible characters is
// empty, and none is echoed with a direction override that would turn
// the rest of the bot's line around.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return -1
		case r == '\n' || r == '\t' || r == '\r' || r == '\u2028' || r == '\u2029':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func option(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	for _, o := range opts {
		if o != nil && o.Name == name {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}

func userOf(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

func allow(l Limiter, key string) (bool, time.Duration) {
	if l == nil || key == "" {
		return true, 0
	}
	return l.Allow(key)
}
