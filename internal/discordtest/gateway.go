package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// gatewayPath is where the fake gateway listens; GET /gateway says so.
const gatewayPath = "/gateway-ws"

// maxBacklog is how many events a session keeps for a resume.
const maxBacklog = 10000

// session is one gateway session, of one shard.
type session struct {
	shard     int
	id        string
	seq       int64
	backlog   []frame // dispatched events, for RESUME
	conn      *gwConn // nil while disconnected
	ready     bool    // conn has identified or resumed: events go out
	identifys int
	resumes   int
}

type frame struct {
	Op   int    `json:"op"`
	Data any    `json:"d"`
	Seq  *int64 `json:"s,omitempty"`
	Type string `json:"t,omitempty"`
}

// gwConn is one websocket connection from the bot. Packets are queued
// and written by one goroutine, in order, so that a slow reader never
// blocks the server (which queues under its lock).
type gwConn struct {
	ws  *websocket.Conn
	wmu sync.Mutex // one writer at a time: the queue's or a close frame

	qmu    sync.Mutex
	queue  [][]byte
	wake   chan struct{}
	closed bool
}

func newConn(ws *websocket.Conn) *gwConn {
	c := &gwConn{ws: ws, wake: make(chan struct{}, 1)}
	go c.writeLoop()
	return c
}

// send queues v; it fails only if the connection is closed.
func (c *gwConn) send(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.qmu.Lock()
	defer c.qmu.Unlock()
	if c.closed {
		return errClosed
	}
	c.queue = append(c.queue, b)
	select {
	case c.wake <- struct{}{}:
	default:
	}
	return nil
}

var errClosed = fmt.Errorf("discordtest: connection closed")

func (c *gwConn) writeLoop() {
	for range c.wake {
		c.qmu.Lock()
		q := c.queue
		c.queue = nil
		c.qmu.Unlock()
		for _, b := range q {
			c.wmu.Lock()
			c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
			err := c.ws.WriteMessage(websocket.TextMessage, b)
			c.wmu.Unlock()
			if err != nil {
				c.close()
				return
			}
		}
	}
}

// close stops the writer and closes the connection.
func (c *gwConn) close() {
	c.qmu.Lock()
	if !c.closed {
		c.closed = true
		close(c.wake)
	}
	c.qmu.Unlock()
	c.ws.Close()
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := newConn(ws)
	defer c.close()
	s.mu.Lock()
	interval := s.HeartbeatInterval.Milliseconds()
	s.mu.Unlock()
	if c.send(frame{Op: 10, Data: map[string]any{"heartbeat_interval": interval}}) != nil {
		return
	}
	var sess *session // the session this connection serves, once known
	defer func() {
		s.mu.Lock()
		if sess != nil && sess.conn == c {
			sess.conn, sess.ready = nil, false
		}
		s.notify()
		s.mu.Unlock()
	}()
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var p GatewayPacket
		if json.Unmarshal(msg, &p) != nil {
			c.closeWith(4002, "Decode error.")
			return
		}
		p.At = time.Now()
		s.mu.Lock()
		if sess != nil {
			p.Shard = sess.shard
		}
		s.packets = append(s.packets, p)
		s.notify()
		ack := s.ackHeartbeat
		s.mu.Unlock()

		switch p.Op {
		case 1: // heartbeat
			if ack {
				c.send(frame{Op: 11})
			}
		case 2: // identify
			ss, ok := s.identify(c, p.Data)
			if !ok {
				return
			}
			sess = ss
		case 6: // resume
			sess = s.resume(c, p.Data)
		}
	}
}

func (c *gwConn) closeWith(code int, text string) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
}

func (s *Server) identify(c *gwConn, data json.RawMessage) (*session, bool) {
	var d struct {
		Token string  `json:"token"`
		Shard *[2]int `json:"shard"`
	}
	json.Unmarshal(data, &d)
	if d.Token != "Bot "+s.Token && d.Token != s.Token {
		c.closeWith(4004, "Authentication failed.")
		return nil, false
	}
	shard, count := 0, 1
	if d.Shard != nil {
		shard, count = d.Shard[0], d.Shard[1]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	mixed := s.shardCount != 0 && count != s.shardCount && s.otherShardsLive(shard)
	if count < 1 || shard < 0 || shard >= count || mixed {
		c.closeWith(4010, "Invalid shard.")
		return nil, false
	}
	s.shardCount = count
	old := s.sessions[shard]
	ss := &session{shard: shard, id: "session-" + s.NewID(), conn: c}
	if old != nil {
		ss.identifys, ss.resumes = old.identifys, old.resumes
		if old.conn != nil && old.conn != c {
			old.conn.close()
		}
	}
	ss.identifys++
	s.sessions[shard] = ss
	ready := map[string]any{
		"v": 9, "user": s.botUser(), "session_id": ss.id, "resume_gateway_url": "ws" + s.URL[len("http"):] + gatewayPath,
		"application": map[string]any{"id": s.AppID, "flags": 0}, "guilds": []any{}, "private_channels": []any{},
		"shard": [2]int{shard, count},
	}
	ss.ready = true
	s.dispatchLocked(ss, "READY", ready)
	return ss, true
}

func (s *Server) otherShardsLive(shard int) bool {
	for id, ss := range s.sessions {
		if id != shard && ss.conn != nil {
			return true
		}
	}
	return false
}

func (s *Server) resume(c *gwConn, data json.RawMessage) *session {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	json.Unmarshal(data, &d)
	s.mu.Lock()
	defer s.mu.Unlock()
	var ss *session
	for _, cand := range s.sessions {
		if cand.id == d.SessionID {
			ss = cand
		}
	}
	if ss == nil || (d.Token != "Bot "+s.Token && d.Token != s.Token) {
		c.send(frame{Op: 9, Data: false})
		return nil
	}
	if ss.conn != nil && ss.conn != c {
		ss.conn.close()
	}
	ss.conn, ss.ready = c, false
	ss.resumes++
	for _, f := range ss.backlog {
		if *f.Seq > d.Seq {
			if c.send(f) != nil {
				return ss
			}
		}
	}
	ss.ready = true
	s.dispatchLocked(ss, "RESUMED", map[string]any{})
	return ss
}

// dispatchLocked sends event t to session ss, or keeps it for a resume
// when ss has no ready connection. s.mu is held, so sequence numbers go
// out in order.
func (s *Server) dispatchLocked(ss *session, t string, data any) int64 {
	ss.seq++
	seq := ss.seq
	f := frame{Op: 0, Type: t, Seq: &seq, Data: data}
	if t != "READY" && t != "RESUMED" {
		ss.backlog = append(ss.backlog, f)
		if len(ss.backlog) > maxBacklog {
			ss.backlog = ss.backlog[len(ss.backlog)-maxBacklog:]
		}
	}
	if ss.conn != nil && ss.ready {
		ss.conn.send(f) // a closed connection: the event waits for a resume
	}
	s.notify()
	return seq
}

// Dispatch sends event t with data to the shard of guildID ("" for shard
// 0), and returns its sequence number. When that shard is disconnected,
// the event waits for a RESUME of its session; with no session at all,
// it is an error.
func (s *Server) Dispatch(t string, data any, guildID string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	shard := 0
	if guildID != "" && s.shardCount > 1 {
		id, err := strconv.ParseUint(guildID, 10, 64)
		if err == nil {
			shard = int((id >> 22) % uint64(s.shardCount))
		}
	}
	ss := s.sessions[shard]
	if ss == nil {
		return 0, fmt.Errorf("discordtest: no session on shard %d for %s", shard, t)
	}
	return s.dispatchLocked(ss, t, data), nil
}

// sessionOf returns the session of shard, or nil.
func (s *Server) sessionOf(shard int) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions[shard]
}

// Ready reports whether shard has a connection that identified or
// resumed, and so receives events.
func (s *Server) Ready(shard int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss := s.sessions[shard]
	return ss != nil && ss.conn != nil && ss.ready
}

// WaitReady waits until shard receives events.
func (s *Server) WaitReady(shard int, timeout time.Duration) error {
	return s.Wait(timeout, func() bool { return s.Ready(shard) })
}

// Identifies and Resumes count the IDENTIFY and successful RESUME of
// shard.
func (s *Server) Identifies(shard int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss := s.sessions[shard]; ss != nil {
		return ss.identifys
	}
	return 0
}

// Resumes counts the successful RESUME of shard.
func (s *Server) Resumes(shard int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss := s.sessions[shard]; ss != nil {
		return ss.resumes
	}
	return 0
}

// SessionID is the current session of shard.
func (s *Server) SessionID(shard int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss := s.sessions[shard]; ss != nil {
		return ss.id
	}
	return ""
}

// Packets returns every gateway packet received so far with opcode op
// (-1: all).
func (s *Server) Packets(op int) []GatewayPacket {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []GatewayPacket
	for _, p := range s.packets {
		if op < 0 || p.Op == op {
			out = append(out, p)
		}
	}
	return out
}

// connOf returns the connection of shard, or nil.
func (s *Server) connOf(shard int) *gwConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss := s.sessions[shard]; ss != nil {
		return ss.conn
	}
	return nil
}

// Drop cuts the connection of shard abruptly (no close frame), as a
// network failure does. The session stays resumable.
func (s *Server) Drop(shard int) error {
	s.mu.Lock()
	ss := s.sessions[shard]
	var c *gwConn
	if ss != nil {
		c, ss.conn, ss.ready = ss.conn, nil, false
	}
	s.mu.Unlock()
	if c == nil {
		return fmt.Errorf("discordtest: shard %d is not connected", shard)
	}
	return c.ws.UnderlyingConn().Close()
}

// SendReconnect sends op 7: the bot must reconnect and resume.
func (s *Server) SendReconnect(shard int) error {
	c := s.connOf(shard)
	if c == nil {
		return fmt.Errorf("discordtest: shard %d is not connected", shard)
	}
	return c.send(frame{Op: 7, Data: nil})
}

// SendInvalidSession sends op 9 with d = resumable. When not resumable,
// the session is forgotten, so the bot must identify again.
func (s *Server) SendInvalidSession(shard int, resumable bool) error {
	s.mu.Lock()
	ss := s.sessions[shard]
	var c *gwConn
	if ss != nil {
		c = ss.conn
		if !resumable {
			ss.id = "invalidated-" + ss.id
			ss.ready = false
		}
	}
	s.mu.Unlock()
	if c == nil {
		return fmt.Errorf("discordtest: shard %d is not connected", shard)
	}
	return c.send(frame{Op: 9, Data: resumable})
}

// CloseGateway closes the connection of shard with a close code (4004:
// authentication failed, 4000: unknown error, …).
func (s *Server) CloseGateway(shard, code int, text string) error {
	c := s.connOf(shard)
	if c == nil {
		return fmt.Errorf("discordtest: shard %d is not connected", shard)
	}
	c.closeWith(code, text)
	c.close()
	return nil
}

// SetHeartbeatAcks turns the acknowledgement of heartbeats (op 11) on
// or off. Off, discordgo reconnects after five heartbeat intervals.
func (s *Server) SetHeartbeatAcks(on bool) {
	s.mu.Lock()
	s.ackHeartbeat = on
	s.mu.Unlock()
}
