package httpapi_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/discordtest"
	"guillemet/internal/httpapi"
	"guillemet/internal/interact"
	"guillemet/internal/interact/enginetest"
	"guillemet/internal/metrics"
	"guillemet/internal/render"
)

// t0 is the server's clock in these tests.
var t0 = time.Unix(1_800_000_000, 0)

// fixture is a Server on a real HTTP server (httptest), with a key pair
// made for the test.
type fixture struct {
	t       *testing.T
	pub     ed25519.PublicKey
	priv    ed25519.PrivateKey
	api     *httpapi.Server
	srv     *httptest.Server
	engine  *enginetest.Engine
	handler *interact.Handler
	metrics *metrics.Metrics
	logs    *discordtest.Logs
	now     atomic.Pointer[func() time.Time]
}

type options struct {
	notReady      bool
	answerTimeout time.Duration
	users         interact.Limiter
}

func newFixture(t *testing.T, o options) *fixture {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, pub: pub, priv: priv, engine: &enginetest.Engine{Delay: 5 * time.Second}, metrics: metrics.New(), logs: &discordtest.Logs{}}
	clock := func() time.Time { return t0 }
	f.now.Store(&clock)
	log := slog.New(slog.NewTextHandler(f.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f.handler = interact.New(f.engine, interact.Options{Users: o.users, Logger: log})
	f.api = httpapi.New(pub, httpapi.Options{
		Logger: log, Metrics: f.metrics, AnswerTimeout: o.answerTimeout,
		Now: func() time.Time { return (*f.now.Load())() },
	})
	if !o.notReady {
		f.api.SetHandler(f.handler)
	}
	f.srv = httptest.NewServer(f.api)
	t.Cleanup(func() {
		f.srv.Close()
		logs := f.logs.String()
		for _, k := range []string{hex.EncodeToString(pub), strings.ToUpper(hex.EncodeToString(pub)), base64.StdEncoding.EncodeToString(pub), fmt.Sprint([]byte(pub))} {
			if strings.Contains(logs, k) {
				t.Errorf("the public key is in the logs:\n%s", logs)
			}
		}
		if t.Failed() {
			t.Logf("server logs:\n%s", logs)
		}
	})
	return f
}

// sign returns the headers Discord sends with body at time at.
func sign(priv ed25519.PrivateKey, body []byte, at time.Time) map[string]string {
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := ed25519.Sign(priv, append([]byte(ts), body...))
	return map[string]string{httpapi.HeaderSignature: hex.EncodeToString(sig), httpapi.HeaderTimestamp: ts}
}

func (f *fixture) do(method, path string, body io.Reader, headers map[string]string) (*http.Response, []byte) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return resp, b
}

// send posts interaction i (any JSON), signed now, and returns the
// status and the body.
func (f *fixture) send(i any) (int, []byte) {
	f.t.Helper()
	body, ok := i.([]byte)
	if !ok {
		var err error
		if body, err = json.Marshal(i); err != nil {
			f.t.Fatal(err)
		}
	}
	resp, b := f.do("POST", "/interactions", bytes.NewReader(body), sign(f.priv, body, t0))
	return resp.StatusCode, b
}

// response is an interaction response as Discord reads it.
type response struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data json.RawMessage                   `json:"data"`
}

// answer sends i, expects 200 and returns the response, its message and
// the raw body.
func (f *fixture) answer(i *discordgo.Interaction) (response, *discordgo.Message, []byte) {
	f.t.Helper()
	status, body := f.send(i)
	if status != http.StatusOK {
		f.t.Fatalf("status %d: %s", status, body)
	}
	var r response
	if err := json.Unmarshal(body, &r); err != nil {
		f.t.Fatalf("%v: %s", err, body)
	}
	var m discordgo.Message
	if len(r.Data) > 0 {
		if err := json.Unmarshal(r.Data, &m); err != nil {
			f.t.Fatalf("data: %v: %s", err, r.Data)
		}
	}
	return r, &m, body
}

func ask(question string) *discordgo.Interaction {
	return discordtest.Command("ask", discordtest.Opt("question", question))
}

// TestRefused covers every request the endpoint must refuse, and the
// PING Discord sends to check it.
func TestRefused(t *testing.T) {
	f := newFixture(t, options{})
	_, other, _ := ed25519.GenerateKey(nil)
	ping := []byte(`{"id":"1","application_id":"2","type":1,"token":"tok","version":1}`)
	big := append([]byte(`{"type":1,"pad":"`), bytes.Repeat([]byte("x"), httpapi.MaxBody)...)
	big = append(big, `"}`...)

	for _, tc := range []struct {
		name    string
		method  string
		body    []byte
		headers map[string]string
		chunked bool // no Content-Length
		status  int
		want    string // the whole body
	}{
		{name: "valid ping", body: ping, headers: sign(f.priv, ping, t0), status: 200, want: `{"type":1}`},
		{name: "ping signed 4 minutes ago", body: ping, headers: sign(f.priv, ping, t0.Add(-4*time.Minute)), status: 200, want: `{"type":1}`},
		{name: "ping signed 4 minutes ahead", body: ping, headers: sign(f.priv, ping, t0.Add(4*time.Minute)), status: 200, want: `{"type":1}`},
		{name: "bad signature", body: ping, headers: map[string]string{
			httpapi.HeaderSignature: strings.Repeat("ab", 64), httpapi.HeaderTimestamp: strconv.FormatInt(t0.Unix(), 10)}, status: 401},
		{name: "signature of another body", body: ping, headers: sign(f.priv, []byte(`{"type":1} `), t0), status: 401},
		{name: "signature of another timestamp", body: ping, headers: func() map[string]string {
			h := sign(f.priv, ping, t0)
			h[httpapi.HeaderTimestamp] = strconv.FormatInt(t0.Unix()+1, 10)
			return h
		}(), status: 401},
		{name: "signed by another key", body: ping, headers: sign(other, ping, t0), status: 401},
		{name: "stale timestamp", body: ping, headers: sign(f.priv, ping, t0.Add(-httpapi.MaxSkew-time.Second)), status: 401},
		{name: "timestamp in the future", body: ping, headers: sign(f.priv, ping, t0.Add(httpapi.MaxSkew+time.Second)), status: 401},
		{name: "timestamp not a number", body: ping, headers: func() map[string]string {
			ts := t0.Format(time.RFC3339)
			sig := ed25519.Sign(f.priv, append([]byte(ts), ping...))
			return map[string]string{httpapi.HeaderSignature: hex.EncodeToString(sig), httpapi.HeaderTimestamp: ts}
		}(), status: 401},
		{name: "no headers", body: ping, status: 401},
		{name: "no signature", body: ping, headers: map[string]string{httpapi.HeaderTimestamp: strconv.FormatInt(t0.Unix(), 10)}, status: 401},
		{name: "no timestamp", body: ping, headers: map[string]string{httpapi.HeaderSignature: sign(f.priv, ping, t0)[httpapi.HeaderSignature]}, status: 401},
		{name: "signature not hex", body: ping, headers: map[string]string{
			httpapi.HeaderSignature: strings.Repeat("zz", 64), httpapi.HeaderTimestamp: strconv.FormatInt(t0.Unix(), 10)}, status: 401},
		{name: "signature too short", body: ping, headers: map[string]string{
			httpapi.HeaderSignature: sign(f.priv, ping, t0)[httpapi.HeaderSignature][:64], httpapi.HeaderTimestamp: strconv.FormatInt(t0.Unix(), 10)}, status: 401},
		{name: "oversized body", body: big, headers: sign(f.priv, big, t0), status: 413},
		{name: "oversized body, chunked", body: big, headers: sign(f.priv, big, t0), chunked: true, status: 413},
		{name: "oversized body, unsigned", body: big, status: 401},
		{name: "malformed JSON", body: []byte(`{"type":1,`), headers: sign(f.priv, []byte(`{"type":1,`), t0), status: 400, want: "bad request\n"},
		{name: "not an object", body: []byte(`[1,2]`), headers: sign(f.priv, []byte(`[1,2]`), t0), status: 400, want: "bad request\n"},
		{name: "command without data", body: []byte(`{"type":2,"id":"1"}`), headers: sign(f.priv, []byte(`{"type":2,"id":"1"}`), t0), status: 400, want: "bad request\n"},
		{name: "data of the wrong shape", body: []byte(`{"type":2,"data":"ask"}`), headers: sign(f.priv, []byte(`{"type":2,"data":"ask"}`), t0), status: 400, want: "bad request\n"},
		{name: "unknown type", body: []byte(`{"type":99,"id":"1"}`), headers: sign(f.priv, []byte(`{"type":99,"id":"1"}`), t0), status: 400, want: "bad request\n"},
		{name: "no type", body: []byte(`{"id":"1"}`), headers: sign(f.priv, []byte(`{"id":"1"}`), t0), status: 400, want: "bad request\n"},
		{name: "modal submit (never asked for)", body: []byte(`{"type":5,"data":{"custom_id":"x"}}`), headers: sign(f.priv, []byte(`{"type":5,"data":{"custom_id":"x"}}`), t0), status: 400, want: "bad request\n"},
		{name: "GET", method: "GET", headers: sign(f.priv, nil, t0), status: 405},
		{name: "PUT", method: "PUT", body: ping, headers: sign(f.priv, ping, t0), status: 405},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = "POST"
			}
			var body io.Reader = bytes.NewReader(tc.body)
			if tc.chunked {
				body = io.MultiReader(body) // hides the length
			}
			resp, got := f.do(method, "/interactions", body, tc.headers)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, got)
			}
			if tc.want != "" && string(got) != tc.want {
				t.Errorf("body %q, want %q", got, tc.want)
			}
			switch tc.status {
			case 200:
				if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q", ct)
				}
			case 405:
				if a := resp.Header.Get("Allow"); a != "POST" {
					t.Errorf("Allow %q", a)
				}
			}
			if tc.status >= 400 && len(got) > 40 {
				t.Errorf("an error says too much: %q", got)
			}
		})
	}
	if n := f.engine.Asked(); n != 0 {
		t.Errorf("the engine was asked %d times by refused requests", n)
	}
}

// TestAnswers runs each kind of interaction over HTTP.
func TestAnswers(t *testing.T) {
	f := newFixture(t, options{})

	t.Run("ask", func(t *testing.T) {
		r, m, body := f.answer(ask("Who asked for the audit?"))
		if r.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Fatalf("type %d: %s", r.Type, body)
		}
		discordtest.NoPing(t, body)
		if txt := discordtest.MessageText(m); !strings.Contains(txt, "Paperon") || !strings.Contains(txt, "audit") {
			t.Errorf("answer:\n%s", txt)
		}
		if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
			t.Error("an answer is ephemeral")
		}
		// The very answer the handler gives, as the gateway sends it.
		want, _ := render.MarshalResponse(f.handler.Interaction(context.Background(), ask("Who asked for the audit?")))
		if !bytes.Equal(body, want) {
			t.Errorf("over HTTP:\n%s\nfrom the handler:\n%s", body, want)
		}
	})

	t.Run("ask, not found", func(t *testing.T) {
		_, m, body := f.answer(ask("What is the capital of Australia?"))
		discordtest.NoPing(t, body)
		if txt := discordtest.MessageText(m); !strings.Contains(txt, "Qui a demandé un audit") {
			t.Errorf("no suggestion in:\n%s", txt)
		}
	})

	t.Run("quote and about", func(t *testing.T) {
		_, m, body := f.answer(discordtest.Command("quote", discordtest.Opt("speaker", "curie")))
		discordtest.NoPing(t, body)
		if txt := discordtest.MessageText(m); !strings.Contains(txt, "Marie Curie") || strings.Contains(txt, "Pierre Paperon") {
			t.Errorf("quotes:\n%s", txt)
		}
		_, m, body = f.answer(discordtest.Command("about"))
		discordtest.NoPing(t, body)
		if txt := discordtest.MessageText(m); !strings.Contains(txt, "Le cloud souverain en question") {
			t.Errorf("about:\n%s", txt)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		r, _, body := f.answer(discordtest.Autocomplete("quote", discordtest.Focused("speaker", "cur")))
		if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("type %d: %s", r.Type, body)
		}
		if want := `{"type":8,"data":{"choices":[{"name":"Marie Curie","value":"Marie Curie"}]}}`; string(body) != want {
			t.Errorf("got  %s\nwant %s", body, want)
		}
		_, _, body = f.answer(discordtest.Autocomplete("quote", discordtest.Focused("speaker", "zzz")))
		if want := `{"type":8,"data":{"choices":[]}}`; string(body) != want {
			t.Errorf("no match: got %s, want %s", body, want)
		}
	})

	t.Run("button click", func(t *testing.T) {
		_, first, _ := f.answer(ask("Who asked for the audit?"))
		var next *discordgo.Button
		for _, b := range discordtest.Buttons(first) {
			if !b.Disabled && strings.Contains(strings.ToLower(b.Label), "next") {
				next = b
			}
		}
		if next == nil {
			t.Fatalf("no next button in %+v", discordtest.Buttons(first))
		}
		first.ID = "1400000000000000001"
		r, m, body := f.answer(discordtest.Click(first, next.CustomID))
		if r.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("type %d, want 7 (update): %s", r.Type, body)
		}
		discordtest.NoPing(t, body)
		if txt := discordtest.MessageText(m); !strings.Contains(txt, "rendu en mars") {
			t.Errorf("page 2:\n%s", txt)
		}
		_, m, body = f.answer(discordtest.Click(first, "garbage"))
		discordtest.NoPing(t, body)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "no longer works") {
			t.Errorf("unknown button: %s", body)
		}
	})

	t.Run("the engine panics", func(t *testing.T) {
		// The handler recovers, as for the gateway: a short private error.
		_, m, body := f.answer(ask("panic about the audit"))
		discordtest.NoPing(t, body)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || m.Content != render.Failure().Content {
			t.Errorf("after a panic: %s", body)
		}
		if _, m, _ := f.answer(ask("Who asked for the audit?")); !strings.Contains(discordtest.MessageText(m), "Paperon") {
			t.Error("no answer after a panic")
		}
	})
}

func TestCooldownAsTheGatewayDoes(t *testing.T) {
	f := newFixture(t, options{users: denyAll{}})
	_, m, body := f.answer(ask("Who asked for the audit?"))
	discordtest.NoPing(t, body)
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || f.engine.Asked() != 0 {
		t.Errorf("a user cooling down: %s", body)
	}
}

type denyAll struct{}

func (denyAll) Allow(string) (bool, time.Duration) { return false, 3 * time.Second }

func TestSlowAnswerGetsANoticeInTime(t *testing.T) {
	f := newFixture(t, options{answerTimeout: 100 * time.Millisecond})
	start := time.Now()
	_, m, body := f.answer(ask("slow audit"))
	if took := time.Since(start); took > time.Second {
		t.Errorf("answered after %v", took)
	}
	discordtest.NoPing(t, body)
	if m.Flags&discordgo.MessageFlagsEphemeral == 0 || m.Content != render.Failure().Content {
		t.Errorf("slow: %s", body)
	}
	r, _, body := f.answer(discordtest.Autocomplete("quote", discordtest.Focused("speaker", "cur")))
	if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Errorf("autocomplete: %s", body)
	}
	if got := scrape(t, f); !strings.Contains(got, `guillemet_interactions_total{kind="ask",outcome="timeout"} 1`) {
		t.Errorf("metrics:\n%s", got)
	}
}

func TestHealthReadiness(t *testing.T) {
	f := newFixture(t, options{notReady: true})
	get := func(path string) (int, string) {
		resp, b := f.do("GET", path, nil, nil)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("healthz %d", code)
	}
	if code, _ := get("/readyz"); code != 503 {
		t.Errorf("readyz before the handler: %d", code)
	}
	if code, body := f.send(ask("audit")); code != 503 {
		t.Errorf("a command before the handler: %d %s", code, body)
	}
	// PING works while indexing: the portal can check a starting replica.
	if code, body := f.send(&discordgo.Interaction{Type: discordgo.InteractionPing}); code != 200 || string(body) != `{"type":1}` {
		t.Errorf("ping before the handler: %d %s", code, body)
	}
	if got := scrape(t, f); !strings.Contains(got, "guillemet_ready 0") {
		t.Errorf("metrics:\n%s", got)
	}
	f.api.SetHandler(f.handler)
	if code, _ := get("/readyz"); code != 200 {
		t.Errorf("readyz after the handler: %d", code)
	}
	if code, body := f.send(ask("audit")); code != 200 {
		t.Errorf("a command after the handler: %d %s", code, body)
	}
	if code, _ := get("/nowhere"); code != 404 {
		t.Errorf("unknown path: %d", code)
	}
	if resp, _ := f.do("POST", "/healthz", nil, nil); resp.StatusCode != 405 {
		t.Errorf("POST /healthz: %d", resp.StatusCode)
	}
}

func scrape(t *testing.T, f *fixture) string {
	t.Helper()
	resp, b := f.do("GET", "/metrics", nil, nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return string(b)
}

func TestMetrics(t *testing.T) {
	f := newFixture(t, options{})
	f.answer(ask("Who asked for the audit?"))
	f.answer(ask("Who asked for the audit?"))
	f.answer(discordtest.Command("about"))
	f.answer(discordtest.Command("nope"))
	f.answer(discordtest.Autocomplete("quote", discordtest.Focused("speaker", "")))
	f.send(&discordgo.Interaction{Type: discordgo.InteractionPing})
	f.send([]byte(`{"type":42}`))
	f.do("POST", "/interactions", strings.NewReader(`{"type":1}`), nil)
	f.do("GET", "/interactions", nil, nil)
	got := scrape(t, f)
	for _, want := range []string{
		`guillemet_interactions_total{kind="ask",outcome="ok"} 2`,
		`guillemet_interactions_total{kind="about",outcome="ok"} 1`,
		`guillemet_interactions_total{kind="other_command",outcome="ok"} 1`,
		`guillemet_interactions_total{kind="autocomplete",outcome="ok"} 1`,
		`guillemet_interactions_total{kind="ping",outcome="ok"} 1`,
		`guillemet_interactions_total{kind="invalid",outcome="bad_request"} 1`,
		`guillemet_interactions_total{kind="invalid",outcome="unauthorized"} 1`,
		`guillemet_interactions_total{kind="invalid",outcome="method_not_allowed"} 1`,
		`guillemet_interaction_duration_seconds_count{kind="ask"} 2`,
		`guillemet_interactions_in_flight 0`,
		`guillemet_ready 1`,
		"# TYPE guillemet_interaction_duration_seconds histogram",
		"go_goroutines",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in /metrics", want)
		}
	}
	if t.Failed() {
		t.Log(got)
	}
}

// TestPanicIsA500 makes the server panic (through its clock) while it
// serves a request: that request gets 500, and the next ones are served.
func TestPanicIsA500(t *testing.T) {
	f := newFixture(t, options{})
	var panicking atomic.Bool
	clock := func() time.Time {
		if panicking.Load() {
			panic("clock on fire")
		}
		return t0
	}
	f.now.Store(&clock)
	panicking.Store(true)
	code, body := f.send(ask("Who asked for the audit?"))
	if code != 500 || string(body) != "internal error\n" {
		t.Errorf("during a panic: %d %q", code, body)
	}
	panicking.Store(false)
	if _, m, _ := f.answer(ask("Who asked for the audit?")); !strings.Contains(discordtest.MessageText(m), "Paperon") {
		t.Errorf("after a panic: %s", discordtest.MessageText(m))
	}
	if !strings.Contains(f.logs.String(), "clock on fire") {
		t.Error("the panic is not logged")
	}
	if got := scrape(t, f); !strings.Contains(got, `guillemet_interactions_total{kind="invalid",outcome="error"} 1`) {
		t.Errorf("metrics:\n%s", got)
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	k := hex.EncodeToString(pub)
	if got, err := httpapi.ParsePublicKey(" " + strings.ToUpper(k) + "\n"); err != nil || !bytes.Equal(got, pub) {
		t.Errorf("ParsePublicKey: %x, %v", got, err)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "DISCORD_PUBLIC_KEY is not set"},
		{"blank", "  ", "DISCORD_PUBLIC_KEY is not set"},
		{"short", k[:62], "64 hexadecimal digits"},
		{"long", k + "00", "64 hexadecimal digits"},
		{"not hex", "zz" + k[2:], "64 hexadecimal digits"},
		{"a bot token", "MTEwMDAwMDAwMDAwMDAwMDAwMg.Gabcde.abcdefghijklmnopqrstuvwxyz0123456789AB", "not the bot token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := httpapi.ParsePublicKey(tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if s := strings.TrimSpace(tc.in); len(s) > 8 && strings.Contains(err.Error(), s[:8]) {
				t.Errorf("the value is in the error: %v", err)
			}
		})
	}
}
