package answer

import "testing"

// TestSecondaryNames checks that a paragraph that names neither the
// organisation asked about nor stands for it ("il", "le groupe") does
// not answer for it, though the paragraph before names it.
func TestSecondaryNames(t *testing.T) {
	checkUnanswered(t, defaultEngine(t), []string{"Who is the chief executive of Numergy?"})
}
