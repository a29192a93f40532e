package discord

import (
	"strings"
	"testing"
)

// TestInteractionTokensNotLogged: at debug level discordgo logs every
// gateway payload, and every INTERACTION_CREATE carries the
// interaction's token, which lets whoever holds it answer, edit and
// follow up as the bot for 15 minutes. The logs keep the payload and
// hide the token.
//
// Not parallel: discordgo logs through a package variable, routed to
// the logger of the last bot opened.
func TestInteractionTokensNotLogged(t *testing.T) {
	h := start(t, setup{})
	in := ask("who asked for the audit?")
	in.Token = "itoken-very-secret-interaction-token"
	h.interact(in)
	logs := h.logs.String()
	if !strings.Contains(logs, "INTERACTION_CREATE") || !strings.Contains(logs, `\"token\":\"[redacted]\"`) {
		t.Fatalf("the payload was not logged with its token hidden: the test proves nothing\n%s", logs)
	}
	if strings.Contains(logs, in.Token) {
		t.Error("an interaction token is in the logs")
	}
}

func TestRedactTokenFields(t *testing.T) {
	for in, want := range map[string]string{
		`{"token":"abc","id":"1"}`:          `{"token":"[redacted]","id":"1"}`,
		`{"token" : "a\"b\\", "x":"token"}`: `{"token" : "[redacted]", "x":"token"}`,
		`{"user":{"token":""},"token":"z"}`: `{"user":{"token":"[redacted]"},"token":"[redacted]"}`,
		`no token here`:                     `no token here`,
	} {
		if got := redactTokenFields(in); got != want {
			t.Errorf("redactTokenFields(%s) = %s, want %s", in, got, want)
		}
	}
}
