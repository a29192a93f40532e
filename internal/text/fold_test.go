package text

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Éditeurs", "editeurs"},
		{"ÉDITEURS", "editeurs"},
		{"maîtriser", "maitriser"},
		{"cœur", "coeur"},
		{"l’audit", "l'audit"},
		{"50\u00a0Go", "50 go"},
		{"Thalès", "thales"},
		{"bad\xffbyte", "badbyte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripElision(t *testing.T) {
	tests := []struct{ in, want string }{
		{"l’audit", "audit"},
		{"d'OpenStack", "OpenStack"},
		{"qu’il", "il"},
		{"aujourd'hui", "aujourd'hui"}, // not an elided article: the prefix is too long
		{"'", "'"},
		{"audit", "audit"},
	}
	for _, tt := range tests {
		if got := StripElision(tt.in); got != tt.want {
			t.Errorf("StripElision(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
