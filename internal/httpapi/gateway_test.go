package httpapi_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/answer"
	"guillemet/internal/discord"
	"guillemet/internal/discordtest"
	"guillemet/internal/httpapi"
	"guillemet/internal/interact"
)

var realEngine struct {
	once sync.Once
	e    *answer.Engine
	err  error
}

// testEngine is the real engine on the embedded default article, loaded
// once for the tests that use it.
func testEngine(t testing.TB) *answer.Engine {
	t.Helper()
	realEngine.once.Do(func() { realEngine.e, realEngine.err = answer.Load("") })
	if realEngine.err != nil {
		t.Fatalf("loading the default article: %v", realEngine.err)
	}
	return realEngine.e
}

// TestSameAnswersAsTheGateway sends the same interactions to the gateway
// bot (through a fake Discord) and to the HTTP endpoint, with one
// handler and the real engine: the responses are the same bytes.
func TestSameAnswersAsTheGateway(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the gateway bot")
	}
	fake := discordtest.New(t)
	cfg, err := discord.ConfigFromEnv(func(k string) string {
		return map[string]string{"DISCORD_TOKEN": fake.Token, "DISCORD_API_URL": fake.URL}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	logs := &discordtest.Logs{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := interact.New(testEngine(t), interact.Options{Logger: log})

	bot := discord.New(cfg, h, log)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := bot.Open(ctx); err != nil {
		t.Fatalf("Open: %v\n%s", err, logs)
	}
	defer bot.Close(ctx)

	pub, priv, _ := ed25519.GenerateKey(nil)
	srv := httptest.NewServer(httpapi.NewHandler(h, pub, httpapi.Options{Logger: log}))
	defer srv.Close()

	viaGateway := func(i *discordgo.Interaction) []byte {
		t.Helper()
		sent, err := fake.SendInteraction(i)
		if err != nil {
			t.Fatal(err)
		}
		cb, err := fake.WaitCallback(sent.ID, 5*time.Second)
		if err != nil || cb.Status != http.StatusNoContent {
			t.Fatalf("gateway: %v %d %s", err, cb.Status, cb.Body)
		}
		return cb.Body
	}
	viaHTTP := func(i *discordgo.Interaction) []byte {
		t.Helper()
		body, _ := json.Marshal(i)
		req, _ := http.NewRequest("POST", srv.URL+"/interactions", bytes.NewReader(body))
		for k, v := range sign(priv, body, time.Now()) {
			req.Header.Set(k, v)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("HTTP: %d %s", resp.StatusCode, b)
		}
		return b
	}

	first := &discordgo.Message{ID: "1400000000000000001"}
	json.Unmarshal(mustData(t, viaHTTP(ask("who asked for the audit?"))), first)
	var next string
	for _, b := range discordtest.Buttons(first) {
		if strings.Contains(b.Label, "Next") {
			next = b.CustomID
		}
	}
	if next == "" {
		t.Fatalf("no Next button: %+v", first.Components)
	}

	for _, tc := range []struct {
		name string
		i    *discordgo.Interaction
	}{
		{"ask", ask("who asked for the audit?")},
		{"ask in French", ask("Quand la version bêta a-t-elle été lancée ?")},
		{"ask, not found", ask("What is the capital of Australia?")},
		{"ask, empty", ask("   ")},
		{"quote", discordtest.Command("quote", discordtest.Opt("speaker", "paperon"))},
		{"quote, nothing", discordtest.Command("quote", discordtest.Opt("words", "zzzz"))},
		{"about", discordtest.Command("about")},
		{"unknown command", discordtest.Command("nope")},
		{"autocomplete", discordtest.Autocomplete("quote", discordtest.Focused("speaker", "p"))},
		{"autocomplete, no match", discordtest.Autocomplete("quote", discordtest.Focused("speaker", "zzzz"))},
		{"next page", discordtest.Click(first, next)},
		{"stale button", discordtest.Click(first, "garbage")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, h := viaGateway(tc.i), viaHTTP(tc.i)
			if !bytes.Equal(g, h) {
				t.Errorf("gateway:\n%s\nHTTP:\n%s", g, h)
			}
		})
	}
	if t.Failed() {
		t.Logf("logs:\n%s", logs)
	}
}

func mustData(t *testing.T, body []byte) []byte {
	t.Helper()
	var r response
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	return r.Data
}
