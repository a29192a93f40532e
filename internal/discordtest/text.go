package discordtest

import (
	"bytes"
	"strings"
	"testing"

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

// Buttons returns a message's buttons, row by row.
func Buttons(m *discordgo.Message) []*discordgo.Button {
	var bs []*discordgo.Button
	for _, c := range m.Components {
		if row, ok := c.(*discordgo.ActionsRow); ok {
			for _, b := range row.Components {
				if b, ok := b.(*discordgo.Button); ok {
					bs = append(bs, b)
				}
			}
		}
	}
	return bs
}

// NoPing fails t unless a request body disables every mention.
func NoPing(t testing.TB, body []byte) {
	t.Helper()
	if !bytes.Contains(body, []byte(`"allowed_mentions":{"parse":[]`)) {
		t.Errorf(`no "allowed_mentions":{"parse":[] in %s`, body)
	}
}
