//go:build race

package httpapi_test

// loadRequests is the size of the load test. The race detector slows
// everything about tenfold: a tenth keeps the test within seconds.
const loadRequests = 2_000

// raceSlowdown stretches the answer timeout of the load test likewise.
const raceSlowdown = 10
