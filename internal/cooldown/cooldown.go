// Package cooldown limits how often one key (a user, a channel) may act.
//
// A Limiter is a token bucket per key, kept as a single "theoretical arrival
// time" (GCRA): a key may act Burst times at once and regains one action
// every Every. A key whose bucket is full again holds no information, so it
// is forgotten; memory is bounded by the keys active within one refill
// window (Burst × Every), however many keys have ever been seen.
package cooldown

import (
	"sync"
	"time"
)

// Limiter is a per-key rate limiter, safe for concurrent use.
type Limiter struct {
	every  time.Duration
	window time.Duration // every × burst: how long until an idle key is full again
	now    func() time.Time
	start  time.Time

	mu        sync.Mutex
	tat       map[string]time.Duration // theoretical arrival time, since start
	lastSweep time.Duration
}

// Option configures a Limiter.
type Option func(*Limiter)

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option { return func(l *Limiter) { l.now = now } }

// New returns a Limiter that lets each key act burst times at once and
// then once every every. burst < 1 is taken as 1; every <= 0 disables
// limiting (Allow always says yes and stores nothing).
func New(every time.Duration, burst int, opts ...Option) *Limiter {
	if burst < 1 {
		burst = 1
	}
	l := &Limiter{every: every, window: every * time.Duration(burst), now: time.Now, tat: make(map[string]time.Duration)}
	for _, o := range opts {
		o(l)
	}
	l.start = l.now()
	return l
}

// Allow reports whether key may act now, and records the action if so.
// When it may not, wait says how long until it may.
func (l *Limiter) Allow(key string) (ok bool, wait time.Duration) {
	if l == nil || l.every <= 0 {
		return true, 0
	}
	now := l.now().Sub(l.start)

	l.mu.Lock()
	defer l.mu.Unlock()
	if now-l.lastSweep >= l.window {
		l.sweep(now)
	}
	tat, seen := l.tat[key]
	if !seen || tat < now {
		tat = now
	}
	// The bucket is empty when the next arrival would lie more than a
	// window ahead of now.
	next := tat + l.every
	if over := next - now - l.window; over > 0 {
		return false, over
	}
	l.tat[key] = next
	return true, 0
}

// sweep forgets every key whose bucket is full again. l.mu is held.
func (l *Limiter) sweep(now time.Duration) {
	for k, tat := range l.tat {
		if tat <= now {
			delete(l.tat, k)
		}
	}
	l.lastSweep = now
}

// Len returns how many keys are remembered, after forgetting those whose
// bucket is full again.
func (l *Limiter) Len() int {
	if l == nil {
		return 0
	}
	now := l.now().Sub(l.start)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	return len(l.tat)
}
