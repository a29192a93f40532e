package httpapi_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"guillemet/internal/discordtest"
	"guillemet/internal/hostiletest"
	"guillemet/internal/httpapi"
)

// FuzzInteractionsEndpoint posts any body, signed with Discord's key (as
// if Discord, or whoever holds a valid signature, sent it), to the
// endpoint answering with the real engine. The answer is 200 with a reply
// that passes hostiletest's checks (no ping, no mention formed, every
// Discord limit), a short 400, or a 413 past 64 KiB; never a 5xx, never
// a panic; and the public key is never logged.
//
// The seed corpus, run by go test: every hostile input as /ask, /quote
// and an autocomplete, a click on a paging button, and malformed bodies.
func FuzzInteractionsEndpoint(f *testing.F) {
	for _, in := range hostiletest.Inputs() {
		f.Add(marshal(f, ask(in.Text)))
		f.Add(marshal(f, discordtest.Command("quote", discordtest.Opt("speaker", in.Text), discordtest.Opt("words", in.Text))))
		f.Add(marshal(f, discordtest.Autocomplete("quote", discordtest.Focused("speaker", in.Text))))
	}
	f.Add(marshal(f, discordtest.Click(nil, "a:1:who asked for the audit?")))
	f.Add([]byte(`{"type":1}`))
	f.Add([]byte(`{"type":2,"data":{"name":"about"}}`))
	f.Add([]byte(`{"type":3,"data":{"custom_id":"A:0"},"message":{"embeds":[{"footer":{"text":"Question: @everyone"}}]}}`))
	f.Add([]byte(`{"type":2,"data":` + strings.Repeat("[", 500) + `}`))
	f.Add([]byte(`not json`))
	f.Add([]byte{})
	h := newHostile(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		status, resp := h.post(body)
		switch {
		case status == http.StatusRequestEntityTooLarge && len(body) > httpapi.MaxBody:
		case status == http.StatusOK || status == http.StatusBadRequest:
			h.checkServed(t, "fuzzed body", status, resp)
		default:
			t.Fatalf("status %d for %q: %s", status, body, resp)
		}
		h.checkKeyNotLogged(t)
		h.logs.Reset() // the logs of one request at a time
	})
}

// FuzzSignature posts any body with any signature and timestamp headers:
// no forged request is ever served (401, or 413 past 64 KiB), and
// nothing panics.
func FuzzSignature(f *testing.F) {
	ping := []byte(`{"type":1}`)
	h := newHostile(f)
	good := sign(h.priv, ping, t0)
	f.Add(good[httpapi.HeaderSignature], "1800000001", ping) // valid, for another timestamp
	f.Add(good[httpapi.HeaderSignature], good[httpapi.HeaderTimestamp], []byte(`{"type":1} `))
	f.Add(strings.Repeat("0", 128), "1800000000", ping)
	f.Add("", "", []byte(`{"type":2,"data":{"name":"about"}}`))
	f.Add(strings.Repeat("zz", 64), "-1", ping)
	f.Add(good[httpapi.HeaderSignature][:126]+"0", "99999999999999999999", ping)
	f.Fuzz(func(t *testing.T, sig, ts string, body []byte) {
		req := httptest.NewRequest("POST", "/interactions", bytes.NewReader(body))
		req.Header.Set(httpapi.HeaderSignature, sig)
		req.Header.Set(httpapi.HeaderTimestamp, ts)
		rec := httptest.NewRecorder()
		h.api.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized && !(rec.Code == http.StatusRequestEntityTooLarge && len(body) > httpapi.MaxBody) {
			t.Fatalf("forged request (sig %q, ts %q) served with %d: %s", sig, ts, rec.Code, rec.Body)
		}
		if strings.Contains(h.logs.String(), "panic") {
			t.Fatalf("panic:\n%s", h.logs)
		}
	})
}
