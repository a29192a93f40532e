package discord

import (
	"net/http"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/discordtest"
	"guillemet/internal/hostiletest"
)

// TestHostileInputsThroughTheGateway sends every hostile input of
// hostiletest through the real bot, end to end, as a /ask question, a
// mention, a /quote speaker and words, and an autocomplete, to the real
// engine on the default article, and checks every body the bot sent to
// Discord: allowed_mentions {"parse": []}, no mention formed, the
// question echoed escaped, every limit held; and that each input gets
// the answer (when it asks about the audit), or a clear short notice.
func TestHostileInputsThroughTheGateway(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	h, _ := launch{setup: setup{server: srv, engine: testEngine(t), env: map[string]string{"LOG_LEVEL": "info"}}}.start(t)

	respond := func(t *testing.T, in *discordgo.Interaction) hostiletest.Reply {
		t.Helper()
		cb, _ := h.interact(in)
		rep, err := hostiletest.CheckResponse(cb.Body)
		if err != nil {
			t.Fatalf("%v\n%s", err, cb.Body)
		}
		return rep
	}
	for _, in := range hostiletest.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			// /ask
			rep := respond(t, ask(in.Text))
			checkKind(t, "/ask", in, rep, true)
			if in.Audit && len(rep.Buttons) == 2 {
				// The next page, as a click on the button.
				cb, m := h.interact(ask(in.Text))
				m.ID = srv.NewID()
				next := discordtest.Buttons(m)[1].CustomID
				cb, _ = h.interact(discordtest.Click(m, next))
				page, err := hostiletest.CheckResponse(cb.Body)
				if err != nil || page.Type != 7 || !strings.Contains(page.Footer, "answer 2/") {
					t.Errorf("next page: %v %s", err, cb.Body)
				}
			}

			// A mention.
			sent, err := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> "+in.Text, &discordgo.User{ID: "u-" + srv.NewID()}, srv.BotID))
			if err != nil {
				t.Fatal(err)
			}
			reqs, err := srv.WaitRequests(routeMessages, 1, replyTo(sent.ID), wait)
			if err != nil {
				t.Fatal(err)
			}
			if reqs[0].Status != http.StatusOK {
				t.Fatalf("reply refused (%d): %s", reqs[0].Status, reqs[0].Body)
			}
			msg, err := hostiletest.CheckMessage(reqs[0].Body)
			if err != nil {
				t.Fatalf("reply: %v\n%s", err, reqs[0].Body)
			}
			checkKind(t, "mention", in, msg, false)

			// /quote with it as the speaker and as the words; and as what
			// is typed in the speaker's autocomplete.
			for _, opts := range [][]*discordgo.ApplicationCommandInteractionDataOption{
				{discordtest.Opt("speaker", in.Text)},
				{discordtest.Opt("words", in.Text)},
				{discordtest.Opt("speaker", in.Text), discordtest.Opt("words", in.Text)},
			} {
				rep := respond(t, discordtest.Command("quote", opts...))
				if rep.Embeds == 0 && (!rep.Ephemeral || runeLen(rep.Content) > 600) {
					t.Errorf("/quote: neither quotations nor a short notice: %q", rep.Content)
				}
				if echo, ok := hostiletest.Echo(rep.Content); ok {
					if err := hostiletest.Escaped(echo); err != nil {
						t.Errorf("/quote: the query is echoed unescaped: %v", err)
					}
				}
			}
			rep = respond(t, discordtest.Autocomplete("quote", discordtest.Focused("speaker", in.Text)))
			if rep.Type != 8 {
				t.Errorf("autocomplete answered with type %d", rep.Type)
			}
		})
	}
	if bad := ownLogLines(h.logs.String(), "level=ERROR", "panic"); len(bad) > 0 {
		t.Errorf("errors in the logs:\n%s", strings.Join(bad, "\n"))
	}
}

func runeLen(s string) int { return len([]rune(s)) }

// ownLogLines returns the lines of a bot's logs that hold any of marks,
// leaving out discordgo's own lines: its logger is process-wide, so they
// may come from another test's bot (one whose heartbeats are withheld).
func ownLogLines(logs string, marks ...string) []string {
	var out []string
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, `msg="discordgo:`) {
			continue
		}
		for _, m := range marks {
			if strings.Contains(line, m) {
				out = append(out, line)
				break
			}
		}
	}
	return out
}

// checkKind checks that a reply to input in is what in calls for: the
// answer when it asks about the audit; "please write a question" (or,
// for a mention, the help) when it is blank; "too long" when it is; else
// the answer or a short notice that echoes the question escaped.
func checkKind(t *testing.T, where string, in hostiletest.Input, rep hostiletest.Reply, interaction bool) {
	t.Helper()
	notice := rep.Embeds == 0
	if notice && interaction && !rep.Ephemeral {
		t.Errorf("%s: a public notice: %q", where, rep.Content)
	}
	if notice && runeLen(rep.Content) > 1500 {
		t.Errorf("%s: a notice of %d characters", where, runeLen(rep.Content))
	}
	switch {
	case in.Blank && interaction:
		if !strings.Contains(rep.Content, "Please write a question") {
			t.Errorf("%s: blank input answered %q", where, rep.Content)
		}
	case in.Blank:
		if !strings.Contains(rep.Content, "Ask me a question") {
			t.Errorf("%s: blank input answered %q", where, rep.Content)
		}
	case in.TooLong:
		if !strings.Contains(rep.Content, "characters long") {
			t.Errorf("%s: too long input answered %q", where, rep.Content)
		}
	case in.Audit:
		if rep.Embeds != 1 || !strings.Contains(rep.Text, "audit") {
			t.Errorf("%s: no answer about the audit: %q", where, rep.Text)
		}
	}
	if echo, ok := hostiletest.Echo(rep.Content); ok && notice {
		if err := hostiletest.Escaped(echo); err != nil {
			t.Errorf("%s: the question is echoed unescaped: %v", where, err)
		}
	}
}
