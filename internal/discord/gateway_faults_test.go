package discord

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/discordtest"
	"guillemet/internal/interact/enginetest"
)

// TestGatewayFaultsLoseNothing breaks the gateway connection in every way
// Discord and the network do, with questions (slash commands and
// mentions) dispatched before the fault, during it (while the bot is away
// or reconnecting: Discord keeps them and replays them on RESUME) and
// after it. Every one is answered, exactly once, within Discord's 3 s for
// interactions. (bot_test.go checks a single question across a drop,
// op 7 and op 9; this checks batches, across more faults.)
//
// The exception is Discord's own: after op 9 with d=false the session is
// gone, and the events Discord had for it are never delivered (the
// interactions fail on the user's side, who asks again). So nothing is
// dispatched during that fault; what comes before and after is answered.
func TestGatewayFaultsLoseNothing(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	srv.HeartbeatInterval = 100 * time.Millisecond
	h, _ := launch{setup: setup{server: srv}}.start(t)

	const batch = 10
	var interactions, mentions []string
	send := func(t *testing.T) {
		for i := 0; i < batch; i++ {
			interactions = append(interactions, h.askAudit(t).ID)
			mentions = append(mentions, h.mentionAudit(t).ID)
		}
	}
	reconnections := func() int { return srv.Resumes(0) + srv.Identifies(0) }
	late := 0 // dispatched during a fault that outlasted Discord's 3 s

	for _, f := range []struct {
		name   string
		inject func() error
		during bool // questions dispatched during the fault are answered
		after  func()
	}{
		{name: "connection dropped mid-session", inject: func() error { return srv.Drop(0) }, during: true},
		{name: "op 7 reconnect", inject: func() error { return srv.SendReconnect(0) }, during: true},
		{name: "op 9 invalid session, resumable", inject: func() error { return srv.SendInvalidSession(0, true) }, during: true},
		{name: "op 9 invalid session, not resumable", inject: func() error { return srv.SendInvalidSession(0, false) }},
		{name: "heartbeats not acknowledged", inject: func() error { srv.SetHeartbeatAcks(false); return nil }, during: true,
			after: func() { srv.SetHeartbeatAcks(true) }},
		{name: "closed with 4000 unknown error", inject: func() error { return srv.CloseGateway(0, 4000, "Unknown error") }, during: true},
		{name: "closed with 1001 going away", inject: func() error { return srv.CloseGateway(0, 1001, "Going away") }, during: true},
	} {
		t.Run(f.name, func(t *testing.T) {
			from := len(interactions)
			send(t) // before
			for _, id := range interactions[from:] {
				h.answered(t, id)
			}
			before := reconnections()
			begin := time.Now()
			if err := f.inject(); err != nil {
				t.Fatal(err)
			}
			during := len(interactions)
			if f.during {
				send(t)
			}
			err := srv.Wait(wait, func() bool { return reconnections() > before && srv.Ready(0) })
			back := time.Since(begin)
			if f.after != nil {
				f.after()
			}
			if err != nil {
				t.Fatalf("not reconnected: %v", err)
			}
			afterFault := len(interactions)
			send(t) // after
			var slowest time.Duration
			for i, id := range interactions[from:] {
				// An interaction dispatched during the fault reaches the bot
				// only once it is back. When getting back took most of
				// Discord's 3 s (a loaded machine, the race detector), the
				// answer may come too late, as it would from Discord itself:
				// that is the outage's doing, not a loss by the bot.
				if j := from + i; j >= during && j < afterFault && back > lateReconnection {
					if cb, err := srv.WaitCallback(id, wait); err == nil && cb.Status == http.StatusNotFound && cb.Elapsed > discordgo.InteractionDeadline {
						t.Logf("interaction %s dispatched during the fault answered %v after dispatch, too late: back after %v", id, cb.Elapsed, back)
						late++
						continue
					}
				}
				slowest = max(slowest, h.answered(t, id).Elapsed)
			}
			for _, id := range mentions[from:] {
				h.repliedOnce(t, id)
			}
			t.Logf("back after %v (%d resumes, %d identifies so far); %d questions answered once, slowest interaction %v after its dispatch",
				back.Round(time.Millisecond), srv.Resumes(0), srv.Identifies(0), 2*(len(interactions)-from), slowest.Round(time.Millisecond))
		})
	}

	// Nothing twice, over the whole test.
	var accepted int
	for _, r := range srv.RequestsTo(routeCallback) {
		if r.Status == http.StatusNoContent {
			accepted++
		}
	}
	var created int
	for _, r := range srv.RequestsTo(routeMessages) {
		if r.Status == http.StatusOK {
			created++
		}
	}
	if accepted != len(interactions)-late || created != len(mentions) {
		t.Errorf("%d responses for %d interactions (%d too late), %d replies for %d mentions", accepted, len(interactions), late, created, len(mentions))
	}
	if n := strings.Count(h.logs.String(), "Guillemet is ready"); n != 1 {
		t.Errorf("the ready line was logged %d times", n)
	}
}

// lateReconnection is how long getting back may take before answers to
// what was dispatched during the fault can be too late for Discord.
const lateReconnection = 1500 * time.Millisecond

// snowflake is an id Discord would give something made at t.
func snowflake(t time.Time, seq int) string {
	return strconv.FormatInt((t.UnixMilli()-1420070400000)<<22|int64(seq&0xfff), 10)
}

// TestLateInteractionDeferredInTime: an interaction sent while the bot
// was reconnecting reaches it about a second late, replayed on RESUME.
// Its answer is slow: the bot must defer it within Discord's 3 s of the
// interaction's creation (its id says when), not of its arrival, or the
// answer is lost.
func TestLateInteractionDeferredInTime(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t)
	eng := &enginetest.Engine{Delay: 2500 * time.Millisecond}
	h, _ := launch{setup: setup{server: srv, engine: eng}}.start(t) // DeferAfter: the default 2 s
	if err := srv.Drop(0); err != nil {
		t.Fatal(err)
	}
	in := ask("slow: who asked for the audit?")
	in.ID = snowflake(time.Now(), 1)
	sent, err := srv.SendInteraction(in)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := srv.WaitCallback(sent.ID, wait)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Status != http.StatusNoContent || cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first response %d (type %d) %v after the interaction was made", cb.Status, cb.Type, cb.Elapsed)
	}
	mine := func(r discordtest.Request) bool {
		return strings.Contains(r.Path, "/"+sent.Token+"/") && r.Status == http.StatusOK
	}
	if _, err := srv.WaitRequests(routeEdit, 1, mine, wait); err != nil {
		t.Fatalf("the answer never came: %v", err)
	}
	t.Logf("deferred %v after the interaction was made, across a reconnection", cb.Elapsed.Round(time.Millisecond))
	_ = h
}

func TestCreatedAt(t *testing.T) {
	now := time.Now()
	for _, tc := range []struct {
		id string
		ok bool
	}{
		{snowflake(now.Add(-time.Second), 7), true},
		{snowflake(now, 0), true},
		{snowflake(now.Add(-3*time.Second), 0), false}, // too old: arrival counts
		{snowflake(now.Add(time.Second), 0), false},    // this host's clock is behind
		{"1200000000000000009", false},                 // the fake's ids: years old
		{"not a snowflake", false},
		{"", false},
	} {
		got, ok := createdAt(tc.id, now)
		if ok != tc.ok {
			t.Errorf("createdAt(%s) = %v, %v", tc.id, got, ok)
		}
	}
}
