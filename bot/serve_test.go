package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"guillemet/internal/discordtest"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestServeHTTPConfigErrors(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	key := hex.EncodeToString(pub)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, tc := range []struct {
		name string
		env  map[string]string
		code int
		want []string
		not  []string
	}{
		{"no public key", map[string]string{}, 2, []string{"DISCORD_PUBLIC_KEY is not set", "General Information"}, []string{"DISCORD_TOKEN"}},
		{"malformed public key", map[string]string{"DISCORD_PUBLIC_KEY": key[:40] + "zz"}, 2, []string{"64 hexadecimal digits"}, []string{key[:40]}},
		{"a token for a key", map[string]string{"DISCORD_PUBLIC_KEY": "MTEw.Gab.xyz"}, 2, []string{"not the bot token"}, []string{"MTEw"}},
		{"bad address", map[string]string{"DISCORD_PUBLIC_KEY": key, "HTTP_ADDR": "8080"}, 2, []string{`HTTP_ADDR "8080"`}, nil},
		{"bad PORT", map[string]string{"DISCORD_PUBLIC_KEY": key, "PORT": "http"}, 2, []string{`PORT ":http"`}, nil},
		{"every problem at once", map[string]string{"LOG_FORMAT": "xml", "HTTP_ADDR": "x"}, 2, []string{"DISCORD_PUBLIC_KEY", "LOG_FORMAT", "HTTP_ADDR"}, nil},
		{"a bad token is not checked", map[string]string{"DISCORD_TOKEN": "has spaces", "DISCORD_PUBLIC_KEY": key[:10]}, 2, []string{"DISCORD_PUBLIC_KEY"}, []string{"DISCORD_TOKEN"}},
		{"missing articles", map[string]string{"DISCORD_PUBLIC_KEY": key, "HTTP_ADDR": "127.0.0.1:0", "DATA_PATH": "/nonexistent/articles"}, 2, []string{"cannot load the articles"}, nil},
		{"address in use", map[string]string{"DISCORD_PUBLIC_KEY": key, "HTTP_ADDR": busy.Addr().String()}, 1, []string{"cannot listen on HTTP_ADDR"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout bytes.Buffer
			stderr := &discordtest.Logs{}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code := serveHTTP(ctx, nil, func(k string) string { return tc.env[k] }, &stdout, stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for _, w := range append(tc.not, key) {
				if strings.Contains(stderr.String(), w) {
					t.Errorf("stderr has %q:\n%s", w, stderr)
				}
			}
		})
	}
	var stdout bytes.Buffer
	if code := serveHTTP(context.Background(), []string{"-h"}, func(string) string { return "" }, &stdout, io.Discard); code != 0 || !strings.Contains(stdout.String(), "Usage: guillemet serve-http") {
		t.Errorf("-h: exit %d, %q", code, &stdout)
	}
}

func TestHTTPAddr(t *testing.T) {
	for _, tc := range []struct{ addr, port, want string }{
		{"", "", ":8080"},
		{"", "3000", ":3000"},
		{"127.0.0.1:9000", "3000", "127.0.0.1:9000"},
		{"[::1]:80", "", "[::1]:80"},
	} {
		got, err := httpAddr(func(k string) string { return map[string]string{"HTTP_ADDR": tc.addr, "PORT": tc.port}[k] })
		if err != nil || got != tc.want {
			t.Errorf("HTTP_ADDR=%q PORT=%q: %q, %v; want %q", tc.addr, tc.port, got, err, tc.want)
		}
	}
}

// TestServeHTTP runs serve-http with the embedded article, answers a
// PING and an /ask signed with a key made here, then stops it as SIGTERM
// would.
func TestServeHTTP(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	env := map[string]string{"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "HTTP_ADDR": "127.0.0.1:0", "LOG_LEVEL": "debug"}
	stderr := &discordtest.Logs{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- serveHTTP(ctx, nil, func(k string) string { return env[k] }, io.Discard, stderr) }()

	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "ready") {
		if time.Now().After(deadline) {
			t.Fatalf("not ready:\n%s", stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	m := regexp.MustCompile(`addr=(127\.0\.0\.1:\d+)`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no address in the logs:\n%s", stderr)
	}
	base := "http://" + m[1]

	post := func(body string) (int, string) {
		t.Helper()
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req, _ := http.NewRequest("POST", base+"/interactions", strings.NewReader(body))
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(ts+body))))
		req.Header.Set("X-Signature-Timestamp", ts)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	if code, body := post(`{"type":1,"id":"1","application_id":"2","token":"t","version":1}`); code != 200 || body != `{"type":1}` {
		t.Errorf("PING: %d %s", code, body)
	}
	code, body := post(`{"type":2,"id":"3","application_id":"2","token":"t","version":1,"channel_id":"5","guild_id":"6",` +
		`"member":{"user":{"id":"7","username":"u"}},"data":{"id":"8","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"who asked for the audit?"}]}}`)
	if code != 200 || !strings.HasPrefix(body, `{"type":4,`) || !strings.Contains(body, "Paperon") || !strings.Contains(body, `"allowed_mentions":{"parse":[]`) {
		t.Errorf("/ask: %d %s", code, body)
	}
	if resp, err := http.Post(base+"/interactions", "application/json", strings.NewReader(`{"type":1}`)); err != nil || resp.StatusCode != 401 {
		t.Errorf("unsigned: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("readyz: %d", code)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, `guillemet_interactions_total{kind="ask",outcome="ok"} 1`) {
		t.Errorf("metrics: %d\n%s", code, body)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve-http did not stop")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("no stop in the logs:\n%s", stderr)
	}
	if strings.Contains(stderr.String(), env["DISCORD_PUBLIC_KEY"]) {
		t.Errorf("the public key is in the logs")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still serving after stopping")
	}
}
