//go:build !race

package httpapi_test

// loadRequests is the size of the load test.
const loadRequests = 20_000

// raceSlowdown stretches the answer timeout of the load test under the
// race detector.
const raceSlowdown = 1
