package cooldown

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a manual clock, safe for concurrent reads.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }
func newClock() *clock {
	c := &clock{}
	c.ns.Store(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	return c
}
func newLimiter(c *clock, every time.Duration, burst int) *Limiter {
	return New(every, burst, WithClock(c.now))
}

func TestBurstThenRefill(t *testing.T) {
	c := newClock()
	l := newLimiter(c, time.Second, 3)
	for i := 0; i < 3; i++ {
		if ok, _ := l.Allow("alice"); !ok {
			t.Fatalf("action %d of the burst refused", i+1)
		}
	}
	ok, wait := l.Allow("alice")
	if ok {
		t.Fatal("fourth action within the burst allowed")
	}
	if wait != time.Second {
		t.Fatalf("wait = %v, want 1s", wait)
	}
	if ok, _ := l.Allow("bob"); !ok {
		t.Fatal("another key is limited by alice's actions")
	}
	c.advance(999 * time.Millisecond)
	if ok, wait := l.Allow("alice"); ok || wait != time.Millisecond {
		t.Fatalf("after 999ms: ok=%v wait=%v, want refused with 1ms", ok, wait)
	}
	c.advance(time.Millisecond)
	if ok, _ := l.Allow("alice"); !ok {
		t.Fatal("one action not regained after Every")
	}
	if ok, _ := l.Allow("alice"); ok {
		t.Fatal("regained more than one action after Every")
	}
}

func TestRefusedActionsDoNotCost(t *testing.T) {
	c := newClock()
	l := newLimiter(c, time.Second, 1)
	l.Allow("k")
	for i := 0; i < 100; i++ {
		l.Allow("k") // refused; must not push the key further back
	}
	c.advance(time.Second)
	if ok, _ := l.Allow("k"); !ok {
		t.Fatal("refused attempts extended the cooldown")
	}
}

func TestDisabled(t *testing.T) {
	l := New(0, 1)
	for i := 0; i < 10; i++ {
		if ok, _ := l.Allow("k"); !ok {
			t.Fatal("a limiter with every=0 refused")
		}
	}
	if l.Len() != 0 {
		t.Fatal("a disabled limiter stores keys")
	}
	var nilLimiter *Limiter
	if ok, _ := nilLimiter.Allow("k"); !ok {
		t.Fatal("a nil limiter refused")
	}
}

// TestManyKeysExpire checks memory stays bounded: 100k distinct users are
// all forgotten once their buckets are full again.
func TestManyKeysExpire(t *testing.T) {
	c := newClock()
	l := newLimiter(c, time.Second, 2)
	const n = 100_000
	for i := 0; i < n; i++ {
		if ok, _ := l.Allow(fmt.Sprintf("user-%d", i)); !ok {
			t.Fatalf("first action of user %d refused", i)
		}
	}
	if got := l.Len(); got != n {
		t.Fatalf("Len = %d, want %d while their buckets are not full", got, n)
	}
	c.advance(time.Second / 2) // one action costs one Every: not regained yet
	if got := l.Len(); got != n {
		t.Fatalf("Len = %d, want %d before their action is regained", got, n)
	}
	c.advance(time.Second / 2)
	if got := l.Len(); got != 0 {
		t.Fatalf("Len = %d after the window, want 0", got)
	}

	// Allow itself sweeps: a second wave of users does not accumulate
	// on top of a first wave that expired.
	for i := 0; i < n; i++ {
		l.Allow(fmt.Sprintf("first-%d", i))
	}
	c.advance(3 * time.Second)
	l.Allow("second")
	l.mu.Lock()
	stored := len(l.tat)
	l.mu.Unlock()
	if stored != 1 {
		t.Fatalf("%d keys stored after the first wave expired, want 1", stored)
	}
}

func TestConcurrent(t *testing.T) {
	c := newClock()
	l := newLimiter(c, time.Hour, 5)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if ok, _ := l.Allow("shared"); ok {
					allowed.Add(1)
				}
				l.Allow(fmt.Sprintf("own-%d", i))
				if i%50 == 0 {
					c.advance(time.Nanosecond)
					l.Len()
				}
			}
		}()
	}
	wg.Wait()
	if got := allowed.Load(); got != 5 {
		t.Fatalf("%d concurrent actions allowed on one key, want exactly the burst of 5", got)
	}
}
