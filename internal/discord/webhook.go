package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
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

// retryPolicy bounds the attempts of one request to an interaction
// endpoint.
type retryPolicy struct {
	attempt       time.Duration // longest attempt
	attempts      int
	backoff       backoff
	maxRetryAfter time.Duration // longest 429 wait worth it
}

var (
	// callbackRetry: the first response must reach Discord within 3 s of
	// the interaction (the context's deadline says when): short attempts,
	// a 429 waited out when its Retry-After fits.
	callbackRetry = retryPolicy{attempt: time.Second, attempts: 6,
		backoff: backoff{first: 50 * time.Millisecond, max: 400 * time.Millisecond}, maxRetryAfter: 2 * time.Second}
	// webhookRetry: edits and follow-ups of a deferred answer, whose
	// token lasts 15 minutes: an answer is still of use a little later.
	webhookRetry = retryPolicy{attempt: 10 * time.Second, attempts: 5,
		backoff: backoff{first: 250 * time.Millisecond, max: 4 * time.Second}, maxRetryAfter: 10 * time.Second}
)

// minAttempt is the least time worth starting an attempt with.
const minAttempt = 50 * time.Millisecond

// do sends one request, and sends it again while it fails in a way that
// may pass (the network, a 5xx, a 429), within p and ctx's deadline.
func (a *interactionAPI) do(ctx context.Context, method, url string, body []byte, p retryPolicy) error {
	for attempt := 1; ; attempt++ {
		retryAfter, err := a.once(ctx, method, url, body, p.attempt)
		if err == nil {
			return nil
		}
		if attempt > 1 && deliveredBefore(method, err) {
			// An earlier attempt got through; its answer was lost.
			return nil
		}
		if !retryable(err) || attempt >= p.attempts || ctx.Err() != nil {
			return err
		}
		wait := p.backoff.pause(attempt - 1)
		if retryAfter > 0 {
			if retryAfter > p.maxRetryAfter {
				return err
			}
			wait = retryAfter
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait+minAttempt {
			return err // no time left for another attempt
		}
		if !sleep(ctx, wait) {
			return err
		}
	}
}

// once makes one attempt, of at most timeout. retryAfter is what a 429
// asks to wait.
func (a *interactionAPI) once(ctx context.Context, method, url string, body []byte, timeout time.Duration) (retryAfter time.Duration, err error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", a.userAgent)
	resp, err := a.client.Do(req)
	if err != nil {
		return 0, &netError{withoutURL(err)}
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		return 0, nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		var rl struct {
			RetryAfter float64 `json:"retry_after"`
		}
		json.Unmarshal(msg, &rl)
		retryAfter = time.Duration(rl.RetryAfter * float64(time.Second))
		if retryAfter <= 0 {
			if s, err := strconv.ParseFloat(resp.Header.Get("Retry-After"), 64); err == nil && s > 0 {
				retryAfter = time.Duration(s * float64(time.Second))
			}
		}
	}
	return retryAfter, &apiError{method: method, status: resp.StatusCode, body: string(msg)}
}

// netError is a request that got no answer: refused, reset, timed out.
type netError struct{ err error }

func (e *netError) Error() string { return e.err.Error() }
func (e *netError) Unwrap() error { return e.err }

// withoutURL drops the URL (which holds the interaction token) from an
// error of the HTTP client.
func withoutURL(err error) error {
	var ue *neturl.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %w", ue.Op, ue.Err)
	}
	return err
}

func retryable(err error) bool {
	var ne *netError
	var ae *apiError
	switch {
	case errors.As(err, &ne):
		return true
	case errors.As(err, &ae):
		return ae.status >= 500 || ae.status == http.StatusTooManyRequests || ae.status == http.StatusRequestTimeout
	}
	return false
}

// deliveredBefore reports whether err, to an attempt after the first,
// says that an earlier attempt was done: the interaction was already
// acknowledged (40060), the message already deleted (10008).
func deliveredBefore(method string, err error) bool {
	var ae *apiError
	if !errors.As(err, &ae) {
		return false
	}
	var body struct {
		Code int `json:"code"`
	}
	json.Unmarshal([]byte(ae.body), &body)
	switch {
	case ae.status == http.StatusBadRequest && body.Code == 40060:
		return true
	case method == http.MethodDelete && ae.status == http.StatusNotFound && body.Code == 10008:
		return true
	}
	return false
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
	return a.do(ctx, http.MethodPost, discordgo.EndpointInteractionResponse(i.ID, i.Token), body, callbackRetry)
}

// editOriginal replaces the original response of an interaction.
func (a *interactionAPI) editOriginal(ctx context.Context, i *discordgo.Interaction, m render.Message) error {
	body, err := json.Marshal(m.Edit())
	if err != nil {
		return err
	}
	return a.do(ctx, http.MethodPatch, discordgo.EndpointWebhookMessage(appIDOf(i), i.Token, "@original"), body, webhookRetry)
}

// deleteOriginal removes the original response of an interaction.
func (a *interactionAPI) deleteOriginal(ctx context.Context, i *discordgo.Interaction) error {
	return a.do(ctx, http.MethodDelete, discordgo.EndpointWebhookMessage(appIDOf(i), i.Token, "@original"), nil, webhookRetry)
}

// followup sends a follow-up message of an interaction.
func (a *interactionAPI) followup(ctx context.Context, i *discordgo.Interaction, m render.Message) error {
	body, err := json.Marshal(m.Followup())
	if err != nil {
		return err
	}
	return a.do(ctx, http.MethodPost, discordgo.EndpointWebhookToken(appIDOf(i), i.Token), body, webhookRetry)
}

// appIDOf is the application of an interaction, which owns its webhook.
func appIDOf(i *discordgo.Interaction) string { return i.AppID }
