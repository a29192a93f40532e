package interact

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/hostiletest"
	"guillemet/internal/render"
)

// TestInvisibleQuestionIsEmpty: a question made only of invisible
// characters (zero-width spaces, direction marks) is empty, as it is for
// the engine: "please write a question", not "I found nothing that
// answers “”".
func TestInvisibleQuestionIsEmpty(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	invisible := "\u200b\u200d\ufeff\u2060\u202e\u2066 \u00ad"
	resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": invisible}))
	if !strings.Contains(resp.Data.Content, "Please write a question") {
		t.Errorf("/ask of invisible characters: %q", resp.Data.Content)
	}
	m := &discordgo.Message{ID: "m1", ChannelID: "c1", GuildID: "g1", Content: "<@bot> " + invisible,
		Author: &discordgo.User{ID: "u1"}, Mentions: []*discordgo.User{{ID: "bot"}}}
	if send := h.Message(context.Background(), m, "bot"); send == nil || !strings.Contains(send.Content, "Ask me a question") {
		t.Errorf("mention of invisible characters: %+v", send)
	}
}

// TestNoDirectionOverrideEchoed: a right-to-left override in a question
// is not echoed: it would turn the rest of the bot's line around.
func TestNoDirectionOverrideEchoed(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	for _, tc := range []struct {
		name string
		in   *discordgo.Interaction
	}{
		{"/ask", command("ask", map[string]string{"question": "\u202eweather\u2066 tomorrow"})},
		{"/quote words", command("quote", map[string]string{"words": "\u202ezzqq\u200f"})},
		{"/quote speaker", command("quote", map[string]string{"speaker": "\u2067nobody\u202d"})},
	} {
		resp := h.Interaction(context.Background(), tc.in)
		body, _ := render.MarshalResponse(resp)
		rep, err := hostiletest.CheckResponse(body)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		echo, ok := hostiletest.Echo(rep.Content)
		if !ok {
			t.Fatalf("%s: no echo in %q", tc.name, rep.Content)
		}
		if err := hostiletest.Escaped(echo); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
