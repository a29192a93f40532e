package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHandlerExposesTheMetrics(t *testing.T) {
	m := New()
	m.Request("ask", "ok")
	m.Request("ask", "ok")
	m.Request("invalid", "unauthorized")
	m.Latency("ask", 3*time.Millisecond)
	m.InFlight(1)
	m.SetReady(true)

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("%d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, want := range []string{
		`guillemet_interactions_total{kind="ask",outcome="ok"} 2`,
		`guillemet_interactions_total{kind="invalid",outcome="unauthorized"} 1`,
		`guillemet_interaction_duration_seconds_bucket{kind="ask",le="0.0025"} 0`,
		`guillemet_interaction_duration_seconds_bucket{kind="ask",le="0.005"} 1`,
		`guillemet_interaction_duration_seconds_count{kind="ask"} 1`,
		`guillemet_interactions_in_flight 1`,
		`guillemet_ready 1`,
		`go_goroutines `,
		`process_start_time_seconds `,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("no %q in:\n%s", want, body)
		}
	}
}

func TestNilRecordsNothing(t *testing.T) {
	var m *Metrics
	m.Request("ask", "ok")
	m.Latency("ask", time.Second)
	m.InFlight(1)
	m.SetReady(true)
}
