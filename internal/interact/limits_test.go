package interact

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"guillemet/internal/cooldown"
	"guillemet/internal/interact/enginetest"
)

// clock is a settable time for the limiters.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// TestCooldownsHoldUnderConcurrency floods the handler from many
// goroutines at once (run it with -race): one user gets exactly their
// burst of answers, one channel exactly its burst of answered messages,
// however the requests interleave; each user's and each channel's limits
// hold together.
func TestCooldownsHoldUnderConcurrency(t *testing.T) {
	c := &clock{now: time.Unix(1_800_000_000, 0)}
	const userBurst, channelBurst = 5, 10
	h := New(&enginetest.Engine{}, Options{
		Users:       cooldown.New(time.Hour, userBurst, cooldown.WithClock(c.Now)),
		Channels:    cooldown.New(time.Hour, channelBurst, cooldown.WithClock(c.Now)),
		AskChannels: []string{"ch-0", "ch-1", "ch-2"},
	})
	ctx := context.Background()
	parallel := func(n int, f func(i int)) {
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() { defer wg.Done(); <-start; f(i) }()
		}
		close(start)
		wg.Wait()
	}
	answered := func(resp *discordgo.InteractionResponse) bool {
		return !strings.Contains(resp.Data.Content, "please wait")
	}

	t.Run("one user, 50 /ask at once", func(t *testing.T) {
		var ok atomic.Int64
		parallel(50, func(int) {
			in := command("ask", map[string]string{"question": "who asked for the audit?"})
			in.Member.User.ID = "flooder"
			if answered(h.Interaction(ctx, in)) {
				ok.Add(1)
			}
		})
		if ok.Load() != userBurst {
			t.Errorf("%d of 50 answered, want the burst of %d", ok.Load(), userBurst)
		}
	})

	t.Run("one channel, 100 users at once", func(t *testing.T) {
		var ok atomic.Int64
		parallel(100, func(i int) {
			m := &discordgo.Message{ID: fmt.Sprint("m", i), ChannelID: "ch-0", GuildID: "g1", Content: "who asked for the audit?",
				Author: &discordgo.User{ID: fmt.Sprint("channel-user-", i)}}
			if h.Message(ctx, m, "bot") != nil {
				ok.Add(1)
			}
		})
		if ok.Load() != channelBurst {
			t.Errorf("%d of 100 messages answered in one channel, want its burst of %d", ok.Load(), channelBurst)
		}
	})

	t.Run("20 users, 2 channels, 10 messages each, at once", func(t *testing.T) {
		var perUser [20]atomic.Int64
		var perChannel [2]atomic.Int64
		parallel(200, func(i int) {
			u, ch := i%20, 1+(i/20)%2
			m := &discordgo.Message{ID: fmt.Sprint("n", i), ChannelID: fmt.Sprint("ch-", ch), GuildID: "g1", Content: "who asked for the audit?",
				Author: &discordgo.User{ID: fmt.Sprint("mixed-user-", u)}}
			if h.Message(ctx, m, "bot") != nil {
				perUser[u].Add(1)
				perChannel[ch-1].Add(1)
			}
		})
		total := int64(0)
		for u := range perUser {
			if n := perUser[u].Load(); n > userBurst {
				t.Errorf("user %d answered %d times, over the burst of %d", u, n, userBurst)
			}
			total += perUser[u].Load()
		}
		for ch := range perChannel {
			if n := perChannel[ch].Load(); n != channelBurst {
				t.Errorf("channel %d answered %d messages, want its burst of %d", ch+1, n, channelBurst)
			}
		}
		if total != 2*channelBurst {
			t.Errorf("%d answered in all", total)
		}
	})

	t.Run("after the refill, the same again", func(t *testing.T) {
		c.advance(time.Hour * userBurst)
		var ok atomic.Int64
		parallel(20, func(int) {
			in := command("ask", map[string]string{"question": "who asked for the audit?"})
			in.Member.User.ID = "flooder"
			if answered(h.Interaction(ctx, in)) {
				ok.Add(1)
			}
		})
		if ok.Load() != userBurst {
			t.Errorf("%d answered after the refill, want %d", ok.Load(), userBurst)
		}
	})
}

// TestCooldownStateExpires: 100,000 distinct users (20,000 under the race
// detector) ask once each through
// the handler, with the production cooldown (5 at once, then one every
// 2 s); 2 s later the limiter remembers none of them and the heap is back
// to where it was.
func TestCooldownStateExpires(t *testing.T) {
	n := 100_000
	if testing.Short() || raceEnabled {
		n = 20_000
	}
	c := &clock{now: time.Unix(1_800_000_000, 0)}
	users := cooldown.New(2*time.Second, 5, cooldown.WithClock(c.Now))
	h := New(&enginetest.Engine{}, Options{Users: users})
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	users.Allow("warm-up")
	c.advance(2 * time.Second)
	users.Len()
	before := heap()

	in := command("about", nil)
	for i := 0; i < n; i++ {
		in.Member.User.ID = fmt.Sprint("user-", i)
		if resp := h.Interaction(context.Background(), in); strings.Contains(resp.Data.Content, "please wait") {
			t.Fatalf("user %d refused", i)
		}
	}
	kept := users.Len()
	during := heap()
	c.advance(2 * time.Second)
	users.Allow("one more") // Allow sweeps the expired keys too
	left := users.Len()
	after := heap()

	t.Logf("%d users: %d keys kept (heap %+.1f MB); 2 s later %d keys (heap %+.1f MB from before)",
		n, kept, float64(int64(during)-int64(before))/(1<<20), left, float64(int64(after)-int64(before))/(1<<20))
	if kept != n || left != 1 {
		t.Errorf("keys: %d while their buckets refill, %d after (want %d, then 1)", kept, left, n)
	}
	if grew := int64(after) - int64(before); grew > 1<<20 {
		t.Errorf("the heap grew by %d bytes and stayed", grew)
	}
}
