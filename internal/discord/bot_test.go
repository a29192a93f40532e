package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/cooldown"
	"guillemet/internal/discordtest"
	"guillemet/internal/guillemet"
	"guillemet/internal/interact"
	"guillemet/internal/interact/enginetest"
)

const wait = 5 * time.Second

type harness struct {
	t    *testing.T
	srv  *discordtest.Server
	bot  *Bot
	logs *discordtest.Logs
}

type setup struct {
	engine     interact.Engine
	env        map[string]string // added to the defaults
	deferAfter time.Duration
	users      interact.Limiter
	server     *discordtest.Server // shared by shards; nil: a new one
}

// start runs the real bot, with a real discordgo session, against a fake
// Discord, and closes it when the test ends (see launch, which it is with
// no extra knob).
func start(t *testing.T, s setup) *harness {
	t.Helper()
	h, _ := launch{setup: s}.start(t)
	return h
}

// interact sends i and returns the bot's response.
func (h *harness) interact(i *discordgo.Interaction) (discordtest.Callback, *discordgo.Message) {
	h.t.Helper()
	if i.Member != nil && i.Member.User.ID == discordtest.UserID {
		i.Member.User.ID = "user-" + h.srv.NewID() // no cooldown unless a test means it
	}
	sent, err := h.srv.SendInteraction(i)
	if err != nil {
		h.t.Fatal(err)
	}
	cb, err := h.srv.WaitCallback(sent.ID, wait)
	if err != nil {
		h.t.Fatal(err)
	}
	if cb.Status != 204 {
		h.t.Fatalf("callback refused (%d) after %v: %s", cb.Status, cb.Elapsed, cb.Body)
	}
	m, err := cb.Message()
	if err != nil {
		h.t.Fatalf("callback data: %v: %s", err, cb.Data)
	}
	return cb, m
}

func ask(question string) *discordgo.Interaction {
	return discordtest.Command("ask", discordtest.Opt("question", question))
}

// TestBot runs one bot through what a server does with it.
func TestBot(t *testing.T) {
	t.Parallel()
	h := start(t, setup{engine: testEngine(t), users: cooldown.New(time.Second, 5), env: map[string]string{"LOG_LEVEL": "info"}})
	srv := h.srv

	t.Run("ready line with the invite URL", func(t *testing.T) {
		logs := h.logs.String()
		invite := srv.URL + "/oauth2/authorize?client_id=" + srv.AppID + "&scope=bot+applications.commands&permissions=274877991936"
		if strings.Count(logs, "Guillemet is ready") != 1 || !strings.Contains(logs, invite) {
			t.Errorf("no ready line with %s in:\n%s", invite, logs)
		}
		if h.bot.BotID() != srv.BotID || h.bot.AppID() != srv.AppID {
			t.Errorf("ids %s %s", h.bot.BotID(), h.bot.AppID())
		}
		// Everything went to DISCORD_API_URL: the token check, then the
		// gateway address, then the gateway that address named.
		if len(srv.RequestsTo("GET /users/@me")) != 1 || len(srv.RequestsTo("GET /gateway")) != 1 {
			t.Errorf("requests: %d to /users/@me, %d to /gateway", len(srv.RequestsTo("GET /users/@me")), len(srv.RequestsTo("GET /gateway")))
		}
		ids := srv.Packets(2)
		var identify struct{ Intents discordgo.Intent }
		json.Unmarshal(ids[0].Data, &identify)
		if len(ids) != 1 || identify.Intents != discordgo.IntentGuildMessages|discordgo.IntentDirectMessages {
			t.Errorf("identify %d times, intents %d (no Message Content without ASK_CHANNELS)", len(ids), identify.Intents)
		}
	})

	t.Run("commands registered globally with their options", func(t *testing.T) {
		if n := len(srv.RequestsTo("PUT /applications/{app}/commands")); n != 1 {
			t.Fatalf("%d bulk overwrites", n)
		}
		cmds, ok := srv.Commands("")
		if !ok || len(cmds) != 3 {
			t.Fatalf("commands: %+v", cmds)
		}
		byName := map[string]*discordgo.ApplicationCommand{}
		for _, c := range cmds {
			byName[c.Name] = c
		}
		if a := byName["ask"]; a == nil || len(a.Options) != 1 || a.Options[0].Name != "question" || !a.Options[0].Required {
			t.Errorf("/ask %+v", a)
		}
		if q := byName["quote"]; q == nil || len(q.Options) != 2 || q.Options[0].Name != "speaker" || !q.Options[0].Autocomplete || q.Options[1].Name != "words" {
			t.Errorf("/quote %+v", q)
		}
		if byName["about"] == nil {
			t.Error("no /about")
		}
	})

	t.Run("/ask answered with the passage", func(t *testing.T) {
		cb, m := h.interact(ask("who asked for the audit?"))
		if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || len(m.Embeds) != 1 {
			t.Fatalf("response %d: %s", cb.Type, cb.Body)
		}
		e := m.Embeds[0]
		// The answering sentence, its matched words in bold; the speaker;
		// the paragraph as context; the article and paragraph number.
		if !strings.Contains(e.Description, "qui a **demandé** un **audit**") || !strings.Contains(e.Description, "Pierre Paperon") {
			t.Errorf("not the passage on the audit:\n%s", e.Description)
		}
		if len(e.Fields) != 1 || !strings.Contains(e.Fields[0].Value, "qui a demandé un audit") || e.Footer == nil ||
			!strings.Contains(e.Footer.Text, "article · paragraph 3 · answer 1/") {
			t.Errorf("context or footer:\n%s", discordtest.MessageText(m))
		}
		if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
			t.Error("the answer is ephemeral")
		}
		discordtest.NoPing(t, cb.Body)
	})

	t.Run("a question with @everyone does not ping", func(t *testing.T) {
		for _, q := range []string{"@everyone who asked for the audit? <@&1234> @here", "@everyone @here <@1234> what about the weather?"} {
			cb, m := h.interact(ask(q))
			discordtest.NoPing(t, cb.Body)
			for _, bad := range []string{"@everyone", "@here", "<@&1234>", "<@1234>"} {
				if strings.Contains(m.Content, bad) || strings.Contains(embedDescriptions(m), bad) {
					t.Errorf("%q shown as a mention in %s", bad, cb.Body)
				}
			}
		}
	})

	t.Run("nothing answers: short ephemeral reply with suggestions", func(t *testing.T) {
		cb, m := h.interact(ask("quel temps fera-t-il demain à Tombouctou ?"))
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || len(m.Embeds) != 0 || !strings.Contains(m.Content, "/about") {
			t.Errorf("not found: %s", cb.Body)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		cb, _ := h.interact(discordtest.Autocomplete("quote", discordtest.Focused("speaker", "")))
		var resp struct {
			Type int
			Data struct {
				Choices []discordgo.ApplicationCommandOptionChoice
			}
		}
		json.Unmarshal(cb.Body, &resp)
		if resp.Type != 8 || len(resp.Data.Choices) == 0 || len(resp.Data.Choices) > 25 {
			t.Fatalf("autocomplete: %s", cb.Body)
		}
		first := resp.Data.Choices[0].Name
		typed := strings.ToLower(first[:2])
		cb, _ = h.interact(discordtest.Autocomplete("quote", discordtest.Focused("speaker", typed)))
		if !bytes.Contains(cb.Body, []byte(first)) {
			t.Errorf("typing %q does not offer %q: %s", typed, first, cb.Body)
		}
		cb, _ = h.interact(discordtest.Autocomplete("quote", discordtest.Focused("speaker", "zzqqxx")))
		if string(cb.Body) != `{"type":8,"data":{"choices":[]}}` {
			t.Errorf("no match: %s", cb.Body)
		}
	})

	t.Run("paging buttons", func(t *testing.T) {
		_, m := h.interact(ask("who asked for the audit?"))
		bs := discordtest.Buttons(m)
		if len(bs) != 2 || !bs[0].Disabled || bs[1].Disabled {
			t.Fatalf("buttons %+v", bs)
		}
		m.ID = srv.NewID()
		cb, m2 := h.interact(discordtest.Click(m, bs[1].CustomID))
		if cb.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(discordtest.MessageText(m2), "answer 2/") {
			t.Fatalf("next page: %s", cb.Body)
		}
		discordtest.NoPing(t, cb.Body)
		if bs2 := discordtest.Buttons(m2); len(bs2) != 2 || bs2[0].Disabled {
			t.Errorf("page 2 buttons %+v", bs2)
		}

		_, q := h.interact(discordtest.Command("quote"))
		qb := discordtest.Buttons(q)
		if len(qb) != 2 {
			t.Fatalf("/quote of every quotation has no paging: %s", discordtest.MessageText(q))
		}
		q.ID = srv.NewID()
		cb, q2 := h.interact(discordtest.Click(q, qb[1].CustomID))
		if cb.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(q2.Embeds[0].Description, "**6.**") {
			t.Errorf("quotations page 2: %s", cb.Body)
		}
	})

	t.Run("/about", func(t *testing.T) {
		cb, m := h.interact(discordtest.Command("about"))
		if len(m.Embeds) != 1 || len(m.Embeds[0].Fields) == 0 || !strings.Contains(m.Embeds[0].Description, "/ask") {
			t.Errorf("about: %s", cb.Body)
		}
	})

	t.Run("a mention in a channel is answered as a reply", func(t *testing.T) {
		sent, err := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", nil, srv.BotID))
		if err != nil {
			t.Fatal(err)
		}
		reqs, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(sent.ID), wait)
		if err != nil {
			t.Fatal(err)
		}
		r := reqs[0]
		var send struct {
			Reference *discordgo.MessageReference `json:"message_reference"`
			Embeds    []*discordgo.MessageEmbed   `json:"embeds"`
		}
		r.JSON(&send)
		if send.Reference.ChannelID != discordtest.ChannelID || !strings.HasSuffix(r.Path, "/channels/"+discordtest.ChannelID+"/messages") {
			t.Errorf("reply in the wrong place: %s %s", r.Path, r.Body)
		}
		if !bytes.Contains(r.Body, []byte(`"replied_user":false`)) || len(send.Embeds) != 1 || !strings.Contains(send.Embeds[0].Description, "audit") {
			t.Errorf("reply: %s", r.Body)
		}
		discordtest.NoPing(t, r.Body)
	})

	t.Run("messages from bots are ignored", func(t *testing.T) {
		other, _ := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", &discordgo.User{ID: "77", Bot: true}, srv.BotID))
		self, _ := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", &discordgo.User{ID: srv.BotID, Bot: true}, srv.BotID))
		// A human's question sent after them is answered: by then, the
		// bots' messages have been seen and dropped.
		human, _ := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", &discordgo.User{ID: "78"}, srv.BotID))
		if _, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(human.ID), wait); err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{other.ID, self.ID} {
			if n := len(filter(srv.RequestsTo("POST /channels/{channel}/messages"), replyTo(id))); n != 0 {
				t.Errorf("answered a bot's message %d times", n)
			}
		}
	})

	t.Run("a mention without a question gets help", func(t *testing.T) {
		sent, _ := srv.SendMessage(discordtest.Message("<@"+srv.BotID+">", &discordgo.User{ID: "79"}, srv.BotID))
		reqs, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(sent.ID), wait)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(reqs[0].Body, []byte("Ask me a question")) {
			t.Errorf("help: %s", reqs[0].Body)
		}
	})

	t.Run("200 interactions at once, all answered within 3 s", func(t *testing.T) {
		const n = 200
		begin := time.Now()
		ids := make([]string, n)
		for i := range ids {
			in := ask("who asked for the audit?")
			in.Member.User.ID = fmt.Sprintf("9%05d", i) // 200 users: no cooldown
			sent, err := srv.SendInteraction(in)
			if err != nil {
				t.Fatal(err)
			}
			ids[i] = sent.ID
		}
		dispatched := time.Since(begin)
		var slowest time.Duration
		for _, id := range ids {
			cb, err := srv.WaitCallback(id, wait)
			if err != nil {
				t.Fatal(err)
			}
			if cb.Status != 204 || cb.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Fatalf("interaction %s: status %d type %d after %v", id, cb.Status, cb.Type, cb.Elapsed)
			}
			slowest = max(slowest, cb.Elapsed)
		}
		if slowest >= 3*time.Second {
			t.Errorf("slowest answer after %v", slowest)
		}
		t.Logf("%d interactions dispatched in %v, all answered in %v; slowest %v after its dispatch", n, dispatched, time.Since(begin), slowest)
	})

	t.Run("cooldown: a flood gets a short ephemeral notice", func(t *testing.T) {
		var notices int
		for i := 0; i < 7; i++ {
			in := ask("who asked for the audit?")
			in.Member.User.ID = "flooder"
			_, m := h.interact(in)
			if m.Flags&discordgo.MessageFlagsEphemeral != 0 && strings.Contains(m.Content, "please wait") {
				notices++
			}
		}
		if notices != 2 {
			t.Errorf("%d notices for 7 questions with a burst of 5", notices)
		}
	})

	t.Run("a dropped connection is resumed and still answers", func(t *testing.T) {
		if err := srv.Drop(0); err != nil {
			t.Fatal(err)
		}
		// Sent while the bot is away: replayed on RESUME, still within
		// the 3 seconds of the interaction.
		cb, m := h.interact(ask("who asked for the audit?"))
		if srv.Resumes(0) != 1 || srv.Identifies(0) != 1 {
			t.Errorf("resumes %d, identifies %d", srv.Resumes(0), srv.Identifies(0))
		}
		if len(m.Embeds) != 1 {
			t.Errorf("after resume: %s", cb.Body)
		}
		t.Logf("answered %v after its dispatch, across the reconnection", cb.Elapsed)
	})

	t.Run("op 7 reconnect", func(t *testing.T) {
		before := srv.Resumes(0)
		if err := srv.SendReconnect(0); err != nil {
			t.Fatal(err)
		}
		if err := srv.Wait(wait, func() bool { return srv.Resumes(0) > before && srv.Ready(0) }); err != nil {
			t.Fatal(err)
		}
		if _, m := h.interact(ask("who asked for the audit?")); len(m.Embeds) != 1 {
			t.Error("no answer after op 7")
		}
	})

	t.Run("op 9 invalid session", func(t *testing.T) {
		old := srv.SessionID(0)
		if err := srv.SendInvalidSession(0, false); err != nil {
			t.Fatal(err)
		}
		if err := srv.Wait(wait, func() bool { return srv.Identifies(0) == 2 && srv.Ready(0) }); err != nil {
			t.Fatal(err)
		}
		if srv.SessionID(0) == old {
			t.Error("same session after op 9")
		}
		if _, m := h.interact(ask("who asked for the audit?")); len(m.Embeds) != 1 {
			t.Error("no answer after op 9")
		}
		if strings.Count(h.logs.String(), "Guillemet is ready") != 1 {
			t.Error("the ready line was logged again")
		}
	})
}

func embedDescriptions(m *discordgo.Message) string {
	var b strings.Builder
	for _, e := range m.Embeds {
		b.WriteString(e.Title + e.Description)
		for _, f := range e.Fields {
			b.WriteString(f.Value)
		}
	}
	return b.String()
}

func replyTo(id string) func(discordtest.Request) bool {
	return func(r discordtest.Request) bool {
		var send struct {
			Reference *discordgo.MessageReference `json:"message_reference"`
		}
		return r.JSON(&send) == nil && send.Reference != nil && send.Reference.MessageID == id
	}
}

func filter(rs []discordtest.Request, keep func(discordtest.Request) bool) []discordtest.Request {
	var out []discordtest.Request
	for _, r := range rs {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// TestSlowHandlersAndFaults uses the fake engine, which can be slow or
// panic on demand.
func TestSlowHandlersAndFaults(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	srv.HeartbeatInterval = 100 * time.Millisecond
	eng := &enginetest.Engine{Delay: 300 * time.Millisecond}
	h := start(t, setup{engine: eng, server: srv, deferAfter: 100 * time.Millisecond,
		env: map[string]string{"DISCORD_GUILD_ID": discordtest.GuildID, "ASK_CHANNELS": "555"}})

	t.Run("guild commands and the Message Content intent", func(t *testing.T) {
		if _, ok := srv.Commands(discordtest.GuildID); !ok || len(srv.RequestsTo("PUT /applications/{app}/commands")) != 0 {
			t.Error("commands not registered on the server only")
		}
		var identify struct{ Intents discordgo.Intent }
		json.Unmarshal(srv.Packets(2)[0].Data, &identify)
		if identify.Intents&discordgo.IntentMessageContent == 0 {
			t.Error("ASK_CHANNELS without the Message Content intent")
		}
	})

	t.Run("a slow answer is deferred, then the original edited", func(t *testing.T) {
		sent, _ := srv.SendInteraction(ask("slow: who asked for the audit?"))
		cb, err := srv.WaitCallback(sent.ID, wait)
		if err != nil {
			t.Fatal(err)
		}
		if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || cb.Elapsed > time.Second {
			t.Fatalf("first response type %d after %v", cb.Type, cb.Elapsed)
		}
		edits, err := srv.WaitRequests("PATCH /webhooks/{app}/{token}/messages/{message}", 1, func(r discordtest.Request) bool {
			return strings.Contains(r.Path, sent.Token+"/messages/@original")
		}, wait)
		if err != nil {
			t.Fatal(err)
		}
		discordtest.NoPing(t, edits[0].Body)
		if !bytes.Contains(edits[0].Body, []byte("audit")) {
			t.Errorf("edit: %s", edits[0].Body)
		}
	})

	t.Run("a slow private notice becomes an ephemeral follow-up", func(t *testing.T) {
		sent, _ := srv.SendInteraction(ask("slow: what about the weather?"))
		fu, err := srv.WaitRequests("POST /webhooks/{app}/{token}", 1, func(r discordtest.Request) bool { return strings.Contains(r.Path, sent.Token) }, wait)
		if err != nil {
			t.Fatal(err)
		}
		var params discordgo.WebhookParams
		fu[0].JSON(&params)
		if params.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("follow-up not ephemeral: %s", fu[0].Body)
		}
		discordtest.NoPing(t, fu[0].Body)
		if _, err := srv.WaitRequests("DELETE /webhooks/{app}/{token}/messages/{message}", 1, func(r discordtest.Request) bool { return strings.Contains(r.Path, sent.Token) }, wait); err != nil {
			t.Errorf("the public placeholder was not removed: %v", err)
		}
	})

	t.Run("a slow page turn is deferred as a message update", func(t *testing.T) {
		_, m := h.interact(ask("who asked for the audit?"))
		m.ID = srv.NewID()
		m.Embeds[0].Footer.Text = strings.Replace(m.Embeds[0].Footer.Text, "Question: ", "Question: slow ", 1)
		sent, _ := srv.SendInteraction(discordtest.Click(m, "A:1"))
		cb, err := srv.WaitCallback(sent.ID, wait)
		if err != nil || cb.Type != discordgo.InteractionResponseDeferredMessageUpdate {
			t.Fatalf("click: %+v %v", cb, err)
		}
		edits, err := srv.WaitRequests("PATCH /webhooks/{app}/{token}/messages/{message}", 1, func(r discordtest.Request) bool { return strings.Contains(r.Path, sent.Token) }, wait)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(edits[0].Body, []byte("answer 2/3")) {
			t.Errorf("edit %s", edits[0].Body)
		}
	})

	t.Run("a panic is recovered and the bot keeps serving", func(t *testing.T) {
		cb, m := h.interact(ask("panic: who asked for the audit?"))
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(m.Content, "went wrong") {
			t.Errorf("after a panic: %s", cb.Body)
		}
		if !strings.Contains(h.logs.String(), "panic while answering an interaction") {
			t.Error("panic not logged")
		}
		if _, m := h.interact(ask("who asked for the audit?")); len(m.Embeds) != 1 {
			t.Error("no answer after a panic")
		}
	})

	t.Run("ask channel and DM", func(t *testing.T) {
		inChannel := discordtest.Message("who asked for the audit?", nil)
		inChannel.ChannelID = "555"
		dm := discordtest.Message("who asked for the audit?", nil)
		dm.GuildID, dm.ChannelID = "", "666"
		elsewhere := discordtest.Message("who asked for the audit?", nil)
		var sent []*discordgo.Message
		for _, m := range []*discordgo.Message{elsewhere, inChannel, dm} {
			s, err := srv.SendMessage(m)
			if err != nil {
				t.Fatal(err)
			}
			sent = append(sent, s)
		}
		for _, s := range sent[1:] {
			if _, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(s.ID), wait); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(filter(srv.RequestsTo("POST /channels/{channel}/messages"), replyTo(sent[0].ID))); n != 0 {
			t.Error("answered a message that is not for the bot")
		}
	})

	t.Run("a REST failure does not stop the bot", func(t *testing.T) {
		srv.FailNext("POST /channels/{channel}/messages", 1, 403)
		first, _ := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", nil, srv.BotID))
		if _, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(first.ID), wait); err != nil {
			t.Fatal(err)
		}
		second, _ := srv.SendMessage(discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", &discordgo.User{ID: "2"}, srv.BotID))
		reqs, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(second.ID), wait)
		if err != nil || reqs[0].Status != 200 {
			t.Fatalf("after a failed reply: %v", err)
		}
		// The two replies run concurrently: the second may land before
		// the first's failure is logged.
		if err := srv.Wait(wait, func() bool { return strings.Contains(h.logs.String(), "cannot reply to a message") }); err != nil {
			t.Error("the failure was not logged")
		}
	})

	t.Run("unacknowledged heartbeats: reconnects and resumes", func(t *testing.T) {
		before := srv.Resumes(0) + srv.Identifies(0)
		srv.SetHeartbeatAcks(false)
		err := srv.Wait(wait, func() bool { return srv.Resumes(0)+srv.Identifies(0) > before })
		srv.SetHeartbeatAcks(true)
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.WaitReady(0, wait); err != nil {
			t.Fatal(err)
		}
		if _, m := h.interact(ask("who asked for the audit?")); len(m.Embeds) != 1 {
			t.Error("no answer after the reconnection")
		}
	})
}

func TestUnauthorized(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	cfg, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": secretToken, "DISCORD_API_URL": srv.URL, "LOG_LEVEL": "debug"}))
	logs := &discordtest.Logs{}
	bot := New(cfg, interact.New(&enginetest.Engine{}, interact.Options{}), slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	err := bot.Open(ctx)
	if !errors.Is(err, ErrUnauthorized) || guillemet.KindOf(err) != guillemet.Invalid {
		t.Fatalf("Open with a wrong token: %v", err)
	}
	if !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), secretToken) {
		t.Errorf("error: %v", err)
	}
	if strings.Contains(logs.String(), secretToken) {
		t.Error("token in the logs")
	}
	if len(srv.Packets(-1)) != 0 {
		t.Error("connected to the gateway with a rejected token")
	}
	bot.Close(ctx)
}

func TestUnreachable(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	url := srv.URL
	srv.Close()
	cfg, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": secretToken, "DISCORD_API_URL": url}))
	bot := New(cfg, interact.New(&enginetest.Engine{}, interact.Options{}), slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	err := bot.Open(ctx)
	if guillemet.KindOf(err) != guillemet.Unavailable || strings.Contains(err.Error(), secretToken) {
		t.Fatalf("Open without Discord: %v", err)
	}
}

// TestTokenNeverLogged runs a bot at debug level, where discordgo logs
// every packet it sends (IDENTIFY and RESUME carry the token), through a
// reconnection, and greps the logs.
func TestTokenNeverLogged(t *testing.T) {
	h := start(t, setup{})
	h.interact(ask("who asked for the audit?"))
	h.srv.Drop(0)
	if err := h.srv.Wait(wait, func() bool { return h.srv.Resumes(0) == 1 && h.srv.Ready(0) }); err != nil {
		t.Fatal(err)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "discordgo:") || !strings.Contains(logs, "Identify") || !strings.Contains(logs, redacted) {
		t.Fatalf("discordgo's debug logs were not captured, the test proves nothing:\n%s", logs)
	}
	for _, bad := range []string{h.srv.Token, "Bot " + h.srv.Token} {
		if strings.Contains(logs, bad) {
			t.Fatalf("the token is in the logs")
		}
	}
}

func TestShards(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	eng := &enginetest.Engine{}
	shard := func(id string) *harness {
		return start(t, setup{engine: eng, server: srv, env: map[string]string{"SHARD_ID": id, "SHARD_COUNT": "2"}})
	}
	h0 := shard("0")
	h1 := shard("1")
	if len(srv.RequestsTo("PUT /applications/{app}/commands")) != 1 {
		t.Error("commands registered by more than shard 0")
	}
	if !strings.Contains(h1.logs.String(), "shard=1/2") {
		t.Error("shard 1 does not say which it is")
	}
	_ = h0
	// Guild 1<<22 is on shard 1, guild 2<<22 on shard 0.
	for _, guild := range []string{fmt.Sprint(1 << 22), fmt.Sprint(2 << 22)} {
		m := discordtest.Message("<@"+srv.BotID+"> who asked for the audit?", nil, srv.BotID)
		m.GuildID = guild
		sent, err := srv.SendMessage(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitRequests("POST /channels/{channel}/messages", 1, replyTo(sent.ID), wait); err != nil {
			t.Fatalf("guild %s: %v", guild, err)
		}
	}
	if srv.Identifies(0) != 1 || srv.Identifies(1) != 1 {
		t.Errorf("identifies %d %d", srv.Identifies(0), srv.Identifies(1))
	}
}

// TestCloseFinishesRepliesInFlight closes the bot while an answer is being
// worked on: it is still sent, later events are ignored, and Close
// returns within 5 seconds.
func TestCloseFinishesRepliesInFlight(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	eng := &enginetest.Engine{Delay: 500 * time.Millisecond}
	cfg, _ := ConfigFromEnv(env(map[string]string{"DISCORD_TOKEN": srv.Token, "DISCORD_API_URL": srv.URL}))
	bot := New(cfg, interact.New(eng, interact.Options{}), slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := bot.Open(ctx); err != nil {
		t.Fatal(err)
	}
	inFlight, _ := srv.SendInteraction(ask("slow: who asked for the audit?"))
	if err := srv.Wait(wait, func() bool { return eng.Asked() == 1 }); err != nil {
		t.Fatal(err)
	}
	begin := time.Now()
	closed := make(chan error, 1)
	go func() { closed <- bot.Close(ctx) }()
	// Wait until the bot stops taking events, then send one more.
	if err := srv.Wait(wait, func() bool { bot.mu.Lock(); defer bot.mu.Unlock(); return bot.closing }); err != nil {
		t.Fatal(err)
	}
	late, _ := srv.SendInteraction(ask("who asked for the audit?"))
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	took := time.Since(begin)
	if took > 5*time.Second {
		t.Errorf("Close took %v", took)
	}
	cb, ok := srv.Callback(inFlight.ID)
	if !ok || cb.Status != 204 || cb.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Errorf("the reply in flight was not sent: %+v", cb)
	}
	if _, ok := srv.Callback(late.ID); ok {
		t.Error("an interaction that came during the shutdown was answered")
	}
	if srv.Ready(0) {
		t.Error("the gateway is still connected")
	}
	t.Logf("Close took %v with a reply in flight", took)
}
