package render

import "github.com/bwmarrin/discordgo"

// Fit returns a copy of m within every Discord limit: content, embeds
// (count, title, description, fields, footer, author, total), buttons
// (5 a row, 5 rows, labels, custom_id). Strings are cut on rune
// boundaries with "…"; fields and buttons that do not fit are dropped, as
// is any button whose custom_id is empty or too long (cutting a custom_id
// would make it mean something else). m is not modified.
func Fit(m Message) Message {
	out := Message{Content: Truncate(m.Content, MaxContent), Ephemeral: m.Ephemeral}
	out.Embeds = []*discordgo.MessageEmbed{}
	for _, e := range m.Embeds {
		if e == nil {
			continue
		}
		if len(out.Embeds) == MaxEmbeds {
			break
		}
		out.Embeds = append(out.Embeds, fitEmbed(e))
	}
	shrinkTotal(out.Embeds)
	out.Components = fitComponents(m.Components)
	if out.Content == "" && len(out.Embeds) == 0 {
		out.Content = defaultEmptyContent // Discord refuses an empty message
	}
	return out
}

func fitEmbed(in *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	e := *in
	e.Title = Truncate(e.Title, MaxTitle)
	e.Description = Truncate(e.Description, MaxDescription)
	if in.Footer != nil {
		f := *in.Footer
		f.Text = Truncate(f.Text, MaxFooter)
		e.Footer = &f
	}
	if in.Author != nil {
		a := *in.Author
		a.Name = Truncate(a.Name, MaxAuthor)
		e.Author = &a
	}
	e.Fields = nil
	for _, f := range in.Fields {
		if f == nil {
			continue
		}
		if len(e.Fields) == MaxFields {
			break
		}
		c := *f
		c.Name = nonEmpty(Truncate(c.Name, MaxFieldName))
		c.Value = nonEmpty(Truncate(c.Value, MaxFieldValue))
		e.Fields = append(e.Fields, &c)
	}
	return &e
}

func nonEmpty(s string) string {
	if s == "" {
		return emptyFieldText
	}
	return s
}

// EmbedLen is what counts toward MaxEmbedTotal for one embed.
func EmbedLen(e *discordgo.MessageEmbed) int {
	n := Len(e.Title) + Len(e.Description)
	if e.Footer != nil {
		n += Len(e.Footer.Text)
	}
	if e.Author != nil {
		n += Len(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += Len(f.Name) + Len(f.Value)
	}
	return n
}

// shrinkTotal cuts the embeds until their total fits MaxEmbedTotal:
// field values first (last field first), then descriptions, field names,
// titles, authors and, last, footers (which may hold what a button
// needs to serve a click).
func shrinkTotal(embeds []*discordgo.MessageEmbed) {
	total := 0
	for _, e := range embeds {
		total += EmbedLen(e)
	}
	excess := total - MaxEmbedTotal
	if excess <= 0 {
		return
	}
	cut := func(s *string, keep int) {
		if excess <= 0 {
			return
		}
		n := Len(*s)
		target := max(n-excess, keep)
		if target >= n {
			return
		}
		*s = Truncate(*s, target)
		excess -= n - Len(*s)
	}
	for i := len(embeds) - 1; i >= 0; i-- {
		for j := len(embeds[i].Fields) - 1; j >= 0; j-- {
			cut(&embeds[i].Fields[j].Value, 1)
		}
	}
	for i := len(embeds) - 1; i >= 0; i-- {
		cut(&embeds[i].Description, 0)
	}
	for i := len(embeds) - 1; i >= 0; i-- {
		for j := len(embeds[i].Fields) - 1; j >= 0; j-- {
			cut(&embeds[i].Fields[j].Name, 1)
		}
		cut(&embeds[i].Title, 0)
		if embeds[i].Author != nil {
			cut(&embeds[i].Author.Name, 0)
		}
	}
	for i := len(embeds) - 1; i >= 0; i-- {
		if embeds[i].Footer != nil {
			cut(&embeds[i].Footer.Text, 0)
		}
	}
}

// fitComponents lays the buttons of components out again, at most
// MaxButtonsPerRow a row and MaxRows rows, keeping their order. Rows
// holding something other than buttons (a select menu) are kept as they
// are and count toward MaxRows.
func fitComponents(in []discordgo.MessageComponent) []discordgo.MessageComponent {
	var buttons []discordgo.Button
	var others []discordgo.MessageComponent
	seen := map[string]bool{}
	addButton := func(b discordgo.Button) {
		b.Label = Truncate(b.Label, MaxButtonLabel)
		if b.Style == discordgo.LinkButton {
			if b.URL == "" {
				return
			}
			b.CustomID = ""
		} else {
			if b.CustomID == "" || len(b.CustomID) > MaxCustomID || seen[b.CustomID] {
				return // Discord refuses the whole message otherwise
			}
			seen[b.CustomID] = true
		}
		buttons = append(buttons, b)
	}
	var walk func(c discordgo.MessageComponent)
	walk = func(c discordgo.MessageComponent) {
		switch v := c.(type) {
		case discordgo.Button:
			addButton(v)
		case *discordgo.Button:
			if v != nil {
				addButton(*v)
			}
		case discordgo.ActionsRow:
			if onlyButtons(v.Components) {
				for _, cc := range v.Components {
					walk(cc)
				}
			} else {
				others = append(others, v)
			}
		case *discordgo.ActionsRow:
			if v != nil {
				walk(*v)
			}
		case nil:
		default:
			others = append(others, discordgo.ActionsRow{Components: []discordgo.MessageComponent{v}})
		}
	}
	for _, c := range in {
		walk(c)
	}
	out := []discordgo.MessageComponent{}
	for _, o := range others {
		if len(out) == MaxRows {
			return out
		}
		out = append(out, o)
	}
	for len(buttons) > 0 && len(out) < MaxRows {
		n := min(len(buttons), MaxButtonsPerRow)
		row := discordgo.ActionsRow{}
		for _, b := range buttons[:n] {
			row.Components = append(row.Components, b)
		}
		out = append(out, row)
		buttons = buttons[n:]
	}
	return out
}

func onlyButtons(cs []discordgo.MessageComponent) bool {
	for _, c := range cs {
		switch c.(type) {
		case discordgo.Button, *discordgo.Button:
		default:
			return false
		}
	}
	return true
}
