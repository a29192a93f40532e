package discord

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/discordtest"
	"guillemet/internal/guillemet"
	"guillemet/internal/interact/enginetest"
)

// The tests of this file inject the faults of a real network, through the
// fake Discord (FailNext, Drop, op 7, op 9, heartbeats, close codes) and
// a faultProxy in front of it (hangs, 429 with Retry-After), and check
// for each that the bot keeps serving and that every question it could
// answer is answered once Discord is reachable again: exactly once, never
// twice.

const (
	routeCallback = "POST /interactions/{id}/{token}/callback"
	routeMessages = "POST /channels/{channel}/messages"
	routeEdit     = "PATCH /webhooks/{app}/{token}/messages/{message}"
	routeFollowup = "POST /webhooks/{app}/{token}"
	routeGateway  = "GET /gateway"
	routeMe       = "GET /users/@me"
)

// answered waits for the answer to interaction id and checks that it is
// an answer (an embed about the audit), sent once.
func (h *harness) answered(t *testing.T, id string) discordtest.Callback {
	t.Helper()
	cb, err := h.srv.WaitCallback(id, wait)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Status != http.StatusNoContent {
		t.Fatalf("interaction %s: callback refused (%d) %v after its dispatch: %s", id, cb.Status, cb.Elapsed, cb.Body)
	}
	m, err := cb.Message()
	if err != nil || len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "audit") {
		t.Fatalf("interaction %s: not the answer: %s", id, cb.Body)
	}
	h.callbacksOnce(t, id)
	return cb
}

// callbacksOnce checks that the fake accepted exactly one response to
// interaction id (a second one would be refused with 400 40060).
func (h *harness) callbacksOnce(t *testing.T, id string) {
	t.Helper()
	var ok, refused int
	count := func() bool {
		ok, refused = 0, 0
		for _, r := range h.srv.RequestsTo(routeCallback) {
			if strings.Contains(r.Path, "/interactions/"+id+"/") {
				switch r.Status {
				case http.StatusNoContent:
					ok++
				case http.StatusBadRequest:
					refused++
				}
			}
		}
		return ok > 0
	}
	// The fake records the request just after the response it holds.
	h.srv.Wait(time.Second, count)
	if ok != 1 {
		t.Errorf("interaction %s: %d responses accepted, want 1 (%d refused as already acknowledged)", id, ok, refused)
	}
}

// askAudit dispatches /ask "who asked for the audit?" from a new user.
func (h *harness) askAudit(t *testing.T) *discordgo.Interaction {
	t.Helper()
	in := ask("who asked for the audit?")
	in.Member.User.ID = "user-" + h.srv.NewID()
	sent, err := h.srv.SendInteraction(in)
	if err != nil {
		t.Fatal(err)
	}
	return sent
}

// mentionAudit dispatches a mention asking about the audit, from a new user.
func (h *harness) mentionAudit(t *testing.T) *discordgo.Message {
	t.Helper()
	m := discordtest.Message("<@"+h.srv.BotID+"> who asked for the audit?", &discordgo.User{ID: "user-" + h.srv.NewID()}, h.srv.BotID)
	sent, err := h.srv.SendMessage(m)
	if err != nil {
		t.Fatal(err)
	}
	return sent
}

// repliedOnce waits for the reply to message id and checks that exactly
// one was created.
func (h *harness) repliedOnce(t *testing.T, id string) {
	t.Helper()
	created := func(r discordtest.Request) bool { return r.Status == http.StatusOK && replyTo(id)(r) }
	if _, err := h.srv.WaitRequests(routeMessages, 1, created, wait); err != nil {
		t.Fatalf("message %s: %v", id, err)
	}
	if n := len(filter(h.srv.RequestsTo(routeMessages), created)); n != 1 {
		t.Errorf("message %s: %d replies created, want 1", id, n)
	}
}

// TestStartupGatewayLookupFails: Discord answers 500 then 502 to the
// gateway lookup, and 503 to the token check, at start-up. Open retries
// with a growing backoff, says so in the logs, and the bot then serves.
func TestStartupGatewayLookupFails(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	srv.FailNext(routeMe, 1, http.StatusServiceUnavailable)
	srv.FailNext(routeGateway, 2, http.StatusInternalServerError)
	// discordgo retries a 502 three times at once: 5 make one attempt fail.
	srv.FailNext(routeGateway, 5, http.StatusBadGateway)
	begin := time.Now()
	h, _ := launch{setup: setup{server: srv}, openBackoff: backoff{first: 100 * time.Millisecond, max: time.Second}}.start(t)
	took := time.Since(begin)

	lookups := srv.RequestsTo(routeGateway)
	if n := len(lookups); n != 8 {
		t.Errorf("%d gateway lookups, want 8 (2×500, 5×502, then 200)", n)
	}
	// Four attempts: 500 | 500 | 502 502 502 502 (discordgo's own quick
	// retries) | 502 200; the pauses between them grow: 100, 200, 400 ms
	// (+ jitter).
	var gaps []time.Duration
	if len(lookups) == 8 {
		for _, i := range []int{1, 2, 6} {
			gaps = append(gaps, lookups[i].At.Sub(lookups[i-1].At))
		}
	}
	if len(gaps) != 3 || gaps[0] < 100*time.Millisecond || gaps[1] < 200*time.Millisecond || gaps[2] < 400*time.Millisecond {
		t.Errorf("pauses between the attempts: %v, want at least 100, 200, 400 ms", gaps)
	}
	logs := h.logs.String()
	for _, want := range []string{"Discord is not reachable; retrying", "looking up the gateway", "checking the token", "retry_in=", "Guillemet is ready"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q", want)
		}
	}
	if n := strings.Count(logs, "Discord is not reachable; retrying"); n != 4 {
		t.Errorf("%d retry lines, want 4 (1 token check, 3 gateway lookups)", n)
	}
	h.answered(t, h.askAudit(t).ID)
	t.Logf("ready %v after start-up, through 1×503 and %d failed gateway lookups; pauses %v", took.Round(time.Millisecond), len(lookups)-1, gaps)
}

// TestStartupDiscordDown: Discord stays down at start-up. Open keeps
// retrying, paced by the backoff (no busy loop), until its context ends,
// then fails with a clear error of kind Unavailable that says how many
// attempts were made.
func TestStartupDiscordDown(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	srv.FailNext(routeGateway, 1000, http.StatusInternalServerError)
	cfg, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL, "LOG_LEVEL": "debug"}))
	logs := &discordtest.Logs{}
	bot := New(cfg, nil, newTestLogger(logs))
	bot.openBackoff = backoff{first: 100 * time.Millisecond, max: 400 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	err := bot.Open(ctx)
	bot.Close(context.Background())
	if guillemet.KindOf(err) != guillemet.Unavailable || !strings.Contains(err.Error(), "attempts") || !strings.Contains(err.Error(), "500") {
		t.Fatalf("Open with Discord down: %v", err)
	}
	if strings.Contains(err.Error(), srv.Token) || strings.Contains(logs.String(), srv.Token) {
		t.Error("the token is in the error or the logs")
	}
	// 0, 0.1, 0.3, 0.7, 1.1 s (+ jitter): 4 to 6 attempts in 1.5 s.
	if n := len(srv.RequestsTo(routeGateway)); n < 4 || n > 6 {
		t.Errorf("%d gateway lookups in 1.5 s, want 4 to 6", n)
	}
	t.Logf("gave up after %d attempts: %v", len(srv.RequestsTo(routeGateway)), err)
}

// TestStartupTokenRejectedIsNotRetried: a 401 is final: no retry.
func TestStartupTokenRejectedIsNotRetried(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	srv.FailNext(routeMe, 1, http.StatusUnauthorized)
	_, opened := launch{setup: setup{server: srv}, noWaitOpen: true}.start(t)
	if err := <-opened; guillemet.KindOf(err) != guillemet.Invalid {
		t.Fatalf("Open: %v", err)
	}
	if n := len(srv.RequestsTo(routeMe)); n != 1 {
		t.Errorf("token checked %d times after a 401", n)
	}
}

// TestCallbackRateLimited: the interaction callback gets 429 with
// Retry-After: the bot waits that long and sends it again, within the
// 3 s Discord allows.
func TestCallbackRateLimited(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	p := newFaultProxy(t, srv)
	h, _ := launch{setup: setup{server: srv}, apiURL: p.URL()}.start(t)

	for _, tc := range []struct {
		name  string
		after []string
	}{
		{"one 429, Retry-After 0.3 s", []string{"0.3"}},
		{"two 429s in a row", []string{"0.2", "0.4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, ra := range tc.after {
				p.Inject(routeCallback, 1, proxyFault{kind: rateLimited, retryAfter: ra})
			}
			sent := h.askAudit(t)
			cb := h.answered(t, sent.ID)
			seen := p.WaitSeen(routeCallback, "/"+sent.ID+"/", len(tc.after)+1)
			if len(seen) != len(tc.after)+1 {
				t.Fatalf("%d callback attempts, want %d", len(seen), len(tc.after)+1)
			}
			for i, ra := range tc.after {
				want, _ := time.ParseDuration(ra + "s")
				if gap := seen[i+1].At.Sub(seen[i].Done); gap < want-10*time.Millisecond {
					t.Errorf("attempt %d sent %v after a 429 saying Retry-After %ss", i+2, gap, ra)
				}
			}
			t.Logf("answered %v after its dispatch", cb.Elapsed.Round(time.Millisecond))
		})
	}
}

// TestCallbackServerErrors: 500, 502, 503 on the interaction callback,
// on the edit of a deferred answer and on an ephemeral follow-up: each
// is sent again, and arrives once.
func TestCallbackServerErrors(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	eng := &enginetest.Engine{Delay: 200 * time.Millisecond}
	h, _ := launch{setup: setup{server: srv, engine: eng, deferAfter: 50 * time.Millisecond}}.start(t)

	for _, codes := range [][]int{{500}, {502}, {503}, {500, 502}} {
		t.Run(fmt.Sprint("callback ", codes), func(t *testing.T) {
			for _, c := range codes {
				srv.FailNext(routeCallback, 1, c)
			}
			cb := h.answered(t, h.askAudit(t).ID)
			t.Logf("answered %v after its dispatch", cb.Elapsed.Round(time.Millisecond))
		})
	}

	t.Run("edit of a deferred answer, 500 then 502", func(t *testing.T) {
		srv.FailNext(routeEdit, 1, 500)
		srv.FailNext(routeEdit, 1, 502)
		sent, _ := srv.SendInteraction(ask("slow: who asked for the audit?"))
		mine := func(r discordtest.Request) bool { return strings.Contains(r.Path, "/"+sent.Token+"/") }
		edits, err := srv.WaitRequests(routeEdit, 3, mine, wait)
		if err != nil {
			t.Fatal(err)
		}
		if edits[2].Status != 200 || !bytes.Contains(edits[2].Body, []byte("audit")) {
			t.Errorf("third edit %d: %s", edits[2].Status, edits[2].Body)
		}
		time.Sleep(100 * time.Millisecond)
		if n := len(filter(srv.RequestsTo(routeEdit), mine)); n != 3 {
			t.Errorf("%d edits, want 3 (2 failed, 1 accepted)", n)
		}
	})

	t.Run("ephemeral follow-up, 502", func(t *testing.T) {
		srv.FailNext(routeFollowup, 1, 502)
		sent, _ := srv.SendInteraction(ask("slow: what about the weather?"))
		mine := func(r discordtest.Request) bool { return strings.Contains(r.Path, "/"+sent.Token) }
		fu, err := srv.WaitRequests(routeFollowup, 2, mine, wait)
		if err != nil {
			t.Fatal(err)
		}
		if fu[1].Status/100 != 2 {
			t.Errorf("second follow-up: %d", fu[1].Status)
		}
		if _, err := srv.WaitRequests("DELETE /webhooks/{app}/{token}/messages/{message}", 1, mine, wait); err != nil {
			t.Errorf("placeholder not removed: %v", err)
		}
	})
}

// TestMessageReplyServerErrors: 500 and 502 (more than discordgo's own
// three quick retries) on the reply to a mention: it is sent again after
// a pause, and created once.
func TestMessageReplyServerErrors(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	h, _ := launch{setup: setup{server: srv}}.start(t)
	for _, tc := range []struct {
		name  string
		codes map[int]int
	}{
		{"one 500", map[int]int{500: 1}},
		{"five 502", map[int]int{502: 5}},
		{"503", map[int]int{503: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for code, n := range tc.codes {
				srv.FailNext(routeMessages, n, code)
			}
			sent := h.mentionAudit(t)
			h.repliedOnce(t, sent.ID)
		})
	}
	if strings.Contains(h.logs.String(), "cannot reply to a message") {
		t.Error("a reply was given up")
	}
}

// TestRESTHangs: a REST call hangs past the client's timeout, either
// before reaching Discord (lost on the way) or after (Discord acted on
// it, its answer was lost). The bot gives up on that attempt and sends
// again; what Discord already has is not duplicated: a second callback
// is refused as already acknowledged (and taken as delivered), a second
// message carries the same nonce (and Discord returns the first).
func TestRESTHangs(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	p := newFaultProxy(t, srv)
	eng := &enginetest.Engine{Delay: 100 * time.Millisecond}
	h, _ := launch{setup: setup{server: srv, engine: eng, deferAfter: 50 * time.Millisecond}, apiURL: p.URL(), restTimeout: 400 * time.Millisecond}.start(t)

	for _, kind := range []faultKind{hangRequest, hangResponse} {
		name := map[faultKind]string{hangRequest: "lost on the way", hangResponse: "answer lost"}[kind]
		t.Run("callback "+name, func(t *testing.T) {
			p.Inject(routeCallback, 1, proxyFault{kind: kind})
			sent := h.askAudit(t)
			cb := h.answered(t, sent.ID)
			seen := p.WaitSeen(routeCallback, "/"+sent.ID+"/", 2)
			h.callbacksOnce(t, sent.ID)
			t.Logf("answered %v after its dispatch; second attempt %v after the first, Discord said %d",
				cb.Elapsed.Round(time.Millisecond), seen[1].At.Sub(seen[0].At).Round(time.Millisecond), seen[1].Status)
		})
		t.Run("mention reply "+name, func(t *testing.T) {
			p.Inject(routeMessages, 1, proxyFault{kind: kind})
			begin := time.Now()
			sent := h.mentionAudit(t)
			h.repliedOnce(t, sent.ID)
			seen := p.WaitSeen(routeMessages, `"nonce":"`+sent.ID+`"`, 2)
			h.repliedOnce(t, sent.ID)
			t.Logf("replied %v after the question; second attempt: %s", time.Since(begin).Round(time.Millisecond), or(seen[1].Fault, "forwarded"))
		})
		t.Run("edit of a deferred answer "+name, func(t *testing.T) {
			p.Inject(routeEdit, 1, proxyFault{kind: kind})
			sent, _ := srv.SendInteraction(ask("slow: who asked for the audit?"))
			mine := func(r discordtest.Request) bool {
				return strings.Contains(r.Path, "/"+sent.Token+"/") && r.Status == http.StatusOK
			}
			if _, err := srv.WaitRequests(routeEdit, 1, mine, wait); err != nil {
				t.Fatal(err)
			}
			p.WaitSeen(routeEdit, "/"+sent.Token+"/", 2)
		})
	}
	time.Sleep(50 * time.Millisecond)
	logs := h.logs.String()
	for _, bad := range []string{"cannot answer", "cannot reply", "cannot send a deferred answer"} {
		if strings.Contains(logs, bad) {
			t.Errorf("logs say %q: a reply was given up", bad)
		}
	}
}

// TestSecretsNotLoggedUnderFaults: Discord (or a proxy in front of it)
// answers errors that quote the request's credentials: the bot token in
// the Authorization header, the interaction token in the URL. Neither
// reaches the logs, at any level, nor the error Open returns.
func TestSecretsNotLoggedUnderFaults(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	p := newFaultProxy(t, srv)
	p.Inject(routeMe, 2, proxyFault{kind: echoCredentials})
	p.Inject(routeGateway, 1, proxyFault{kind: echoCredentials})
	h, _ := launch{setup: setup{server: srv}, apiURL: p.URL()}.start(t)

	p.Inject(routeCallback, 1, proxyFault{kind: echoCredentials})
	h.answered(t, h.askAudit(t).ID)
	// A callback that fails for good: its error is logged, scrubbed.
	p.Inject(routeCallback, 10, proxyFault{kind: echoCredentials})
	sent := h.askAudit(t)
	if err := srv.Wait(wait, func() bool { return strings.Contains(h.logs.String(), "cannot answer an interaction") }); err != nil {
		t.Fatal("the lost answer was not logged")
	}
	p.Inject(routeMessages, 1, proxyFault{kind: echoCredentials})
	h.repliedOnce(t, h.mentionAudit(t).ID)

	logs := h.logs.String()
	if !strings.Contains(logs, "upstream error for") {
		t.Fatalf("the echoed errors were not logged: the test proves nothing\n%s", logs)
	}
	for _, secret := range []string{srv.Token, sent.Token} {
		if strings.Contains(logs, secret) {
			t.Errorf("a secret (%.8s…) is in the logs", secret)
		}
	}

	// Open failing for good: its error neither.
	p2 := newFaultProxy(t, srv)
	p2.Inject(routeMe, 1000, proxyFault{kind: echoCredentials})
	cfg, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": p2.URL()}))
	bot := New(cfg, nil, newTestLogger(&discordtest.Logs{}))
	bot.openBackoff = backoff{first: 50 * time.Millisecond, max: 100 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	err := bot.Open(ctx)
	if err == nil || !strings.Contains(err.Error(), "upstream error") || strings.Contains(err.Error(), srv.Token) {
		t.Errorf("Open's error: %v", err)
	}
}

func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}
