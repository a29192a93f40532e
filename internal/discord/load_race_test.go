//go:build race

package discord

// raceEnabled: the race detector slows everything about tenfold, so the
// load tests send fewer questions.
const raceEnabled = true
