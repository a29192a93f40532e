package httpapi_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/discordtest"
	"guillemet/internal/hostiletest"
	"guillemet/internal/httpapi"
	"guillemet/internal/interact"
)

// hostile is an interactions endpoint answering with the real engine on
// the default article, served in-process (no socket), with its logs at
// debug level.
type hostile struct {
	api  *httpapi.Server
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
	logs *discordtest.Logs
}

func newHostile(t testing.TB) *hostile {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	h := &hostile{pub: pub, priv: priv, logs: &discordtest.Logs{}}
	log := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h.api = httpapi.NewHandler(interact.New(testEngine(t), interact.Options{Logger: log}), pub, httpapi.Options{
		Logger: log, Now: func() time.Time { return t0 },
	})
	return h
}

// post sends body, signed by Discord's key now, and returns the status
// and the response body.
func (h *hostile) post(body []byte) (int, []byte) {
	req := httptest.NewRequest("POST", "/interactions", bytes.NewReader(body))
	for k, v := range sign(h.priv, body, t0) {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.api.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// checkServed checks a response to a signed request: 200 with a reply
// that passes hostiletest's checks, or a short 400; never a 5xx; and no
// panic in the logs.
func (h *hostile) checkServed(t *testing.T, what string, status int, body []byte) hostiletest.Reply {
	t.Helper()
	var rep hostiletest.Reply
	switch status {
	case http.StatusOK:
		var err error
		if rep, err = hostiletest.CheckResponse(body); err != nil {
			t.Errorf("%s: %v\n%s", what, err, body)
		}
	case http.StatusBadRequest:
		if string(body) != "bad request\n" {
			t.Errorf("%s: 400 says %q", what, body)
		}
	default:
		t.Errorf("%s: status %d: %s", what, status, body)
	}
	if strings.Contains(h.logs.String(), "panic") {
		t.Fatalf("%s: a panic:\n%s", what, h.logs.String())
	}
	return rep
}

// checkKeyNotLogged checks that the public key is in no log line, in any
// of its spellings.
func (h *hostile) checkKeyNotLogged(t *testing.T) {
	t.Helper()
	logs := h.logs.String()
	for _, k := range []string{hex.EncodeToString(h.pub), strings.ToUpper(hex.EncodeToString(h.pub)), base64.StdEncoding.EncodeToString(h.pub), base64.RawURLEncoding.EncodeToString(h.pub)} {
		if strings.Contains(logs, k) {
			t.Errorf("the public key is in the logs")
		}
	}
}

func marshal(t testing.TB, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHostileInputsOverHTTP sends every hostile input of hostiletest to
// the endpoint, signed, as /ask, /quote speaker and words and an
// autocomplete: each gets the answer (when it asks about the audit), or a
// clear short notice (or, past the 64 KiB a request may hold, a 413);
// every body passes hostiletest's checks.
func TestHostileInputsOverHTTP(t *testing.T) {
	h := newHostile(t)
	for _, in := range hostiletest.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			req := marshal(t, ask(in.Text))
			status, body := h.post(req)
			if len(req) > httpapi.MaxBody {
				// Discord sends a few KB at most: refused unread.
				if status != http.StatusRequestEntityTooLarge {
					t.Errorf("/ask of %d bytes: status %d", len(req), status)
				}
				return
			}
			if status != http.StatusOK {
				t.Fatalf("/ask: status %d: %s", status, body)
			}
			rep := h.checkServed(t, "/ask", status, body)
			notice := rep.Embeds == 0
			switch {
			case notice && (!rep.Ephemeral || len([]rune(rep.Content)) > 1500):
				t.Errorf("/ask: not a short private notice: %q", rep.Content)
			case in.Blank && !strings.Contains(rep.Content, "Please write a question"):
				t.Errorf("/ask: blank input answered %q", rep.Content)
			case in.TooLong && !strings.Contains(rep.Content, "characters long"):
				t.Errorf("/ask: too long input answered %q", rep.Content)
			case in.Audit && (rep.Embeds != 1 || !strings.Contains(rep.Text, "audit")):
				t.Errorf("/ask: no answer about the audit: %q", rep.Text)
			}
			if echo, ok := hostiletest.Echo(rep.Content); ok && notice {
				if err := hostiletest.Escaped(echo); err != nil {
					t.Errorf("/ask: %v", err)
				}
			}
			for _, opts := range [][]*discordgo.ApplicationCommandInteractionDataOption{
				{discordtest.Opt("speaker", in.Text)},
				{discordtest.Opt("words", in.Text)},
			} {
				status, body := h.post(marshal(t, discordtest.Command("quote", opts...)))
				h.checkServed(t, "/quote", status, body)
			}
			status, body = h.post(marshal(t, discordtest.Autocomplete("quote", discordtest.Focused("speaker", in.Text))))
			if rep := h.checkServed(t, "autocomplete", status, body); rep.Type != 8 {
				t.Errorf("autocomplete answered with type %d", rep.Type)
			}
		})
	}
	h.checkKeyNotLogged(t)
}

// TestHostileRequests sends signed requests no Discord client would, but
// anyone holding a valid signature (or a bug on Discord's side) might:
// options of the wrong type, missing users, forged button ids and
// footers, JSON nested ten thousand deep, lone surrogates, duplicate
// keys. Each is answered (200, passing hostiletest's checks) or refused
// with a short 400; none is a 5xx or a panic.
func TestHostileRequests(t *testing.T) {
	h := newHostile(t)
	cmd := func(name, options string) []byte {
		return []byte(`{"type":2,"id":"1","application_id":"2","token":"t","version":1,"channel_id":"5","guild_id":"6",` +
			`"member":{"user":{"id":"7"}},"data":{"id":"8","name":"` + name + `","type":1,"options":` + options + `}}`)
	}
	click := func(customID, footer string) []byte {
		msg := `null`
		if footer != "" {
			msg = `{"id":"9","channel_id":"5","embeds":[{"footer":{"text":` + string(marshal(t, footer)) + `}}]}`
		}
		return []byte(`{"type":3,"id":"1","application_id":"2","token":"t","version":1,"channel_id":"5","user":{"id":"7"},` +
			`"message":` + msg + `,"data":{"custom_id":` + string(marshal(t, customID)) + `,"component_type":2}}`)
	}
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	for name, body := range map[string][]byte{
		"option is a number":           cmd("ask", `[{"name":"question","type":3,"value":42}]`),
		"option is an object":          cmd("ask", `[{"name":"question","type":3,"value":{"a":"@everyone"}}]`),
		"option is null":               cmd("ask", `[{"name":"question","type":3,"value":null}]`),
		"option is an array":           cmd("quote", `[{"name":"speaker","type":3,"value":["@everyone"]}]`),
		"options not a list":           cmd("ask", `{"question":"who asked for the audit?"}`),
		"no options":                   cmd("ask", `null`),
		"nested sub-commands":          cmd("ask", `[{"name":"question","type":1,"options":[{"name":"question","type":3,"value":"@everyone"}]}]`),
		"unknown command":              cmd("@everyone", `[]`),
		"no member, no user":           []byte(`{"type":2,"id":"1","data":{"name":"ask","options":[{"name":"question","type":3,"value":"who asked for the audit?"}]}}`),
		"lone surrogates":              cmd("ask", `[{"name":"question","type":3,"value":"\ud800 who asked \udfff for the audit? \ud83d"}]`),
		"escaped NUL and controls":     cmd("ask", `[{"name":"question","type":3,"value":"\u0000\u001b[2J who asked for the audit?"}]`),
		"duplicate keys":               []byte(`{"type":1,"type":2,"id":"1","data":{"name":"ask","name":"quote","options":[]}}`),
		"type as a float":              []byte(`{"type":2.0,"id":"1","data":{"name":"about"}}`),
		"type out of range":            []byte(`{"type":1e400}`),
		"nested ten thousand deep":     cmd("ask", deep(10000)),
		"nested thirty thousand deep":  []byte(`{"type":2,"data":` + deep(30000) + `}`),
		"autocomplete, focus a number": []byte(`{"type":4,"id":"1","data":{"name":"quote","options":[{"name":"speaker","type":3,"value":7,"focused":true}]}}`),
		"autocomplete, no focus":       []byte(`{"type":4,"id":"1","data":{"name":"quote","options":[{"name":"speaker","type":3,"value":"@everyone"}]}}`),
		"button, empty id":             click("", ""),
		"button, page -1":              click("a:-1:who asked for the audit?", ""),
		"button, page 10^12":           click("a:1000000000000:who asked for the audit?", ""),
		"button, last page +1":         click("a:999:who asked for the audit?", ""),
		"button, mention in the id":    click("a:0:@everyone <@&1>", ""),
		"button, speaker length lies":  click("q:0:99:ab", ""),
		"button, negative length":      click("q:0:-1:ab", ""),
		"button, footer id, no footer": click("A:0", ""),
		"button, forged footer":        click("A:1", "Question: @everyone <@&1> who asked for the audit?\nforged"),
		"button, forged quote footer":  click("Q:0", "Speaker: @everyone\nWords: ||x||"),
		"button, unknown kind":         click("z:0:x", ""),
		"button, 4 KB id":              click("a:0:"+strings.Repeat("é", 2000), ""),
	} {
		status, resp := h.post(body)
		h.checkServed(t, name, status, resp)
	}
	h.checkKeyNotLogged(t)
}
