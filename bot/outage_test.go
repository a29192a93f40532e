package main

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"guillemet/internal/discordtest"
)

// TestRunBotWaitsForDiscord starts the bot while Discord's gateway lookup
// fails (a 500, then 502s past discordgo's own quick retries): runBot
// does not exit (no crash loop under a supervisor), logs each failure
// with the wait before the next attempt, then serves once Discord
// answers, and answers a question. No log line, at debug level, holds
// the token.
func TestRunBotWaitsForDiscord(t *testing.T) {
	srv := discordtest.New(t)
	srv.FailNext("GET /gateway", 1, http.StatusInternalServerError)
	srv.FailNext("GET /gateway", 4, http.StatusBadGateway)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &discordtest.Logs{}
	done := make(chan int, 1)
	begin := time.Now()
	go func() {
		done <- runBot(ctx, nil, envOf(map[string]string{
			"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL, "LOG_LEVEL": "debug",
		}), &bytes.Buffer{}, stderr)
	}()
	if err := srv.Wait(20*time.Second, func() bool { return strings.Contains(stderr.String(), "Guillemet is ready") }); err != nil {
		select {
		case code := <-done:
			t.Fatalf("runBot returned %d while Discord was failing:\n%s", code, stderr)
		default:
		}
		t.Fatalf("not ready: %v\n%s", err, stderr)
	}
	ready := time.Since(begin)
	var retries []string
	sc := bufio.NewScanner(strings.NewReader(stderr.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "Discord is not reachable; retrying") {
			retries = append(retries, sc.Text())
		}
	}
	if len(retries) != 2 || !strings.Contains(retries[0], "retry_in=1") || !strings.Contains(retries[1], "retry_in=2") ||
		!strings.Contains(retries[0], "looking up the gateway") || !strings.Contains(retries[0], "500") {
		t.Errorf("want two retry lines, in about 1 s then 2 s, saying what failed:\n%s", strings.Join(retries, "\n"))
	}

	sent, err := srv.SendInteraction(discordtest.Command("ask", discordtest.Opt("question", "who asked for the audit?")))
	if err != nil {
		t.Fatal(err)
	}
	if cb, err := srv.WaitCallback(sent.ID, 5*time.Second); err != nil || cb.Status != 204 {
		t.Fatalf("no answer once Discord was back: %v %+v", err, cb)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still running 5 s after the signal")
	}
	if strings.Contains(stderr.String(), srv.Token) {
		t.Error("the token is in the logs")
	}
	t.Logf("ready %v after start-up, through %d failed gateway lookups:\n%s", ready.Round(time.Millisecond), len(srv.RequestsTo("GET /gateway"))-1, strings.Join(retries, "\n"))
}

// TestRunBotStopsWhileWaitingForDiscord: asked to stop while Discord is
// still down, runBot exits 0 at once rather than after its start-up
// timeout.
func TestRunBotStopsWhileWaitingForDiscord(t *testing.T) {
	srv := discordtest.New(t)
	srv.FailNext("GET /gateway", 1000, http.StatusServiceUnavailable)
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &discordtest.Logs{}
	done := make(chan int, 1)
	go func() {
		done <- runBot(ctx, nil, envOf(map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL}), &bytes.Buffer{}, stderr)
	}()
	if err := srv.Wait(10*time.Second, func() bool { return strings.Contains(stderr.String(), "retrying") }); err != nil {
		t.Fatalf("no retry logged: %v\n%s", err, stderr)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("still waiting for Discord 3 s after the signal")
	}
}

// TestEnvFileIgnored: .env, where the token lives, is in .gitignore.
func TestEnvFileIgnored(t *testing.T) {
	b, err := os.ReadFile("../.gitignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if l := strings.TrimSpace(line); l == ".env" || l == "/.env" || l == ".env*" {
			return
		}
	}
	t.Errorf(".env is not in .gitignore:\n%s", b)
}
