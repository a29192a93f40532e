package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"guillemet/internal/discordtest"
)

func TestRegister(t *testing.T) {
	for _, tc := range []struct {
		name   string
		env    map[string]string // DISCORD_API_URL is the fake's
		fail   int               // 401s injected
		code   int
		guild  string
		stdout []string
		stderr []string
	}{
		{name: "globally", env: map[string]string{"DISCORD_TOKEN": discordtest.DefaultToken}, code: 0,
			stdout: []string{"Registered 3 commands (/ask, /quote, /about) globally", "application " + discordtest.DefaultAppID}},
		{name: "on a server", env: map[string]string{"DISCORD_TOKEN": "Bot " + discordtest.DefaultToken, "DISCORD_GUILD_ID": discordtest.GuildID}, code: 0,
			guild: discordtest.GuildID, stdout: []string{"Registered 3 commands", "on server " + discordtest.GuildID}},
		{name: "rejected token", env: map[string]string{"DISCORD_TOKEN": "wrong.token.value"}, code: 1,
			stderr: []string{"401", "Reset Token"}},
		{name: "no token", env: map[string]string{}, code: 2, stderr: []string{"DISCORD_TOKEN is not set"}},
		{name: "bad server id", env: map[string]string{"DISCORD_TOKEN": discordtest.DefaultToken, "DISCORD_GUILD_ID": "my server"}, code: 2,
			stderr: []string{"DISCORD_GUILD_ID"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := discordtest.New(t)
			env := map[string]string{"DISCORD_API_URL": fake.URL}
			for k, v := range tc.env {
				env[k] = v
			}
			var stdout, stderr bytes.Buffer
			code := register(context.Background(), nil, func(k string) string { return env[k] }, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, &stdout, &stderr)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q: %s", w, &stdout)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q: %s", w, &stderr)
				}
			}
			for _, tok := range []string{discordtest.DefaultToken, "wrong.token.value"} {
				if strings.Contains(stdout.String()+stderr.String(), tok) {
					t.Errorf("a token is in the output")
				}
			}
			puts := len(fake.RequestsTo("PUT /applications/{app}/commands")) + len(fake.RequestsTo("PUT /applications/{app}/guilds/{guild}/commands"))
			if tc.code != 0 {
				if puts != 0 {
					t.Errorf("%d overwrites after a failure", puts)
				}
				return
			}
			if puts != 1 {
				t.Errorf("%d bulk overwrites, want 1", puts)
			}
			cmds, ok := fake.Commands(tc.guild)
			if !ok || len(cmds) != 3 || cmds[0].Name != "ask" || cmds[1].Name != "quote" || cmds[2].Name != "about" {
				t.Errorf("registered on %q: %v %+v", tc.guild, ok, cmds)
			}
			if _, other := fake.Commands(map[string]string{"": discordtest.GuildID, discordtest.GuildID: ""}[tc.guild]); other {
				t.Error("registered in the other scope too")
			}
		})
	}
}

func TestRegisterUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := register(context.Background(), []string{"-h"}, func(string) string { return "" }, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "Usage: guillemet register") {
		t.Errorf("-h: %d %q", code, &stdout)
	}
	stdout.Reset()
	if code := register(context.Background(), []string{"now"}, func(string) string { return "" }, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), `unexpected "now"`) {
		t.Errorf("an argument: %d %q", code, &stderr)
	}
}

// TestRegisterRidesOutAnOutage checks that register rides out a Discord
// that fails for a while: a 503, which discordgo does not retry and the
// bot does, then two 502s, and registers once Discord answers.
func TestRegisterRidesOutAnOutage(t *testing.T) {
	fake := discordtest.New(t)
	fake.FailNext("GET /oauth2/applications/@me", 1, http.StatusServiceUnavailable)
	fake.FailNext("PUT /applications/{app}/commands", 2, http.StatusBadGateway)
	env := map[string]string{"DISCORD_TOKEN": discordtest.DefaultToken, "DISCORD_API_URL": fake.URL}
	var stdout, stderr bytes.Buffer
	if code := register(context.Background(), nil, func(k string) string { return env[k] }, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, &stdout, &stderr)
	}
	if puts := len(fake.RequestsTo("PUT /applications/{app}/commands")); puts != 3 {
		t.Errorf("%d bulk overwrites, want 3 (2 failed, 1 registered)", puts)
	}
	if _, ok := fake.Commands(""); !ok || !strings.Contains(stdout.String(), "Registered 3 commands") {
		t.Errorf("not registered: %s", &stdout)
	}
	if !strings.Contains(stderr.String(), "retrying") || strings.Contains(stderr.String(), discordtest.DefaultToken) {
		t.Errorf("stderr: %s", &stderr)
	}
}

func TestRegisterUnreachable(t *testing.T) {
	defer func(d time.Duration) { registerTimeout = d }(registerTimeout)
	registerTimeout = 2 * time.Second // it retries until then
	fake := discordtest.New(t)
	url := fake.URL
	fake.Close()
	var stderr bytes.Buffer
	env := map[string]string{"DISCORD_TOKEN": discordtest.DefaultToken, "DISCORD_API_URL": url}
	if code := register(context.Background(), nil, func(k string) string { return env[k] }, &bytes.Buffer{}, &stderr); code != 1 || !strings.Contains(stderr.String(), url) {
		t.Errorf("unreachable: exit %d: %s", code, &stderr)
	}
}
