package discord

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Discord's network fails in every way: a connection refused or reset,
// a request that hangs, a 500, a 502 from its load balancers, a 429.
// Each request the bot makes is retried when the failure is transient,
// within what its purpose allows:
//
//   - at start-up (Open), the token check, the gateway lookup and
//     connection and the command registration are retried with an
//     exponential backoff until Open's context ends, each failure
//     logged with the wait before the next attempt: a supervisor that
//     restarts the process is not needed to ride out an outage, and
//     Discord is not hammered;
//   - the first response to an interaction must reach Discord within 3 s
//     of it: short attempts, retried while that window lasts (a 429
//     waits its Retry-After when it fits);
//   - the edit or follow-up of a deferred answer, and the reply to a
//     message: longer attempts, a few retries with backoff.
//
// Nothing is sent twice: a response to an interaction sent again after
// an attempt whose answer was lost is refused by Discord as already
// acknowledged (40060), which is taken as delivered; a reply to a
// message carries the question's id as its nonce with enforce_nonce, so
// Discord returns the first message instead of creating a second one.

// defaultRESTTimeout bounds one REST request to Discord.
const defaultRESTTimeout = 20 * time.Second

// backoff is an exponential backoff: first, then doubling up to max,
// each pause lengthened by up to a quarter at random so that shards
// started together do not retry in step.
type backoff struct{ first, max time.Duration }

// defaultOpenBackoff paces the start-up attempts: 1, 2, 4, 8, 16, 30 s…
var defaultOpenBackoff = backoff{first: time.Second, max: 30 * time.Second}

// pause is the n-th pause (n from 0).
func (b backoff) pause(n int) time.Duration {
	d := b.first
	for i := 0; i < n && d < b.max; i++ {
		d *= 2
	}
	d = min(d, b.max)
	if d > 0 {
		d += rand.N(d/4 + 1)
	}
	return d
}

// sleep waits d, or until ctx ends (false).
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func (b *Bot) restTimeoutOr() time.Duration {
	if b.restTimeout > 0 {
		return b.restTimeout
	}
	return defaultRESTTimeout
}

func (b *Bot) openBackoffOr() backoff {
	if b.openBackoff.first > 0 {
		return b.openBackoff
	}
	return defaultOpenBackoff
}

// transient reports whether a failed request to Discord may succeed if
// made again: the network (refused, reset, timed out, cut), a 5xx, a 429,
// a 408, an unexpected gateway close. A rejected token, a forbidden or
// malformed request, a gateway close code that says the configuration
// is wrong, and a cancelled context are final.
func transient(err error) bool {
	var rest *discordgo.RESTError
	var closeErr *websocket.CloseError
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, discordgo.ErrUnauthorized):
		return false
	case errors.As(err, &rest):
		if rest.Response == nil {
			return true
		}
		c := rest.Response.StatusCode
		return c >= 500 || c == 429 || c == 408
	case errors.As(err, &closeErr):
		switch closeErr.Code {
		case 4004, 4010, 4011, 4012, 4013, 4014:
			return false
		}
	}
	return true
}

// retryOpen runs one step of Open until it succeeds, fails for good, or
// ctx ends; every transient failure is logged with the wait before the
// next attempt. The error, when ctx ended, says how many attempts were
// made.
func (b *Bot) retryOpen(ctx context.Context, doing string, step func() error) error {
	bo := b.openBackoffOr()
	begin := time.Now()
	var last error // the last failure that was Discord's, not ctx's
	for attempt := 1; ; attempt++ {
		err := step()
		if err != nil && ctx.Err() != nil && last != nil {
			err = last // cut short by ctx: what Discord said says more
		}
		last = err
		if err == nil {
			if attempt > 1 {
				b.log.Info("Discord is reachable again", "doing", doing, "attempts", attempt, "after", time.Since(begin).Round(time.Millisecond))
			}
			return nil
		}
		if !transient(err) || ctx.Err() != nil {
			if attempt > 1 {
				return &gaveUp{err: err, attempts: attempt, after: time.Since(begin)}
			}
			return err
		}
		wait := bo.pause(attempt - 1)
		b.log.Warn("Discord is not reachable; retrying", "doing", doing, "attempt", attempt,
			"retry_in", wait.Round(time.Millisecond), "err", Redact(strings.TrimSpace(err.Error())))
		if !sleep(ctx, wait) {
			return &gaveUp{err: err, attempts: attempt, after: time.Since(begin)}
		}
	}
}

// gaveUp is the last error of a step of Open retried in vain.
type gaveUp struct {
	err      error
	attempts int
	after    time.Duration
}

func (e *gaveUp) Error() string {
	return fmt.Sprintf("%s (gave up after %d attempts over %v)", strings.TrimSpace(e.err.Error()), e.attempts, e.after.Round(time.Millisecond))
}

func (e *gaveUp) Unwrap() error { return e.err }

// messageRetry paces the attempts to reply to a message: a reply still
// matters a few seconds later, within messageTimeout.
var messageRetry = struct {
	attempts int
	attempt  time.Duration // longest attempt (and the REST timeout)
	backoff  backoff
}{attempts: 5, attempt: 10 * time.Second, backoff: backoff{first: 250 * time.Millisecond, max: 4 * time.Second}}

// nonceMessage is a message sent with a nonce that Discord enforces: a
// second message with the same nonce within a few minutes is not
// created, the first is returned.
type nonceMessage struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// reply sends send to channelID, retrying transient failures. nonce (the
// question's id) makes the retries idempotent.
func (b *Bot) reply(ctx context.Context, s *discordgo.Session, channelID, nonce string, send *discordgo.MessageSend) error {
	for _, e := range send.Embeds {
		if e != nil && e.Type == "" {
			e.Type = discordgo.EmbedTypeRich
		}
	}
	if len(nonce) > 25 { // Discord's limit
		nonce = nonce[len(nonce)-25:]
	}
	data := nonceMessage{MessageSend: send, Nonce: nonce, EnforceNonce: nonce != ""}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, min(messageRetry.attempt, b.restTimeoutOr()))
		_, err := s.RequestWithBucketID("POST", endpoint, data, endpoint, discordgo.WithContext(actx))
		cancel()
		if err == nil {
			if attempt > 1 {
				b.log.Info("message answered after retrying", "channel", channelID, "attempts", attempt)
			}
			return nil
		}
		if !transient(err) || attempt == messageRetry.attempts || ctx.Err() != nil {
			return err
		}
		wait := messageRetry.backoff.pause(attempt - 1)
		b.log.Debug("reply to a message failed; retrying", "channel", channelID, "attempt", attempt, "retry_in", wait.Round(time.Millisecond), "err", err)
		if !sleep(ctx, wait) {
			return err
		}
	}
}

// discordEpoch is the start of Discord's snowflakes, in Unix milliseconds.
const discordEpoch = 1420070400000

// createdAt is when Discord made what id names (a snowflake holds its
// creation time), when that is plausible by this host's clock: within
// Discord's 3 s interaction deadline before now. Otherwise (not a
// snowflake, the host's clock off, or already too old), ok is false and
// the time of arrival is what counts.
func createdAt(id string, now time.Time) (t time.Time, ok bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return t, false
	}
	t = time.UnixMilli(int64(n>>22) + discordEpoch)
	if age := now.Sub(t); age < 0 || age >= discordgo.InteractionDeadline {
		return time.Time{}, false
	}
	return t, true
}
