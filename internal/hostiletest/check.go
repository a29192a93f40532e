package hostiletest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"guillemet/internal/render"
)

// message is what Discord reads of a message, an interaction response's
// data, an edit or a follow-up: decoded here on its own, not through
// discordgo, so that what is checked is what was sent.
type message struct {
	Content string `json:"content"`
	Embeds  []struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Fields      []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"fields"`
		Footer *struct {
			Text string `json:"text"`
		} `json:"footer"`
		Author *struct {
			Name string `json:"name"`
		} `json:"author"`
	} `json:"embeds"`
	Components []struct {
		Type       int `json:"type"`
		Components []struct {
			Type     int    `json:"type"`
			Style    int    `json:"style"`
			Label    string `json:"label"`
			CustomID string `json:"custom_id"`
			URL      string `json:"url"`
		} `json:"components"`
	} `json:"components"`
	AllowedMentions *struct {
		Parse       *[]string `json:"parse"`
		Users       []string  `json:"users"`
		Roles       []string  `json:"roles"`
		RepliedUser bool      `json:"replied_user"`
	} `json:"allowed_mentions"`
	Flags   int `json:"flags"`
	Choices []struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	} `json:"choices"`
}

// Reply is what a check found in a reply, for the tests' own assertions.
type Reply struct {
	Type      int    // interaction response type (0 for a plain message)
	Content   string // the content
	Embeds    int    // how many embeds
	Text      string // content, descriptions and fields: where Discord renders mentions
	Footer    string // the footers, plain text
	Ephemeral bool
	Choices   []string
	Buttons   []string // custom_ids
}

// CheckResponse checks an interaction response as sent to Discord: valid
// JSON and UTF-8; its message (if any) as CheckMessage does; an
// autocomplete's choices within Discord's limits.
func CheckResponse(body []byte) (Reply, error) {
	var r struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if !utf8.Valid(body) {
		return Reply{}, errors.New("not valid UTF-8")
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return Reply{}, fmt.Errorf("not JSON: %v", err)
	}
	switch r.Type {
	case 1, 5, 6: // pong, deferred
		return Reply{Type: r.Type}, nil
	case 8: // autocomplete
		var m message
		if err := json.Unmarshal(r.Data, &m); err != nil {
			return Reply{}, err
		}
		if !bytes.Contains(r.Data, []byte(`"choices":[`)) {
			return Reply{}, errors.New(`autocomplete without "choices":[...]`)
		}
		rep := Reply{Type: 8}
		if len(m.Choices) > render.MaxChoices {
			return rep, fmt.Errorf("%d choices", len(m.Choices))
		}
		for _, c := range m.Choices {
			v, _ := c.Value.(string)
			if c.Name == "" || render.Len(c.Name) > render.MaxChoiceName || render.Len(v) > render.MaxChoiceValue {
				return rep, fmt.Errorf("choice %q = %q out of limits", c.Name, v)
			}
			rep.Choices = append(rep.Choices, c.Name)
		}
		return rep, nil
	case 4, 7: // message, update
		rep, err := CheckMessage(r.Data)
		rep.Type = r.Type
		return rep, err
	}
	return Reply{}, fmt.Errorf("unexpected response type %d", r.Type)
}

// CheckMessage checks a message (a channel message, an interaction
// response's data, an edit, a follow-up):
//
//   - allowed_mentions is {"parse": []}, with no users or roles, and no
//     replied user: nobody can be pinged, whatever the text says;
//   - in the text where Discord renders mentions and markdown (content,
//     descriptions, field names and values, author), every "@" and "<"
//     is followed by a zero-width space, so no mention (@everyone, @here,
//     <@id>, <@&id>, <#id>, </cmd:id>, <t:…>) is even formed;
//   - every Discord limit holds (lengths in UTF-16 units: content, 10
//     embeds, title, description, 25 fields, footer, 6,000 in all, 5 rows
//     of 5 buttons, labels, custom_ids) and nothing required is empty.
//
// Titles and footers render no mention (footers are plain text): they
// are only checked for their length. (No user text goes into a title;
// footers carry the question, as typed, for the paging buttons.)
func CheckMessage(body []byte) (Reply, error) {
	var m message
	var rep Reply
	if !utf8.Valid(body) {
		return rep, errors.New("not valid UTF-8")
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return rep, fmt.Errorf("not JSON: %v", err)
	}
	rep.Content, rep.Embeds, rep.Ephemeral = m.Content, len(m.Embeds), m.Flags&64 != 0
	am := m.AllowedMentions
	if am == nil || am.Parse == nil || len(*am.Parse) != 0 || len(am.Users) != 0 || len(am.Roles) != 0 || am.RepliedUser {
		return rep, fmt.Errorf(`allowed_mentions is not {"parse":[]}: %s`, extract(body, "allowed_mentions"))
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		return rep, errors.New("neither content nor embeds")
	}
	var text []string
	check := func(what, s string, max int, required bool) error {
		if n := render.Len(s); n > max {
			return fmt.Errorf("%s is %d long, over %d", what, n, max)
		}
		if required && s == "" {
			return fmt.Errorf("%s is empty", what)
		}
		text = append(text, s)
		return nil
	}
	if err := check("content", m.Content, render.MaxContent, false); err != nil {
		return rep, err
	}
	if len(m.Embeds) > render.MaxEmbeds {
		return rep, fmt.Errorf("%d embeds", len(m.Embeds))
	}
	total := 0
	var footers []string
	for _, e := range m.Embeds {
		if n := render.Len(e.Title); n > render.MaxTitle {
			return rep, fmt.Errorf("title is %d long", n)
		}
		if err := check("description", e.Description, render.MaxDescription, false); err != nil {
			return rep, err
		}
		total += render.Len(e.Title) + render.Len(e.Description)
		if len(e.Fields) > render.MaxFields {
			return rep, fmt.Errorf("%d fields", len(e.Fields))
		}
		for _, f := range e.Fields {
			if err := check("field name", f.Name, render.MaxFieldName, true); err != nil {
				return rep, err
			}
			if err := check("field value", f.Value, render.MaxFieldValue, true); err != nil {
				return rep, err
			}
			total += render.Len(f.Name) + render.Len(f.Value)
		}
		if e.Footer != nil {
			if n := render.Len(e.Footer.Text); n > render.MaxFooter {
				return rep, fmt.Errorf("footer is %d long", n)
			}
			total += render.Len(e.Footer.Text)
			footers = append(footers, e.Footer.Text)
		}
		if e.Author != nil {
			if err := check("author", e.Author.Name, render.MaxAuthor, false); err != nil {
				return rep, err
			}
			total += render.Len(e.Author.Name)
		}
	}
	if total > render.MaxEmbedTotal {
		return rep, fmt.Errorf("embeds total %d, over %d", total, render.MaxEmbedTotal)
	}
	if len(m.Components) > render.MaxRows {
		return rep, fmt.Errorf("%d component rows", len(m.Components))
	}
	seen := map[string]bool{}
	for _, row := range m.Components {
		if len(row.Components) > render.MaxButtonsPerRow {
			return rep, fmt.Errorf("%d buttons in a row", len(row.Components))
		}
		for _, b := range row.Components {
			if render.Len(b.Label) > render.MaxButtonLabel {
				return rep, fmt.Errorf("button label %q too long", b.Label)
			}
			if b.Style == 5 { // link
				continue
			}
			if b.CustomID == "" || len(b.CustomID) > render.MaxCustomID || seen[b.CustomID] || !utf8.ValidString(b.CustomID) {
				return rep, fmt.Errorf("button custom_id %q empty, too long, repeated or not UTF-8", b.CustomID)
			}
			seen[b.CustomID] = true
			rep.Buttons = append(rep.Buttons, b.CustomID)
		}
	}
	rep.Text = strings.Join(text, "\n")
	rep.Footer = strings.Join(footers, "\n")
	if err := Inert(rep.Text); err != nil {
		return rep, err
	}
	return rep, nil
}

// Inert checks that s, rendered by Discord, forms no mention: every "@"
// and every "<" is followed by a zero-width space.
func Inert(s string) error {
	for i := 0; i < len(s); i++ {
		if s[i] == '@' || s[i] == '<' {
			if !strings.HasPrefix(s[i+1:], "\u200b") {
				j := min(len(s), i+20)
				return fmt.Errorf("%q at %d is not neutralised: %q", s[i], i, s[i:j])
			}
		}
	}
	return nil
}

// Escaped checks that s, user text echoed in a message, cannot change its
// formatting: every markdown character is escaped with a backslash, and
// it holds no line break, and no invisible or direction character (a
// right-to-left override would turn the rest of the bot's line around).
func Escaped(s string) error {
	if strings.ContainsAny(s, "\n\r") {
		return fmt.Errorf("line break in %q", s)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Cf, r) && r != '\u200b' }); i >= 0 {
		return fmt.Errorf("invisible or direction character %U in %q", []rune(s[i:])[0], s)
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // an escape and what it escapes
		case '*', '_', '~', '`', '|', '[', ']':
			return fmt.Errorf("unescaped %q in %q", s[i], s)
		}
	}
	return nil
}

// Echo returns what a "not found" notice echoes of the question: the text
// between its first “ and the ” before its first line break.
func Echo(content string) (string, bool) {
	line, _, _ := strings.Cut(content, "\n")
	_, rest, ok := strings.Cut(line, "“")
	if !ok {
		return "", false
	}
	i := strings.LastIndex(rest, "”")
	if i < 0 {
		return "", false
	}
	return rest[:i], true
}

func extract(body []byte, key string) string {
	i := bytes.Index(body, []byte(`"`+key+`"`))
	if i < 0 {
		return "(none)"
	}
	return string(body[i:min(len(body), i+80)])
}
