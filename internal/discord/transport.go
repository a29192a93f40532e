package discord

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// discordHost is where discordgo sends every REST request: its endpoint
// variables are computed when the package loads, from
// https://discord.com/, so they cannot be changed afterwards.
const discordHost = "discord.com"

// rewriter sends the requests discordgo makes to https://discord.com to
// the base URL of DISCORD_API_URL instead, keeping the path (after the
// base URL's own path) and the query. Other hosts pass through.
type rewriter struct {
	base *url.URL
	next http.RoundTripper
}

// NewTransport returns an http.RoundTripper that sends the requests for
// https://discord.com to apiURL, through next (nil: a clone of
// http.DefaultTransport). With apiURL empty or https://discord.com, it is
// next itself.
func NewTransport(apiURL string, next http.RoundTripper) (http.RoundTripper, error) {
	if next == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		// Many interactions at once go to one host.
		t.MaxIdleConnsPerHost = 64
		t.ResponseHeaderTimeout = 15 * time.Second
		next = t
	}
	if apiURL == "" || strings.TrimRight(apiURL, "/") == DefaultAPIURL {
		return next, nil
	}
	u, err := url.Parse(strings.TrimRight(apiURL, "/"))
	if err != nil {
		return nil, err
	}
	return &rewriter{base: u, next: next}, nil
}

func (t *rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != discordHost || req.URL.Scheme != "https" {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	u := *req.URL
	u.Scheme, u.Host, u.User = t.base.Scheme, t.base.Host, nil
	u.Path = t.base.Path + req.URL.Path
	if req.URL.RawPath != "" || t.base.RawPath != "" {
		u.RawPath = t.base.EscapedPath() + req.URL.EscapedPath()
	}
	r.URL = &u
	r.Host = ""
	return t.next.RoundTrip(r)
}
