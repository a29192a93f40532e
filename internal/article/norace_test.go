//go:build !race

package article

const raceSlowdown = 1
