package interact

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/answer"
	"guillemet/internal/hostiletest"
	"guillemet/internal/render"
)

var fuzzEngine struct {
	once sync.Once
	e    *answer.Engine
	err  error
}

// FuzzQuestion types anything at the bot, with the real engine on the
// default article: as /ask, as a mention, as /quote speaker and words,
// as the speaker being typed in an autocomplete, and turns the page of
// any answer. Every reply must pass hostiletest's checks (no ping, no
// mention formed, every limit, the question echoed escaped), no handler
// may panic (a recovered panic is logged: the log is checked), and the
// next page of an answer must be a page of the same answer, not
// "this button no longer works". No question may take 2 s to answer.
//
// The seed corpus is hostiletest.Inputs, run by go test.
func FuzzQuestion(f *testing.F) {
	for _, in := range hostiletest.Inputs() {
		f.Add(in.Text)
	}
	f.Add("qui a demandé un audit ? " + strings.Repeat("x", 480))
	fuzzEngine.once.Do(func() { fuzzEngine.e, fuzzEngine.err = answer.Load("") })
	if fuzzEngine.err != nil {
		f.Fatal(fuzzEngine.err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		var logs bytes.Buffer
		h := New(fuzzEngine.e, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		ctx := context.Background()
		check := func(what string, resp *discordgo.InteractionResponse) hostiletest.Reply {
			t.Helper()
			body, err := render.MarshalResponse(resp)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			rep, err := hostiletest.CheckResponse(body)
			if err != nil {
				t.Fatalf("%s: %v\n%s", what, err, body)
			}
			if echo, ok := hostiletest.Echo(rep.Content); ok && rep.Embeds == 0 {
				if err := hostiletest.Escaped(echo); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
			}
			return rep
		}

		begin := time.Now()
		askResp := h.Interaction(ctx, command("ask", map[string]string{"question": q}))
		if took := time.Since(begin); took > 2*time.Second {
			// Past 2 s the gateway bot defers and the HTTP endpoint gives
			// up: no question may cost that much.
			t.Fatalf("answering %q took %v", q, took)
		}
		rep := check("/ask", askResp)
		if len(rep.Buttons) == 2 {
			next := click(t, askResp, rep.Buttons[1], "u2")
			page := check("next page", h.Interaction(ctx, next))
			if page.Type != 7 || !strings.Contains(page.Footer, "answer 2/") {
				t.Fatalf("the next page of an answer to %q is not its page 2: %+v", q, page)
			}
		}
		check("/quote speaker", h.Interaction(ctx, command("quote", map[string]string{"speaker": q})))
		check("/quote words", h.Interaction(ctx, command("quote", map[string]string{"words": q})))
		ac := command("quote", nil)
		ac.Type = discordgo.InteractionApplicationCommandAutocomplete
		ac.Data = discordgo.ApplicationCommandInteractionData{Name: "quote", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: q, Focused: true}}}
		check("autocomplete", h.Interaction(ctx, ac))

		m := &discordgo.Message{ID: "m1", ChannelID: "c1", GuildID: "g1", Content: "<@bot> " + q,
			Author: &discordgo.User{ID: "u1"}, Mentions: []*discordgo.User{{ID: "bot"}}}
		send := h.Message(ctx, m, "bot")
		if send == nil {
			t.Fatal("a mention was not answered")
		}
		body, err := json.Marshal(send)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := hostiletest.CheckMessage(body); err != nil {
			t.Fatalf("mention: %v\n%s", err, body)
		}
		if strings.Contains(logs.String(), "panic") {
			t.Fatalf("a handler panicked on %q:\n%s", q, logs.String())
		}
	})
}
