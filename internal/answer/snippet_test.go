package answer

import "testing"

func TestClauseSpans(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Le club est condamné à une amende de 1,8 million d’euros, et perd dix points.",
			[]string{"Le club est condamné à une amende de 1,8 million d’euros,", "et perd dix points."}},
		{"Il a dit « non », puis il est parti.", []string{"Il a dit «", "non »", ",", "puis il est parti."}},
		{"des éditeurs (30), 2,5 %, 1, 2", []string{"des éditeurs (30),", "2,5 %,", "1,", "2"}},
	} {
		var got []string
		for _, sp := range clauseSpans(tc.text, 0, len(tc.text)) {
			got = append(got, tc.text[sp.Start:sp.End])
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
				break
			}
		}
	}
}
