package discord

import (
	"testing"

	"guillemet/internal/interact"
	"guillemet/internal/interact/enginetest"
)

// testEngine is the engine of the end-to-end tests.
func testEngine(t *testing.T) interact.Engine {
	t.Helper()
	return &enginetest.Engine{}
}
