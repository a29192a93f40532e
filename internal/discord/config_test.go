package discord

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"guillemet/internal/guillemet"
)

const secretToken = "MTEwMDAwMDAwMDAwMDAwMDAy.SECRET.token-never-logged"

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestConfigDefaults(t *testing.T) {
	c, err := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": secretToken}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Token.Reveal() != secretToken || c.APIURL != DefaultAPIURL || c.GuildID != "" || len(c.AskChannels) != 0 ||
		c.ShardID != 0 || c.ShardCount != 1 || c.LogLevel != slog.LevelInfo || c.LogFormat != "text" || c.DataPath != "" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestConfigValues(t *testing.T) {
	c, err := ConfigFromEnv(env(map[string]string{
		"DISCORD_TOKEN":    "  Bot " + secretToken + "\n",
		"DISCORD_GUILD_ID": "123456789012345678",
		"DISCORD_API_URL":  "http://127.0.0.1:8080/base/",
		"ASK_CHANNELS":     "111, 222 333,,",
		"SHARD_ID":         "1", "SHARD_COUNT": "3",
		"DATA_PATH": "/data/articles", "LOG_LEVEL": "DEBUG", "LOG_FORMAT": "json",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Token.Reveal() != secretToken {
		t.Error("the Bot prefix or spaces were kept")
	}
	if c.GuildID != "123456789012345678" || c.APIURL != "http://127.0.0.1:8080/base" || fmt.Sprint(c.AskChannels) != "[111 222 333]" ||
		c.ShardID != 1 || c.ShardCount != 3 || c.DataPath != "/data/articles" || c.LogLevel != slog.LevelDebug || c.LogFormat != "json" {
		t.Errorf("values: %+v", c)
	}
	if got := c.InviteURL("42"); got != "http://127.0.0.1:8080/base/oauth2/authorize?client_id=42&scope=bot+applications.commands&permissions=274877991936" {
		t.Errorf("invite %q", got)
	}
	c.APIURL = DefaultAPIURL
	if got := c.InviteURL("42"); got != "https://discord.com/oauth2/authorize?client_id=42&scope=bot+applications.commands&permissions=274877991936" {
		t.Errorf("invite %q", got)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string
	}{
		{"no token", map[string]string{}, []string{"DISCORD_TOKEN is not set", "developers/applications", "guillemet ask"}},
		{"blank token", map[string]string{"DISCORD_TOKEN": "  "}, []string{"DISCORD_TOKEN is not set"}},
		{"token with spaces", map[string]string{"DISCORD_TOKEN": secretToken + " x"}, []string{"DISCORD_TOKEN contains spaces"}},
		{"quoted token", map[string]string{"DISCORD_TOKEN": `"` + secretToken + `"`}, []string{"DISCORD_TOKEN contains"}},
		{"guild", map[string]string{"DISCORD_TOKEN": secretToken, "DISCORD_GUILD_ID": "my-server"}, []string{"DISCORD_GUILD_ID \"my-server\""}},
		{"api url scheme", map[string]string{"DISCORD_TOKEN": secretToken, "DISCORD_API_URL": "discord.com"}, []string{"DISCORD_API_URL"}},
		{"api url query", map[string]string{"DISCORD_TOKEN": secretToken, "DISCORD_API_URL": "https://x/?a=1"}, []string{"base URL"}},
		{"api url credentials", map[string]string{"DISCORD_TOKEN": secretToken, "DISCORD_API_URL": "https://user:" + secretToken + "@x"}, []string{"DISCORD_API_URL"}},
		{"channel", map[string]string{"DISCORD_TOKEN": secretToken, "ASK_CHANNELS": "123,#general"}, []string{"ASK_CHANNELS: \"#general\""}},
		{"shard alone", map[string]string{"DISCORD_TOKEN": secretToken, "SHARD_ID": "0"}, []string{"go together"}},
		{"shard range", map[string]string{"DISCORD_TOKEN": secretToken, "SHARD_ID": "2", "SHARD_COUNT": "2"}, []string{"0 <= SHARD_ID < SHARD_COUNT"}},
		{"shard count", map[string]string{"DISCORD_TOKEN": secretToken, "SHARD_ID": "0", "SHARD_COUNT": "zero"}, []string{"SHARD_COUNT=\"zero\""}},
		{"log level", map[string]string{"DISCORD_TOKEN": secretToken, "LOG_LEVEL": "loud"}, []string{"LOG_LEVEL \"loud\""}},
		{"log format", map[string]string{"DISCORD_TOKEN": secretToken, "LOG_FORMAT": "xml"}, []string{"LOG_FORMAT \"xml\""}},
		{"several at once", map[string]string{"LOG_FORMAT": "xml", "SHARD_ID": "x"}, []string{"DISCORD_TOKEN is not set", "LOG_FORMAT", "SHARD_ID"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ConfigFromEnv(env(tc.env))
			if err == nil {
				t.Fatal("accepted")
			}
			if guillemet.KindOf(err) != guillemet.Invalid {
				t.Errorf("kind %v", guillemet.KindOf(err))
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), secretToken) || strings.Contains(err.Error(), "SECRET") {
				t.Errorf("the token is in the error: %q", err)
			}
		})
	}
	_, err := ConfigFromEnv(env(map[string]string{}))
	if !errors.Is(err, ErrNoToken) {
		t.Error("a missing token is not ErrNoToken")
	}
}

func TestSecretNeverPrints(t *testing.T) {
	c := Config{Token: Secret(secretToken)}
	var logs bytes.Buffer
	l := slog.New(slog.NewJSONHandler(&logs, nil))
	l.Info("config", "config", c, "token", c.Token)
	j, _ := json.Marshal(c)
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%s", c.Token), logs.String(), string(j)} {
		if strings.Contains(s, secretToken) {
			t.Errorf("token printed: %s", s)
		}
	}
}

func TestRedactingHandler(t *testing.T) {
	addSecret("s3cr3t-value")
	var logs bytes.Buffer
	l := slog.New(RedactingHandler(slog.NewTextHandler(&logs, nil))).With("pre", "with s3cr3t-value")
	l.Info("message s3cr3t-value", "err", errors.New("failed for s3cr3t-value"), "s", "s3cr3t-value",
		slog.Group("g", "inner", "s3cr3t-value"), "bytes", []byte("s3cr3t-value"), "any", struct{ X string }{"s3cr3t-value"})
	if strings.Contains(logs.String(), "s3cr3t") || strings.Count(logs.String(), redacted) != 7 {
		t.Errorf("not redacted: %s", logs.String())
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestTransportRewrites(t *testing.T) {
	var got []string
	next := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.URL.String()+" host="+r.Host)
		return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
	})
	tr, err := NewTransport("http://127.0.0.1:9999/prefix", next)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{
		"https://discord.com/api/v9/users/@me",
		"https://discord.com/api/v9/webhooks/1/tok/messages/@original?wait=true",
		"https://discord.com/api/v9/channels/1/messages/a%2Fb",
		"https://cdn.discordapp.com/avatars/1/x.png",
		"http://discord.com/api/v9/gateway",
	} {
		req, _ := http.NewRequest("GET", u, nil)
		if _, err := tr.RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if req.URL.String() != u {
			t.Errorf("the request was modified: %s", req.URL)
		}
	}
	want := []string{
		"http://127.0.0.1:9999/prefix/api/v9/users/@me host=",
		"http://127.0.0.1:9999/prefix/api/v9/webhooks/1/tok/messages/@original?wait=true host=",
		"http://127.0.0.1:9999/prefix/api/v9/channels/1/messages/a%2Fb host=",
		"https://cdn.discordapp.com/avatars/1/x.png host=cdn.discordapp.com",
		"http://discord.com/api/v9/gateway host=discord.com",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rewritten:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	same, _ := NewTransport(DefaultAPIURL+"/", next)
	if fmt.Sprintf("%p", same) != fmt.Sprintf("%p", next) {
		t.Error("the default URL is rewritten")
	}
}
