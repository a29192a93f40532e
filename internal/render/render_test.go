package render

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/guillemet"
)

func TestLen(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0}, {"abc", 3}, {"élève", 5}, {"😀", 2}, {"a😀b", 4}, {"\u200b", 1},
	} {
		if got := Len(tc.s); got != tc.want {
			t.Errorf("Len(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		s    string
		max  int
		want string
	}{
		{"hello", 5, "hello"},
		{"hello", 4, "hel…"},
		{"hello", 1, "…"},
		{"hello", 0, ""},
		{"été éternel", 5, "été…"}, // space before the cut trimmed
		{"ééééé", 3, "éé…"},        // cut between runes, never inside
		{"a😀😀", 4, "a…"},           // the emoji takes 2 units: a + 😀 + … would be 4, but a😀 is 3 units + … = 4
		{"😀😀😀", 4, "😀…"},           // 2 + 1
		{strings.Repeat("x", 2001), MaxContent, strings.Repeat("x", 1999) + "…"},
	} {
		got := Truncate(tc.s, tc.max)
		if tc.s == "a😀😀" {
			tc.want = "a😀…"
		}
		if got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.s, tc.max, got, tc.want)
		}
		if Len(got) > tc.max || !utf8.ValidString(got) {
			t.Errorf("Truncate(%q, %d) = %q: %d units or invalid UTF-8", tc.s, tc.max, got, Len(got))
		}
	}
}

func TestEscapeNeutralisesMentions(t *testing.T) {
	for _, in := range []string{
		"@everyone look", "hey @here", "<@123456789012345678>", "<@!123456789012345678>",
		"<@&123456789012345678>", "<#123456789012345678>", "</ask:123456789012345678>", "<t:1700000000:R>",
	} {
		out := Escape(in)
		for _, bad := range []string{"@everyone", "@here", "<@", "<#", "</", "<t:"} {
			if strings.Contains(out, bad) {
				t.Errorf("Escape(%q) = %q still contains %q", in, out, bad)
			}
		}
		if strings.ReplaceAll(out, zeroWidthSpace, "") != in {
			t.Errorf("Escape(%q) = %q changed more than inserting zero-width spaces", in, out)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"**bold** _it_ ~~s~~ `c` ||spoil||", `\*\*bold\*\* \_it\_ \~\~s\~\~ \` + "`c\\`" + ` \|\|spoil\|\|`},
		{"> quote", `\> quote`},
		{"[click](https://x)", `\[click\](https://x)`},
		{`back\slash`, `back\\slash`},
		{"# Title\n- item\n  + item\n12. item", "\\# Title\n\\- item\n  \\+ item\n12\\. item"},
		{"Jean-Pierre a 3.5 ans, #1", "Jean-Pierre a 3.5 ans, #1"}, // not at a line start: left alone
		{"a\r\nb", "a\nb"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeFit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"abc", 3, "abc"},
		{"a*b*c", 7, `a\*b\*c`},
		{"a*b*c", 6, `a\*b…`}, // never half an escape: `a\*b\` + … would be cut inside
		{"a*b*c", 5, `a\*b…`},
		{"a*b*c", 4, `a\*…`},
		{"a*b*c", 3, `a…`},
		{"@@@@", 4, "@\u200b…"},
		{"x", 0, ""},
	} {
		got := EscapeFit(tc.in, tc.max)
		if got != tc.want {
			t.Errorf("EscapeFit(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if Len(got) > tc.max {
			t.Errorf("EscapeFit(%q, %d) = %q: %d units", tc.in, tc.max, got, Len(got))
		}
	}
}

func TestBold(t *testing.T) {
	s := "Qui a demandé un audit ?"
	at := func(w string) int { return strings.Index(s, w) }
	audit, demande := at("audit"), at("demandé")
	for _, tc := range []struct {
		name  string
		marks []guillemet.Span
		want  string
	}{
		{"none", nil, s},
		{"one", []guillemet.Span{{Start: audit, End: audit + 5}}, "Qui a demandé un **audit** ?"},
		{"two unordered", []guillemet.Span{{Start: audit, End: audit + 5}, {Start: demande, End: demande + len("demandé")}}, "Qui a **demandé** un **audit** ?"},
		{"overlap merged", []guillemet.Span{{Start: demande, End: demande + 4}, {Start: demande + 2, End: audit - 1}}, "Qui a **demandé un** audit ?"},
		{"touching merged", []guillemet.Span{{Start: demande, End: demande + 3}, {Start: demande + 3, End: demande + len("demandé")}}, "Qui a **demandé** un audit ?"},
		{"spaces trimmed", []guillemet.Span{{Start: audit - 1, End: audit + 6}}, "Qui a demandé un **audit** ?"},
		{"out of range clipped", []guillemet.Span{{Start: audit, End: 999}, {Start: -5, End: -1}}, "Qui a demandé un **audit ?**"},
		{"inside a rune widened", []guillemet.Span{{Start: at("é") + 1, End: at("é") + 2}}, "Qui a demand**é** un audit ?"},
		{"empty ignored", []guillemet.Span{{Start: 4, End: 4}}, s},
	} {
		if got := Bold(s, tc.marks); got != tc.want {
			t.Errorf("%s: Bold = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := Bold("*x* @everyone", []guillemet.Span{{Start: 0, End: 3}}); got != `**\*x\*** @`+zeroWidthSpace+`everyone` {
		t.Errorf("Bold does not escape inside and outside marks: %q", got)
	}
}

// fieldsOf builds n fields with names and values of the given lengths.
func fieldsOf(n, nameLen, valueLen int) []*discordgo.MessageEmbedField {
	var fs []*discordgo.MessageEmbedField
	for i := 0; i < n; i++ {
		fs = append(fs, &discordgo.MessageEmbedField{Name: strings.Repeat("n", nameLen), Value: strings.Repeat("v", valueLen)})
	}
	return fs
}

func buttons(n int, idLen int) []discordgo.MessageComponent {
	var bs []discordgo.MessageComponent
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("%d:", i)
		id += strings.Repeat("x", max(0, idLen-len(id)))
		bs = append(bs, discordgo.Button{Label: fmt.Sprint(i), CustomID: id})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: bs}}
}

func TestFitLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	type check func(t *testing.T, m Message)
	embed := func(m Message) *discordgo.MessageEmbed { return m.Embeds[0] }
	rowLens := func(m Message) []int {
		var ls []int
		for _, c := range m.Components {
			ls = append(ls, len(c.(discordgo.ActionsRow).Components))
		}
		return ls
	}
	for _, tc := range []struct {
		name string
		in   Message
		ok   check
	}{
		{"content 2000", Message{Content: long(2500)}, func(t *testing.T, m Message) {
			if Len(m.Content) != MaxContent || !strings.HasSuffix(m.Content, "…") {
				t.Errorf("content: %d units", Len(m.Content))
			}
		}},
		{"content exactly 2000 kept", Message{Content: long(2000)}, func(t *testing.T, m Message) {
			if m.Content != long(2000) {
				t.Error("content of exactly 2000 changed")
			}
		}},
		{"description 4096", Message{Embeds: []*discordgo.MessageEmbed{{Description: long(5000)}}}, func(t *testing.T, m Message) {
			if Len(embed(m).Description) != MaxDescription {
				t.Errorf("description: %d", Len(embed(m).Description))
			}
		}},
		{"title 256", Message{Embeds: []*discordgo.MessageEmbed{{Title: long(300)}}}, func(t *testing.T, m Message) {
			if Len(embed(m).Title) != MaxTitle {
				t.Errorf("title: %d", Len(embed(m).Title))
			}
		}},
		{"footer 2048 and author 256", Message{Embeds: []*discordgo.MessageEmbed{{
			Footer: &discordgo.MessageEmbedFooter{Text: long(3000)}, Author: &discordgo.MessageEmbedAuthor{Name: long(300)}}}},
			func(t *testing.T, m Message) {
				if Len(embed(m).Footer.Text) != MaxFooter || Len(embed(m).Author.Name) != MaxAuthor {
					t.Errorf("footer %d, author %d", Len(embed(m).Footer.Text), Len(embed(m).Author.Name))
				}
			}},
		{"field value 1024, name 256", Message{Embeds: []*discordgo.MessageEmbed{{Fields: fieldsOf(1, 300, 2000)}}}, func(t *testing.T, m Message) {
			f := embed(m).Fields[0]
			if Len(f.Value) != MaxFieldValue || Len(f.Name) != MaxFieldName {
				t.Errorf("field name %d, value %d", Len(f.Name), Len(f.Value))
			}
		}},
		{"empty field filled", Message{Embeds: []*discordgo.MessageEmbed{{Fields: fieldsOf(1, 0, 0)}}}, func(t *testing.T, m Message) {
			f := embed(m).Fields[0]
			if f.Name == "" || f.Value == "" {
				t.Error("empty field name or value sent")
			}
		}},
		{"25 fields", Message{Embeds: []*discordgo.MessageEmbed{{Fields: fieldsOf(30, 1, 1)}}}, func(t *testing.T, m Message) {
			if n := len(embed(m).Fields); n != MaxFields {
				t.Errorf("%d fields", n)
			}
		}},
		{"10 embeds", Message{Embeds: make12Embeds()}, func(t *testing.T, m Message) {
			if len(m.Embeds) != MaxEmbeds {
				t.Errorf("%d embeds", len(m.Embeds))
			}
		}},
		{"total 6000, footer kept", Message{Embeds: []*discordgo.MessageEmbed{{
			Title: long(200), Description: long(4096), Fields: fieldsOf(4, 10, 1024),
			Footer: &discordgo.MessageEmbedFooter{Text: "Question: keep me"}}}}, func(t *testing.T, m Message) {
			if n := EmbedLen(embed(m)); n > MaxEmbedTotal {
				t.Errorf("total %d", n)
			}
			if embed(m).Footer.Text != "Question: keep me" {
				t.Errorf("footer cut before the rest: %q", embed(m).Footer.Text)
			}
			if Len(embed(m).Description) != MaxDescription {
				t.Errorf("description cut (%d) while field values could shrink", Len(embed(m).Description))
			}
		}},
		{"total 6000 across embeds", Message{Embeds: []*discordgo.MessageEmbed{{Description: long(4000)}, {Description: long(4000)}}}, func(t *testing.T, m Message) {
			if n := EmbedLen(m.Embeds[0]) + EmbedLen(m.Embeds[1]); n > MaxEmbedTotal {
				t.Errorf("total %d", n)
			}
		}},
		{"5 buttons a row", Message{Components: buttons(7, 5)}, func(t *testing.T, m Message) {
			if got := fmt.Sprint(rowLens(m)); got != "[5 2]" {
				t.Errorf("rows %s", got)
			}
		}},
		{"5 rows", Message{Components: buttons(30, 5)}, func(t *testing.T, m Message) {
			if got := fmt.Sprint(rowLens(m)); got != "[5 5 5 5 5]" {
				t.Errorf("rows %s", got)
			}
		}},
		{"custom_id 100 kept, 101 dropped", Message{Components: append(buttons(1, 100), buttons(1, 101)...)}, func(t *testing.T, m Message) {
			if got := fmt.Sprint(rowLens(m)); got != "[1]" {
				t.Fatalf("rows %s", got)
			}
			if id := m.Components[0].(discordgo.ActionsRow).Components[0].(discordgo.Button).CustomID; len(id) != 100 {
				t.Errorf("kept custom_id of %d", len(id))
			}
		}},
		{"duplicate and empty custom_id dropped", Message{Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "a", CustomID: "x"}, discordgo.Button{Label: "b", CustomID: "x"}, discordgo.Button{Label: "c"}}}}},
			func(t *testing.T, m Message) {
				if got := fmt.Sprint(rowLens(m)); got != "[1]" {
					t.Errorf("rows %s", got)
				}
			}},
		{"button label 80", Message{Components: []discordgo.MessageComponent{discordgo.Button{Label: long(100), CustomID: "x"}}}, func(t *testing.T, m Message) {
			if l := m.Components[0].(discordgo.ActionsRow).Components[0].(discordgo.Button).Label; Len(l) != MaxButtonLabel {
				t.Errorf("label %d", Len(l))
			}
		}},
		{"empty message gets content", Message{}, func(t *testing.T, m Message) {
			if m.Content == "" {
				t.Error("empty message")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := json.Marshal(tc.in.Embeds)
			out := Fit(tc.in)
			after, _ := json.Marshal(tc.in.Embeds)
			if string(before) != string(after) {
				t.Error("Fit modified its argument")
			}
			tc.ok(t, out)
			assertWithinLimits(t, out)
		})
	}
}

func make12Embeds() []*discordgo.MessageEmbed {
	var es []*discordgo.MessageEmbed
	for i := 0; i < 12; i++ {
		es = append(es, &discordgo.MessageEmbed{Description: "x"})
	}
	return es
}

// assertWithinLimits checks every Discord limit on a fitted message.
func assertWithinLimits(t *testing.T, m Message) {
	t.Helper()
	if Len(m.Content) > MaxContent {
		t.Errorf("content %d", Len(m.Content))
	}
	if len(m.Embeds) > MaxEmbeds {
		t.Errorf("%d embeds", len(m.Embeds))
	}
	total := 0
	for _, e := range m.Embeds {
		total += EmbedLen(e)
		if Len(e.Title) > MaxTitle || Len(e.Description) > MaxDescription || len(e.Fields) > MaxFields {
			t.Errorf("embed title %d, description %d, %d fields", Len(e.Title), Len(e.Description), len(e.Fields))
		}
		if e.Footer != nil && Len(e.Footer.Text) > MaxFooter {
			t.Errorf("footer %d", Len(e.Footer.Text))
		}
		for _, f := range e.Fields {
			if Len(f.Name) > MaxFieldName || Len(f.Value) > MaxFieldValue || f.Name == "" || f.Value == "" {
				t.Errorf("field name %d, value %d", Len(f.Name), Len(f.Value))
			}
		}
	}
	if total > MaxEmbedTotal {
		t.Errorf("embeds total %d", total)
	}
	if len(m.Components) > MaxRows {
		t.Errorf("%d rows", len(m.Components))
	}
	for _, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			t.Errorf("top-level component %T is not a row", c)
			continue
		}
		if len(row.Components) > MaxButtonsPerRow {
			t.Errorf("row of %d", len(row.Components))
		}
		for _, b := range row.Components {
			if b, ok := b.(discordgo.Button); ok && (len(b.CustomID) > MaxCustomID || Len(b.Label) > MaxButtonLabel) {
				t.Errorf("button custom_id %d, label %d", len(b.CustomID), Len(b.Label))
			}
		}
	}
}

// TestFitRandom throws random sizes at Fit and checks every limit holds.
func TestFitRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "é", "😀", "*", "@", " ", "\n"}
	str := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return b.String()
	}
	for i := 0; i < 200; i++ {
		m := Message{Content: str(rng.Intn(2500))}
		for e := rng.Intn(12); e > 0; e-- {
			m.Embeds = append(m.Embeds, &discordgo.MessageEmbed{
				Title: str(rng.Intn(300)), Description: str(rng.Intn(5000)),
				Footer: &discordgo.MessageEmbedFooter{Text: str(rng.Intn(2500))},
				Fields: fieldsOf(rng.Intn(30), rng.Intn(300), rng.Intn(1500)),
			})
		}
		m.Components = buttons(rng.Intn(40), rng.Intn(120))
		assertWithinLimits(t, Fit(m))
	}
}

func TestAllowedMentionsAlwaysEmptyList(t *testing.T) {
	m := Message{Content: "@everyone hi"}
	shapes := map[string]any{
		"response": m.Response(discordgo.InteractionResponseChannelMessageWithSource),
		"send":     m.Send(&discordgo.Message{ID: "1", ChannelID: "2"}),
		"edit":     m.Edit(),
		"followup": m.Followup(),
	}
	for name, v := range shapes {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("%s: %s lacks \"parse\":[]", name, b)
		}
	}
	// MarshalResponse adds it to a response built elsewhere, and
	// replaces one that would allow mentions.
	for _, am := range []*discordgo.MessageAllowedMentions{nil, {Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeEveryone}}} {
		b, err := MarshalResponse(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "x", AllowedMentions: am}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("MarshalResponse: %s", b)
		}
	}
	// A reply does not ping the author it replies to.
	b, _ := json.Marshal(m.Send(&discordgo.Message{ID: "1", ChannelID: "2"}))
	if !strings.Contains(string(b), `"replied_user":false`) || !strings.Contains(string(b), `"message_id":"1"`) {
		t.Errorf("reply: %s", b)
	}
}

func TestChoices(t *testing.T) {
	var names []string
	for i := 0; i < 40; i++ {
		names = append(names, fmt.Sprintf("Person %02d", i))
	}
	names = append([]string{strings.Repeat("Ü", 150), "Person 00", ""}, names...)
	r := Choices(names)
	if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("type %d", r.Type)
	}
	cs := r.Data.Choices
	if len(cs) != MaxChoices {
		t.Fatalf("%d choices", len(cs))
	}
	if Len(cs[0].Name) != MaxChoiceName || !strings.HasSuffix(cs[0].Name, "…") {
		t.Errorf("long name: %d units %q", Len(cs[0].Name), cs[0].Name)
	}
	if v := cs[0].Value.(string); Len(v) != MaxChoiceValue || strings.Contains(v, "…") {
		t.Errorf("long value: %d units", Len(v))
	}
	seen := map[any]bool{}
	for _, c := range cs {
		if seen[c.Value] || c.Name == "" {
			t.Errorf("duplicate or empty choice %q", c.Name)
		}
		seen[c.Value] = true
	}

	for _, empty := range []*discordgo.InteractionResponse{Choices(nil), {Type: discordgo.InteractionApplicationCommandAutocompleteResult}} {
		b, err := MarshalResponse(empty)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != `{"type":8,"data":{"choices":[]}}` {
			t.Errorf("empty autocomplete: %s", b)
		}
	}
}

func sampleResult() guillemet.Result {
	sentence := "Pierre Paperon, qui a demandé un audit, s'inquiète."
	passage := "Le contexte d'abord. " + sentence + " La suite ensuite."
	return guillemet.Result{
		Question: "who asked for the audit @everyone?",
		Found:    true,
		Answers: []guillemet.Answer{
			{Article: "article", Paragraph: 7, Passage: passage, Sentence: sentence, Speaker: "Jean <@123> Dupont",
				Marks: []guillemet.Span{{Start: strings.Index(sentence, "demandé"), End: strings.Index(sentence, "demandé") + len("demandé")},
					{Start: strings.Index(sentence, "audit"), End: strings.Index(sentence, "audit") + 5}}},
			{Article: "article", Paragraph: 9, Passage: "Autre.", Sentence: "Autre."},
		},
	}
}

func TestAnswer(t *testing.T) {
	r := sampleResult()
	m := Answer(r, 0, Nav{Page: 0, Pages: 2, PrevID: "p", NextID: "n"})
	if len(m.Embeds) != 1 {
		t.Fatalf("%d embeds", len(m.Embeds))
	}
	e := m.Embeds[0]
	if !strings.Contains(e.Description, "**demandé**") || !strings.Contains(e.Description, "**audit**") {
		t.Errorf("marks not bold: %q", e.Description)
	}
	if !strings.Contains(e.Description, "Jean <\u200b@\u200b123> Dupont") {
		t.Errorf("speaker missing or not neutralised: %q", e.Description)
	}
	if len(e.Fields) != 1 || !strings.Contains(e.Fields[0].Value, "Le contexte d'abord.") {
		t.Errorf("context: %+v", e.Fields)
	}
	if !strings.Contains(e.Footer.Text, "article · paragraph 7 · answer 1/2") {
		t.Errorf("footer: %q", e.Footer.Text)
	}
	if q, ok := QuestionFromEmbed(e); !ok || q != r.Question {
		t.Errorf("question recovered as %q, %v", q, ok)
	}
	if m.Ephemeral {
		t.Error("an answer is ephemeral")
	}
	row := Fit(m).Components[0].(discordgo.ActionsRow)
	prev, next := row.Components[0].(discordgo.Button), row.Components[1].(discordgo.Button)
	if !prev.Disabled || next.Disabled || prev.CustomID != "p" || next.CustomID != "n" {
		t.Errorf("buttons: %+v %+v", prev, next)
	}

	// The second answer: no context field (the passage is the sentence),
	// previous enabled, next disabled.
	m = Answer(r, 1, Nav{Page: 1, Pages: 2, PrevID: "p", NextID: "n"})
	if len(m.Embeds[0].Fields) != 0 {
		t.Errorf("context repeated the sentence: %+v", m.Embeds[0].Fields)
	}
	row = Fit(m).Components[0].(discordgo.ActionsRow)
	if row.Components[0].(discordgo.Button).Disabled || !row.Components[1].(discordgo.Button).Disabled {
		t.Error("buttons of the last page")
	}
	// One answer: no buttons.
	r.Answers = r.Answers[:1]
	if c := Fit(Answer(r, 0, Nav{Pages: 1})).Components; len(c) != 0 {
		t.Errorf("buttons with one page: %+v", c)
	}
}

func TestAnswerLongPassageExcerpt(t *testing.T) {
	before := strings.Repeat("Avant la phrase, beaucoup de texte. ", 60)
	sentence := "Il a demandé un audit."
	after := strings.Repeat(" Après la phrase, encore du texte.", 60)
	r := guillemet.Result{Question: "q", Found: true, Answers: []guillemet.Answer{{Article: "a", Paragraph: 3, Passage: before + sentence + after, Sentence: sentence}}}
	e := Answer(r, 0, Nav{}).Embeds[0]
	v := e.Fields[0].Value
	if Len(v) > MaxFieldValue || !strings.Contains(v, sentence) || !strings.HasPrefix(v, "…") || !strings.HasSuffix(v, "…") {
		t.Errorf("excerpt (%d units): %q", Len(v), v)
	}
}

func TestNotFound(t *testing.T) {
	m := NotFound(guillemet.Result{Question: "what is @here?", Suggestions: []string{"Qui est Pierre Paperon ?", "audit"}})
	if !m.Ephemeral || !strings.Contains(m.Content, "Qui est Pierre Paperon ?") || strings.Contains(m.Content, "@here") {
		t.Errorf("not found: %+v", m)
	}
}

func TestQuotesPagesAndRecovery(t *testing.T) {
	var qs []guillemet.Quote
	for i := 1; i <= 12; i++ {
		qs = append(qs, guillemet.Quote{Text: fmt.Sprintf("citation %d", i), Speaker: "Pierre Paperon", Paragraph: i})
	}
	qs[11].Speaker = ""
	q := guillemet.QuoteQuery{Speaker: "paperon", Words: "audit"}
	m := Quotes(q, qs, 2, Nav{Page: 2, Pages: QuotePages(len(qs)), PrevID: "p", NextID: "n"})
	e := m.Embeds[0]
	if !strings.Contains(e.Description, "**11.** « citation 11 »") || !strings.Contains(e.Description, "**12.**") || strings.Contains(e.Description, "**10.**") {
		t.Errorf("page 3 description: %q", e.Description)
	}
	if !strings.Contains(e.Description, "unattributed") {
		t.Error("a quotation without a speaker is not marked")
	}
	if !strings.Contains(e.Footer.Text, "quotations 11–12 of 12") {
		t.Errorf("footer %q", e.Footer.Text)
	}
	got, ok := QuoteQueryFromEmbed(e)
	if !ok || got != q {
		t.Errorf("recovered %+v %v, want %+v", got, ok, q)
	}
	if _, ok := QuoteQueryFromEmbed(Quotes(guillemet.QuoteQuery{}, qs, 0, Nav{}).Embeds[0]); ok {
		t.Error("a query recovered from an unfiltered listing")
	}
	if QuotePages(0) != 0 || QuotePages(5) != 1 || QuotePages(6) != 2 {
		t.Error("QuotePages")
	}
	// Very long quotations still fit one page.
	for i := range qs {
		qs[i].Text = strings.Repeat("mot ", 1000)
	}
	assertWithinLimits(t, Fit(Quotes(q, qs, 0, Nav{})))
	if e := Fit(Quotes(q, qs, 0, Nav{})).Embeds[0]; strings.Count(e.Description, "**") != 2*QuotesPerPage {
		t.Errorf("long quotations cut a page short: %q", e.Description[:200])
	}
	if m := NoQuotes(q); !m.Ephemeral || !strings.Contains(m.Content, "paperon") {
		t.Errorf("no quotes: %+v", m)
	}
}

func TestAbout(t *testing.T) {
	o := guillemet.Overview{
		Articles: []guillemet.ArticleSummary{{Name: "article", Title: "Le cloud souverain", Paragraphs: 30, Quotes: 12}},
		Topics:   []string{"cloud", "audit"},
	}
	for i := 0; i < 60; i++ {
		o.People = append(o.People, guillemet.PersonSummary{Name: fmt.Sprintf("Personne %d", i), Role: strings.Repeat("rôle ", 10), Quotes: 60 - i})
	}
	m := About(o)
	e := Fit(m).Embeds[0]
	if e.Title != "Le cloud souverain" || !strings.Contains(e.Description, "30 paragraphs, 12 quotations") || !strings.Contains(e.Description, "/ask") {
		t.Errorf("about: %q / %q", e.Title, e.Description)
	}
	if !strings.Contains(e.Fields[0].Value, "**Personne 0** — rôle") || !strings.Contains(e.Fields[0].Value, "60 quotations") {
		t.Errorf("people: %q", e.Fields[0].Value)
	}
	if len(e.Fields) < 3 {
		t.Errorf("60 people in %d fields", len(e.Fields))
	}
	if last := e.Fields[len(e.Fields)-1]; last.Name != "Topics" || last.Value != "cloud, audit" {
		t.Errorf("topics: %+v", last)
	}
	assertWithinLimits(t, Fit(m))
}

func TestNotices(t *testing.T) {
	for name, m := range map[string]Message{
		"toolong": TooLong(612), "cooldown": Cooldown(2400_000_000), "failure": Failure(), "expired": Expired(), "empty": EmptyQuestion(),
	} {
		if !m.Ephemeral || m.Content == "" {
			t.Errorf("%s: %+v", name, m)
		}
	}
	if !strings.Contains(TooLong(612).Content, "612") || !strings.Contains(TooLong(612).Content, "500") {
		t.Error("TooLong does not say the lengths")
	}
	if !strings.Contains(Cooldown(2400_000_000).Content, "2 s") {
		t.Errorf("cooldown: %q", Cooldown(2400_000_000).Content)
	}
	if Help().Ephemeral || Help().Content == "" {
		t.Error("help")
	}
}
