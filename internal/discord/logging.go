package discord

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

// secrets are the strings no log line may contain: the tokens of every
// Bot opened in this process.
var secrets struct {
	sync.RWMutex
	list []string
}

func addSecret(s string) {
	if s == "" {
		return
	}
	secrets.Lock()
	defer secrets.Unlock()
	for _, x := range secrets.list {
		if x == s {
			return
		}
	}
	secrets.list = append(secrets.list, s)
}

// Redact replaces in s every secret registered by an opened Bot.
func Redact(s string) string {
	secrets.RLock()
	defer secrets.RUnlock()
	for _, x := range secrets.list {
		if strings.Contains(s, x) {
			s = strings.ReplaceAll(s, x, redacted)
		}
	}
	return s
}

// RedactingHandler wraps h so that no record it writes contains a
// secret: the message and every string, error or Stringer attribute are
// redacted, in groups too. The bot's token is registered as a secret
// before anything can log it, so it is a last line of defence behind
// Secret.
func RedactingHandler(h slog.Handler) slog.Handler { return redactingHandler{h} }

type redactingHandler struct{ next slog.Handler }

func (h redactingHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h redactingHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, Redact(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(redactAttr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h redactingHandler) WithAttrs(as []slog.Attr) slog.Handler {
	red := make([]slog.Attr, len(as))
	for i, a := range as {
		red[i] = redactAttr(a)
	}
	return redactingHandler{h.next.WithAttrs(red)}
}

func (h redactingHandler) WithGroup(name string) slog.Handler {
	return redactingHandler{h.next.WithGroup(name)}
}

func redactAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Redact(v.String()))
	case slog.KindGroup:
		as := v.Group()
		red := make([]any, len(as))
		for i, g := range as {
			red[i] = redactAttr(g)
		}
		return slog.Group(a.Key, red...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case error:
			return slog.String(a.Key, Redact(x.Error()))
		case fmt.Stringer:
			return slog.String(a.Key, Redact(x.String()))
		case []byte:
			return slog.String(a.Key, Redact(string(x)))
		default:
			return slog.String(a.Key, Redact(fmt.Sprintf("%+v", x)))
		}
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// discordgo logs through one package variable; it goes to the logger of
// the last Bot opened.
var dgLogger atomic.Pointer[slog.Logger]

var installLogger sync.Once

func routeDiscordgoLogs(l *slog.Logger) {
	dgLogger.Store(l)
	installLogger.Do(func() {
		discordgo.Logger = func(level, _ int, format string, a ...any) {
			l := dgLogger.Load()
			if l == nil {
				return
			}
			lv := slog.LevelDebug
			switch level {
			case discordgo.LogError:
				lv = slog.LevelError
			case discordgo.LogWarning:
				lv = slog.LevelWarn
			}
			if !l.Enabled(context.Background(), lv) {
				return
			}
			msg := Redact(strings.TrimSpace(fmt.Sprintf(format, a...)))
			l.Log(context.Background(), lv, "discordgo: "+redactTokenFields(msg))
		}
	})
}

// tokenField is a "token" field of the JSON payloads discordgo logs at
// debug level: every INTERACTION_CREATE carries the interaction's token,
// which lets whoever holds it answer, edit and follow up as the bot for
// 15 minutes.
var tokenField = regexp.MustCompile(`("token"\s*:\s*")(?:[^"\\]|\\.)*"`)

// redactTokenFields hides the value of every "token" field in s.
func redactTokenFields(s string) string {
	if !strings.Contains(s, `"token"`) {
		return s
	}
	return tokenField.ReplaceAllString(s, `${1}`+redacted+`"`)
}

// discordgoLevel is the discordgo log level matching a slog level:
// discordgo's informational and debug messages (every connection step,
// every packet) are our debug; its warnings and errors are ours.
func discordgoLevel(l slog.Level) int {
	switch {
	case l <= slog.LevelDebug:
		return discordgo.LogDebug
	case l <= slog.LevelWarn:
		return discordgo.LogWarning
	}
	return discordgo.LogError
}
