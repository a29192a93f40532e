package interact

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
	"guillemet/internal/interact/enginetest"
	"guillemet/internal/render"
)

// countLimiter lets each key act `burst` times, then refuses.
type countLimiter struct {
	mu    sync.Mutex
	burst int
	n     map[string]int
}

func (l *countLimiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n == nil {
		l.n = map[string]int{}
	}
	if l.n[key] >= l.burst {
		return false, 3 * time.Second
	}
	l.n[key]++
	return true, 0
}

func newHandler(t *testing.T, o Options) (*Handler, *enginetest.Engine, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	e := &enginetest.Engine{}
	return New(e, o), e, &logs
}

func command(name string, opts map[string]string) *discordgo.Interaction {
	var os []*discordgo.ApplicationCommandInteractionDataOption
	for k, v := range opts {
		os = append(os, &discordgo.ApplicationCommandInteractionDataOption{Name: k, Type: discordgo.ApplicationCommandOptionString, Value: v})
	}
	return &discordgo.Interaction{
		ID: "i1", Type: discordgo.InteractionApplicationCommand, Token: "tok", ChannelID: "c1", GuildID: "g1",
		Member: &discordgo.Member{User: &discordgo.User{ID: "u1"}},
		Data:   discordgo.ApplicationCommandInteractionData{Name: name, Options: os},
	}
}

// click builds the interaction of a click on button customID of the
// message that resp created, as Discord sends it back (through JSON).
func click(t *testing.T, resp *discordgo.InteractionResponse, customID, user string) *discordgo.Interaction {
	t.Helper()
	b, err := json.Marshal(resp.Data)
	if err != nil {
		t.Fatal(err)
	}
	var msg discordgo.Message
	if err := json.Unmarshal(b, &msg); err != nil {
		t.Fatal(err)
	}
	return &discordgo.Interaction{
		ID: "i2", Type: discordgo.InteractionMessageComponent, Token: "tok2", ChannelID: "c1",
		User: &discordgo.User{ID: user}, Message: &msg,
		Data: discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
}

func buttonsOf(t *testing.T, resp *discordgo.InteractionResponse) []discordgo.Button {
	t.Helper()
	var bs []discordgo.Button
	for _, c := range resp.Data.Components {
		for _, b := range c.(discordgo.ActionsRow).Components {
			bs = append(bs, b.(discordgo.Button))
		}
	}
	return bs
}

func assertNoMentions(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	b, err := render.MarshalResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Data != nil && resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult &&
		!strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("response without allowed_mentions parse []: %s", b)
	}
}

func TestCommands(t *testing.T) {
	cmds := Commands()
	byName := map[string]*discordgo.ApplicationCommand{}
	for _, c := range cmds {
		byName[c.Name] = c
		if c.Description == "" || len(c.Description) > 100 || c.Type != discordgo.ChatApplicationCommand {
			t.Errorf("/%s: description %q, type %d", c.Name, c.Description, c.Type)
		}
	}
	ask := byName["ask"]
	if ask == nil || len(ask.Options) != 1 || ask.Options[0].Name != "question" || !ask.Options[0].Required ||
		ask.Options[0].Type != discordgo.ApplicationCommandOptionString {
		t.Fatalf("/ask: %+v", ask)
	}
	quote := byName["quote"]
	if quote == nil || len(quote.Options) != 2 || quote.Options[0].Name != "speaker" || !quote.Options[0].Autocomplete ||
		quote.Options[0].Required || quote.Options[1].Name != "words" || quote.Options[1].Autocomplete {
		t.Fatalf("/quote: %+v", quote)
	}
	if byName["about"] == nil || len(cmds) != 3 {
		t.Fatalf("commands: %d", len(cmds))
	}
}

func TestAsk(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": "  who asked\nfor the audit? "}))
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("type %d", resp.Type)
	}
	assertNoMentions(t, resp)
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Error("an answer is ephemeral")
	}
	e := resp.Data.Embeds[0]
	if !strings.Contains(e.Description, "**demandé** un **audit**") || !strings.Contains(e.Description, "Jean Dupont") {
		t.Errorf("description %q", e.Description)
	}
	if !strings.Contains(e.Fields[0].Value, "Le projet a pris du retard.") {
		t.Errorf("context %q", e.Fields[0].Value)
	}
	if !strings.Contains(e.Footer.Text, "Question: who asked for the audit?") || !strings.Contains(e.Footer.Text, "paragraph 4") {
		t.Errorf("footer %q", e.Footer.Text)
	}
	bs := buttonsOf(t, resp)
	if len(bs) != 2 || bs[0].CustomID != "a:0:who asked for the audit?" || bs[1].CustomID != "a:1:who asked for the audit?" || !bs[0].Disabled || bs[1].Disabled {
		t.Errorf("buttons %+v", bs)
	}
}

func TestAskNotFoundIsEphemeralWithSuggestions(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": "what is the weather?"}))
	assertNoMentions(t, resp)
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "Qui a demandé un audit ?") {
		t.Errorf("not found: %+v", resp.Data)
	}
}

func TestAskRefusals(t *testing.T) {
	h, eng, _ := newHandler(t, Options{})
	long := strings.Repeat("é", 501)
	for _, tc := range []struct{ q, want string }{
		{long, "501 characters"},
		{"   \n ", "Please write a question"},
	} {
		resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": tc.q}))
		if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, tc.want) {
			t.Errorf("%.20q: %+v", tc.q, resp.Data)
		}
	}
	if eng.Asked() != 0 {
		t.Error("the engine was asked a refused question")
	}
	// Exactly 500 characters is a question.
	resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": "audit " + strings.Repeat("é", 494)}))
	if len(resp.Data.Embeds) != 1 {
		t.Errorf("500 characters refused: %+v", resp.Data)
	}
}

func TestCooldown(t *testing.T) {
	h, eng, _ := newHandler(t, Options{Users: &countLimiter{burst: 2}})
	ask := command("ask", map[string]string{"question": "audit?"})
	for i := 0; i < 2; i++ {
		if resp := h.Interaction(context.Background(), ask); len(resp.Data.Embeds) != 1 {
			t.Fatalf("question %d refused: %+v", i+1, resp.Data)
		}
	}
	resp := h.Interaction(context.Background(), ask)
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "wait 3 s") {
		t.Errorf("third question: %+v", resp.Data)
	}
	if eng.Asked() != 2 {
		t.Errorf("engine asked %d times, want 2", eng.Asked())
	}
	other := command("ask", map[string]string{"question": "audit?"})
	other.Member = nil
	other.User = &discordgo.User{ID: "u2"}
	if resp := h.Interaction(context.Background(), other); len(resp.Data.Embeds) != 1 {
		t.Error("another user (in a DM) is limited by the first")
	}
}

func TestPanicRecovered(t *testing.T) {
	h, _, logs := newHandler(t, Options{})
	resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": "please panic"}))
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 ||
		!strings.Contains(resp.Data.Content, "something went wrong") {
		t.Errorf("after a panic: %+v", resp.Data)
	}
	assertNoMentions(t, resp)
	if !strings.Contains(logs.String(), "panic while answering an interaction") || !strings.Contains(logs.String(), "asked to panic") {
		t.Errorf("panic not logged: %s", logs.String())
	}
	// The handler keeps serving.
	if resp := h.Interaction(context.Background(), command("ask", map[string]string{"question": "audit"})); len(resp.Data.Embeds) != 1 {
		t.Error("no answer after a panic")
	}
	// A message that makes the engine panic gets a short error reply.
	send := h.Message(context.Background(), &discordgo.Message{ID: "m", ChannelID: "c", Author: &discordgo.User{ID: "u"}, Content: "panic now"}, "bot")
	if send == nil || !strings.Contains(send.Content, "something went wrong") {
		t.Errorf("message panic: %+v", send)
	}
	// A malformed interaction (no data) does not crash either.
	resp = h.Interaction(context.Background(), &discordgo.Interaction{Type: discordgo.InteractionApplicationCommand})
	if resp == nil || resp.Data == nil {
		t.Error("no response to a malformed interaction")
	}
	resp = h.Interaction(context.Background(), &discordgo.Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete})
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Errorf("malformed autocomplete answered with type %d", resp.Type)
	}
}

func TestPing(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	if resp := h.Interaction(context.Background(), &discordgo.Interaction{Type: discordgo.InteractionPing}); resp.Type != discordgo.InteractionResponsePong {
		t.Errorf("ping answered with %d", resp.Type)
	}
}

func autocomplete(typed string) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommandAutocomplete, User: &discordgo.User{ID: "u"},
		Data: discordgo.ApplicationCommandInteractionData{Name: "quote", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true},
		}},
	}
}

func choiceNames(resp *discordgo.InteractionResponse) []string {
	var ns []string
	for _, c := range resp.Data.Choices {
		ns = append(ns, c.Name)
	}
	return ns
}

func TestAutocomplete(t *testing.T) {
	h, eng, _ := newHandler(t, Options{Users: &countLimiter{burst: 0}}) // autocomplete is never limited
	for _, tc := range []struct{ typed, want string }{
		{"", "[Pierre Paperon Marie Curie Jean Dupont]"},
		{"pa", "[Pierre Paperon]"},
		{"CURIE", "[Marie Curie]"},
		{"u", "[Marie Curie Jean Dupont]"},
		{"zzz", "[]"},
	} {
		resp := h.Interaction(context.Background(), autocomplete(tc.typed))
		if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("type %d", resp.Type)
		}
		if got := fmt.Sprint(choiceNames(resp)); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.typed, got, tc.want)
		}
	}
	// Names with a word starting with what was typed come first.
	eng.People = []guillemet.PersonSummary{{Name: "Jean Smartin", Quotes: 9}, {Name: "Luc Martin", Quotes: 1}}
	if got := fmt.Sprint(choiceNames(h.Interaction(context.Background(), autocomplete("mart")))); got != "[Luc Martin Jean Smartin]" {
		t.Errorf("word prefix not first: %s", got)
	}
	// Many people, long names: at most 25 choices of at most 100 characters.
	eng.People = nil
	for i := 0; i < 40; i++ {
		eng.People = append(eng.People, guillemet.PersonSummary{Name: fmt.Sprintf("Élodie %02d %s", i, strings.Repeat("x", 150))})
	}
	resp := h.Interaction(context.Background(), autocomplete("elodie"))
	if len(resp.Data.Choices) != 25 {
		t.Fatalf("%d choices", len(resp.Data.Choices))
	}
	for _, c := range resp.Data.Choices {
		if render.Len(c.Name) > 100 || render.Len(c.Value.(string)) > 100 {
			t.Errorf("choice of %d/%d", render.Len(c.Name), render.Len(c.Value.(string)))
		}
	}
	// No one: an empty list.
	eng.People = []guillemet.PersonSummary{}
	b, _ := render.MarshalResponse(h.Interaction(context.Background(), autocomplete("x")))
	if string(b) != `{"type":8,"data":{"choices":[]}}` {
		t.Errorf("no people: %s", b)
	}
}

func TestAskPaging(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	first := h.Interaction(context.Background(), command("ask", map[string]string{"question": "who asked for the audit?"}))
	next := buttonsOf(t, first)[1]
	second := h.Interaction(context.Background(), click(t, first, next.CustomID, "someone-else"))
	if second.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("click answered with type %d", second.Type)
	}
	assertNoMentions(t, second)
	if !strings.Contains(second.Data.Embeds[0].Footer.Text, "answer 2/3") || !strings.Contains(second.Data.Embeds[0].Description, "rendu en mars") {
		t.Errorf("page 2: %+v", second.Data.Embeds[0])
	}
	bs := buttonsOf(t, second)
	if bs[0].Disabled || bs[1].Disabled || bs[0].CustomID != "a:0:who asked for the audit?" || bs[1].CustomID != "a:2:who asked for the audit?" {
		t.Errorf("page 2 buttons: %+v", bs)
	}
	third := h.Interaction(context.Background(), click(t, second, bs[1].CustomID, "u"))
	if bs := buttonsOf(t, third); !bs[1].Disabled || bs[0].Disabled {
		t.Errorf("last page buttons: %+v", bs)
	}
}

func TestAskPagingLongQuestionFromFooter(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	q := "who asked for the audit " + strings.Repeat("and why did they ask for it ", 15) + "@everyone?"
	if len(q) <= 100 || len(q) > 500 {
		t.Fatalf("question of %d bytes", len(q))
	}
	first := h.Interaction(context.Background(), command("ask", map[string]string{"question": q}))
	bs := buttonsOf(t, first)
	if bs[1].CustomID != "A:1" {
		t.Fatalf("custom_id %q", bs[1].CustomID)
	}
	second := h.Interaction(context.Background(), click(t, first, bs[1].CustomID, "u"))
	if second.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(second.Data.Embeds[0].Footer.Text, "answer 2/3") {
		t.Fatalf("page 2 of a long question: %+v", second.Data)
	}
	if got, _ := render.QuestionFromEmbed(second.Data.Embeds[0]); got != q {
		t.Errorf("question became %q", got)
	}
	// Without the message (or with a stranger's), the click cannot be served.
	c := click(t, first, "A:1", "u")
	c.Message.Embeds = nil
	if resp := h.Interaction(context.Background(), c); resp.Type != discordgo.InteractionResponseChannelMessageWithSource ||
		resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "no longer works") {
		t.Errorf("click without its message: %+v", resp.Data)
	}
}

func TestQuotePaging(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	for _, tc := range []struct {
		name      string
		opts      map[string]string
		wantTotal string
		wantID    string
	}{
		{"all", map[string]string{}, "of 12", "q:1:0:"},
		{"speaker", map[string]string{"speaker": "Paperon"}, "of 6", "q:1:7:Paperon"},
		{"speaker and words", map[string]string{"speaker": "e", "words": "audit"}, "of 12", "q:1:1:eaudit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first := h.Interaction(context.Background(), command("quote", tc.opts))
			assertNoMentions(t, first)
			e := first.Data.Embeds[0]
			if !strings.Contains(e.Footer.Text, "1–5 "+tc.wantTotal) || !strings.Contains(e.Description, "**1.**") {
				t.Fatalf("first page: %q / %q", e.Footer.Text, e.Description)
			}
			next := buttonsOf(t, first)[1]
			if next.CustomID != tc.wantID {
				t.Errorf("custom_id %q, want %q", next.CustomID, tc.wantID)
			}
			second := h.Interaction(context.Background(), click(t, first, next.CustomID, "u"))
			if second.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(second.Data.Embeds[0].Footer.Text, " 6") ||
				!strings.Contains(second.Data.Embeds[0].Description, "**6.**") {
				t.Errorf("second page: %+v", second.Data.Embeds[0])
			}
		})
	}
}

func TestQuoteLongQueryFromFooter(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	h.engine.(*enginetest.Engine).NQuotes = 30
	long := guillemet.QuoteQuery{Speaker: strings.Repeat("P", 60), Words: strings.Repeat("w", 60)}
	if id := quoteID(long, 1); id != "Q:1" {
		t.Fatalf("long quote query id %q", id)
	}
	// A query that fits is served from the footer too when the
	// custom_id says so (as it does for long ones).
	first := h.Interaction(context.Background(), command("quote", map[string]string{"speaker": "Paperon", "words": "citation numéro"}))
	second := h.Interaction(context.Background(), click(t, first, "Q:1", "u"))
	if second.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(second.Data.Embeds[0].Description, "**6.**") {
		t.Fatalf("page 2 from the footer: %+v", second.Data)
	}
	if got, ok := render.QuoteQueryFromEmbed(second.Data.Embeds[0]); !ok || got.Speaker != "Paperon" || got.Words != "citation numéro" {
		t.Errorf("query became %+v", got)
	}
}

func TestNoQuotes(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	resp := h.Interaction(context.Background(), command("quote", map[string]string{"speaker": "nobody"}))
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "nobody") {
		t.Errorf("no quotes: %+v", resp.Data)
	}
}

func TestAbout(t *testing.T) {
	h, _, _ := newHandler(t, Options{})
	resp := h.Interaction(context.Background(), command("about", nil))
	assertNoMentions(t, resp)
	e := resp.Data.Embeds[0]
	if e.Title != "Le cloud souverain en question" || !strings.Contains(e.Fields[0].Value, "Pierre Paperon") || !strings.Contains(e.Fields[0].Value, "6 quotations") {
		t.Errorf("about: %+v", e)
	}
}

func TestCustomID(t *testing.T) {
	for _, q := range []string{"a", "who asked for the audit?", "a:b:c", strings.Repeat("é", 48), strings.Repeat("é", 49), strings.Repeat("x", 500)} {
		for _, page := range []int{0, 4, 1234} {
			id := askID(q, page)
			if len(id) > 100 {
				t.Fatalf("askID of %d bytes", len(id))
			}
			p, err := parseID(id)
			if err != nil || p.quote || p.page != page {
				t.Fatalf("parse(%q) = %+v, %v", id, p, err)
			}
			if p.inFooter != (len(q) > 100-len(fmt.Sprintf("a:%d:", page))) || (!p.inFooter && p.question != q) {
				t.Errorf("parse(%q) = %+v", id, p)
			}
		}
	}
	for _, q := range []guillemet.QuoteQuery{{}, {Speaker: "Pa:pe"}, {Words: "1:x"}, {Speaker: "é", Words: "é"}, {Speaker: strings.Repeat("x", 100)}} {
		id := quoteID(q, 3)
		p, err := parseID(id)
		if len(id) > 100 || err != nil || !p.quote || p.page != 3 || (!p.inFooter && p.query != q) {
			t.Errorf("quote %+v: id %q parsed %+v %v", q, id, p, err)
		}
	}
	for _, bad := range []string{"", "a", "a:", "a:x:q", "a:-1:q", "a:1:", "z:1:q", "q:1:5:ab", "q:1:x:ab", "q:1", "A:1:x", "a:99999999999:q"} {
		if _, err := parseID(bad); err == nil {
			t.Errorf("parseID(%q) accepted", bad)
		}
	}
}

func message(content string, mentions ...string) *discordgo.Message {
	m := &discordgo.Message{ID: "m1", ChannelID: "c1", GuildID: "g1", Content: content, Author: &discordgo.User{ID: "u1"}}
	for _, id := range mentions {
		m.Mentions = append(m.Mentions, &discordgo.User{ID: id})
	}
	return m
}

func TestMessage(t *testing.T) {
	h, _, _ := newHandler(t, Options{AskChannels: []string{"asks"}})
	ctx := context.Background()

	send := h.Message(ctx, message("<@bot> who asked for the audit? @everyone", "bot"), "bot")
	if send == nil {
		t.Fatal("mention not answered")
	}
	if send.Reference == nil || send.Reference.MessageID != "m1" || send.Reference.ChannelID != "c1" {
		t.Errorf("not a reply: %+v", send.Reference)
	}
	b, _ := json.Marshal(send)
	if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) || !strings.Contains(string(b), `"replied_user":false`) {
		t.Errorf("reply may ping: %s", b)
	}
	if strings.Contains(send.Content+send.Embeds[0].Description+send.Embeds[0].Fields[0].Value, "@everyone") {
		t.Errorf("@everyone shown as a mention: %s", b)
	}
	if !strings.Contains(send.Embeds[0].Description, "**audit**") {
		t.Errorf("answer %q", send.Embeds[0].Description)
	}
	if q, _ := render.QuestionFromEmbed(send.Embeds[0]); q != "who asked for the audit? @everyone" {
		t.Errorf("question %q: the mention was not stripped", q)
	}

	for _, tc := range []struct {
		name string
		m    *discordgo.Message
		want string // "" = ignored
	}{
		{"nickname mention", message("<@!bot> audit?"), "embed"},
		{"mention only", message("<@bot>", "bot"), "Ask me a question"},
		{"DM", &discordgo.Message{ID: "m", ChannelID: "dm", Content: "audit?", Author: &discordgo.User{ID: "u"}}, "embed"},
		{"empty DM", &discordgo.Message{ID: "m", ChannelID: "dm", Content: " ", Author: &discordgo.User{ID: "u"}}, "Ask me a question"},
		{"ask channel", &discordgo.Message{ID: "m", ChannelID: "asks", GuildID: "g", Content: "audit?", Author: &discordgo.User{ID: "u"}}, "embed"},
		{"ask channel, nothing written", &discordgo.Message{ID: "m", ChannelID: "asks", GuildID: "g", Author: &discordgo.User{ID: "u"}}, ""},
		{"other channel", message("audit?"), ""},
		{"other user mentioned", message("<@other> audit?", "other"), ""},
		{"too long", message("<@bot> "+strings.Repeat("a", 600), "bot"), "600 characters"},
		{"bot", &discordgo.Message{ID: "m", ChannelID: "c", Content: "<@bot> audit", Mentions: []*discordgo.User{{ID: "bot"}}, Author: &discordgo.User{ID: "b2", Bot: true}}, ""},
		{"itself", &discordgo.Message{ID: "m", ChannelID: "dm", Content: "audit", Author: &discordgo.User{ID: "bot"}}, ""},
		{"webhook", &discordgo.Message{ID: "m", ChannelID: "dm", Content: "audit", WebhookID: "w", Author: &discordgo.User{ID: "w"}}, ""},
		{"no author", &discordgo.Message{ID: "m", ChannelID: "dm", Content: "audit"}, ""},
		{"system message", &discordgo.Message{ID: "m", ChannelID: "dm", Content: "audit", Type: discordgo.MessageTypeGuildMemberJoin, Author: &discordgo.User{ID: "u"}}, ""},
		{"not found", message("<@bot> weather?", "bot"), "found nothing"},
	} {
		send := h.Message(ctx, tc.m, "bot")
		switch {
		case tc.want == "" && send != nil:
			t.Errorf("%s: answered %+v", tc.name, send)
		case tc.want == "":
		case send == nil:
			t.Errorf("%s: ignored", tc.name)
		case tc.want == "embed" && len(send.Embeds) != 1:
			t.Errorf("%s: %+v", tc.name, send)
		case tc.want != "embed" && !strings.Contains(send.Content, tc.want):
			t.Errorf("%s: %q", tc.name, send.Content)
		case send.AllowedMentions == nil || send.AllowedMentions.Parse == nil || len(send.AllowedMentions.Parse) != 0:
			t.Errorf("%s: allowed mentions %+v", tc.name, send.AllowedMentions)
		}
	}
}

func TestMessageCooldown(t *testing.T) {
	h, _, _ := newHandler(t, Options{Users: &countLimiter{burst: 1}, Channels: &countLimiter{burst: 2}, AskChannels: []string{"asks"}})
	ctx := context.Background()
	m := func(user string) *discordgo.Message {
		return &discordgo.Message{ID: "m", ChannelID: "asks", GuildID: "g", Content: "audit?", Author: &discordgo.User{ID: user}}
	}
	if h.Message(ctx, m("a"), "bot") == nil {
		t.Fatal("first question ignored")
	}
	if h.Message(ctx, m("a"), "bot") != nil {
		t.Error("a user over the limit answered")
	}
	if h.Message(ctx, m("b"), "bot") == nil {
		t.Error("second user ignored")
	}
	if h.Message(ctx, m("c"), "bot") != nil {
		t.Error("a channel over the limit answered")
	}
}
