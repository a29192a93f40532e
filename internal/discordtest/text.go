package discordtest

import (
	"strings"

	"github.com/bwmarrin/discordgo"
)

// MessageText is all the text a message shows a reader: its content and
// each embed's title, description, fields and footer, one per line.
func MessageText(m *discordgo.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}
