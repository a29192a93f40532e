// Package httpapi is the HTTP transport of the bot: Discord's
// "Interactions Endpoint URL". Discord POSTs every slash command,
// autocomplete and button click, signed with the application's Ed25519
// key, and takes the HTTP response as the interaction's response, so a
// replica holds no connection and no state: any number of them can
// answer behind any load balancer.
//
// Like the gateway adapter (internal/discord), it only verifies and
// decodes what Discord sends, hands it to interact.Handler and encodes
// what it returns with render.MarshalResponse: both transports share
// every handler and renderer, and send allowed_mentions {"parse": []}.
//
// Routes:
//
//	POST /interactions  signed interactions (any other method: 405)
//	GET  /healthz       200 while the process runs
//	GET  /readyz        200 once the articles are indexed, 503 before
//	GET  /metrics       Prometheus metrics, when Options.Metrics is set
package httpapi

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
	"guillemet/internal/interact"
	"guillemet/internal/metrics"
	"guillemet/internal/render"
)

// Limits of the interactions endpoint.
const (
	// MaxBody is the largest request body read; a larger one gets 413.
	// Discord's interactions are a few KiB at most.
	MaxBody = 64 << 10
	// MaxSkew is how far X-Signature-Timestamp may be from now; further,
	// the request is refused (401) as a possible replay.
	MaxSkew = 5 * time.Minute
	// DefaultAnswerTimeout is how long an answer may take before the
	// request is answered with a short "try again" notice instead.
	// Discord wants the response within 3 s of the interaction, and the
	// way back takes time.
	DefaultAnswerTimeout = 2 * time.Second
)

// Headers Discord signs its requests with.
const (
	HeaderSignature = "X-Signature-Ed25519"
	HeaderTimestamp = "X-Signature-Timestamp"
)

// Kinds of requests, the "kind" label of the metrics.
const (
	KindInvalid      = "invalid" // rejected before its kind is known
	KindPing         = "ping"
	KindAsk          = "ask"
	KindQuote        = "quote"
	KindAbout        = "about"
	KindOtherCommand = "other_command"
	KindAutocomplete = "autocomplete"
	KindButton       = "button"
)

// Outcomes of requests, the "outcome" label of the metrics.
const (
	OutcomeOK               = "ok"
	OutcomeTimeout          = "timeout" // answered with a notice: the answer took too long
	OutcomeUnauthorized     = "unauthorized"
	OutcomeBadRequest       = "bad_request"
	OutcomeTooLarge         = "too_large"
	OutcomeMethodNotAllowed = "method_not_allowed"
	OutcomeNotReady         = "not_ready"
	OutcomeError            = "error" // a panic or a response that could not be encoded: 500
)

// ErrNoPublicKey is the error when DISCORD_PUBLIC_KEY is not set.
var ErrNoPublicKey = errors.New("DISCORD_PUBLIC_KEY is not set. Copy it from " +
	"https://discord.com/developers/applications → your application → General Information → Public Key, " +
	"and put DISCORD_PUBLIC_KEY=<the key> in .env or in the environment")

// ParsePublicKey decodes the application's public key, as the developer
// portal shows it: 64 hexadecimal digits. Its errors (of kind Invalid)
// never contain s.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	const op = "httpapi.ParsePublicKey"
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, guillemet.E(op, guillemet.Invalid, ErrNoPublicKey)
	}
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, guillemet.Errorf(op, guillemet.Invalid,
			"DISCORD_PUBLIC_KEY is not a public key: it must be %d hexadecimal digits (it has %d characters); "+
				"copy the Public Key of the application from the developer portal's General Information page, not the bot token",
			2*ed25519.PublicKeySize, len(s))
	}
	return ed25519.PublicKey(b), nil
}

// Options configures a Server. The zero value is usable.
type Options struct {
	// Logger receives what the server does (requests at debug level,
	// refused signed requests, timeouts and panics); nil: slog.Default().
	Logger *slog.Logger
	// Now is the clock signatures' timestamps are checked against; nil:
	// time.Now.
	Now func() time.Time
	// Metrics records every request; nil: none, and no /metrics route.
	Metrics *metrics.Metrics
	// AnswerTimeout bounds an answer; 0: DefaultAnswerTimeout.
	AnswerTimeout time.Duration
}

// Server is the HTTP handler of the interactions endpoint, /healthz,
// /readyz and /metrics. It answers PING at once, and interactions once
// SetHandler has given it the handler (503 before). It is safe for
// concurrent use.
type Server struct {
	key     ed25519.PublicKey
	handler atomic.Pointer[interact.Handler]
	log     *slog.Logger
	now     func() time.Time
	metrics *metrics.Metrics
	timeout time.Duration
	mux     *http.ServeMux
}

// New returns a Server that checks signatures against key and is not
// ready until SetHandler.
func New(key ed25519.PublicKey, o Options) *Server {
	s := &Server{key: append(ed25519.PublicKey(nil), key...), log: o.Logger, now: o.Now, metrics: o.Metrics, timeout: o.AnswerTimeout}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.timeout <= 0 {
		s.timeout = DefaultAnswerTimeout
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/interactions", s.serveInteraction)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { text(w, http.StatusOK, "ok") })
	s.mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if s.Ready() {
			text(w, http.StatusOK, "ready")
			return
		}
		text(w, http.StatusServiceUnavailable, "not ready: indexing the articles")
	})
	if s.metrics != nil {
		s.mux.Handle("GET /metrics", s.metrics.Handler())
	}
	s.metrics.SetReady(false)
	return s
}

// NewHandler returns a Server that answers with h, ready at once.
func NewHandler(h *interact.Handler, key ed25519.PublicKey, o Options) *Server {
	s := New(key, o)
	s.SetHandler(h)
	return s
}

// SetHandler makes the server answer interactions with h: it is ready.
func (s *Server) SetHandler(h *interact.Handler) {
	s.handler.Store(h)
	s.metrics.SetReady(h != nil)
}

// Ready says whether interactions are answered.
func (s *Server) Ready() bool { return s.handler.Load() != nil }

// ServeHTTP serves a request. A panic is logged and answered with 500;
// the server goes on serving.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.recoverer(s.mux).ServeHTTP(w, r)
}

// recoverer answers 500 when next panics, instead of letting net/http
// drop the connection.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic while serving a request", "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				text(w, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// serveInteraction verifies, decodes and answers one interaction.
func (s *Server) serveInteraction(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	kind, outcome := KindInvalid, OutcomeError
	s.metrics.InFlight(1)
	defer func() {
		s.metrics.InFlight(-1)
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("panic while serving an interaction", "kind", kind, "panic", p, "stack", string(debug.Stack()))
			text(w, http.StatusInternalServerError, "internal error")
			outcome = OutcomeError
		}
		s.metrics.Request(kind, outcome)
		if outcome == OutcomeOK || outcome == OutcomeTimeout {
			s.metrics.Latency(kind, time.Since(start))
		}
	}()
	fail := func(status int, o, msg string) {
		outcome = o
		s.log.Debug("interaction refused", "status", status, "outcome", o, "remote", r.RemoteAddr)
		text(w, status, msg)
	}

	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(http.StatusMethodNotAllowed, OutcomeMethodNotAllowed, "method not allowed")
		return
	}
	sig, ts := r.Header.Get(HeaderSignature), r.Header.Get(HeaderTimestamp)
	if sig == "" || ts == "" {
		fail(http.StatusUnauthorized, OutcomeUnauthorized, "invalid request signature")
		return
	}
	if r.ContentLength > MaxBody {
		fail(http.StatusRequestEntityTooLarge, OutcomeTooLarge, "request body too large")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			fail(http.StatusRequestEntityTooLarge, OutcomeTooLarge, "request body too large")
			return
		}
		fail(http.StatusBadRequest, OutcomeBadRequest, "bad request")
		return
	}
	if !s.verify(sig, ts, body) {
		fail(http.StatusUnauthorized, OutcomeUnauthorized, "invalid request signature")
		return
	}
	if skew, ok := s.fresh(ts); !ok {
		// Signed by Discord, but not now: a replay, or this host's clock
		// is wrong.
		s.log.Warn("signed interaction refused: its timestamp is too far from now (a replay, or check this host's clock)",
			"skew", skew.Round(time.Second), "max", MaxSkew)
		fail(http.StatusUnauthorized, OutcomeUnauthorized, "invalid request signature")
		return
	}

	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		fail(http.StatusBadRequest, OutcomeBadRequest, "bad request")
		return
	}
	kind = kindOf(&i)
	if kind == KindInvalid {
		fail(http.StatusBadRequest, OutcomeBadRequest, "bad request")
		return
	}

	var resp *discordgo.InteractionResponse
	if i.Type == discordgo.InteractionPing {
		// Answered before the articles are indexed too, so that the
		// developer portal can check the endpoint of a replica starting.
		resp = &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
		outcome = OutcomeOK
	} else {
		h := s.handler.Load()
		if h == nil {
			w.Header().Set("Retry-After", "1")
			fail(http.StatusServiceUnavailable, OutcomeNotReady, "not ready")
			return
		}
		resp, outcome = s.answer(r.Context(), h, &i)
		if resp == nil {
			fail(http.StatusInternalServerError, OutcomeError, "internal error")
			return
		}
	}
	out, err := render.MarshalResponse(resp)
	if err != nil {
		s.log.Error("cannot encode an interaction response", "kind", kind, "err", err)
		fail(http.StatusInternalServerError, OutcomeError, "internal error")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(http.StatusOK)
	w.Write(out)
	s.log.Debug("interaction answered", "kind", kind, "outcome", outcome, "elapsed", time.Since(start))
}

// verify checks the Ed25519 signature sigHex of timestamp + body.
func (s *Server) verify(sigHex, timestamp string, body []byte) bool {
	if len(sigHex) != 2*ed25519.SignatureSize || len(s.key) != ed25519.PublicKeySize {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return ed25519.Verify(s.key, msg, sig)
}

// fresh says whether timestamp (Unix seconds) is within MaxSkew of now,
// and how far it is.
func (s *Server) fresh(timestamp string) (time.Duration, bool) {
	sec, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || sec < 0 || sec > 1<<40 {
		return 0, false
	}
	skew := s.now().Sub(time.Unix(sec, 0))
	return skew, skew <= MaxSkew && skew >= -MaxSkew
}

// kindOf is the kind of an interaction, KindInvalid for a type this
// endpoint does not serve.
func kindOf(i *discordgo.Interaction) string {
	switch i.Type {
	case discordgo.InteractionPing:
		return KindPing
	case discordgo.InteractionApplicationCommand:
		if d, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok {
			switch d.Name {
			case KindAsk, KindQuote, KindAbout:
				return d.Name
			}
		}
		return KindOtherCommand
	case discordgo.InteractionApplicationCommandAutocomplete:
		return KindAutocomplete
	case discordgo.InteractionMessageComponent:
		return KindButton
	}
	return KindInvalid
}

// answer runs the handler on i within the answer timeout. Past it, the
// answer is a short "try again" notice (no choices, for an
// autocomplete), so that Discord gets a response in time; the handler's
// context is cancelled. A nil response means the handler panicked.
func (s *Server) answer(ctx context.Context, h *interact.Handler, i *discordgo.Interaction) (*discordgo.InteractionResponse, string) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	done := make(chan *discordgo.InteractionResponse, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic in the interaction handler", "panic", p, "stack", string(debug.Stack()))
				done <- nil
			}
		}()
		done <- h.Interaction(ctx, i)
	}()
	select {
	case resp := <-done:
		if ctx.Err() == context.DeadlineExceeded {
			return resp, OutcomeTimeout
		}
		return resp, OutcomeOK
	case <-ctx.Done():
	}
	if ctx.Err() != context.DeadlineExceeded {
		// The caller went away: what is written does not matter.
		return render.Failure().Response(discordgo.InteractionResponseChannelMessageWithSource), OutcomeError
	}
	s.log.Warn("answer too slow: sent a notice instead", "kind", kindOf(i), "timeout", s.timeout)
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return render.Choices(nil), OutcomeTimeout
	}
	return render.Failure().Response(discordgo.InteractionResponseChannelMessageWithSource), OutcomeTimeout
}

// text writes a short plain-text response, never any detail of what
// went wrong.
func text(w http.ResponseWriter, status int, msg string) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}
