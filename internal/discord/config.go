// Package discord is the gateway adapter of the bot: it reads the
// configuration, opens a discordgo session (optionally against a
// Discord-compatible server, through DISCORD_API_URL), registers the
// slash commands, and hands every interaction and message to
// interact.Handler, sending back what it returns within Discord's
// deadlines. Everything else (what to answer, how it looks) lives in
// internal/interact and internal/render, shared with other transports.
package discord

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"guillemet/internal/guillemet"
)

// DefaultAPIURL is the base URL of the Discord API.
const DefaultAPIURL = "https://discord.com"

// Secret is a string that never prints: %v, %s, %#v, slog and JSON all
// show "[redacted]". Reveal returns the value.
type Secret string

const redacted = "[redacted]"

func (Secret) String() string               { return redacted }
func (Secret) GoString() string             { return redacted }
func (Secret) LogValue() slog.Value         { return slog.StringValue(redacted) }
func (Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }

// Reveal returns the secret itself, to give to Discord and nothing else.
func (s Secret) Reveal() string { return string(s) }

// Config is the configuration of the bot, from the environment (see
// ConfigFromEnv for the variables).
type Config struct {
	Token       Secret   // DISCORD_TOKEN, without a "Bot " prefix
	GuildID     string   // DISCORD_GUILD_ID: register commands on this server only
	APIURL      string   // DISCORD_API_URL, without a trailing slash
	AskChannels []string // ASK_CHANNELS: channels where every message is a question
	ShardID     int      // SHARD_ID
	ShardCount  int      // SHARD_COUNT; 1 when not sharded
	DataPath    string   // DATA_PATH: the corpus; "" for the embedded article
	LogLevel    slog.Level
	LogFormat   string // "text" or "json"
}

// ErrNoToken is the error when DISCORD_TOKEN is not set.
var ErrNoToken = errors.New("DISCORD_TOKEN is not set. Create an application at " +
	"https://discord.com/developers/applications, add a bot to it, copy its token " +
	"(Bot → Reset Token) and put DISCORD_TOKEN=<the token> in .env or in the environment. " +
	"Without a token, `guillemet ask \"your question\"` still answers in the terminal")

// ConfigFromEnv reads the configuration through getenv:
//
//	DISCORD_TOKEN     required; a leading "Bot " is accepted and dropped
//	DISCORD_GUILD_ID  optional server id: commands are registered there (instant) instead of globally
//	DISCORD_API_URL   optional, default https://discord.com
//	ASK_CHANNELS      optional channel ids, separated by commas or spaces
//	SHARD_ID, SHARD_COUNT  optional, together: 0 <= SHARD_ID < SHARD_COUNT
//	DATA_PATH         optional corpus path; empty for the embedded article
//	LOG_LEVEL         debug, info (default), warn or error
//	LOG_FORMAT        text (default) or json
//
// The error (of kind Invalid) lists every problem found; it never
// contains the token.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	const op = "discord.Config"
	c := Config{APIURL: DefaultAPIURL, ShardCount: 1, LogLevel: slog.LevelInfo, LogFormat: "text"}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	token := strings.TrimSpace(getenv("DISCORD_TOKEN"))
	token = strings.TrimSpace(strings.TrimPrefix(token, "Bot "))
	switch {
	case token == "":
		errs = append(errs, ErrNoToken)
	case strings.IndexFunc(token, func(r rune) bool { return r <= ' ' || r > '~' || r == '"' || r == '\'' }) >= 0:
		bad("DISCORD_TOKEN contains spaces, quotes or other characters a bot token does not have: paste the token alone")
	default:
		c.Token = Secret(token)
	}

	if v := strings.TrimSpace(getenv("DISCORD_GUILD_ID")); v != "" {
		if !isSnowflake(v) {
			bad("DISCORD_GUILD_ID %q is not a server id (a number: in Discord, enable Developer Mode, then right-click the server → Copy Server ID)", v)
		}
		c.GuildID = v
	}

	if v := strings.TrimSpace(getenv("DISCORD_API_URL")); v != "" {
		u, err := url.Parse(v)
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			bad("DISCORD_API_URL %q is not an http(s) URL such as %s", redactURL(v), DefaultAPIURL)
		case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
			bad("DISCORD_API_URL %q must be a base URL, without query, fragment or credentials", redactURL(v))
		default:
			c.APIURL = strings.TrimRight(u.String(), "/")
		}
	}

	for _, id := range strings.FieldsFunc(getenv("ASK_CHANNELS"), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		if !isSnowflake(id) {
			bad("ASK_CHANNELS: %q is not a channel id (a number: right-click the channel → Copy Channel ID)", id)
			continue
		}
		c.AskChannels = append(c.AskChannels, id)
	}

	sid, scount := strings.TrimSpace(getenv("SHARD_ID")), strings.TrimSpace(getenv("SHARD_COUNT"))
	if sid != "" || scount != "" {
		id, err1 := strconv.Atoi(sid)
		count, err2 := strconv.Atoi(scount)
		switch {
		case sid == "" || scount == "":
			bad("SHARD_ID and SHARD_COUNT go together: set both (SHARD_ID=0 SHARD_COUNT=2 for the first of two processes) or neither")
		case err1 != nil || err2 != nil || count < 1 || id < 0 || id >= count:
			bad("SHARD_ID=%q SHARD_COUNT=%q: need whole numbers with 0 <= SHARD_ID < SHARD_COUNT", sid, scount)
		default:
			c.ShardID, c.ShardCount = id, count
		}
	}

	c.DataPath = strings.TrimSpace(getenv("DATA_PATH"))

	switch v := strings.ToLower(strings.TrimSpace(getenv("LOG_LEVEL"))); v {
	case "", "info":
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "warn", "warning":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	default:
		bad("LOG_LEVEL %q: use debug, info, warn or error", v)
	}
	switch v := strings.ToLower(strings.TrimSpace(getenv("LOG_FORMAT"))); v {
	case "", "text":
	case "json":
		c.LogFormat = "json"
	default:
		bad("LOG_FORMAT %q: use text or json", v)
	}

	if len(errs) > 0 {
		return c, guillemet.E(op, guillemet.Invalid, errors.Join(errs...))
	}
	return c, nil
}

func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// redactURL hides credentials in a URL that is being quoted in an error.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		return u.Redacted()
	}
	if i := strings.Index(s, "@"); i >= 0 {
		return redacted + s[i:]
	}
	return s
}

// InviteURL is the link that adds the bot of application appID to a
// server, with the permissions it needs (view channels, send messages,
// send messages in threads, embed links, read message history).
func (c Config) InviteURL(appID string) string {
	base := DefaultAPIURL
	if c.APIURL != "" {
		base = c.APIURL
	}
	return base + "/oauth2/authorize?client_id=" + url.QueryEscape(appID) + "&scope=bot+applications.commands&permissions=274877991936"
}
