//go:build !race

package httpapi_test

// loadRequests is the size of the load test.
const loadRequests = 20_000
