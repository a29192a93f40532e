package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/render"
)

// interactionAPI sends interaction responses, edits and follow-ups. They
// bypass discordgo's REST client on purpose: it keeps a rate-limit bucket
// per URL forever, and these URLs hold each interaction's id and token,
// so a long-running bot would grow one entry per interaction. These
// endpoints need no bot token either: the interaction token is the
// credential.
type interactionAPI struct {
	client    *http.Client
	userAgent string
}

// maxRetryAfter is the longest 429 wait worth retrying once: an answer
// later than that is of no use.
const maxRetryAfter = time.Second

func (a *interactionAPI) do(ctx context.Context, method, url string, body []byte) error {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("User-Agent", a.userAgent)
		resp, err := a.client.Do(req)
		if err != nil {
			return err
		}
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		if resp.StatusCode/100 == 2 {
			return nil
		}
		if resp.StatusCode == http.StatusTooManyRequests && attempt == 0 {
			var rl struct {
				RetryAfter float64 `json:"retry_after"`
			}
			json.Unmarshal(msg, &rl)
			wait := time.Duration(rl.RetryAfter * float64(time.Second))
			if wait <= 0 {
				wait, _ = time.ParseDuration(resp.Header.Get("Retry-After") + "s")
			}
			if wait <= maxRetryAfter {
				select {
				case <-time.After(wait):
					continue
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		}
		return &apiError{method: method, status: resp.StatusCode, body: string(msg)}
	}
}

// apiError is a refused request; it does not hold the URL, which holds
// the interaction token.
type apiError struct {
	method string
	status int
	body   string
}

func (e *apiError) Error() string {
	return e.method + " " + strconv.Itoa(e.status) + " " + http.StatusText(e.status) + ": " + e.body
}

// respond sends the first response to an interaction.
func (a *interactionAPI) respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	body, err := render.MarshalResponse(resp)
	if err != nil {
		return err
	}
	return a.do(ctx, http.MethodPost, discordgo.EndpointInteractionResponse(i.ID, i.Token), body)
}

// editOriginal replaces the original response of an interaction.
func (a *interactionAPI) editOriginal(ctx context.Context, i *discordgo.Interaction, m render.Message) error {
	body, err := json.Marshal(m.Edit())
	if err != nil {
		return err
	}
	return a.do(ctx, http.MethodPatch, discordgo.EndpointWebhookMessage(appIDOf(i), i.Token, "@original"), body)
}

// deleteOriginal removes the original response of an interaction.
func (a *interactionAPI) deleteOriginal(ctx context.Context, i *discordgo.Interaction) error {
	return a.do(ctx, http.MethodDelete, discordgo.EndpointWebhookMessage(appIDOf(i), i.Token, "@original"), nil)
}

// followup sends a follow-up message of an interaction.
func (a *interactionAPI) followup(ctx context.Context, i *discordgo.Interaction, m render.Message) error {
	body, err := json.Marshal(m.Followup())
	if err != nil {
		return err
	}
	return a.do(ctx, http.MethodPost, discordgo.EndpointWebhookToken(appIDOf(i), i.Token), body)
}

// appIDOf is the application of an interaction, which owns its webhook.
func appIDOf(i *discordgo.Interaction) string { return i.AppID }
