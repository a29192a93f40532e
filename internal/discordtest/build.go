package discordtest

import (
	"github.com/bwmarrin/discordgo"
)

// IDs used by the builders.
const (
	GuildID   = "1300000000000000001"
	ChannelID = "1300000000000000002"
	UserID    = "1300000000000000003"
)

// Opt is a string option of a slash command.
func Opt(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// Focused is the option being typed, in an autocomplete.
func Focused(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	o := Opt(name, value)
	o.Focused = true
	return o
}

// Command is slash command name used by UserID in ChannelID of GuildID.
func Command(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand, GuildID: GuildID, ChannelID: ChannelID,
		Member: &discordgo.Member{User: &discordgo.User{ID: UserID, Username: "asker"}},
		Data:   discordgo.ApplicationCommandInteractionData{ID: "cmd-" + name, Name: name, Options: opts},
	}
}

// Autocomplete is an autocomplete of command name, one of opts Focused.
func Autocomplete(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := Command(name, opts...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

// Click is a click by UserID on the button customID of message m.
func Click(m *discordgo.Message, customID string) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionMessageComponent, GuildID: GuildID, ChannelID: ChannelID, Message: m,
		Member: &discordgo.Member{User: &discordgo.User{ID: UserID, Username: "asker"}},
		Data:   discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
}

// Message is a message by a user (UserID unless author is given) in
// ChannelID of GuildID, mentioning the users mentions.
func Message(content string, author *discordgo.User, mentions ...string) *discordgo.Message {
	if author == nil {
		author = &discordgo.User{ID: UserID, Username: "asker"}
	}
	m := &discordgo.Message{ChannelID: ChannelID, GuildID: GuildID, Content: content, Author: author, Type: discordgo.MessageTypeDefault}
	for _, id := range mentions {
		m.Mentions = append(m.Mentions, &discordgo.User{ID: id})
	}
	return m
}
