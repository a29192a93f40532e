// Package discordtest is a fake Discord for tests: an httptest server
// that speaks enough of the REST API and of the gateway (a websocket) for
// the real bot, with the real discordgo session, to run against it
// through DISCORD_API_URL.
//
// It records every REST request and every gateway packet it receives,
// enforces what matters to a bot (the token, the 3-second interaction
// deadline, one response per interaction), and makes faults easy: fail
// the next N requests of a route, drop the websocket, send op 7
// (reconnect) or op 9 (invalid session), stop acknowledging heartbeats,
// close the gateway with a code.
//
// The gateway keeps one session per shard: IDENTIFY (op 2) starts one
// and gets READY; RESUME (op 6) with its session id replays the events
// dispatched since the client's sequence number, then RESUMED. Events
// for a guild go to its shard ((guild_id >> 22) % shard_count), others
// to shard 0, as Discord does.
package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// APIPrefix is where the REST API is served, as discordgo calls it.
var APIPrefix = "/api/v" + discordgo.APIVersion

// Defaults of a new Server.
const (
	DefaultToken = "test-token.abc.def"
	DefaultAppID = "1100000000000000001"
	DefaultBotID = "1100000000000000002"
	BotName      = "Guillemet"
)

// Request is one REST request the bot made.
type Request struct {
	Method string
	Path   string // as sent, with APIPrefix
	Route  string // the matched route, e.g. "POST /channels/{channel}/messages"; "" if none
	Query  string
	Header http.Header
	Body   []byte
	At     time.Time
	Status int // what the fake answered
}

// JSON decodes the body of r into v.
func (r Request) JSON(v any) error { return json.Unmarshal(r.Body, v) }

// GatewayPacket is one packet the bot sent on the gateway.
type GatewayPacket struct {
	Op    int             `json:"op"`
	Data  json.RawMessage `json:"d"`
	Shard int             `json:"-"`
	At    time.Time       `json:"-"`
}

// Callback is the response the bot gave to an interaction.
type Callback struct {
	Type    discordgo.InteractionResponseType
	Body    []byte          // the whole response, as sent
	Data    json.RawMessage // its "data"
	Elapsed time.Duration   // since the interaction was dispatched
	Status  int
}

// Message decodes the data of the callback as a message (content,
// embeds, components, flags).
func (c Callback) Message() (*discordgo.Message, error) {
	var m discordgo.Message
	if len(c.Data) == 0 {
		return &m, nil
	}
	err := json.Unmarshal(c.Data, &m)
	return &m, err
}

// Server is a fake Discord. Exported fields may be changed before the
// bot connects only.
type Server struct {
	URL   string // the base URL, to use as DISCORD_API_URL
	Token string // the bot token it accepts, without "Bot "
	AppID string
	BotID string

	// HeartbeatInterval is sent in HELLO (default 41.25 s, Discord's).
	HeartbeatInterval time.Duration
	// InteractionDeadline is how long after its dispatch an interaction
	// accepts its response (default 3 s, Discord's); later, the callback
	// fails with 404 Unknown interaction, as on Discord.
	InteractionDeadline time.Duration

	srv *httptest.Server
	mux *http.ServeMux
	ids atomic.Int64

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced whenever something is recorded
	requests     []Request
	packets      []GatewayPacket
	faults       map[string][]fault
	sessions     map[int]*session // by shard
	shardCount   int
	ackHeartbeat bool
	interactions map[string]*interaction // by id
	byToken      map[string]*interaction
	commands     map[string]json.RawMessage // by guild id ("" = global): the last bulk overwrite
	closed       bool
}

type fault struct {
	status int
	body   string
}

type interaction struct {
	id, token    string
	dispatchedAt time.Time
	acked        bool
	callback     *Callback
}

// New starts a fake Discord, closed when the test ends.
func New(t testing.TB) *Server {
	s := &Server{
		Token: DefaultToken, AppID: DefaultAppID, BotID: DefaultBotID,
		HeartbeatInterval:   41250 * time.Millisecond,
		InteractionDeadline: discordgo.InteractionDeadline,
		changed:             make(chan struct{}),
		faults:              map[string][]fault{},
		sessions:            map[int]*session{},
		ackHeartbeat:        true,
		interactions:        map[string]*interaction{},
		byToken:             map[string]*interaction{},
		commands:            map[string]json.RawMessage{},
	}
	s.ids.Store(1200000000000000000)
	s.routes()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

// Close drops every gateway connection and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	var conns []*gwConn
	for _, ss := range s.sessions {
		if ss.conn != nil {
			conns = append(conns, ss.conn)
		}
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// NewID returns a new snowflake.
func (s *Server) NewID() string { return strconv.FormatInt(s.ids.Add(1), 10) }

// notify wakes up every Wait. s.mu is held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Wait returns nil as soon as cond() is true, or an error after timeout.
// cond is called without any lock held, after every recorded request,
// packet or response, and every 5 ms (for conditions on other state).
func (s *Server) Wait(timeout time.Duration, cond func() bool) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-tick.C:
		case <-deadline.C:
			if cond() {
				return nil
			}
			return fmt.Errorf("discordtest: condition not met within %v", timeout)
		}
	}
}

// Requests returns every REST request recorded so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestsTo returns the recorded requests of one route, e.g.
// "POST /channels/{channel}/messages".
func (s *Server) RequestsTo(route string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Route == route {
			out = append(out, r)
		}
	}
	return out
}

// WaitRequests waits until at least n requests of route match keep (nil:
// all), and returns them.
func (s *Server) WaitRequests(route string, n int, keep func(Request) bool, timeout time.Duration) ([]Request, error) {
	var got []Request
	err := s.Wait(timeout, func() bool {
		got = got[:0]
		for _, r := range s.RequestsTo(route) {
			if keep == nil || keep(r) {
				got = append(got, r)
			}
		}
		return len(got) >= n
	})
	if err != nil {
		return got, fmt.Errorf("%d of %d requests to %s: %w", len(got), n, route, err)
	}
	return got, nil
}

// FailNext makes the next n requests of route (e.g. "GET /users/@me")
// fail with status. A 429 carries a short retry_after.
func (s *Server) FailNext(route string, n, status int) {
	body := fmt.Sprintf(`{"message": "%d: injected failure", "code": 0}`, status)
	switch status {
	case http.StatusUnauthorized:
		body = `{"message": "401: Unauthorized", "code": 0}`
	case http.StatusTooManyRequests:
		body = `{"message": "You are being rate limited.", "retry_after": 0.01, "global": false}`
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < n; i++ {
		s.faults[route] = append(s.faults[route], fault{status: status, body: body})
	}
}

// Commands returns the body of the last bulk overwrite of the commands
// of guildID ("" for the global ones), and whether there was one.
func (s *Server) Commands(guildID string) ([]*discordgo.ApplicationCommand, bool) {
	s.mu.Lock()
	raw, ok := s.commands[guildID]
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(raw, &cmds); err != nil {
		return nil, false
	}
	return cmds, true
}

// serve records the request, applies injected faults, then routes it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == gatewayPath || r.URL.Path == gatewayPath+"/" {
		s.serveGateway(w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	_, pattern := s.mux.Handler(r)
	route := ""
	if pattern != "" {
		route = strings.Replace(pattern, APIPrefix, "", 1)
	}
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	req := Request{Method: r.Method, Path: r.URL.Path, Route: route, Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body, At: time.Now()}

	s.mu.Lock()
	var f *fault
	if fs := s.faults[route]; route != "" && len(fs) > 0 {
		f = &fs[0]
		s.faults[route] = fs[1:]
	}
	s.mu.Unlock()

	if f != nil {
		writeJSON(rec, f.status, json.RawMessage(f.body))
	} else {
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		s.mux.ServeHTTP(rec, r)
	}
	req.Status = rec.status
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.notify()
	s.mu.Unlock()
}

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if v != nil {
		json.NewEncoder(w).Encode(v)
	}
}

func apiError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, map[string]any{"message": message, "code": code})
}

// authorized checks the bot token, as Discord does on bot routes.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") != "Bot "+s.Token {
		apiError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
		return false
	}
	return true
}

func (s *Server) routes() {
	m := http.NewServeMux()
	s.mux = m
	p := func(method, path string) string { return method + " " + APIPrefix + path }

	gateway := func(w http.ResponseWriter, r *http.Request, bot bool) {
		url := "ws" + strings.TrimPrefix(s.URL, "http") + gatewayPath
		if !bot {
			writeJSON(w, http.StatusOK, map[string]any{"url": url})
			return
		}
		if !s.authorized(w, r) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"url": url, "shards": 1,
			"session_start_limit": map[string]int{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})
	}
	m.HandleFunc(p("GET", "/gateway"), func(w http.ResponseWriter, r *http.Request) { gateway(w, r, false) })
	m.HandleFunc(p("GET", "/gateway/bot"), func(w http.ResponseWriter, r *http.Request) { gateway(w, r, true) })

	m.HandleFunc(p("GET", "/users/@me"), func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			writeJSON(w, http.StatusOK, s.botUser())
		}
	})
	m.HandleFunc(p("GET", "/oauth2/applications/@me"), func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			writeJSON(w, http.StatusOK, map[string]any{"id": s.AppID, "name": BotName, "bot": s.botUser()})
		}
	})

	overwrite := func(w http.ResponseWriter, r *http.Request, guild string) {
		if !s.authorized(w, r) {
			return
		}
		if r.PathValue("app") != s.AppID {
			apiError(w, http.StatusForbidden, 50001, "Missing Access")
			return
		}
		var cmds []map[string]any
		if err := json.NewDecoder(r.Body).Decode(&cmds); err != nil {
			apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
			return
		}
		for _, c := range cmds {
			c["id"] = s.NewID()
			c["application_id"] = s.AppID
			c["version"] = s.NewID()
			if guild != "" {
				c["guild_id"] = guild
			}
		}
		raw, _ := json.Marshal(cmds)
		s.mu.Lock()
		s.commands[guild] = raw
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, json.RawMessage(raw))
	}
	m.HandleFunc(p("PUT", "/applications/{app}/commands"), func(w http.ResponseWriter, r *http.Request) { overwrite(w, r, "") })
	m.HandleFunc(p("PUT", "/applications/{app}/guilds/{guild}/commands"), func(w http.ResponseWriter, r *http.Request) {
		overwrite(w, r, r.PathValue("guild"))
	})

	m.HandleFunc(p("POST", "/interactions/{id}/{token}/callback"), s.serveCallback)

	webhook := func(w http.ResponseWriter, r *http.Request) (*interaction, bool) {
		s.mu.Lock()
		in := s.byToken[r.PathValue("token")]
		ok := in != nil && in.acked && r.PathValue("app") == s.AppID
		s.mu.Unlock()
		if !ok {
			apiError(w, http.StatusNotFound, 10015, "Unknown Webhook")
		}
		return in, ok
	}
	m.HandleFunc(p("POST", "/webhooks/{app}/{token}"), func(w http.ResponseWriter, r *http.Request) {
		if _, ok := webhook(w, r); !ok {
			return
		}
		if r.URL.Query().Get("wait") != "true" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeJSON(w, http.StatusOK, s.messageFrom(r, ""))
	})
	m.HandleFunc(p("PATCH", "/webhooks/{app}/{token}/messages/{message}"), func(w http.ResponseWriter, r *http.Request) {
		if _, ok := webhook(w, r); ok {
			writeJSON(w, http.StatusOK, s.messageFrom(r, ""))
		}
	})
	m.HandleFunc(p("GET", "/webhooks/{app}/{token}/messages/{message}"), func(w http.ResponseWriter, r *http.Request) {
		if _, ok := webhook(w, r); ok {
			writeJSON(w, http.StatusOK, map[string]any{"id": s.NewID(), "author": s.botUser()})
		}
	})
	m.HandleFunc(p("DELETE", "/webhooks/{app}/{token}/messages/{message}"), func(w http.ResponseWriter, r *http.Request) {
		if _, ok := webhook(w, r); ok {
			w.WriteHeader(http.StatusNoContent)
		}
	})

	m.HandleFunc(p("POST", "/channels/{channel}/messages"), func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			writeJSON(w, http.StatusOK, s.messageFrom(r, r.PathValue("channel")))
		}
	})
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		apiError(w, http.StatusNotFound, 0, "404: Not Found")
	})
}

func (s *Server) botUser() map[string]any {
	return map[string]any{"id": s.BotID, "username": BotName, "discriminator": "0", "bot": true}
}

// messageFrom echoes a sent message as Discord returns it.
func (s *Server) messageFrom(r *http.Request, channel string) map[string]any {
	var m map[string]any
	body, _ := io.ReadAll(r.Body)
	json.Unmarshal(body, &m)
	if m == nil {
		m = map[string]any{}
	}
	m["id"] = s.NewID()
	m["channel_id"] = channel
	m["author"] = s.botUser()
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	return m
}

func (s *Server) serveCallback(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[r.PathValue("id")]
	if in == nil || in.token != r.PathValue("token") {
		apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	elapsed := now.Sub(in.dispatchedAt)
	if elapsed > s.InteractionDeadline {
		in.callback = &Callback{Elapsed: elapsed, Status: http.StatusNotFound, Body: body}
		apiError(w, http.StatusNotFound, 10062, "Unknown interaction")
		return
	}
	if in.acked {
		apiError(w, http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
		return
	}
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil || resp.Type == 0 {
		apiError(w, http.StatusBadRequest, 50035, "Invalid Form Body")
		return
	}
	in.acked = true
	in.callback = &Callback{Type: resp.Type, Body: body, Data: resp.Data, Elapsed: elapsed, Status: http.StatusNoContent}
	w.WriteHeader(http.StatusNoContent)
}

// SendInteraction dispatches an INTERACTION_CREATE for i, after giving it
// an id, a token and the application id (and version 1) when it has none.
// It returns the interaction as dispatched.
func (s *Server) SendInteraction(i *discordgo.Interaction) (*discordgo.Interaction, error) {
	c := *i
	if c.ID == "" {
		c.ID = s.NewID()
	}
	if c.Token == "" {
		c.Token = "itoken-" + s.NewID()
	}
	if c.AppID == "" {
		c.AppID = s.AppID
	}
	if c.Version == 0 {
		c.Version = 1
	}
	s.mu.Lock()
	in := &interaction{id: c.ID, token: c.Token, dispatchedAt: time.Now()}
	s.interactions[c.ID] = in
	s.byToken[c.Token] = in
	s.mu.Unlock()
	_, err := s.Dispatch("INTERACTION_CREATE", &c, c.GuildID)
	return &c, err
}

// Callback returns the response to interaction id, if there was one.
func (s *Server) Callback(id string) (Callback, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[id]
	if in == nil || in.callback == nil {
		return Callback{}, false
	}
	return *in.callback, true
}

// WaitCallback waits for the response to interaction id.
func (s *Server) WaitCallback(id string, timeout time.Duration) (Callback, error) {
	var cb Callback
	err := s.Wait(timeout, func() bool {
		var ok bool
		cb, ok = s.Callback(id)
		return ok
	})
	if err != nil {
		return cb, fmt.Errorf("no response to interaction %s: %w", id, err)
	}
	return cb, nil
}

// SendMessage dispatches a MESSAGE_CREATE for m, after giving it an id
// and a timestamp when it has none. It returns the message as dispatched.
func (s *Server) SendMessage(m *discordgo.Message) (*discordgo.Message, error) {
	c := *m
	if c.ID == "" {
		c.ID = s.NewID()
	}
	if c.Timestamp.IsZero() {
		c.Timestamp = time.Now().UTC()
	}
	_, err := s.Dispatch("MESSAGE_CREATE", &c, c.GuildID)
	return &c, err
}
