package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"guillemet/internal/discordtest"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestRunBotConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		want []string
	}{
		{"no token", map[string]string{}, nil, 2, []string{"DISCORD_TOKEN is not set", "guillemet ask"}},
		{"bad values", map[string]string{"DISCORD_TOKEN": "x.y.z", "LOG_FORMAT": "xml", "SHARD_ID": "3"}, nil, 2, []string{"LOG_FORMAT", "SHARD_ID"}},
		{"unknown flag", map[string]string{"DISCORD_TOKEN": "x.y.z"}, []string{"-nope"}, 2, []string{"Usage: guillemet [run]"}},
		{"unexpected argument", map[string]string{"DISCORD_TOKEN": "x.y.z"}, []string{"what"}, 2, []string{"unexpected \"what\""}},
		{"missing articles", map[string]string{"DISCORD_TOKEN": "x.y.z", "DATA_PATH": "/nonexistent/articles"}, nil, 2, []string{"cannot load the articles"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runBot(context.Background(), tc.args, envOf(tc.env), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, &stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, &stderr)
				}
			}
			if strings.Contains(stderr.String(), "x.y.z") {
				t.Error("the token is in the output")
			}
		})
	}
	var stdout bytes.Buffer
	if code := runBot(context.Background(), []string{"-h"}, envOf(nil), &stdout, &bytes.Buffer{}); code != 0 || !strings.Contains(stdout.String(), "Usage: guillemet [run]") {
		t.Errorf("-h: exit %d, %q", code, &stdout)
	}
}

func TestRunBotRejectedToken(t *testing.T) {
	srv := discordtest.New(t)
	var stderr bytes.Buffer
	const token = "wrong.token.value"
	code := runBot(context.Background(), nil, envOf(map[string]string{"DISCORD_TOKEN": token, "DISCORD_API_URL": srv.URL, "LOG_LEVEL": "debug"}), &bytes.Buffer{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "401") || !strings.Contains(stderr.String(), "Reset Token") {
		t.Errorf("exit %d; stderr:\n%s", code, &stderr)
	}
	if strings.Contains(stderr.String(), token) {
		t.Error("the token is in the output")
	}
}

// TestRunBotServesUntilSIGTERM runs the bot as main does, against the fake
// Discord, answers a question, then sends the process SIGTERM: runBot
// returns 0 within 5 seconds.
func TestRunBotServesUntilSIGTERM(t *testing.T) {
	srv := discordtest.New(t)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	stderr := &discordtest.Logs{}
	done := make(chan int, 1)
	go func() {
		done <- runBot(ctx, nil, envOf(map[string]string{
			"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL, "LOG_FORMAT": "json", "LOG_LEVEL": "debug",
		}), &bytes.Buffer{}, stderr)
	}()
	if err := srv.Wait(20*time.Second, func() bool { return strings.Contains(stderr.String(), "Guillemet is ready") }); err != nil {
		select {
		case code := <-done:
			t.Fatalf("runBot returned %d:\n%s", code, stderr)
		default:
		}
		t.Fatalf("not ready: %v\n%s", err, stderr)
	}

	sent, err := srv.SendInteraction(discordtest.Command("ask", discordtest.Opt("question", "who asked for the audit?")))
	if err != nil {
		t.Fatal(err)
	}
	cb, err := srv.WaitCallback(sent.ID, 5*time.Second)
	if err != nil || cb.Status != 204 {
		t.Fatalf("no answer: %v %+v\n%s", err, cb, stderr)
	}
	if m, _ := cb.Message(); len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description+m.Embeds[0].Fields[0].Value, "audit") {
		t.Errorf("answer: %s", cb.Body)
	}

	begin := time.Now()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after SIGTERM", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still running 5 s after SIGTERM")
	}
	t.Logf("stopped %v after SIGTERM", time.Since(begin))
	if srv.Ready(0) {
		t.Error("the gateway is still connected")
	}

	// The logs are JSON lines, one of them the ready line with the
	// invite URL; none holds the token.
	var ready map[string]any
	sc := bufio.NewScanner(strings.NewReader(stderr.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("not a JSON log line: %s", sc.Text())
		}
		if line["msg"] == "Guillemet is ready: invite it with the URL below" {
			ready = line
		}
	}
	if invite, _ := ready["invite"].(string); !strings.Contains(invite, "client_id="+srv.AppID) {
		t.Errorf("ready line: %v", ready)
	}
	if strings.Contains(stderr.String(), srv.Token) {
		t.Error("the token is in the logs")
	}
}
