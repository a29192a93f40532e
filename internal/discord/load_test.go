package discord

import (
	"fmt"
	"math"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/cooldown"
	"guillemet/internal/discordtest"
)

// TestLoadBurst sends a burst of interactions and of mention messages at
// once through the fake gateway (1,000 of each; 200 under the race
// detector, which slows the engine more than tenfold), to the real engine on the
// default article, with per-user cooldowns on. Every question is
// answered, exactly once (interactions within Discord's 3 s), and
// afterwards the bot's memory and goroutines are back to their baseline:
// the cooldown state has expired, no goroutine is left behind, nothing
// grows per question.
//
// The fake Discord lives in the same process and keeps every request
// and event it saw, so the heap is split by who allocated what (from the
// heap profile): the fake's and the test's records on one side, the
// bot's on the other.
//
// It does not run in parallel with the other tests, so that their
// goroutines and allocations do not blur the measure.
func TestLoadBurst(t *testing.T) {
	n, rate := 1000, 4096
	if raceEnabled {
		n, rate = 100, 16384
	}
	if testing.Short() {
		n = 100
	}
	// Sample the heap finely enough to split it (1 allocation in 4 KB).
	prevRate := runtime.MemProfileRate
	runtime.MemProfileRate = rate
	t.Cleanup(func() { runtime.MemProfileRate = prevRate })

	srv := discordtest.New(t)
	// The production cooldown (bot/run.go): 5 questions at once, then one
	// every 2 s; a user who asked once is forgotten 2 s later.
	users := cooldown.New(2*time.Second, 5)
	h, _ := launch{setup: setup{server: srv, engine: testEngine(t), users: users, env: map[string]string{"LOG_LEVEL": "info"}}}.start(t)
	const channels = 20
	questions := []string{"who asked for the audit?", "Qui a demandé l'audit ?", "What is the capital of Australia?", "quand la version bêta a-t-elle été lancée ?"}

	var interactions []*discordgo.Interaction
	var dispatchedAt []time.Time
	mentions := map[string]bool{}
	burst := func(k int, tag string) {
		for i := 0; i < k; i++ {
			in := ask(questions[i%len(questions)])
			in.Member.User.ID = fmt.Sprintf("%s-i-%d", tag, i)
			at := time.Now()
			in.ID = snowflake(at, i) // as Discord's: it tells when the interaction was made
			sent, err := srv.SendInteraction(in)
			if err != nil {
				t.Fatal(err)
			}
			interactions = append(interactions, sent)
			dispatchedAt = append(dispatchedAt, at)
			m := discordtest.Message("<@"+srv.BotID+"> "+questions[i%len(questions)], &discordgo.User{ID: fmt.Sprintf("%s-m-%d", tag, i)}, srv.BotID)
			m.ChannelID = fmt.Sprint(1400000000000000000 + i%channels)
			sm, err := srv.SendMessage(m)
			if err != nil {
				t.Fatal(err)
			}
			mentions[sm.ID] = true
		}
	}
	// waitAll waits until every interaction and mention sent so far is
	// answered, and returns when the last answer was sent.
	waitAll := func(from int) (last time.Time, slowest time.Duration) {
		t.Helper()
		for i, in := range interactions[from:] {
			cb, err := srv.WaitCallback(in.ID, 2*wait)
			if err != nil {
				t.Fatal(err)
			}
			if cb.Status != http.StatusNoContent {
				t.Fatalf("interaction %d: callback refused (%d) %v after its dispatch", from+i, cb.Status, cb.Elapsed)
			}
			slowest = max(slowest, cb.Elapsed)
			at := dispatchedAt[from+i].Add(cb.Elapsed)
			if cb.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
				// Deferred: answered when the original response is edited,
				// or (a private notice) a follow-up is sent.
				var answer discordtest.Request
				err := srv.Wait(2*wait, func() bool {
					for _, r := range deferredAnswers(srv) {
						if strings.Contains(r.Path, "/"+in.Token) {
							answer = r
							return true
						}
					}
					return false
				})
				if err != nil {
					t.Fatalf("interaction %d deferred, never answered: %v", from+i, err)
				}
				at = answer.At
			}
			if at.After(last) {
				last = at
			}
		}
		deadline := time.Now().Add(4 * wait)
		for {
			replied := 0
			for _, r := range srv.RequestsTo(routeMessages) {
				if r.Status == http.StatusOK {
					replied++
					if r.At.After(last) {
						last = r.At
					}
				}
			}
			if replied >= len(mentions) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d of %d mentions replied to", replied, len(mentions))
			}
			time.Sleep(20 * time.Millisecond)
		}
		return last, slowest
	}
	// settle waits until the answers in flight are done and the users'
	// cooldowns have expired, then measures. The HTTP client's idle
	// connections (a cache of at most 64, whose size varies from run to
	// run) are closed first: they are not what a leak would be.
	settle := func(goroutines int) (heap runtime.MemStats, use heapUse, g int) {
		t.Helper()
		tr := h.bot.session.Client.Transport
		if rw, ok := tr.(*rewriter); ok {
			tr = rw.next
		}
		tr.(*http.Transport).CloseIdleConnections()
		deadline := time.Now().Add(wait)
		for users.Len() > 0 || (goroutines > 0 && runtime.NumGoroutine() > goroutines+2) {
			if time.Now().After(deadline) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		use = heapSplit()
		runtime.ReadMemStats(&heap)
		return heap, use, runtime.NumGoroutine()
	}

	// Warm up with a burst of the same size: the first raises high-water
	// marks that stay (the runtime keeps the descriptors of the ~2n
	// goroutines alive at the peak, about 0.7 MB for n = 1,000, and its
	// timer heap; the connection pool fills; the rate-limit buckets of
	// the 20 channels are made). The measured burst must not raise them.
	burst(n, "warm")
	waitAll(0)
	memBefore, before, gBefore := settle(0)

	begin := time.Now()
	from := len(interactions)
	peak := make(chan int)
	stop := make(chan struct{})
	go func() {
		most := 0
		for {
			select {
			case <-stop:
				peak <- most
				return
			case <-time.After(10 * time.Millisecond):
				most = max(most, users.Len())
			}
		}
	}()
	burst(n, "load")
	dispatched := time.Since(begin)
	last, slowest := waitAll(from)
	took := last.Sub(begin)
	close(stop)
	keys := <-peak
	memAfter, after, gAfter := settle(gBefore)

	// Exactly once: one accepted response per interaction, one edit or
	// follow-up per deferred one, one reply per mention.
	callbacks := map[string]int{}
	deferred := 0
	for _, r := range srv.RequestsTo(routeCallback) {
		if r.Status == http.StatusNoContent {
			callbacks[strings.Split(strings.TrimPrefix(r.Path, discordtest.APIPrefix+"/interactions/"), "/")[0]]++
			if strings.HasPrefix(string(r.Body), `{"type":5`) {
				deferred++
			}
		}
	}
	for _, in := range interactions {
		if callbacks[in.ID] != 1 {
			t.Errorf("interaction %s: %d responses", in.ID, callbacks[in.ID])
		}
	}
	if answers := len(deferredAnswers(srv)); answers != deferred {
		t.Errorf("%d deferred answers, %d edits and follow-ups", deferred, answers)
	}
	replies := map[string]int{}
	for _, r := range srv.RequestsTo(routeMessages) {
		var send struct {
			Reference *discordgo.MessageReference `json:"message_reference"`
		}
		if r.Status == http.StatusOK && r.JSON(&send) == nil && send.Reference != nil {
			replies[send.Reference.MessageID]++
		}
	}
	for id := range mentions {
		if replies[id] != 1 {
			t.Errorf("mention %s: %d replies", id, replies[id])
		}
	}
	if len(callbacks) != len(interactions) || len(replies) != len(mentions) {
		t.Errorf("%d interactions answered of %d, %d mentions of %d", len(callbacks), len(interactions), len(replies), len(mentions))
	}
	if bad := ownLogLines(h.logs.String(), "level=WARN", "level=ERROR"); len(bad) > 0 {
		t.Errorf("warnings or errors in the logs:\n%s", strings.Join(bad, "\n"))
	}

	mb := func(b int64) string { return fmt.Sprintf("%.2f MB", float64(b)/(1<<20)) }
	t.Logf("%d interactions + %d mentions dispatched in %v, all answered %v after the first dispatch (%.0f questions/s); slowest interaction %v after its dispatch; %d deferred",
		n, n, dispatched.Round(time.Millisecond), took.Round(time.Millisecond), float64(2*n)/took.Seconds(), slowest.Round(time.Millisecond), deferred)
	t.Logf("cooldown keys: at most %d during the burst, %d once expired", keys, users.Len())
	t.Logf("bot heap %s before, %s after (%+.1f KB); runtime high-water marks %s → %s; fake Discord's records %s → %s; HeapAlloc %s → %s; goroutines %d → %d",
		mb(before.bot), mb(after.bot), float64(after.bot-before.bot)/1024, mb(before.runtime), mb(after.runtime),
		mb(before.fake), mb(after.fake), mb(int64(memBefore.HeapAlloc)), mb(int64(memAfter.HeapAlloc)), gBefore, gAfter)

	if users.Len() != 0 {
		t.Errorf("%d cooldown keys left after their window", users.Len())
	}
	if gAfter > gBefore+2 {
		t.Errorf("goroutines: %d before, %d after", gBefore, gAfter)
	}
	// Back to the baseline: were anything kept per question, 2n
	// questions would leave more than this (100 bytes a question, or the
	// sampling noise of small runs).
	if grew := after.bot - before.bot; grew > max(int64(2*n)*100, 128<<10) {
		t.Errorf("the bot's heap grew by %s over %d questions", mb(grew), 2*n)
	}
}

// deferredAnswers are the accepted edits and follow-ups: the answers of
// deferred interactions.
func deferredAnswers(srv *discordtest.Server) []discordtest.Request {
	var out []discordtest.Request
	for _, r := range srv.Requests() {
		if (r.Route == routeEdit || r.Route == routeFollowup) && r.Status/100 == 2 {
			out = append(out, r)
		}
	}
	return out
}

// heapUse is the heap in use, after a GC, split by who holds it.
type heapUse struct {
	bot     int64 // the bot: the engine, the session, the handlers, the HTTP client
	runtime int64 // the runtime's high-water marks: goroutine descriptors and timer heaps, kept for reuse
	fake    int64 // the fake Discord, its HTTP server, the test and its log buffer
}

// heapSplit estimates the heap in use from the heap profile, after a GC:
// each allocation site counts for the fake Discord when one of its frames
// is the fake's, its HTTP server's, the test's or its log buffer's; for
// the runtime when it is a goroutine descriptor or a timer heap; else for
// the bot.
func heapSplit() heapUse {
	for i := 0; i < 3; i++ {
		runtime.GC() // the profile lags by up to two cycles
	}
	var recs []runtime.MemProfileRecord
	n, _ := runtime.MemProfile(nil, false)
	for {
		recs = make([]runtime.MemProfileRecord, n+64)
		var ok bool
		if n, ok = runtime.MemProfile(recs, false); ok {
			recs = recs[:n]
			break
		}
	}
	rate := float64(runtime.MemProfileRate)
	var u heapUse
	for _, r := range recs {
		objs, bytes := r.InUseObjects(), r.InUseBytes()
		if objs <= 0 || bytes <= 0 {
			continue
		}
		// Unsample, as pprof does.
		avg := float64(bytes) / float64(objs)
		est := int64(float64(bytes) / (1 - math.Exp(-avg/rate)))
		switch heapOwner(r.Stack()) {
		case "fake":
			u.fake += est
		case "runtime":
			u.runtime += est
		default:
			u.bot += est
		}
	}
	return u
}

func heapOwner(stack []uintptr) string {
	frames := runtime.CallersFrames(stack)
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.malg", f.Function == "runtime.allgadd", f.Function == "runtime.(*timers).addHeap":
			return "runtime"
		case strings.Contains(f.Function, "guillemet/internal/discordtest."),
			strings.HasPrefix(f.Function, "net/http.(*conn)."),
			strings.HasPrefix(f.Function, "net/http/httptest."),
			strings.HasPrefix(f.Function, "testing."),
			strings.HasPrefix(f.Function, "guillemet/internal/discord.TestLoadBurst"),
			strings.Contains(f.Function, "(*Logs)"):
			return "fake"
		}
		if !more {
			return "bot"
		}
	}
}
