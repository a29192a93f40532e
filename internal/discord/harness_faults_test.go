package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"guillemet/internal/discordtest"
	"guillemet/internal/interact"
	"guillemet/internal/interact/enginetest"
)

// launch starts the real bot against a fake Discord, with the knobs the
// fault, load and hostile-input tests need: a proxy in front of the fake's
// REST API, a channel limiter, a short REST timeout and a quick start-up
// backoff. When the test ends it closes the bot and checks that no log
// line holds the token or an interaction token.
type launch struct {
	setup
	channels    interact.Limiter
	apiURL      string        // DISCORD_API_URL when not the fake's own (a faultProxy)
	restTimeout time.Duration // 0: the default
	openBackoff backoff       // zero: quick, for tests
	noWaitOpen  bool          // Open in the background: the test waits for it
}

func (l launch) start(t *testing.T) (*harness, <-chan error) {
	t.Helper()
	srv := l.server
	if srv == nil {
		srv = discordtest.New(t)
	}
	api := l.apiURL
	if api == "" {
		api = srv.URL
	}
	e := map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": api, "LOG_LEVEL": "debug"}
	for k, v := range l.env {
		e[k] = v
	}
	cfg, err := ConfigFromEnv(env(e))
	if err != nil {
		t.Fatal(err)
	}
	logs := &discordtest.Logs{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: cfg.LogLevel}))
	if l.engine == nil {
		l.engine = &enginetest.Engine{}
	}
	h := interact.New(l.engine, interact.Options{Users: l.users, Channels: l.channels, AskChannels: cfg.AskChannels, Logger: log})
	bot := New(cfg, h, log)
	bot.DeferAfter = l.deferAfter
	bot.restTimeout = l.restTimeout
	bot.openBackoff = l.openBackoff
	if bot.openBackoff == (backoff{}) {
		bot.openBackoff = backoff{first: 20 * time.Millisecond, max: 200 * time.Millisecond}
	}
	opened := make(chan error, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 3*wait)
	go func() { defer cancel(); opened <- bot.Open(ctx) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		if err := bot.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
		all := logs.String()
		if strings.Contains(all, srv.Token) {
			t.Errorf("the token is in the logs")
		}
		if strings.Contains(all, "itoken-") {
			t.Errorf("an interaction token is in the logs")
		}
		if t.Failed() {
			t.Logf("bot logs:\n%s", tail(all, 200))
		}
	})
	hs := &harness{t: t, srv: srv, bot: bot, logs: logs}
	if l.noWaitOpen {
		return hs, opened
	}
	if err := <-opened; err != nil {
		t.Fatalf("Open: %v\nlogs:\n%s", err, logs)
	}
	return hs, nil
}

func newTestLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = append([]string{"[…]"}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

// A faultProxy sits between the bot and the fake Discord for REST calls
// (the gateway's websocket goes to the fake directly: GET /gateway names
// it) and injects what the fake cannot: requests that hang, a 429 with
// a Retry-After header, a 5xx whose body repeats the request's
// credentials. It also enforces Discord's message nonce, as Discord
// does: a message posted again with the nonce of one already created
// (enforce_nonce) is not created twice, the first is returned.
type faultProxy struct {
	t      *testing.T
	target string // the fake's URL
	srv    *httptest.Server
	names  *http.ServeMux // patterns only, to name a request's route
	client *http.Client

	mu      sync.Mutex
	faults  map[string][]proxyFault
	nonces  map[string][]byte // nonce → the message created with it
	log     []proxied
	changed chan struct{}
	release chan struct{} // closed at the end of the test: hung requests end
}

type faultKind int

const (
	// hangRequest: the request never reaches Discord, and no answer
	// comes until the client gives up (a black hole).
	hangRequest faultKind = iota
	// hangResponse: the request reaches Discord, which acts on it, but
	// its answer never comes back.
	hangResponse
	// rateLimited: 429 with a Retry-After header (and retry_after in the
	// body, as Discord sends both).
	rateLimited
	// echoCredentials: a 500 whose body quotes the Authorization header
	// and the URL (interaction tokens are in URLs), as a broken proxy
	// in front of Discord might.
	echoCredentials
)

type proxyFault struct {
	kind       faultKind
	retryAfter string // for rateLimited, in seconds: "0.3"
}

// proxied is one request the proxy saw, and what it did with it.
type proxied struct {
	Route    string
	Path     string
	Body     []byte
	Fault    string // "" when forwarded normally
	Status   int    // what the client got (0: nothing, it gave up)
	At, Done time.Time
}

var proxyRoutes = []string{
	"GET /gateway",
	"GET /users/@me",
	"PUT /applications/{app}/commands",
	"PUT /applications/{app}/guilds/{guild}/commands",
	"POST /interactions/{id}/{token}/callback",
	"POST /webhooks/{app}/{token}",
	"PATCH /webhooks/{app}/{token}/messages/{message}",
	"DELETE /webhooks/{app}/{token}/messages/{message}",
	"POST /channels/{channel}/messages",
}

func newFaultProxy(t *testing.T, fake *discordtest.Server) *faultProxy {
	p := &faultProxy{
		t: t, target: fake.URL, names: http.NewServeMux(),
		client:  &http.Client{Timeout: 10 * time.Second},
		faults:  map[string][]proxyFault{},
		nonces:  map[string][]byte{},
		changed: make(chan struct{}),
		release: make(chan struct{}),
	}
	for _, r := range proxyRoutes {
		method, path, _ := strings.Cut(r, " ")
		p.names.HandleFunc(method+" "+discordtest.APIPrefix+path, func(http.ResponseWriter, *http.Request) {})
	}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(func() {
		close(p.release)
		p.srv.CloseClientConnections()
		p.srv.Close()
	})
	return p
}

// URL is the proxy's address, to use as DISCORD_API_URL.
func (p *faultProxy) URL() string { return p.srv.URL }

// Inject makes the next n requests of route suffer f.
func (p *faultProxy) Inject(route string, n int, f proxyFault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := 0; i < n; i++ {
		p.faults[route] = append(p.faults[route], f)
	}
}

// Seen returns the requests of route the proxy saw.
func (p *faultProxy) Seen(route string) []proxied {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []proxied
	for _, r := range p.log {
		if r.Route == route {
			out = append(out, r)
		}
	}
	return out
}

// WaitSeen waits until the proxy has seen and answered n requests of
// route whose path or body contains part, and returns them.
func (p *faultProxy) WaitSeen(route, part string, n int) []proxied {
	p.t.Helper()
	deadline := time.After(wait)
	for {
		p.mu.Lock()
		ch := p.changed
		p.mu.Unlock()
		var got []proxied
		for _, r := range p.Seen(route) {
			if strings.Contains(r.Path, part) || bytes.Contains(r.Body, []byte(part)) {
				got = append(got, r)
			}
		}
		if len(got) >= n {
			return got
		}
		select {
		case <-ch:
		case <-deadline:
			p.t.Fatalf("the proxy saw %d requests of %s for %s, want %d", len(got), route, part, n)
		}
	}
}

func (p *faultProxy) record(r proxied) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.log = append(p.log, r)
	close(p.changed)
	p.changed = make(chan struct{})
}

func (p *faultProxy) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_, pattern := p.names.Handler(r)
	route := strings.Replace(pattern, discordtest.APIPrefix, "", 1)
	rec := proxied{Route: route, Path: r.URL.Path, Body: body, At: time.Now()}
	defer func() { rec.Done = time.Now(); p.record(rec) }()

	p.mu.Lock()
	var f *proxyFault
	if fs := p.faults[route]; route != "" && len(fs) > 0 {
		f = &fs[0]
		p.faults[route] = fs[1:]
	}
	p.mu.Unlock()

	hang := func() {
		select {
		case <-r.Context().Done():
		case <-p.release:
		}
	}
	if f != nil {
		switch f.kind {
		case hangRequest:
			rec.Fault = "hung before Discord"
			hang()
			return
		case rateLimited:
			rec.Fault = "429 Retry-After " + f.retryAfter
			w.Header().Set("Retry-After", f.retryAfter)
			w.Header().Set("X-RateLimit-Scope", "user")
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			ra, _ := strconv.ParseFloat(f.retryAfter, 64)
			json.NewEncoder(w).Encode(map[string]any{"message": "You are being rate limited.", "retry_after": ra, "global": false})
			rec.Status = http.StatusTooManyRequests
			return
		case echoCredentials:
			rec.Fault = "500 quoting the credentials"
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			json.NewEncoder(w).Encode(map[string]any{"message": "upstream error for " + r.Header.Get("Authorization") + " at " + r.URL.String(), "code": 0})
			rec.Status = http.StatusInternalServerError
			return
		}
	}

	// Discord's nonce check on messages.
	var nonce string
	if route == "POST /channels/{channel}/messages" {
		var m struct {
			Nonce        string `json:"nonce"`
			EnforceNonce bool   `json:"enforce_nonce"`
		}
		json.Unmarshal(body, &m)
		if m.EnforceNonce && m.Nonce != "" {
			nonce = m.Nonce
			p.mu.Lock()
			prev, dup := p.nonces[nonce]
			p.mu.Unlock()
			if dup {
				rec.Fault = "nonce already used: the first message returned"
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusOK)
				w.Write(prev)
				rec.Status = http.StatusOK
				return
			}
		}
	}

	req, _ := http.NewRequest(r.Method, p.target+r.URL.RequestURI(), bytes.NewReader(body))
	req.Header = r.Header.Clone()
	resp, err := p.client.Do(req)
	if err != nil {
		rec.Fault = "cannot reach the fake: " + err.Error()
		w.WriteHeader(http.StatusBadGateway)
		rec.Status = http.StatusBadGateway
		return
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if nonce != "" && resp.StatusCode == http.StatusOK {
		p.mu.Lock()
		p.nonces[nonce] = out
		p.mu.Unlock()
	}
	if f != nil && f.kind == hangResponse {
		rec.Fault = "reached Discord (" + strconv.Itoa(resp.StatusCode) + "), answer hung"
		hang()
		return
	}
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(out)
	rec.Status = resp.StatusCode
}
