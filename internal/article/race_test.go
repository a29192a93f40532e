//go:build race

package article

// raceSlowdown allows for the race detector, which slows Parse tenfold.
const raceSlowdown = 10
