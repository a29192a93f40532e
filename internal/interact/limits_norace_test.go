//go:build !race

package interact

const raceEnabled = false
