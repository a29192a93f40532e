package discordtest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// client is a bare gateway client, to test the protocol of the fake.
type client struct {
	t  *testing.T
	ws *websocket.Conn
}

func dial(t *testing.T, s *Server) *client {
	t.Helper()
	resp, err := http.Get(s.URL + APIPrefix + "/gateway")
	if err != nil {
		t.Fatal(err)
	}
	var g struct{ URL string }
	json.NewDecoder(resp.Body).Decode(&g)
	resp.Body.Close()
	ws, _, err := websocket.DefaultDialer.Dial(g.URL+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &client{t: t, ws: ws}
	if hello := c.read(); hello.Op != 10 {
		t.Fatalf("first packet op %d, want HELLO", hello.Op)
	}
	return c
}

type packet struct {
	Op   int             `json:"op"`
	S    int64           `json:"s"`
	T    string          `json:"t"`
	Data json.RawMessage `json:"d"`
}

func (c *client) read() packet {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	var p packet
	if err := c.ws.ReadJSON(&p); err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return p
}

func (c *client) send(op int, d any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		c.t.Fatal(err)
	}
}

func TestGatewayIdentifyHeartbeatResume(t *testing.T) {
	s := New(t)
	c := dial(t, s)
	c.send(2, map[string]any{"token": "Bot " + s.Token, "intents": 513})
	ready := c.read()
	if ready.T != "READY" || ready.S != 1 {
		t.Fatalf("got %+v, want READY with s=1", ready)
	}
	var r discordgo.Ready
	json.Unmarshal(ready.Data, &r)
	if r.SessionID == "" || r.User.ID != s.BotID || r.Application.ID != s.AppID {
		t.Fatalf("READY: %+v", r)
	}
	c.send(1, 1)
	if ack := c.read(); ack.Op != 11 {
		t.Fatalf("heartbeat answered with op %d", ack.Op)
	}
	if _, err := s.SendMessage(Message("one", nil)); err != nil {
		t.Fatal(err)
	}
	if p := c.read(); p.T != "MESSAGE_CREATE" || p.S != 2 {
		t.Fatalf("got %+v", p)
	}

	// Events dispatched while disconnected are replayed on resume.
	if err := s.Drop(0); err != nil {
		t.Fatal(err)
	}
	s.SendMessage(Message("two", nil))
	s.SendMessage(Message("three", nil))
	c2 := dial(t, s)
	c2.send(6, map[string]any{"token": "Bot " + s.Token, "session_id": r.SessionID, "seq": 2})
	for _, want := range []string{"two", "three"} {
		p := c2.read()
		var m discordgo.Message
		json.Unmarshal(p.Data, &m)
		if p.T != "MESSAGE_CREATE" || m.Content != want {
			t.Fatalf("replayed %s %q, want %q", p.T, m.Content, want)
		}
	}
	if p := c2.read(); p.T != "RESUMED" {
		t.Fatalf("got %s, want RESUMED", p.T)
	}
	if s.Resumes(0) != 1 || s.Identifies(0) != 1 {
		t.Errorf("resumes %d identifies %d", s.Resumes(0), s.Identifies(0))
	}

	// A resume of an unknown session is refused with op 9.
	c3 := dial(t, s)
	c3.send(6, map[string]any{"token": "Bot " + s.Token, "session_id": "nope", "seq": 1})
	if p := c3.read(); p.Op != 9 {
		t.Fatalf("unknown session resumed: %+v", p)
	}

	// Heartbeats can go unanswered.
	s.SetHeartbeatAcks(false)
	c2.send(1, 5)
	if err := s.Wait(5*time.Second, func() bool { return len(s.Packets(1)) == 2 }); err != nil {
		t.Fatalf("second heartbeat not recorded: %v", err)
	}
	s.SendMessage(Message("after", nil))
	if p := c2.read(); p.T != "MESSAGE_CREATE" {
		t.Fatalf("heartbeat acknowledged while acks are off: %+v", p)
	}
}

func TestGatewayBadToken(t *testing.T) {
	s := New(t)
	c := dial(t, s)
	c.send(2, map[string]any{"token": "Bot wrong"})
	c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, _, err := c.ws.ReadMessage()
	if ce, ok := err.(*websocket.CloseError); !ok || ce.Code != 4004 {
		t.Fatalf("bad token: %v, want close 4004", err)
	}
}

func TestRESTAuthFaultsAndRecording(t *testing.T) {
	s := New(t)
	get := func(token string) int {
		req, _ := http.NewRequest("GET", s.URL+APIPrefix+"/users/@me", nil)
		req.Header.Set("Authorization", "Bot "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(s.Token); code != 200 {
		t.Fatalf("good token: %d", code)
	}
	if code := get("wrong"); code != 401 {
		t.Fatalf("bad token: %d", code)
	}
	s.FailNext("GET /users/@me", 2, 503)
	if a, b, c := get(s.Token), get(s.Token), get(s.Token); a != 503 || b != 503 || c != 200 {
		t.Fatalf("faults: %d %d %d", a, b, c)
	}
	reqs := s.RequestsTo("GET /users/@me")
	if len(reqs) != 5 || reqs[2].Status != 503 || reqs[4].Status != 200 {
		t.Fatalf("recorded %d requests", len(reqs))
	}
}

func TestInteractionDeadlineAndSingleResponse(t *testing.T) {
	s := New(t)
	s.InteractionDeadline = 50 * time.Millisecond
	c := dial(t, s)
	c.send(2, map[string]any{"token": "Bot " + s.Token})
	c.read() // READY
	post := func(i *discordgo.Interaction, body string) int {
		resp, err := http.Post(s.URL+APIPrefix+"/interactions/"+i.ID+"/"+i.Token+"/callback", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	i, err := s.SendInteraction(Command("about"))
	if err != nil {
		t.Fatal(err)
	}
	if p := c.read(); p.T != "INTERACTION_CREATE" {
		t.Fatalf("got %s", p.T)
	}
	if code := post(i, `{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":[]}}}`); code != 204 {
		t.Fatalf("callback: %d", code)
	}
	if code := post(i, `{"type":4,"data":{"content":"again"}}`); code != 400 {
		t.Fatalf("second callback: %d, want 400", code)
	}
	cb, err := s.WaitCallback(i.ID, time.Second)
	if err != nil || cb.Type != 4 {
		t.Fatalf("callback %+v %v", cb, err)
	}
	if m, err := cb.Message(); err != nil || m.Content != "hi" {
		t.Fatalf("callback message %+v %v", m, err)
	}
	late, _ := s.SendInteraction(Command("about"))
	time.Sleep(60 * time.Millisecond)
	if code := post(late, `{"type":4,"data":{"content":"late"}}`); code != 404 {
		t.Fatalf("late callback: %d, want 404", code)
	}
}
