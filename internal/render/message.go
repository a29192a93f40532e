package render

import (
	"encoding/json"

	"github.com/bwmarrin/discordgo"
)

// Message is a rendered reply, before it is shaped for the Discord
// endpoint that sends it (interaction response, message, edit, follow-up).
// Every shape goes through Fit and carries NoMentions.
type Message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool // only for interactions: seen by the user who asked
}

// NoMentions allows no mention at all. Parse is an empty, non-nil slice,
// so it is sent as "parse":[] (discordgo does not omit it; a nil slice
// would be sent as null, which Discord reads as "the defaults").
func NoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (m Message) flags() discordgo.MessageFlags {
	if m.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// Data is m as the data of an interaction response.
func (m Message) Data() *discordgo.InteractionResponseData {
	f := Fit(m)
	return &discordgo.InteractionResponseData{
		Content:         f.Content,
		Embeds:          f.Embeds,
		Components:      f.Components,
		AllowedMentions: NoMentions(),
		Flags:           f.flags(),
	}
}

// Response is m as an interaction response of type t: usually
// InteractionResponseChannelMessageWithSource, or
// InteractionResponseUpdateMessage for a button that changes its message.
func (m Message) Response(t discordgo.InteractionResponseType) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: t, Data: m.Data()}
}

// Send is m as a new channel message; when replyTo is not nil, as a reply
// to it that does not ping its author.
func (m Message) Send(replyTo *discordgo.Message) *discordgo.MessageSend {
	f := Fit(m)
	s := &discordgo.MessageSend{
		Content:         f.Content,
		Embeds:          f.Embeds,
		Components:      f.Components,
		AllowedMentions: NoMentions(),
	}
	if replyTo != nil {
		no := false
		s.Reference = &discordgo.MessageReference{
			MessageID:       replyTo.ID,
			ChannelID:       replyTo.ChannelID,
			GuildID:         replyTo.GuildID,
			FailIfNotExists: &no, // the question was deleted: still answer
		}
	}
	return s
}

// Edit is m as an edit of an interaction's original response. Every
// part is set, so what the edited message had is replaced.
func (m Message) Edit() *discordgo.WebhookEdit {
	f := Fit(m)
	return &discordgo.WebhookEdit{
		Content:         &f.Content,
		Embeds:          &f.Embeds,
		Components:      &f.Components,
		AllowedMentions: NoMentions(),
	}
}

// Followup is m as a follow-up message of an interaction.
func (m Message) Followup() *discordgo.WebhookParams {
	f := Fit(m)
	return &discordgo.WebhookParams{
		Content:         f.Content,
		Embeds:          f.Embeds,
		Components:      f.Components,
		AllowedMentions: NoMentions(),
		Flags:           f.flags(),
	}
}

// FromData turns the data of an interaction response back into a
// Message, so a transport that deferred can send it as an edit or a
// follow-up.
func FromData(d *discordgo.InteractionResponseData) Message {
	if d == nil {
		return Message{}
	}
	return Message{
		Content:    d.Content,
		Embeds:     d.Embeds,
		Components: d.Components,
		Ephemeral:  d.Flags&discordgo.MessageFlagsEphemeral != 0,
	}
}

// Choices is the response to an autocomplete: at most MaxChoices
// choices, names cut to MaxChoiceName with "…", values cut to
// MaxChoiceValue, duplicates and empty names dropped. No names gives an
// empty list, which is a valid answer.
func Choices(names []string) *discordgo.InteractionResponse {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	seen := map[string]bool{}
	for _, n := range names {
		n = oneLine(n)
		v := Cut(n, MaxChoiceValue)
		if n == "" || seen[v] {
			continue
		}
		seen[v] = true
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: Truncate(n, MaxChoiceName), Value: v})
		if len(choices) == MaxChoices {
			break
		}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// MarshalResponse encodes an interaction response as Discord expects it.
// Transports must send this rather than json.Marshal(r): discordgo
// drops an empty "choices" list (omitempty), and Discord needs
// "choices":[] to show "no match"; and any message data gets
// NoMentions, whatever it had.
func MarshalResponse(r *discordgo.InteractionResponse) ([]byte, error) {
	if r == nil {
		return nil, errNilResponse
	}
	if r.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		choices := []*discordgo.ApplicationCommandOptionChoice{}
		if r.Data != nil && r.Data.Choices != nil {
			choices = r.Data.Choices
		}
		return json.Marshal(struct {
			Type discordgo.InteractionResponseType `json:"type"`
			Data struct {
				Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
			} `json:"data"`
		}{Type: r.Type, Data: struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}{choices}})
	}
	if r.Data != nil {
		d := *r.Data
		d.AllowedMentions = NoMentions()
		r = &discordgo.InteractionResponse{Type: r.Type, Data: &d}
	}
	return json.Marshal(r)
}

type renderError string

func (e renderError) Error() string { return string(e) }

const errNilResponse = renderError("render: nil interaction response")
