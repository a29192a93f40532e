package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"guillemet/internal/answer"
	"guillemet/internal/cooldown"
	"guillemet/internal/discord"
	"guillemet/internal/guillemet"
	"guillemet/internal/httpapi"
	"guillemet/internal/interact"
	"guillemet/internal/metrics"
)

// defaultHTTPAddr is where serve-http listens without HTTP_ADDR or PORT.
const defaultHTTPAddr = ":8080"

// serveUsage is the help of guillemet serve-http.
const serveUsage = `Usage: guillemet serve-http

Answers Discord's slash commands, autocompletes and buttons over HTTP, at
the application's Interactions Endpoint URL, instead of through a gateway
connection: each replica is stateless, so any number of them can run
behind a load balancer or on a serverless platform. Questions asked in
messages need the gateway (guillemet run).

  POST /interactions  signed interactions from Discord
  GET  /healthz       200 while the process runs
  GET  /readyz        200 once the articles are indexed, 503 before
  GET  /metrics       Prometheus metrics

DISCORD_PUBLIC_KEY is required: the application's Public Key (developer
portal → General Information). HTTP_ADDR is where to listen (default
:8080, or :$PORT when only PORT is set). DATA_PATH, LOG_LEVEL and
LOG_FORMAT are optional; no DISCORD_TOKEN is needed. Register the
commands with 'guillemet register'.
Exit status: 0 once stopped by SIGINT or SIGTERM (after answering the
requests in flight), 1 if HTTP_ADDR cannot be listened on, 2 if the
configuration (DATA_PATH included) is not valid.
`

// serveHTTP runs the HTTP interactions endpoint until ctx is done. It
// listens at once (so /healthz answers and PING is answered while the
// articles are indexed), and is ready once they are.
func serveHTTP(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if code, ok := noArgs("serve-http", args, serveUsage, stdout, stderr); !ok {
		return code
	}
	cfg, key, addr, err := serveConfig(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "guillemet: the configuration is not valid:\n  %s\n", strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return exitUsage
	}
	log := newLogger(cfg, stderr)
	prev := slog.Default()
	slog.SetDefault(log)
	defer slog.SetDefault(prev)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "guillemet: cannot listen on HTTP_ADDR %s: %v\n", addr, err)
		return exitFail
	}
	api := httpapi.New(key, httpapi.Options{Logger: log, Metrics: metrics.New()})
	log.Info("serving Discord interactions over HTTP: set the Interactions Endpoint URL to https://<this host>/interactions",
		"addr", ln.Addr().String())

	sctx, stop := context.WithCancel(ctx)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- httpapi.Serve(sctx, ln, api, log) }()

	type loadResult struct {
		engine *answer.Engine
		err    error
	}
	loaded := make(chan loadResult, 1)
	go func() {
		start := time.Now()
		e, err := answer.Load(cfg.DataPath)
		if err == nil {
			o := e.Overview()
			api.SetHandler(interact.New(e, interact.Options{Users: cooldown.New(userEvery, userBurst), Logger: log}))
			log.Info("articles loaded: ready", "articles", len(o.Articles), "people", len(o.People), "took", time.Since(start).Round(time.Millisecond))
		}
		loaded <- loadResult{e, err}
	}()

	code := exitOK
	var engine *answer.Engine
	for waiting := true; waiting; {
		select {
		case r := <-loaded:
			engine = r.engine
			if r.err == nil {
				loaded = nil
				continue
			}
			fmt.Fprintf(stderr, "guillemet: cannot load the articles: %s\n", message(r.err))
			code = exitFail
			if k := guillemet.KindOf(r.err); k == guillemet.Invalid || k == guillemet.NotFound {
				code = exitUsage // a wrong DATA_PATH, like the other commands
			}
			stop()
		case <-ctx.Done():
			log.Info("stopping: answering the requests in flight")
		case err := <-served:
			if err != nil {
				fmt.Fprintf(stderr, "guillemet: serving HTTP: %v\n", err)
				code = exitFail
			}
			served = nil
		}
		waiting = served != nil && sctx.Err() == nil
	}
	if served != nil {
		if err := <-served; err != nil {
			log.Warn("shutdown incomplete", "err", err)
			if code == exitOK {
				code = exitFail
			}
		}
	}
	if engine != nil {
		engine.Close()
	}
	if code == exitOK {
		log.Info("stopped")
	}
	return code
}

// serveConfig reads what serve-http needs: the configuration shared with
// the gateway bot (DATA_PATH, LOG_LEVEL, LOG_FORMAT; DISCORD_TOKEN is not
// needed), DISCORD_PUBLIC_KEY and the address to listen on. The error
// lists every problem; it never holds the key.
func serveConfig(getenv func(string) string) (discord.Config, []byte, string, error) {
	var errs []error
	cfg, err := discord.ConfigFromEnv(func(k string) string {
		if k == "DISCORD_TOKEN" {
			return "" // not used here, so not checked
		}
		return getenv(k)
	})
	if err != nil {
		errs = append(errs, withoutNoToken(err)...)
	}
	key, err := httpapi.ParsePublicKey(getenv("DISCORD_PUBLIC_KEY"))
	if err != nil {
		errs = append(errs, errors.New(message(err)))
	}
	addr, err := httpAddr(getenv)
	if err != nil {
		errs = append(errs, err)
	}
	return cfg, key, addr, errors.Join(errs...)
}

// withoutNoToken returns the problems listed by a ConfigFromEnv error,
// except the missing token.
func withoutNoToken(err error) []error {
	inner := errors.New(message(err))
	var e *guillemet.Error
	if errors.As(err, &e) {
		inner = e.Err
	}
	list := []error{inner}
	if j, ok := inner.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	var out []error
	for _, x := range list {
		if !errors.Is(x, discord.ErrNoToken) {
			out = append(out, x)
		}
	}
	return out
}

// httpAddr is HTTP_ADDR, else :PORT (as serverless platforms set it),
// else defaultHTTPAddr.
func httpAddr(getenv func(string) string) (string, error) {
	addr := strings.TrimSpace(getenv("HTTP_ADDR"))
	name := "HTTP_ADDR"
	if addr == "" {
		if p := strings.TrimSpace(getenv("PORT")); p != "" {
			addr, name = ":"+p, "PORT"
		} else {
			return defaultHTTPAddr, nil
		}
	}
	_, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n < 0 || n > 65535 {
		return "", fmt.Errorf("%s %q is not an address to listen on: use host:port or :port, such as %s", name, addr, defaultHTTPAddr)
	}
	return addr, nil
}
