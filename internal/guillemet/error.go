package guillemet

import (
	"errors"
	"fmt"
)

// Kind classifies an error so callers can react without parsing messages.
type Kind int

const (
	Internal    Kind = iota // a bug or an unexpected failure
	Invalid                 // bad input from a user or a configuration
	NotFound                // a file, an article or a command that does not exist
	Unavailable             // a dependency (Discord, the network) failed; retry later
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case NotFound:
		return "not found"
	case Unavailable:
		return "unavailable"
	}
	return "internal"
}

// Error carries the operation that failed and the kind of failure.
type Error struct {
	Op   string // "article.Load", "discord.Open"
	Kind Kind
	Err  error
}

// E builds an Error.
func E(op string, kind Kind, err error) error { return &Error{Op: op, Kind: kind, Err: err} }

// Errorf builds an Error with a formatted message.
func Errorf(op string, kind Kind, format string, args ...any) error {
	return &Error{Op: op, Kind: kind, Err: fmt.Errorf(format, args...)}
}

func (e *Error) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of the outermost *Error in err's chain, or Internal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}
