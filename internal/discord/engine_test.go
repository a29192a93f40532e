package discord

import (
	"sync"
	"testing"

	"guillemet/internal/answer"
	"guillemet/internal/interact"
)

var realEngine struct {
	once sync.Once
	e    *answer.Engine
	err  error
}

// testEngine is the real engine on the embedded default article, loaded
// once for all the end-to-end tests that use it.
func testEngine(t *testing.T) interact.Engine {
	t.Helper()
	realEngine.once.Do(func() { realEngine.e, realEngine.err = answer.Load("") })
	if realEngine.err != nil {
		t.Fatalf("loading the default article: %v", realEngine.err)
	}
	return realEngine.e
}
