//go:build race

package interact

// raceEnabled: the race detector slows the handlers down; the tests that
// count on volume send less.
const raceEnabled = true
