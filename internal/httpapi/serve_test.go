package httpapi_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"guillemet/internal/cooldown"
	"guillemet/internal/discordtest"
	"guillemet/internal/httpapi"
	"guillemet/internal/interact"
	"guillemet/internal/interact/enginetest"
	"guillemet/internal/metrics"
	"guillemet/internal/render"
)

// serve runs Serve on a loopback port; stop cancels it and returns what
// Serve returned.
func serve(t *testing.T, h http.Handler, log *slog.Logger) (url string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- httpapi.Serve(ctx, ln, h, log) }()
	var once sync.Once
	var serr error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case serr = <-done:
			case <-time.After(httpapi.ShutdownTimeout + 5*time.Second):
				serr = errors.New("Serve did not return")
			}
		})
		return serr
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

func signedRequest(t testing.TB, url string, priv ed25519.PrivateKey, i any) *http.Request {
	body, err := json.Marshal(i)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("POST", url+"/interactions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range sign(priv, body, time.Now()) {
		req.Header.Set(k, v)
	}
	return req
}

// TestGracefulShutdown stops the server while an answer is being
// computed: that answer is still delivered, then the port is closed.
func TestGracefulShutdown(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	engine := &enginetest.Engine{Delay: 300 * time.Millisecond}
	logs := &discordtest.Logs{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	api := httpapi.NewHandler(interact.New(engine, interact.Options{Logger: log}), pub, httpapi.Options{Logger: log})
	url, stop := serve(t, api, log)

	type result struct {
		status int
		body   []byte
		err    error
		at     time.Time
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.DefaultClient.Do(signedRequest(t, url, priv, ask("slow: who asked for the audit?")))
		if err != nil {
			got <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- result{resp.StatusCode, b, err, time.Now()}
	}()
	for engine.Asked() == 0 {
		time.Sleep(time.Millisecond)
	}
	if err := stop(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	stopped := time.Now()
	r := <-got
	if r.err != nil || r.status != 200 || !strings.Contains(string(r.body), "Paperon") {
		t.Fatalf("the request in flight: %v %d %s", r.err, r.status, r.body)
	}
	if r.at.After(stopped) {
		t.Errorf("Serve returned before the answer in flight was sent")
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("still serving after Serve returned")
	}
}

func TestServerLimits(t *testing.T) {
	s := httpapi.NewHTTPServer(http.NotFoundHandler(), nil)
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= httpapi.DefaultAnswerTimeout || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("timeouts and limits: %+v", s)
	}
}

// TestLoad starts the real server on loopback with the real engine and
// sends loadRequests signed /ask interactions from 64 concurrent
// clients, checking every response against the handler's own answer.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const clients = 64
	questions := []string{
		"who asked for the audit?",
		"Quand la version bêta a-t-elle été lancée ?",
		"What is the capital of Australia?",
		"Qui a parlé de souveraineté ?",
	}
	pub, priv, _ := ed25519.GenerateKey(nil)
	m := metrics.New()
	logs := &discordtest.Logs{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h := interact.New(testEngine(t), interact.Options{Users: cooldown.New(2*time.Second, 5), Logger: log})
	api := httpapi.NewHandler(h, pub, httpapi.Options{Logger: log, Metrics: m, AnswerTimeout: raceSlowdown * httpapi.DefaultAnswerTimeout})
	url, stop := serve(t, api, log)

	// The expected answers, from the handler itself.
	want := make([][]byte, len(questions))
	for q, question := range questions {
		i := ask(question)
		i.Member.User.ID = "reference"
		b, err := render.MarshalResponse(h.Interaction(context.Background(), i))
		if err != nil {
			t.Fatal(err)
		}
		want[q] = b
	}
	// Signed in advance: the clients share the two cores with the server.
	type job struct {
		q   int
		req *http.Request
		raw []byte
	}
	jobs := make([]job, loadRequests)
	for n := range jobs {
		q := n % len(questions)
		i := ask(questions[q])
		i.ID = fmt.Sprint(1500000000000000000 + n)
		i.Token = fmt.Sprintf("token-%d", n)
		i.Member.User.ID = fmt.Sprint(1600000000000000000 + n) // no cooldown: one question each
		body, _ := json.Marshal(i)
		jobs[n] = job{q: q, raw: body}
	}
	signAt := time.Now()
	hdrs := make([]map[string]string, len(jobs))
	for n := range jobs {
		hdrs[n] = sign(priv, jobs[n].raw, signAt)
	}

	transport := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, IdleConnTimeout: time.Minute}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// One client first, one request at a time: the time of an answer
	// without queueing.
	const sequential = 200
	alone := make([]time.Duration, sequential)
	for n := range alone {
		req, _ := http.NewRequestWithContext(ctx, "POST", url+"/interactions", bytes.NewReader(jobs[n].raw))
		for k, v := range hdrs[n] {
			req.Header.Set(k, v)
		}
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		alone[n] = time.Since(t0)
		if resp.StatusCode != 200 || !bytes.Equal(b, want[jobs[n].q]) {
			t.Fatalf("request %d alone: %d %s", n, resp.StatusCode, b)
		}
	}
	slices.Sort(alone)
	t.Logf("one client, %d requests in sequence: p50 %v, p99 %v", sequential,
		alone[sequential/2].Round(10*time.Microsecond), alone[sequential*99/100].Round(10*time.Microsecond))

	latencies := make([]time.Duration, len(jobs))
	var next, errs atomic.Int64
	var firstErr sync.Once
	report := func(format string, args ...any) {
		errs.Add(1)
		firstErr.Do(func() { t.Errorf(format, args...) })
	}
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for ctx.Err() == nil {
				n := int(next.Add(1)) - 1
				if n >= len(jobs) {
					return
				}
				req, _ := http.NewRequestWithContext(ctx, "POST", url+"/interactions", bytes.NewReader(jobs[n].raw))
				for k, v := range hdrs[n] {
					req.Header.Set(k, v)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					report("request %d: %v", n, err)
					continue
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				latencies[n] = time.Since(t0)
				switch {
				case err != nil:
					report("request %d: reading: %v", n, err)
				case resp.StatusCode != 200:
					report("request %d: status %d: %s", n, resp.StatusCode, b)
				case !bytes.Equal(b, want[jobs[n].q]):
					report("request %d (%q): got\n%s\nwant\n%s", n, questions[jobs[n].q], b, want[jobs[n].q])
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err := ctx.Err(); err != nil {
		t.Fatalf("not done in time: %d of %d sent", next.Load(), len(jobs))
	}
	if err := stop(); err != nil {
		t.Errorf("Serve: %v", err)
	}

	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		return latencies[int(p*float64(len(latencies)-1))].Round(10 * time.Microsecond)
	}
	t.Logf("%d signed /ask over HTTP from %d clients on %d cores (GOMAXPROCS %d): %.0f req/s in %v; latency p50 %v, p90 %v, p99 %v, max %v; %d errors",
		len(jobs), clients, runtime.NumCPU(), runtime.GOMAXPROCS(0), float64(len(jobs))/elapsed.Seconds(), elapsed.Round(time.Millisecond),
		pct(.50), pct(.90), pct(.99), latencies[len(latencies)-1].Round(10*time.Microsecond), errs.Load())

	// The server counted every one, each answered in time.
	rec := &bytes.Buffer{}
	mw := &captureWriter{h: http.Header{}, b: rec}
	m.Handler().ServeHTTP(mw, must(http.NewRequest("GET", "/metrics", nil)))
	if w := fmt.Sprintf(`guillemet_interactions_total{kind="ask",outcome="ok"} %d`, len(jobs)+sequential); !strings.Contains(rec.String(), w) {
		t.Errorf("metrics lack %q:\n%s", w, grep(rec.String(), "guillemet_interactions_total"))
	}
	if strings.Contains(rec.String(), `outcome="timeout"`) {
		t.Errorf("answers timed out:\n%s", grep(rec.String(), "guillemet_interactions_total"))
	}
	if l := logs.String(); l != "" {
		t.Errorf("warnings under load:\n%s", l)
	}
	// Time spent in the server, from its own histogram.
	fams, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != "guillemet_interaction_duration_seconds" {
			continue
		}
		h := f.GetMetric()[0].GetHistogram()
		upTo := func(q float64) string {
			for _, b := range h.GetBucket() {
				if float64(b.GetCumulativeCount()) >= q*float64(h.GetSampleCount()) {
					return fmt.Sprintf("<= %v", time.Duration(b.GetUpperBound()*float64(time.Second)))
				}
			}
			return "> last bucket"
		}
		t.Logf("in the server (from the handler to the response written): mean %v, p50 %s, p99 %s",
			time.Duration(h.GetSampleSum()/float64(h.GetSampleCount())*float64(time.Second)).Round(time.Microsecond), upTo(.5), upTo(.99))
	}
}

type captureWriter struct {
	h    http.Header
	b    *bytes.Buffer
	code int
}

func (c *captureWriter) Header() http.Header         { return c.h }
func (c *captureWriter) Write(p []byte) (int, error) { return c.b.Write(p) }
func (c *captureWriter) WriteHeader(code int)        { c.code = code }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
