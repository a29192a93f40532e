// Package metrics holds the Prometheus metrics of the bot, in a registry
// of its own (with the Go runtime's and the process's), served in the
// Prometheus text format by Handler.
//
// Label values come from small fixed sets chosen by the callers (the
// kind of an interaction, its outcome), never from what a request says,
// so the number of series stays bounded whatever is sent.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Buckets of the latency histogram, in seconds: an answer takes well
// under a millisecond on one article, and Discord gives up after 3 s.
var Buckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5}

// Metrics is a registry with the bot's metrics. It is safe for
// concurrent use; a nil *Metrics records nothing.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inflight prometheus.Gauge
	ready    prometheus.Gauge
}

// New returns a registry holding:
//
//	guillemet_interactions_total{kind,outcome}          counter
//	guillemet_interaction_duration_seconds{kind}        histogram
//	guillemet_interactions_in_flight                    gauge
//	guillemet_ready                                     gauge: 1 once the index is built
//
// and the standard go_* and process_* metrics.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guillemet_interactions_total",
			Help: "Requests to the interactions endpoint, by kind (ping, ask, quote, about, other_command, autocomplete, button; invalid when rejected before it is known) and outcome (ok, timeout, unauthorized, bad_request, too_large, method_not_allowed, not_ready, error).",
		}, []string{"kind", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "guillemet_interaction_duration_seconds",
			Help:    "Time from a verified interaction's arrival to its answer being written, by kind.",
			Buckets: Buckets,
		}, []string{"kind"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "guillemet_interactions_in_flight",
			Help: "Requests to the interactions endpoint being served.",
		}),
		ready: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "guillemet_ready",
			Help: "1 once the articles are indexed and interactions are answered, else 0.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.inflight, m.ready,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Request counts one request of kind with outcome.
func (m *Metrics) Request(kind, outcome string) {
	if m != nil {
		m.requests.WithLabelValues(kind, outcome).Inc()
	}
}

// Latency records how long an answer of kind took.
func (m *Metrics) Latency(kind string, d time.Duration) {
	if m != nil {
		m.latency.WithLabelValues(kind).Observe(d.Seconds())
	}
}

// InFlight adds delta (1 or -1) to the requests being served.
func (m *Metrics) InFlight(delta int) {
	if m != nil {
		m.inflight.Add(float64(delta))
	}
}

// SetReady says whether interactions are answered.
func (m *Metrics) SetReady(ready bool) {
	if m == nil {
		return
	}
	if ready {
		m.ready.Set(1)
	} else {
		m.ready.Set(0)
	}
}

// Registry is the registry, to add metrics to.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Handler serves the metrics in the Prometheus text format (or, when the
// scraper asks for it, OpenMetrics or protobuf).
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
